// What an insats brought in late has already done before its aktualisering in this service: an
// insats that has run for months elsewhere (go-live, or registered late) owes only what falls due
// from its aktualiseringsdatum on (2023 §6.4 "varje månad som en kund är aktuell i en insats").
import { z } from 'zod';
import type { AktualiseringIssue } from './aktualisering';
import type { LocalDate } from './calendar';
import { monthOf, type YearMonth } from './months';

const localDate = z.iso.date({ message: 'must be a date, YYYY-MM-DD' });
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM');

export const progressSchema = z
  .object({
    /** The anordnare staffed the case (2023 §6.2.1). */
    bemannadOn: localDate.optional(),
    /** The kvl lodged the uppdrag (2023 §6.2.1). */
    uppdragInlagtOn: localDate.optional(),
    /** The genomförandeplan was approved (2023 §6.3.1, 2024 §3). */
    planGodkandOn: localDate.optional(),
    /** Every månadsrapport up to this month is KLAR and approved (2023 §6.4). */
    reportedThrough: yearMonth.optional(),
    /** The last trepartsmöte held (2023 §6.5, 2024 §7.2, §8.2). */
    lastTrepartOn: localDate.optional(),
    /** The kund started at a workplace (2023 §5.2, 2024 §8.3). */
    arbetsplatsStartadOn: localDate.optional(),
    /** The last omprövning (2023 §7). */
    omprovningOn: localDate.optional(),
  })
  .strict();
export type Progress = z.infer<typeof progressSchema>;

/** Every reason `progress` cannot be true of an insats decided on `beslutsdatum` and aktualiserad on `aktualiseringsdatum`. */
export function progressProblems(progress: Progress, beslutsdatum: LocalDate, aktualiseringsdatum: LocalDate): string[] {
  return progressIssues(progress, beslutsdatum, aktualiseringsdatum).map((issue) => issue.message);
}

/** The same reasons, each with the progress field it is about. */
export function progressIssues(progress: Progress, beslutsdatum: LocalDate, aktualiseringsdatum: LocalDate): AktualiseringIssue[] {
  const issues: AktualiseringIssue[] = [];
  const problem = (field: keyof Progress, message: string) => issues.push({ field: `progress.${field}`, message });
  const dates: [keyof Progress, LocalDate | undefined][] = [
    ['bemannadOn', progress.bemannadOn],
    ['uppdragInlagtOn', progress.uppdragInlagtOn],
    ['planGodkandOn', progress.planGodkandOn],
    ['lastTrepartOn', progress.lastTrepartOn],
    ['arbetsplatsStartadOn', progress.arbetsplatsStartadOn],
    ['omprovningOn', progress.omprovningOn],
  ];
  for (const [field, date] of dates) {
    if (!date) continue;
    if (date < beslutsdatum) problem(field, `progress.${field} ${date} is before beslutsdatum ${beslutsdatum}`);
    if (date > aktualiseringsdatum) problem(field, `progress.${field} ${date} is after aktualiseringsdatum ${aktualiseringsdatum}`);
  }
  const reported: YearMonth | undefined = progress.reportedThrough;
  if (reported && reported < monthOf(beslutsdatum)) problem('reportedThrough', `progress.reportedThrough ${reported} is before the month of beslutsdatum ${beslutsdatum}`);
  if (reported && reported >= monthOf(aktualiseringsdatum)) problem('reportedThrough', `progress.reportedThrough ${reported} must be a month before the month of aktualiseringsdatum ${aktualiseringsdatum}`);
  const staffed = ['uppdragInlagtOn', 'planGodkandOn', 'reportedThrough', 'lastTrepartOn', 'arbetsplatsStartadOn', 'omprovningOn'] as const;
  const needsBemanning = staffed.filter((field) => progress[field] !== undefined);
  if (!progress.bemannadOn && needsBemanning.length > 0) problem('bemannadOn', `progress.bemannadOn is needed with progress.${needsBemanning.join(', progress.')}`);
  return issues;
}
