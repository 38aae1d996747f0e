// When a month's ersättning becomes payable, as a timeline entry: its report approved, and for the
// last active month also the slutrapport in (2023 §6.4, §6.6, §9; 2024 §10.1 for snabbhetspremie).
import { slutdatumOf } from '../insats';
import { oreToKronor } from '../money';
import { addMonthsTo, monthOf, type YearMonth } from '../months';
import { monthPayment } from '../payments/month-payment';
import { paymentRun } from '../payments/payment-run';
import type { Settings } from '../settings';
import type { LocalDate } from '../calendar';
import type { Change, InsatsRecord, PayableItem } from './record';

function paymentEntry(
  record: InsatsRecord,
  { month, approvedOn, basis, kind }: { month: YearMonth; approvedOn: LocalDate; basis: string; kind: PayableItem['kind'] },
  settings: Settings,
): Change[] {
  const { insats, facts } = record;
  const payment = monthPayment(
    { insatstyp: insats.insatstyp, month, startdatum: insats.beslutsdatum, lastActiveDay: facts.endedOn },
    settings,
  );
  const runMonth = paymentRun(month, approvedOn, settings);
  const late = runMonth > addMonthsTo(month, 1) ? ' (godkänd efter den 15:e: nästa utbetalning, 2023 §9)' : '';
  const reason = payment.ok
    ? `${basis}; ${payment.value.activeDays} aktiva dagar (${payment.value.method}); utbetalning ${runMonth}${late}`
    : `${basis}; ${payment.error.message} (${payment.error.setting})`;
  const item: PayableItem = {
    kind,
    month,
    amountOre: payment.ok ? payment.value.amount : null,
    ...(payment.ok ? { activeDays: payment.value.activeDays } : { missingSetting: payment.error.setting }),
    rule: kind === 'snabbhetspremie' ? '2024 §10.1' : payment.ok && payment.value.fullMonth ? '2023 §9.1 månadsbelopp' : '2023 §9.1 månadsbelopp / 30 × aktiva dagar',
    note: `${basis}${late}`,
    payableOn: approvedOn,
    runMonth,
  };
  return [
    { type: 'timeline', entry: { kind: 'payment', month, amount: payment.ok ? oreToKronor(payment.value.amount) : null, reason } },
    { type: 'facts', facts: { paidMonths: [...facts.paidMonths, month] } },
    { type: 'payable', item },
  ];
}

/** The report months approved and not yet paid that are payable now. */
export function payableMonths(record: InsatsRecord, approvedOn: LocalDate, settings: Settings): Change[] {
  const { facts } = record;
  const lastMonth = facts.endedOn ? monthOf(facts.endedOn) : undefined;
  const changes: Change[] = [];
  let paid = facts.paidMonths;
  for (const month of facts.approvedMonths) {
    if (paid.includes(month)) continue;
    if (month === lastMonth && !facts.slutrapportIn) continue;
    const basis = month === lastMonth ? 'månadsrapport godkänd och slutrapport inlämnad' : 'månadsrapport godkänd';
    const entry = paymentEntry({ ...record, facts: { ...facts, paidMonths: paid } }, { month, approvedOn, basis, kind: 'ersattning' }, settings);
    changes.push(...entry);
    paid = [...paid, month];
  }
  return changes;
}

/** A snabbhetspremie month: the month amount while the kund is still in the job or studies (2024 §10.1). */
export function snabbhetspremiePayment(record: InsatsRecord, month: YearMonth, reportedOn: LocalDate, settings: Settings): Change[] {
  const untilSlutdatum = { ...record, facts: { ...record.facts, endedOn: slutdatumOf(record.insats, settings) } };
  return paymentEntry(untilSlutdatum, { month, approvedOn: reportedOn, basis: 'snabbhetspremie: uppföljningen visar att kunden är kvar', kind: 'snabbhetspremie' }, settings);
}
