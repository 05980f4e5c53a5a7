/** The analytics area's screens, in menu order; `slug` is the route (`/analytics/<slug>`) and the API report. */
export const ANALYSES = [
  { slug: 'trend', title: 'Trend', summary: 'Which way sales are heading, day by day, against the period before.' },
  { slug: 'forecast', title: 'Forecast', summary: 'What the coming days should bring, with the range to expect and how each method did lately.' },
  { slug: 'seasonality', title: 'Seasonality', summary: 'The busy and quiet weekdays, hours and months.' },
  { slug: 'anomalies', title: 'Anomalies', summary: 'Days that stood out from the usual for their weekday.' },
  { slug: 'top-products', title: 'Top products', summary: 'What sells most, by revenue, units or margin.' },
  { slug: 'baskets', title: 'Bought together', summary: 'Products that end up in the same basket more often than chance.' },
  { slug: 'customers', title: 'Customers', summary: 'What a customer is worth over time, and how each month’s newcomers came back.' },
  { slug: 'velocity', title: 'Stock cover', summary: 'How fast each product sells and how many days the stock on hand lasts.' },
] as const;

export type AnalysisSlug = (typeof ANALYSES)[number]['slug'];

export function isAnalysisSlug(value: string): value is AnalysisSlug {
  return ANALYSES.some((analysis) => analysis.slug === value);
}

export const analysisTitle = (slug: AnalysisSlug) => ANALYSES.find((analysis) => analysis.slug === slug)?.title ?? slug;
