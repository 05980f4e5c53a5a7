import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type AxeImpact = 'minor' | 'moderate' | 'serious' | 'critical';

/** axe-core's WCAG 2.1 A/AA (and best-practice) violations on the page as it is now, as `rule: selectors` lines. */
export async function accessibilityViolations(page: Page, impacts: readonly AxeImpact[] = ['minor', 'moderate', 'serious', 'critical']): Promise<string[]> {
  // Next.js streams a page's metadata: right after a client-side navigation the <title> can still be on its way.
  // A page that has none is still reported, after this wait.
  await page.waitForFunction(() => document.title.trim() !== '', undefined, { timeout: 5_000 }).catch(() => undefined);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((violation) => ({
      impact: violation.impact,
      line: `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    }));
  });
  return violations.filter((violation) => impacts.includes(violation.impact as AxeImpact)).map((violation) => violation.line);
}
