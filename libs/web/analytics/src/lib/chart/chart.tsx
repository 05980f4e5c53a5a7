'use client';
import dynamic from 'next/dynamic';
import { useCallback, useId, useState } from 'react';
import { Button, FigureTable, Skeleton, useShopFormat, type FigureTableProps } from '@kassa/web/ui';
import type { ChartSpec } from './chart-spec';
import styles from './chart.module.css';

// uPlot (and its CSS) load only when a chart is first shown: the till, sign-in and the rest of the app never fetch them.
const UplotChart = dynamic(() => import('./uplot-chart'), { ssr: false, loading: () => <Skeleton height={240} label="Loading the chart" /> });

export interface ChartProps<T> {
  /** Undefined while the figures load. */
  spec: ChartSpec | undefined;
  /** The same figures as a table, shown with "Show data" (for screen readers, and anyone who wants the numbers). */
  table: FigureTableProps<T>;
  height?: number;
}

/** A chart, its legend, and a "Show data" toggle that puts the chart's figures in a table below it. */
export function Chart<T>({ spec, table, height = 260 }: ChartProps<T>) {
  const [showData, setShowData] = useState(false);
  const tableId = useId();
  const format = useShopFormat();
  // Day ticks as the shop writes dates (27. Nov., Nov 27), not as the browser's language would.
  const dayLabel = useCallback((day: string) => format.day(day, { day: 'numeric', month: 'short' }), [format]);
  return (
    <figure className={styles.figure}>
      {spec ? <UplotChart spec={spec} height={height} dayLabel={dayLabel} /> : <Skeleton height={height} label="Loading the figures" />}
      <figcaption className={styles.caption}>
        {spec && (
          <ul className={styles.legend} aria-label="Legend">
            {spec.series.map((series) => (
              <li key={series.label}>
                <span className={styles.swatch} data-style={series.style} style={{ color: `var(--chart-${series.tone})` }} aria-hidden="true" />
                {series.label}
              </li>
            ))}
            {spec.band && (
              <li>
                <span className={styles.swatch} data-style="band" aria-hidden="true" />
                {spec.band.label}
              </li>
            )}
          </ul>
        )}
        <Button variant="ghost" size="small" aria-expanded={showData} aria-controls={tableId} onClick={() => setShowData((shown) => !shown)}>
          {showData ? 'Hide data' : 'Show data'}
        </Button>
      </figcaption>
      <div id={tableId} hidden={!showData}>
        {showData && <FigureTable {...table} />}
      </div>
    </figure>
  );
}
