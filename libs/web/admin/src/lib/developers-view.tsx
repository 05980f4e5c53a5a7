'use client';
import { useSession } from '@kassa/web/auth';
import { PageHeader, ProblemState, Skeleton } from '@kassa/web/ui';
import { SettingsNav } from './settings-nav';
import styles from './admin.module.css';

const TYPESCRIPT = `import { Webhook } from 'standardwebhooks';

// The endpoint's secret (whsec_…), shown once when it was added or rotated.
const webhook = new Webhook(process.env.KASSA_WEBHOOK_SECRET!);

// body: the raw request body as a string, before any JSON parsing.
const event = webhook.verify(body, {
  'webhook-id': headers['webhook-id'],
  'webhook-timestamp': headers['webhook-timestamp'],
  'webhook-signature': headers['webhook-signature'],
}); // throws when the signature or the timestamp is wrong
// De-duplicate on webhook-id: retries and redeliveries carry the same one.`;

const PYTHON = `import base64, hashlib, hmac, time

def verify(secret: str, headers: dict, body: bytes) -> bool:
    msg_id, timestamp = headers["webhook-id"], headers["webhook-timestamp"]
    if abs(time.time() - int(timestamp)) > 300:
        return False  # too old or from the future: a replay
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{msg_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    # During a secret rotation the header carries two signatures: "v1,<new> v1,<old>".
    return any(hmac.compare_digest(expected, sig.split(",", 1)[1])
               for sig in headers["webhook-signature"].split(" "))`;

const PHP = `<?php
function kassa_verify(string $secret, array $headers, string $body): bool {
    $id = $headers['webhook-id'];
    $timestamp = $headers['webhook-timestamp'];
    if (abs(time() - (int) $timestamp) > 300) {
        return false; // too old or from the future: a replay
    }
    $key = base64_decode(substr($secret, strlen('whsec_')));
    $expected = base64_encode(hash_hmac('sha256', "$id.$timestamp.$body", $key, true));
    // During a secret rotation the header carries two signatures: "v1,<new> v1,<old>".
    foreach (explode(' ', $headers['webhook-signature']) as $signature) {
        if (hash_equals($expected, explode(',', $signature, 2)[1] ?? '')) {
            return true;
        }
    }
    return false;
}`;

const CLIENT = `import { createApiClient } from '@kassa/api-client';

const kassa = createApiClient({
  baseUrl: 'https://your-kassa.example',
  credential: () => process.env.KASSA_API_KEY!, // kas_…, with catalog:read
});

const { data, error, response } = await kassa.http.GET('/api/v1/products', { params: { query: { q: 'tea' } } });
if (!data) throw new Error(\`\${response.status}: \${(error as { code?: string })?.code}\`); // problem+json
for (const product of data.items) console.log(product.sku, product.name, product.priceMinor);`;

const SNIPPETS = [
  { id: 'dev-typescript', title: 'Verify a webhook in TypeScript (standardwebhooks)', code: TYPESCRIPT },
  { id: 'dev-python', title: 'Verify a webhook in Python', code: PYTHON },
  { id: 'dev-php', title: 'Verify a webhook in PHP', code: PHP },
  { id: 'dev-client', title: 'Call the API with the typed client', code: CLIENT },
];

/** For the shop's integrators: where the API is described, and how to check that a webhook came from Kassa. */
export function DevelopersView() {
  const { me, can } = useSession();
  if (!me) return <Skeleton lines={4} label="Loading" />;
  if (!can('api_keys:manage') && !can('webhooks:manage')) {
    return (
      <>
        <PageHeader title="Developers" />
        <ProblemState kind="forbidden" />
      </>
    );
  }
  return (
    <>
      <PageHeader title="Developers" description="Everything a partner system needs to call Kassa and to trust its webhooks." />
      <SettingsNav />
      <section className={styles.section} aria-labelledby="dev-reference">
        <h2 id="dev-reference" className={styles.heading}>
          API reference
        </h2>
        <ul className={styles.links}>
          <li>
            <a href="/api/openapi.json">OpenAPI document</a> — every route, its permission, request and response, for code generators.
          </li>
          <li>
            <a href="/api/docs">Swagger UI</a> — the same, to read and try in the browser.
          </li>
        </ul>
        <p className={styles.muted}>
          Authenticate with an API key as <code className={styles.code}>Authorization: Bearer kas_…</code>. Errors are problem+json with a stable{' '}
          <code className={styles.code}>code</code> and the fields at fault. Webhooks are signed per Standard Webhooks: the headers{' '}
          <code className={styles.code}>webhook-id</code>, <code className={styles.code}>webhook-timestamp</code> and{' '}
          <code className={styles.code}>webhook-signature</code> (HMAC-SHA256 of <code className={styles.code}>id.timestamp.body</code>).
        </p>
      </section>
      {SNIPPETS.map((snippet) => (
        <section key={snippet.id} className={styles.section} aria-labelledby={snippet.id}>
          <h2 id={snippet.id} className={styles.heading}>
            {snippet.title}
          </h2>
          <pre className={styles.snippet} tabIndex={0} aria-labelledby={snippet.id}>
            {snippet.code}
          </pre>
        </section>
      ))}
    </>
  );
}
