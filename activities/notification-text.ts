// The Swedish text of a reminder or escalation. Names the rule, due date, insats id and what to
// do; never the kund's name or personnummer (RULEBOOK.md, Actors).
import { recipientLabel, type RuleId } from '../domain';
import type { NotificationRequest } from '../workflows/types';

const WHAT_TO_DO: Partial<Record<RuleId, string>> = {
  bemanning: 'Bemanna ärendet i systemet och meddela karriärvägledaren (2023 §6.2.1).',
};

export function notificationText(request: NotificationRequest): { subject: string; text: string } {
  const action = WHAT_TO_DO[request.rule as RuleId] ?? `Slutför ${request.rule}.`;
  const late = request.kind === 'escalation';
  const subject = late
    ? `Försenad: ${request.rule} för insats ${request.insatsId} (förföll ${request.due})`
    : `Påminnelse: ${request.rule} för insats ${request.insatsId} senast ${request.due}`;
  const text = [
    late
      ? `Deadline ${request.rule} för insats ${request.insatsId} förföll ${request.due} och är fortfarande inte uppfylld.`
      : `Deadline ${request.rule} för insats ${request.insatsId} ska vara uppfylld senast ${request.due}.`,
    '',
    late ? `Ansvarig: ${recipientLabel(request.owner)}. Det som ska göras: ${action}` : action,
    '',
    'Detta meddelande skickas automatiskt av tjänsten för kundval arbetsmarknadsinsatser, Nacka kommun.',
  ].join('\n');
  return { subject, text };
}
