'use client';
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { chartColumns, type ChartSpec } from './chart-spec';
import styles from './chart.module.css';

interface Palette {
  tones: [string, string, string];
  band: string;
  grid: string;
  text: string;
}

// The theme's tokens as the page has them now (light, dark, or the system's), read from the chart's own box.
function paletteOf(element: HTMLElement): Palette {
  const style = getComputedStyle(element);
  const token = (name: string) => style.getPropertyValue(name).trim();
  return {
    tones: [token('--chart-1'), token('--chart-2'), token('--chart-3')],
    band: token('--chart-band'),
    grid: token('--chart-grid'),
    text: token('--color-muted'),
  };
}

/** Bumps whenever the theme changes (a choice in the switcher, or the system's), so the chart redraws in the new colours. */
function useThemeChanges(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((value) => value + 1);
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
    const system = window.matchMedia('(prefers-color-scheme: dark)');
    system.addEventListener('change', bump);
    return () => {
      observer.disconnect();
      system.removeEventListener('change', bump);
    };
  }, []);
  return version;
}

function zeroBasedRange(min: number, max: number): [number, number] {
  const low = Math.min(0, min);
  const high = Math.max(0, max);
  const pad = (high - low) * 0.08 || 1;
  return [low < 0 ? low - pad : 0, high + pad];
}

function optionsOf(spec: ChartSpec, palette: Palette, width: number, height: number, dayLabel: (day: string) => string): uPlot.Options {
  const categories = spec.x.kind === 'category' ? spec.x.labels : undefined;
  const slanted = categories !== undefined && categories.length > 5 && Math.max(...categories.map((label) => label.length)) > 6;
  const axis = {
    stroke: palette.text,
    grid: { stroke: palette.grid, width: 1 },
    ticks: { stroke: palette.grid, width: 1 },
    font: '12px Inter, system-ui, sans-serif',
  };
  const series: uPlot.Series[] = [
    {},
    ...spec.series.map((line): uPlot.Series => {
      const color = palette.tones[line.tone - 1];
      if (line.style === 'bars')
        return { label: line.label, stroke: color, fill: color, width: 0, paths: uPlot.paths.bars?.({ size: [0.6, 48] }), points: { show: false } };
      if (line.style === 'points')
        return {
          label: line.label,
          stroke: color,
          width: 0,
          paths: () => null,
          points: { show: true, size: 11, width: 2, stroke: color, fill: palette.tones[line.tone - 1] },
        };
      return { label: line.label, stroke: color, width: 2, dash: line.style === 'dashed' ? [6, 4] : undefined, points: { show: false } };
    }),
  ];
  const bands: uPlot.Band[] = [];
  if (spec.band) {
    const high = series.length;
    series.push(
      { label: `${spec.band.label} (high)`, stroke: 'transparent', width: 0, points: { show: false } },
      { label: `${spec.band.label} (low)`, stroke: 'transparent', width: 0, points: { show: false } },
    );
    bands.push({ series: [high, high + 1], fill: palette.band });
  }
  return {
    width,
    height,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: categories ? { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] } : { time: true },
      // Zero always in view: a bar or a line cut off above zero overstates the differences.
      y: { range: (_u, min, max) => zeroBasedRange(min, max) },
    },
    tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
    axes: [
      categories
        ? {
            ...axis,
            // As many labels as fit (a dozen at most); long names (products) lean so they do not run into each other.
            splits: (u) => {
              const every = Math.ceil(categories.length / Math.min(12, Math.max(2, Math.floor(u.width / (slanted ? 36 : 44)))));
              return categories.map((_, index) => index).filter((index) => index % every === 0);
            },
            values: (_u, splits) => splits.map((index) => categories[index] ?? ''),
            rotate: slanted ? -35 : 0,
            size: slanted ? 110 : 40,
          }
        : { ...axis, values: (_u, splits) => splits.map((seconds) => dayLabel(new Date(seconds * 1000).toISOString().slice(0, 10))) },
      { ...axis, size: 80, values: (_u, splits) => splits.map((value) => spec.formatValue(value)) },
    ],
    series,
    bands,
  };
}

/** The uPlot drawing of a chart spec, sized to its box and redrawn when the theme or the data change. Loaded lazily (see Chart). */
export default function UplotChart({ spec, height, dayLabel }: { spec: ChartSpec; height: number; dayLabel: (day: string) => string }) {
  const box = useRef<HTMLDivElement>(null);
  const theme = useThemeChanges();
  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const plot = new uPlot(
      optionsOf(spec, paletteOf(element), Math.max(element.clientWidth, 200), height, dayLabel),
      chartColumns(spec) as uPlot.AlignedData,
      element,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(element.clientWidth, 200), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [spec, height, dayLabel, theme]);
  return <div ref={box} className={styles.plot} role="img" aria-label={spec.label} data-chart="uplot" />;
}
