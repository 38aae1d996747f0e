// One measured figure, its baseline from the same run, and the target it is held to.
import type { LoadResult } from './load';

export interface Target {
  /** What the target is on: the figure itself, or the figure divided by its baseline. */
  on: 'value' | 'ratio';
  atLeast?: number;
  below?: number;
}

export interface Figure {
  measurement: string;
  value: number | undefined;
  unit: string;
  baseline?: number | undefined;
  /** What the baseline is, e.g. "empty workflow". */
  baselineLabel?: string;
  target?: Target;
}

export interface JudgedFigure extends Figure {
  ratio?: number;
  /** Absent when there is no target. */
  met?: boolean;
}

export function judge(figure: Figure): JudgedFigure {
  const ratio = figure.value !== undefined && figure.baseline ? figure.value / figure.baseline : undefined;
  if (!figure.target) return { ...figure, ...(ratio !== undefined ? { ratio } : {}) };
  const subject = figure.target.on === 'ratio' ? ratio : figure.value;
  const { atLeast, below } = figure.target;
  const met = subject !== undefined && (atLeast === undefined || subject >= atLeast) && (below === undefined || subject < below);
  return { ...figure, ...(ratio !== undefined ? { ratio } : {}), met };
}

export function targetText(target: Target | undefined): string {
  if (!target) return '';
  const subject = target.on === 'ratio' ? 'ratio' : 'value';
  return [target.atLeast !== undefined ? `${subject} ≥ ${target.atLeast}` : '', target.below !== undefined ? `${subject} < ${target.below}` : '']
    .filter(Boolean)
    .join(', ');
}

/** Failed calls as a figure of its own (target: none failed), shown only when there were any. */
export function failureFigures(label: string, result: LoadResult, baselineLabel: string, baseline: LoadResult): Figure[] {
  if (result.failures === 0 && baseline.failures === 0) return [];
  return [
    {
      measurement: `${label} (first: ${result.firstFailure ?? baseline.firstFailure})`,
      value: result.failures,
      unit: 'calls',
      baseline: baseline.failures,
      baselineLabel,
      target: { on: 'value', below: 1 },
    },
  ];
}
