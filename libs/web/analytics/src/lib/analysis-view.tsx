'use client';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useMemo, useState } from 'react';
import { useSession } from '@kassa/web/auth';
import { useApiAccess } from '@kassa/web/data-access';
import { Button, DateRangePicker, PageHeader, ProblemState, Select, Skeleton, useShopFormat, useToasts, type DayRange } from '@kassa/web/ui';
import { ANALYSES, type AnalysisSlug } from './analyses';
import { filtersFromSearch, searchOfFilters, type AnalyticsFilters } from './analytics-filters';
import { downloadAnalyticsExport, type Metric, type ReportOptions } from './analytics-requests';
import { METRIC_LABELS } from './analysis-parts';
import { BasketsScreen, CustomersScreen, SeasonalityScreen, TopProductsScreen, VelocityScreen } from './screens/category-screens';
import { AnomaliesScreen, ForecastScreen, TrendScreen } from './screens/time-series-screens';
import styles from './analytics.module.css';

const METRICS: Metric[] = ['revenue', 'transactions', 'quantity'];
const RANKINGS = ['revenue', 'quantity', 'margin'] as const;
type Ranking = (typeof RANKINGS)[number];
const USES_METRIC: readonly AnalysisSlug[] = ['trend', 'forecast', 'seasonality', 'anomalies'];

/** The options each screen asks the API for, which its export must repeat to give the same numbers. */
export function reportOptionsOf(slug: AnalysisSlug, metric: Metric, by: Ranking): ReportOptions {
  switch (slug) {
    case 'trend':
    case 'seasonality':
    case 'anomalies':
      return { metric };
    case 'forecast':
      return { metric, horizon: 14 };
    case 'top-products':
      return { by, limit: 20 };
    case 'baskets':
    case 'customers':
    case 'velocity':
      return { limit: 20 };
  }
}

/** One analysis: its menu, days and store, its export, and its screen. Filters live in the URL, so a dashboard card can link into them. */
export function AnalysisView({ slug }: { slug: AnalysisSlug }) {
  return (
    <Suspense fallback={<Skeleton lines={6} label="Loading the analysis" />}>
      <AnalysisFrame slug={slug} />
    </Suspense>
  );
}

function AnalysisFrame({ slug }: { slug: AnalysisSlug }) {
  const { can, me } = useSession();
  const format = useShopFormat();
  const access = useApiAccess();
  const toasts = useToasts();
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const filters = useMemo(() => filtersFromSearch(new URLSearchParams(search.toString()), format.today()), [search, format]);
  const metric = METRICS.find((candidate) => candidate === search.get('metric')) ?? 'revenue';
  const by = RANKINGS.find((candidate) => candidate === search.get('by')) ?? 'revenue';
  const analysis = ANALYSES.find((candidate) => candidate.slug === slug) ?? ANALYSES[0];

  if (!can('analytics:read')) {
    return (
      <>
        <PageHeader title="Analytics" />
        <ProblemState kind="forbidden" subject="Analytics" />
      </>
    );
  }

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search.toString());
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };
  const carried = searchOfFilters(filters);
  const exportAs = async (fileFormat: 'csv' | 'xlsx') => {
    setExporting(fileFormat);
    try {
      await downloadAnalyticsExport(access, slug, fileFormat, filters, reportOptionsOf(slug, metric, by));
    } catch {
      toasts.show({ message: 'The export could not be downloaded. Try again.', tone: 'error' });
    } finally {
      setExporting(null);
    }
  };

  return (
    <div className={styles.layout}>
      <PageHeader
        title={analysis.title}
        description={analysis.summary}
        actions={
          <>
            <Button onClick={() => void exportAs('csv')} loading={exporting === 'csv'}>
              Export CSV
            </Button>
            <Button onClick={() => void exportAs('xlsx')} loading={exporting === 'xlsx'}>
              Export xlsx
            </Button>
          </>
        }
      />
      <nav aria-label="Analyses">
        <ul className={styles.analyses}>
          {ANALYSES.map((candidate) => (
            <li key={candidate.slug}>
              <Link href={`/analytics/${candidate.slug}${carried}`} aria-current={candidate.slug === slug ? 'page' : undefined}>
                {candidate.title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className={styles.filters} role="search" aria-label="Filter the analysis">
        <DateRangePicker
          legend="Days"
          value={{ from: filters.from, to: filters.to }}
          onChange={(range: DayRange | null) => update({ from: range?.from, to: range?.to })}
        />
        <Select
          label="Figures for"
          placeholder="All stores"
          options={(me?.stores ?? []).map((store) => ({ value: store.id, label: store.name }))}
          value={filters.storeId ?? ''}
          onChange={(event) => update({ storeId: event.target.value })}
        />
        {USES_METRIC.includes(slug) && (
          <Select
            label="Figure"
            options={METRICS.map((value) => ({ value, label: METRIC_LABELS[value] }))}
            value={metric}
            onChange={(event) => update({ metric: event.target.value === 'revenue' ? undefined : event.target.value })}
          />
        )}
        {slug === 'top-products' && (
          <Select
            label="Rank by"
            options={RANKINGS.map((value) => ({ value, label: value === 'quantity' ? 'Units' : value === 'margin' ? 'Margin' : 'Revenue' }))}
            value={by}
            onChange={(event) => update({ by: event.target.value === 'revenue' ? undefined : event.target.value })}
          />
        )}
      </div>
      <AnalysisScreen slug={slug} filters={filters} metric={metric} by={by} />
    </div>
  );
}

function AnalysisScreen({ slug, filters, metric, by }: { slug: AnalysisSlug; filters: AnalyticsFilters; metric: Metric; by: Ranking }) {
  switch (slug) {
    case 'trend':
      return <TrendScreen filters={filters} metric={metric} />;
    case 'forecast':
      return <ForecastScreen filters={filters} metric={metric} />;
    case 'seasonality':
      return <SeasonalityScreen filters={filters} metric={metric} />;
    case 'anomalies':
      return <AnomaliesScreen filters={filters} metric={metric} />;
    case 'top-products':
      return <TopProductsScreen filters={filters} by={by} />;
    case 'baskets':
      return <BasketsScreen filters={filters} />;
    case 'customers':
      return <CustomersScreen filters={filters} />;
    case 'velocity':
      return <VelocityScreen filters={filters} />;
  }
}
