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
  // The version a till reports in its heartbeat (issue 21); a deployment may name its own.
  env: { NEXT_PUBLIC_KASSA_VERSION: process.env['KASSA_VERSION'] ?? version },
};

export default nextConfig;
