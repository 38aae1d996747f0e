// The run's figures as a table on stdout and as JSON (the same figures, plus the machine and
// the sizes), so runs on different machines or days can be compared.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { targetText, type JudgedFigure } from './figures';
import type { BenchOptions } from './options';

const number = (value: number | undefined) => {
  if (value === undefined || !Number.isFinite(value)) return '–';
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).replace(/,/g, ' ');
};

export function formatTable(figures: JudgedFigure[]): string {
  const header = ['measurement', 'value', 'baseline', 'ratio', 'target', 'result'];
  const rows = figures.map((figure) => [
    figure.measurement,
    `${number(figure.value)} ${figure.unit}`,
    figure.baselineLabel ? `${number(figure.baseline)} ${figure.unit} (${figure.baselineLabel})` : '',
    figure.ratio !== undefined ? number(figure.ratio) : '',
    targetText(figure.target),
    figure.met === undefined ? '' : figure.met ? 'met' : 'MISSED',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

export interface Report {
  mode: BenchOptions['mode'];
  startedAt: string;
  seconds: number;
  sizes: BenchOptions['sizes'];
  worker?: { maxCachedWorkflows: number; bundleSeconds: number };
  /** False when the worker or the API died and the run stopped early. */
  complete: boolean;
  /** Every ratio target met. */
  ratiosMet: boolean;
  /** Every enforced target met (the ratios and those marked enforced): what `--quick` fails on. */
  enforcedMet: boolean;
  figures: JudgedFigure[];
}

export function machine() {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryMb: Math.round(totalmem() / 1024 / 1024),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

export async function writeReport(path: string, report: Report): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify({ ...report, machine: machine() }, null, 2)}\n`);
}
