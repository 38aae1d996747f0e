// The timeline as a table a person reads: one line per entry, in time order.
import type { TimelineEntry } from '../domain';

const COLUMNS: { title: string; value: (entry: TimelineEntry) => string }[] = [
  { title: 'at', value: (entry) => entry.at },
  { title: 'kind', value: (entry) => entry.kind },
  { title: 'rule', value: (entry) => entry.rule ?? entry.event ?? '' },
  { title: 'due', value: (entry) => entry.due ?? '' },
  { title: 'to', value: (entry) => entry.to?.join(', ') ?? '' },
  { title: 'month', value: (entry) => entry.month ?? '' },
  { title: 'amount', value: (entry) => (entry.amount === undefined ? '' : entry.amount === null ? '(not configured)' : entry.amount.toFixed(2)) },
  { title: 'reason', value: (entry) => entry.reason ?? '' },
];

export function formatTimeline(timeline: TimelineEntry[]): string {
  const rows = timeline.map((entry) => COLUMNS.map((column) => column.value(entry)));
  const widths = COLUMNS.map((column, index) => Math.max(column.title.length, ...rows.map((row) => row[index]!.length)));
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index]!)).join('  ').trimEnd();
  return [line(COLUMNS.map((column) => column.title)), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
