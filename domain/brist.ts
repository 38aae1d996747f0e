// 2023 §7.6 "Brister hos anordnare": late reporting first raises a `brist` notice to the
// anordnare; lateness that persists after the notice is escalated to the arbetsledare as grounds
// for ending the insats. Pure over the reports' due and met dates.
import type { LocalDate } from './calendar';
import type { RuleId } from './deadlines/rule-ids';
import { addPeriod, subtractPeriod } from './period';
import type { Settings } from './settings';

export interface ReportDeadline {
  rule: RuleId;
  occurrence: string;
  due: LocalDate;
  /** The day it was met; absent while still open. */
  metOn?: LocalDate;
}

export type BristAction = 'none' | 'brist-notice' | 'brist-escalation';

export interface BristDecision {
  action: BristAction;
  /** The late reports the decision rests on. */
  grounds: ReportDeadline[];
  reason: string;
  section: '2023 §7.6';
}

/** A report is late when it was met after its due date, or is still open after it. */
function isLate(report: ReportDeadline, asOf: LocalDate): boolean {
  return (report.metOn ?? asOf) > report.due;
}

/**
 * The brist decision as of `asOf`. Without an earlier notice: a report more than one month late,
 * or `repeatedCount` late reports due within the `window` before `asOf`, raise a notice ("när
 * anordnare … har uppmärksammats på bristerna och bristerna kvarstår" needs the anordnare told
 * first). After a notice on `noticeRaisedOn`: another report due since then and late escalates.
 */
export function bristDecision(
  { reports, asOf, noticeRaisedOn }: { reports: ReportDeadline[]; asOf: LocalDate; noticeRaisedOn?: LocalDate },
  settings: Settings,
): BristDecision {
  const { lateMoreThan, repeatedCount, window, reportRules } = settings.brist;
  const late = reports.filter((report) => reportRules.includes(report.rule) && isLate(report, asOf));
  const decide = (action: BristAction, grounds: ReportDeadline[], reason: string): BristDecision => ({
    action,
    grounds,
    reason,
    section: '2023 §7.6',
  });

  if (noticeRaisedOn) {
    const lateAgain = late.filter((report) => report.due >= noticeRaisedOn);
    return lateAgain.length > 0
      ? decide('brist-escalation', lateAgain, `${lateAgain.length} report(s) late after the brist notice of ${noticeRaisedOn}`)
      : decide('none', [], `no report late since the brist notice of ${noticeRaisedOn}`);
  }
  const veryLate = late.filter((report) => (report.metOn ?? asOf) > addPeriod(report.due, lateMoreThan));
  if (veryLate.length > 0) return decide('brist-notice', veryLate, 'a report more than one month late');
  const since = subtractPeriod(asOf, window);
  const recent = late.filter((report) => report.due > since);
  if (recent.length >= repeatedCount) return decide('brist-notice', recent, `${recent.length} late reports since ${since}`);
  return decide('none', [], 'no repeated or long delay');
}
