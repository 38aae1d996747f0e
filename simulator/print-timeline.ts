// The timeline as a table a person reads: one line per entry, in time order, with the insats
// column only when the scenario has several insatser.
import type { ScenarioTimelineEntry } from './scenario-timeline';

type Column = { title: string; value: (entry: ScenarioTimelineEntry) => string };

const INSATS: Column = { title: 'insats', value: (entry) => entry.insatsId ?? '' };

const COLUMNS: Column[] = [
  { title: 'at', value: (entry) => entry.at },
  { title: 'kind', value: (entry) => entry.kind },
  { title: 'rule', value: (entry) => entry.rule ?? entry.event ?? '' },
  { title: 'due', value: (entry) => entry.due ?? '' },
  { title: 'to', value: (entry) => entry.to?.join(', ') ?? '' },
  { title: 'month', value: (entry) => entry.month ?? '' },
  { title: 'amount', value: (entry) => (entry.amount === undefined ? '' : entry.amount === null ? '(not configured)' : entry.amount.toFixed(2)) },
  { title: 'reason', value: (entry) => entry.reason ?? '' },
];

export function formatTimeline(timeline: ScenarioTimelineEntry[]): string {
  const columns = timeline.some((entry) => entry.insatsId !== undefined) ? [COLUMNS[0]!, INSATS, ...COLUMNS.slice(1)] : COLUMNS;
  const rows = timeline.map((entry) => columns.map((column) => column.value(entry)));
  const widths = columns.map((column, index) => Math.max(column.title.length, ...rows.map((row) => row[index]!.length)));
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index]!)).join('  ').trimEnd();
  return [line(columns.map((column) => column.title)), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
