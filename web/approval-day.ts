// Whether a month's payment run, computed today, comes before its approval day (2023 §6.4, §9: a
// report approved by the 15th is paid in that month's run). The day is the one the payment-run
// workflow computes with (workflows/payment-run-workflow.ts passes defaultSettings' approvalDay
// to computePaymentRun), so the page says what the run will do.
import { dayOf, defaultSettings, type LocalDate, type YearMonth } from '../domain';

/** The day of the month: reports approved by it are paid in that month's run. */
export const APPROVAL_DAY = defaultSettings.payments.approvalDay;

export const approvalDateOf = (month: YearMonth): LocalDate => dayOf(month, APPROVAL_DAY);

/** Up to and including the approval day itself, a report may still be approved after the run. */
export const isBeforeApprovalDay = (month: YearMonth, today: LocalDate) => today <= approvalDateOf(month);
