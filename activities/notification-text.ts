// The Swedish text of a reminder or escalation. Names the rule, due date, insats id and what to
// do; never the kund's name or personnummer (RULEBOOK.md, Actors).
import { recipientLabel, type RuleId } from '../domain';
import type { NotificationRequest } from '../workflows/types';

export const FOOTER = 'Detta meddelande skickas automatiskt av tjänsten för kundval arbetsmarknadsinsatser, Nacka kommun.';

const WHAT_TO_DO: Record<RuleId, string> = {
  bemanning: 'Bemanna ärendet i systemet och meddela karriärvägledaren (2023 §6.2.1).',
  uppdrag: 'Lägg in uppdrag och underlag till anordnaren (2023 §6.2.1).',
  genomforandeplan: 'Gör kartläggningen klar och lämna in den första genomförandeplanen (2023 §6.3.1, 2024 §3).',
  plangranskning: 'Granska den inlämnade genomförandeplanen: godkänn den eller skicka tillbaka den (2023 §6.3.1).',
  manadsrapport: 'Klarmarkera månadsrapporten (2023 §6.4).',
  'manadsrapport-granskning': 'Granska månadsrapporten: godkänn den eller skicka tillbaka den (2023 §6.4).',
  'manadsrapport-godkand': 'Godkänn månadsrapporten; godkänns den efter den 15:e flyttas ersättningen (2023 §6.4, §9).',
  trepart: 'Boka och håll trepartsmötet med kund och karriärvägledare (2023 §6.5, 2024 §7.2, §8.2).',
  'reviderad-plan': 'Lämna in den reviderade genomförandeplanen efter trepartsmötet (2023 §6.5).',
  arbetsplats: 'Se till att kunden börjar på arbetsplatsen med en undertecknad trepartsöverenskommelse; kontakta karriärvägledaren om det är i fara (2023 §5.2, 2024 §8.3).',
  slutrapport: 'Lämna in slutrapporten med orsaken till avslutet (2023 §6.6, 2024 §9.2).',
  omprovning: 'Ompröva kundens progression i insatsen (2023 §7).',
  tillaggscheck: 'Besluta om ansökan om tilläggscheck tillsammans med arbetsledaren (2023 §9.3).',
  lakarintyg: 'Lämna kundens läkarintyg till karriärvägledaren (2023 §3.6.1).',
  'vab-intyg': 'Lämna intyget om vård av sjukt barn till karriärvägledaren (2023 §3.6.2).',
  'sfi-niva': 'Kontakta skolan om orsaker och extra stöd för SFI-nivån (2023 §2.3.2).',
  upptrappning: 'Följ upp upptrappningssteget; boka möte med karriärvägledaren om steget missas (2023 §3.2).',
  'fortsatt-stod': 'Följ upp det fortsatta stödet efter arbets- eller studiestarten (2023 §2.2.2).',
  bonus: 'Lämna bonusrapport med anställnings- eller studieintyg som visar sex månaders självförsörjning (2023 §9.2, 2024 §10.2).',
  'snabbhetspremie-uppfoljning': 'Rapportera månadens uppföljning av kundens arbete eller studier (2024 §10.1).',
};

/** The rule as a case worker names it. */
const RULE_NAMES: Record<RuleId, string> = {
  bemanning: 'Bemanning',
  uppdrag: 'Uppdrag till anordnaren',
  genomforandeplan: 'Genomförandeplan',
  plangranskning: 'Granskning av genomförandeplan',
  manadsrapport: 'Månadsrapport',
  'manadsrapport-granskning': 'Granskning av månadsrapport',
  'manadsrapport-godkand': 'Godkännande av månadsrapport',
  trepart: 'Trepartsmöte',
  'reviderad-plan': 'Reviderad genomförandeplan',
  arbetsplats: 'Arbetsplats',
  slutrapport: 'Slutrapport',
  omprovning: 'Omprövning',
  tillaggscheck: 'Tilläggscheck',
  lakarintyg: 'Läkarintyg',
  'vab-intyg': 'Intyg om vård av sjukt barn',
  'sfi-niva': 'SFI-nivå',
  upptrappning: 'Upptrappning',
  'fortsatt-stod': 'Fortsatt stöd',
  bonus: 'Bonusrapport',
  'snabbhetspremie-uppfoljning': 'Uppföljning för snabbhetspremie',
};

const MONTH = new Intl.DateTimeFormat('sv-SE', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2025-12` → `december 2025`: in e-mails, the calendar feed and the pages. */
export const monthName = (month: string) => MONTH.format(new Date(`${month}-01T00:00:00Z`));

/** "Månadsrapport november 2026", "Genomförandeplan": a monthly rule names its month. */
export function ruleTitle(rule: string, occurrence: string): string {
  const name = RULE_NAMES[rule as RuleId] ?? rule;
  return /^\d{4}-\d{2}$/.test(occurrence) ? `${name} ${monthName(occurrence)}` : name;
}

/** What the owner of a deadline has to do, with its section. */
export function whatToDo(rule: string): string {
  return WHAT_TO_DO[rule as RuleId] ?? '';
}


export function notificationText(request: NotificationRequest): { subject: string; text: string } {
  if (request.kind === 'notice') {
    return {
      subject: `Meddelande: ${request.rule} för insats ${request.insatsId}`,
      text: [request.text ?? '', '', FOOTER].join('\n'),
    };
  }
  const action = WHAT_TO_DO[request.rule as RuleId];
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
    FOOTER,
  ].join('\n');
  return { subject, text };
}
