import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NextConfig } from 'next';

const workspaceRoot = path.join(__dirname, '../..');
const { version } = JSON.parse(readFileSync(path.join(workspaceRoot, 'package.json'), 'utf8')) as { version: string };

const nextConfig: NextConfig = {
  // One node_modules at the workspace root, and libs/ outside this folder.
  turbopack: { root: workspaceRoot },
  outputFileTracingRoot: workspaceRoot,
  poweredByHeader: false,
  reactStrictMode: true,
  // The version a till reports in its heartbeat (issue 21) and browsers send with their errors; a deployment may name its own.
  env: { NEXT_PUBLIC_KASSA_VERSION: process.env['KASSA_VERSION'] ?? version },
  // `.js.map` beside each browser chunk, for the API to map browser stacks (WEB_SOURCE_MAPS_DIR; decision 0042). Opt-in:
  // they publish the sources and add a sourceMappingURL comment to every chunk (the /pos budget is measured without).
  productionBrowserSourceMaps: process.env['KASSA_BROWSER_SOURCE_MAPS'] === 'true',
};

export default nextConfig;
