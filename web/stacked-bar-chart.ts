// A horizontal stacked bar chart, laid out on the server with d3-scale and d3-shape (neither needs
// a DOM) and drawn by partials/bar-chart.hbs as inline SVG: no script, no client build, and every
// text escaped by Handlebars. Colours are presentation attributes, not style attributes, which the
// pages' CSP does not allow. Each bar ends in its numbers, so nothing is told by colour alone, and
// every chart stands beside the table it is drawn from.
import { scaleBand, scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';

export interface BarSeries<K extends string> {
  key: K;
  label: string;
  /** At least 3:1 against white (WCAG 2.1 1.4.11). */
  fill: string;
}

export interface StackedBarChartInput<K extends string> {
  id: string;
  /** Names the chart (role="img" is labelled by it) and says which table holds its numbers. */
  caption: string;
  series: readonly BarSeries<K>[];
  rows: readonly { label: string; values: Record<K, number> }[];
  /** The text after each bar. */
  valueText: (values: Record<K, number>) => string;
  /** What the axis counts. */
  axisLabel: string;
}

const PLOT_WIDTH = 420;
const VALUE_WIDTH = 190;
const ROW_HEIGHT = 40;
const LEGEND_HEIGHT = 36;
const AXIS_HEIGHT = 52;
/** About the width of a character at the chart's 14 px, so a bar's label fits before it. */
const CHARACTER_WIDTH = 8.5;
const round = (value: number) => Math.round(value * 10) / 10;

export function stackedBarChart<K extends string>({ id, caption, series, rows, valueText, axisLabel }: StackedBarChartInput<K>) {
  const labelWidth = Math.ceil(Math.max(60, ...rows.map((row) => row.label.length * CHARACTER_WIDTH + 20)));
  const width = labelWidth + PLOT_WIDTH + VALUE_WIDTH;
  const keys = series.map((entry) => entry.key);
  const total = (row: (typeof rows)[number]) => keys.reduce((sum, key) => sum + row.values[key], 0);
  const top = LEGEND_HEIGHT;
  const bottom = top + rows.length * ROW_HEIGHT;
  const x = scaleLinear()
    .domain([0, Math.max(1, ...rows.map(total))])
    .range([labelWidth, labelWidth + PLOT_WIDTH])
    .nice();
  const y = scaleBand<number>()
    .domain(rows.map((_row, index) => index))
    .range([top, bottom])
    .padding(0.25);
  const stacked = stack<(typeof rows)[number], K>()
    .keys(keys)
    .value((row, key) => row.values[key])([...rows]);
  return {
    id,
    caption,
    width,
    height: bottom + AXIS_HEIGHT,
    legend: series.map((entry, index) => ({ x: labelWidth + index * 160, textX: labelWidth + index * 160 + 22, label: entry.label, fill: entry.fill })),
    axis: { label: axisLabel, x: labelWidth + PLOT_WIDTH / 2, y: bottom + 44 },
    // Counts: whole numbers only.
    ticks: x
      .ticks(5)
      .filter(Number.isInteger)
      .map((value) => ({ x: round(x(value)), top, bottom, labelY: bottom + 20, label: String(value) })),
    bars: rows.map((row, index) => {
      const barTop = y(index)!;
      return {
        label: row.label,
        labelX: labelWidth - 10,
        middle: round(barTop + y.bandwidth() / 2),
        segments: stacked
          .map((layer, layerIndex) => ({ x: round(x(layer[index]![0])), width: round(x(layer[index]![1]) - x(layer[index]![0])), y: round(barTop), height: round(y.bandwidth()), fill: series[layerIndex]!.fill }))
          .filter((segment) => segment.width > 0),
        valueX: round(x(total(row)) + 8),
        valueText: valueText(row.values),
      };
    }),
  };
}
