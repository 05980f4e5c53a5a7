/** Tags as typed in one field (`vip, wholesale`): trimmed, empty ones dropped, each kept once (case-insensitively, first spelling wins). */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim();
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}

export const tagsText = (tags: readonly string[]) => tags.join(', ');
