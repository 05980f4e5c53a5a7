'use client';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  /** A theme token (`--color-accent`): the chart follows light and dark. */
  colorToken: string;
  values: (number | null)[];
  dash?: number[];
}

export interface TrafficPlotProps {
  /** What the chart shows, for screen readers (the figures are also in the totals and the routes table). */
  label: string;
  /** Seconds since the epoch, one per point. */
  times: number[];
  /** The range asked for, in seconds since the epoch: the x axis spans it even when few minutes had traffic. */
  span: [number, number];
  series: ChartSeries[];
  unit: string;
  /** The shop's IANA zone: the time axis reads as the shop's clock. */
  timeZone: string;
  height: number;
}

const token = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

/** A uPlot time series sized to its box; loaded lazily (next/dynamic) so charts never weigh on other pages. */
export default function TrafficPlot({ label, times, span, series, unit, timeZone, height }: TrafficPlotProps) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const target = box.current;
    if (!target) return;
    const text = token('--color-muted');
    const grid = token('--color-border');
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const plot = new uPlot(
      {
        width: target.clientWidth,
        height,
        legend: { show: false },
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), timeZone),
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true, range: () => span }, y: { range: (_, min, max) => [0, Math.max(max, min + 1) * 1.1] } },
        axes: [axis, { ...axis, values: (_, ticks) => ticks.map((tick) => `${tick} ${unit}`), size: 64 }],
        series: [{}, ...series.map((line) => ({ label: line.label, stroke: token(line.colorToken), width: 2, dash: line.dash, spanGaps: false }))],
      },
      [times, ...series.map((line) => line.values)],
      target,
    );
    const resized = new ResizeObserver(() => plot.setSize({ width: target.clientWidth, height }));
    resized.observe(target);
    return () => {
      resized.disconnect();
      plot.destroy();
    };
  }, [times, span, series, unit, timeZone, height]);

  return <div ref={box} role="img" aria-label={label} />;
}
