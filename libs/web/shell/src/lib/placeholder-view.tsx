import { EmptyState, PageHeader } from '@kassa/web/ui';

/** An area whose module has not landed yet: it still has its place, route and shortcut. */
export function PlaceholderView({ title, description }: { title: string; description: string }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState title="Coming soon" description={description} />
    </>
  );
}
