import { handleSessionAction } from '@kassa/web/auth/server';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ action: string }> }) {
  return handleSessionAction((await params).action, request);
}
