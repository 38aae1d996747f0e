// The first place two decoded payloads (plain JSON values) differ, for a replay failure that says
// where a recorded input and the replayed one part, not just that they do.
export interface Difference {
  /** JavaScript-like path from the compared value, e.g. `[0][2].deadline.due`. */
  path: string;
  recorded: unknown;
  replayed: unknown;
}

const missing = Symbol('missing');

export function firstDifference(recorded: unknown, replayed: unknown, path = ''): Difference | undefined {
  if (Object.is(recorded, replayed)) return undefined;
  if (Array.isArray(recorded) && Array.isArray(replayed)) {
    for (let index = 0; index < Math.max(recorded.length, replayed.length); index += 1) {
      const difference = firstDifference(
        index < recorded.length ? recorded[index] : missing,
        index < replayed.length ? replayed[index] : missing,
        `${path}[${index}]`,
      );
      if (difference) return difference;
    }
    return undefined;
  }
  if (isRecord(recorded) && isRecord(replayed)) {
    for (const key of new Set([...Object.keys(recorded), ...Object.keys(replayed)])) {
      const difference = firstDifference(
        key in recorded ? recorded[key] : missing,
        key in replayed ? replayed[key] : missing,
        `${path}${/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`}`,
      );
      if (difference) return difference;
    }
    return undefined;
  }
  return { path, recorded, replayed };
}

/** A value in a failure message: JSON, cut short; an absent key or element says so. */
export function describeValue(value: unknown): string {
  if (value === missing) return '(absent)';
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
