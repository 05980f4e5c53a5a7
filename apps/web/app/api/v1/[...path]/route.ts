import { proxyApiRequest } from '@kassa/web/auth/server';

export const dynamic = 'force-dynamic';

export const GET = proxyApiRequest;
export const POST = proxyApiRequest;
export const PUT = proxyApiRequest;
export const PATCH = proxyApiRequest;
export const DELETE = proxyApiRequest;
