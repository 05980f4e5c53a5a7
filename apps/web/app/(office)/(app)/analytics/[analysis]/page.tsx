import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ANALYSES, AnalysisView, analysisTitle, isAnalysisSlug } from '@kassa/web/analytics';

export const dynamicParams = false;

export function generateStaticParams() {
  return ANALYSES.map((analysis) => ({ analysis: analysis.slug }));
}

export async function generateMetadata({ params }: { params: Promise<{ analysis: string }> }): Promise<Metadata> {
  const { analysis } = await params;
  return { title: isAnalysisSlug(analysis) ? `${analysisTitle(analysis)} · Analytics` : 'Analytics' };
}

export default async function AnalysisPage({ params }: { params: Promise<{ analysis: string }> }) {
  const { analysis } = await params;
  if (!isAnalysisSlug(analysis)) notFound();
  return <AnalysisView slug={analysis} />;
}
