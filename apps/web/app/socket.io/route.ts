import { proxySocketRequest } from '@kassa/web/auth/server';

export const dynamic = 'force-dynamic';

export const GET = proxySocketRequest;
export const POST = proxySocketRequest;
