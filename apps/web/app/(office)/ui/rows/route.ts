import { connection } from 'next/server';
import { demoRowsPage, uiGalleryEnabled } from '@kassa/web/ui-gallery/server';

/** The gallery DataTable's list, shaped like an API list; off wherever the gallery is. */
export async function GET(request: Request): Promise<Response> {
  await connection();
  if (!uiGalleryEnabled()) return new Response('Not Found', { status: 404 });
  const params = new URL(request.url).searchParams;
  const limit = params.get('limit');
  return Response.json(
    demoRowsPage({
      q: params.get('q') ?? undefined,
      status: params.get('status') ?? undefined,
      sort: params.get('sort') ?? undefined,
      cursor: params.get('cursor') ?? undefined,
      limit: limit ? Number(limit) : undefined,
    }),
  );
}
