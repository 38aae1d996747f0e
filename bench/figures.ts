// One measured figure, its baseline from the same run, and the target it is held to.
import type { LoadResult } from './load';

export interface Target {
  /** What the target is on: the figure itself, or the figure divided by its baseline. */
  on: 'value' | 'ratio';
  atLeast?: number;
  atMost?: number;
  below?: number;
  /** `--quick` exits 1 when it is missed; every ratio target is, other targets only with this. */
  enforced?: boolean;
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
  const { atLeast, atMost, below } = figure.target;
  const met =
    subject !== undefined && (atLeast === undefined || subject >= atLeast) && (atMost === undefined || subject <= atMost) && (below === undefined || subject < below);
  return { ...figure, ...(ratio !== undefined ? { ratio } : {}), met };
}

/** Whether `--quick` fails on this figure's target. */
export const isEnforced = (figure: Figure) => figure.target?.on === 'ratio' || figure.target?.enforced === true;

export function targetText(target: Target | undefined): string {
  if (!target) return '';
  const subject = target.on === 'ratio' ? 'ratio' : 'value';
  const bounds = [
    target.atLeast !== undefined ? `${subject} ≥ ${target.atLeast}` : '',
    target.atMost !== undefined ? `${subject} ≤ ${target.atMost}` : '',
    target.below !== undefined ? `${subject} < ${target.below}` : '',
  ];
  return `${bounds.filter(Boolean).join(', ')}${target.on !== 'ratio' && target.enforced ? ' (enforced)' : ''}`;
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
