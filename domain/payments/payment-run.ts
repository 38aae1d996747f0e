// Which monthly payment run pays a month. 2023 §9: "Inkommer rapport för sent och den är knuten
// till ersättning riskeras ersättning bli försenad till nästa utbetalningstillfälle"; §6.4: the
// 15th is the last day for approval.
import type { LocalDate } from '../calendar';
import { addMonthsTo, monthOf, type YearMonth } from '../months';
import type { Settings } from '../settings';

/**
 * (reading) The run of month R pays the reports approved by the 15th of R: a report for M
 * approved by the 15th of M+1 is paid in M+1's run, one approved later in the next run after
 * its approval.
 */
export function paymentRun(month: YearMonth, approvedOn: LocalDate, settings: Settings): YearMonth {
  const approvedMonth = monthOf(approvedOn);
  const run = Number(approvedOn.slice(8)) <= settings.payments.approvalDay ? approvedMonth : addMonthsTo(approvedMonth, 1);
  const earliest = addMonthsTo(month, 1);
  return run > earliest ? run : earliest;
}
