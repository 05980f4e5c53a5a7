'use client';
import { Button, EmptyState, ErrorState, ProblemState, Skeleton } from '@kassa/web/ui';
import { GallerySection, Specimen } from './gallery-section';

export function StatesSection() {
  return (
    <GallerySection id="states" title="Empty, loading and failed" description="Every list and page shows these the same way; the data hooks decide which.">
      <Specimen title="EmptyState">
        <EmptyState
          headingLevel={3}
          title="No customers yet"
          description="Customers you add at the till or import appear here."
          actions={<Button variant="primary">Add customer</Button>}
        />
      </Specimen>
      <Specimen title="Skeleton">
        <Skeleton lines={4} label="Loading the example" />
      </Specimen>
      <Specimen title="ErrorState · retry">
        <ErrorState headingLevel={3} title="The report could not be loaded" description="Kassa had a problem on its side." onRetry={() => undefined} />
      </Specimen>
      <Specimen title="ProblemState · not found">
        <ProblemState headingLevel={3} kind="not-found" subject="This product" />
      </Specimen>
      <Specimen title="ProblemState · not allowed">
        <ProblemState headingLevel={3} kind="forbidden" />
      </Specimen>
      <Specimen title="ProblemState · offline">
        <ProblemState headingLevel={3} kind="offline" onRetry={() => undefined} />
      </Specimen>
    </GallerySection>
  );
}
