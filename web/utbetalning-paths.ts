// Where the Utbetalning pages live: a run at /utbetalning/<månad>, an anordnare's invoice basis
// under it, and its CSV file beside that. The month in a path is read as the API reads it.
import { paymentRunMonthSchema } from '../api/schemas';
import type { YearMonth } from '../domain';

export const runHref = (month: YearMonth) => `/utbetalning/${month}`;
export const underlagHref = (month: YearMonth, anordnare: string) => `${runHref(month)}/anordnare/${encodeURIComponent(anordnare)}`;
export const underlagCsvHref = (month: YearMonth, anordnare: string) => `${underlagHref(month, anordnare)}/underlag.csv`;

/** The run month a path names, or undefined when it names none. */
export function runMonthOf(value: unknown): YearMonth | undefined {
  const parsed = paymentRunMonthSchema.safeParse({ month: value });
  return parsed.success ? parsed.data.month : undefined;
}
