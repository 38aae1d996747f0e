// Bringing running insatser in (go-live, late registration), line by line: parse → scope → the
// aktualisering's check → start → one result. POST /api/insatser/import and `npm run import` both
// run these lines. Lines are independent, and a line already imported says `exists`, so the same
// import run twice changes nothing.
import { InsatsAlreadyExistsError } from '../client/insats-client';
import { aktualiseringSchema } from '../domain';
import { aktualisera, type AktualiseringDependencies } from './aktualisera';
import { HttpProblem, type InvalidParam } from './problem';

/** At most this many lines in one request (the CLI sends a file of any length line by line). */
export const IMPORT_MAX_LINES = 500;

export type ImportOutcome = 'created' | 'exists' | 'refused';

export interface ImportResult {
  /** The CSV file's line, or the line's place (from 1) in a JSON array. */
  line: number;
  /** The line's id as given; null when it has none. */
  id: string | null;
  result: ImportOutcome;
  /** Why it was refused: every problem, with the field's path where there is one. */
  reason?: string;
  invalidParams?: InvalidParam[];
}

export interface ImportLine {
  line: number;
  value: unknown;
  /** Why the file's line cannot be read as an aktualisering at all (a CSV row with too few cells). */
  unreadable?: string;
}

export interface ImportDependencies extends AktualiseringDependencies {
  /** Only this kvl's insatser: the caller is a kvl key scoped to one kvl. */
  onlyKvl?: string;
}

function idOf(value: unknown): string | null {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
}

function refused(line: number, id: string | null, invalidParams: InvalidParam[], reason = invalidParams.map((param) => `${param.path}: ${param.reason}`).join('; ')): ImportResult {
  return { line, id, result: 'refused', reason, ...(invalidParams.length > 0 ? { invalidParams } : {}) };
}

/** One line's result. Throws only what is not the line's fault (Temporal unreachable): nothing is refused for it. */
export async function importLine({ line, value, unreadable }: ImportLine, { onlyKvl, ...dependencies }: ImportDependencies): Promise<ImportResult> {
  if (unreadable) return refused(line, idOf(value), [], unreadable);
  const parsed = aktualiseringSchema.safeParse(value);
  const id = parsed.success ? parsed.data.id : idOf(value);
  if (!parsed.success) {
    return refused(line, id, parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(line)', reason: issue.message })));
  }
  const aktualisering = parsed.data;
  if (onlyKvl !== undefined && aktualisering.kvl !== onlyKvl) {
    return refused(line, id, [{ path: 'kvl', reason: `this key acts for kvl ${onlyKvl}, the line is kvl ${aktualisering.kvl}` }]);
  }
  try {
    await aktualisera(aktualisering, dependencies, { paramsUnder: '' });
    return { line, id, result: 'created' };
  } catch (error) {
    if (error instanceof InsatsAlreadyExistsError) return { line, id, result: 'exists' };
    if (error instanceof HttpProblem && error.status === 422) return refused(line, id, error.invalidParams, error.detail);
    throw error;
  }
}

/** Every line's result, in order. One at a time, so two lines with the same id say `created`, then `exists`. */
export async function importInsatser(lines: ImportLine[], dependencies: ImportDependencies, onResult?: (result: ImportResult) => void): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const line of lines) {
    const result = await importLine(line, dependencies);
    results.push(result);
    onResult?.(result);
  }
  return results;
}

export function summaryOf(results: ImportResult[]): Record<ImportOutcome, number> {
  const summary: Record<ImportOutcome, number> = { created: 0, exists: 0, refused: 0 };
  for (const { result } of results) summary[result] += 1;
  return summary;
}
