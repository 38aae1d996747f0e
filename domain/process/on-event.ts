// What each event does to an insats (RULEBOOK.md, Deadlines and "Events that end, pause or extend
// clocks"): which deadlines it meets, opens or cancels, and what it records. Pure; the workflow
// applies the changes. A refused event changes nothing and says why.
import { daysBetween, type LocalDate } from '../calendar';
import { assessBonusgrundande } from '../bonus/bonusgrundande';
import { bonusBelopp } from '../bonus/belopp';
import {
  appliesTo,
  deadlinesOnBemanning,
  extraTrepartDeadline,
  fortsattStodDeadline,
  intygDeadline,
  manadsrapportGodkandDeadline,
  manadsrapportGranskningDeadline,
  nextTrepartDeadline,
  planAvslut,
  plangranskningDeadline,
  revideradPlanDeadline,
  sfiKontaktDeadline,
  sfiNivaDeadline,
  tillaggscheckDeadline,
  upptrappningDeadlines,
  type IntygRule,
} from '../deadlines';
import type { InsatsEvent } from '../events';
import { planeradFranvaro, sjukskrivningToKvl } from '../franvaro';
import { oreToKronor } from '../money';
import { monthOf } from '../months';
import { paymentRun } from '../payments/payment-run';
import type { Settings } from '../settings';
import { cancel, hasDeadline, live, liveDeadlines, meet } from './lookup';
import { payableMonths, snabbhetspremiePayment } from './payments';
import type { Change, Decision, InsatsRecord, Phase } from './record';

/** 2024 §8.3, §3.2: "minst 10 timmar per vecka" from the start of the arbetsträning. */
const AMI2_MIN_TIMMAR_PER_VECKA = 10;

const refuse = (reason: string): Decision => ({ ok: false, reason });
const accept = (...changes: Change[]): Decision => ({ ok: true, changes });

/** Events accepted after the avslut: the reports, slutrapport and bonus it leaves running. */
const AFTER_AVSLUT: readonly InsatsEvent['type'][] = [
  'manadsrapport-klar',
  'manadsrapport-aterremitterad',
  'manadsrapport-godkand',
  'slutrapport-inlamnad',
  'bonusrapport-inlamnad',
  'bonus-godkand',
  'snabbhetspremie-uppfoljning',
];

function phaseAllows(phase: Phase, type: InsatsEvent['type']): string | undefined {
  if (phase === 'stangd') return 'the insats is closed';
  if (phase === 'aktualiserad' && type !== 'bemannad' && type !== 'avslut') return `${type} needs a staffed insats: bemannad comes first`;
  if (phase === 'avslutad' && !AFTER_AVSLUT.includes(type)) return `${type} is not accepted after the avslut`;
  return undefined;
}

/** The decision for `event` on `today` (Europe/Stockholm). */
export function decideEvent(record: InsatsRecord, event: InsatsEvent, today: LocalDate, settings: Settings): Decision {
  const notAllowed = phaseAllows(record.phase, event.type);
  if (notAllowed) return refuse(notAllowed);
  const { insats, facts } = record;

  switch (event.type) {
    case 'bemannad': {
      const [bemanning] = live(record, 'bemanning');
      if (!bemanning) return refuse('bemanning is already met');
      return accept(
        meet(bemanning),
        ...deadlinesOnBemanning(insats, today, settings).map((deadline): Change => ({ type: 'open', deadline })),
        { type: 'phase', phase: 'pagaende' },
        { type: 'facts', facts: { bemannadOn: today } },
      );
    }
    case 'uppdrag-inlagt': {
      const [uppdrag] = live(record, 'uppdrag');
      return uppdrag ? accept(meet(uppdrag)) : refuse('no uppdrag is due');
    }
    case 'plan-inlamnad':
    case 'reviderad-plan-inlamnad': {
      if (facts.planUnderReview) return refuse('a genomförandeplan is already waiting for the kvl’s review');
      const rule = event.type === 'plan-inlamnad' ? 'genomforandeplan' : 'reviderad-plan';
      const [due] = live(record, rule);
      if (!due && !facts.planSentBack) return refuse(`no ${rule} is due`);
      const submission = facts.planSubmissions + 1;
      return accept(
        ...(due ? [meet(due)] : []),
        { type: 'open', deadline: plangranskningDeadline(today, settings, `inlamning-${submission}`) },
        { type: 'facts', facts: { planSubmissions: submission, planUnderReview: true, planSentBack: false } },
      );
    }
    case 'plan-aterremitterad':
    case 'plan-godkand': {
      const [granskning] = live(record, 'plangranskning');
      if (!granskning) return refuse('no genomförandeplan is waiting for review');
      return accept(meet(granskning), {
        type: 'facts',
        facts: { planUnderReview: false, planSentBack: event.type === 'plan-aterremitterad' },
      });
    }
    case 'manadsrapport-klar': {
      const [report] = live(record, 'manadsrapport', event.month);
      const resubmission = facts.reportsSentBack.includes(event.month);
      if (report?.status === 'pending') return refuse(`the månadsrapport for ${event.month} opens on ${report.openedOn}`);
      if (!report && !resubmission) return refuse(`no månadsrapport for ${event.month} is due`);
      const changes: Change[] = [
        { type: 'facts', facts: { reportsKlar: [...facts.reportsKlar, event.month], reportsSentBack: facts.reportsSentBack.filter((month) => month !== event.month) } },
      ];
      if (report) changes.unshift(meet(report));
      if (!hasDeadline(record, 'manadsrapport-granskning', event.month)) {
        changes.push({ type: 'open', deadline: manadsrapportGranskningDeadline(event.month, today, settings) });
        changes.push({ type: 'open', deadline: manadsrapportGodkandDeadline(event.month, today, settings) });
      }
      return accept(...changes);
    }
    case 'manadsrapport-aterremitterad': {
      const [godkand] = live(record, 'manadsrapport-godkand', event.month);
      if (!godkand || !facts.reportsKlar.includes(event.month)) return refuse(`no KLAR månadsrapport for ${event.month} awaits review`);
      return accept(...live(record, 'manadsrapport-granskning', event.month).map(meet), {
        type: 'facts',
        facts: { reportsKlar: facts.reportsKlar.filter((month) => month !== event.month), reportsSentBack: [...facts.reportsSentBack, event.month] },
      });
    }
    case 'manadsrapport-godkand': {
      const [godkand] = live(record, 'manadsrapport-godkand', event.month);
      if (!godkand || !facts.reportsKlar.includes(event.month)) return refuse(`no KLAR månadsrapport for ${event.month} awaits approval`);
      const approved = { ...record, facts: { ...facts, approvedMonths: [...facts.approvedMonths, event.month] } };
      return accept(
        ...live(record, 'manadsrapport-granskning', event.month).map(meet),
        meet(godkand),
        { type: 'facts', facts: { approvedMonths: approved.facts.approvedMonths } },
        ...payableMonths(approved, today, settings),
      );
    }
    case 'trepart-hallet': {
      const [trepart] = live(record, 'trepart').filter((deadline) => deadline.status === 'open');
      const next = nextTrepartDeadline(insats, today, settings);
      // 2023 §6.5; the 2024 appendix asks for no revised plan after its meetings.
      const revised = appliesTo('reviderad-plan', insats, settings) ? revideradPlanDeadline(today, { waived: !event.revideradPlanKravs }, settings) : undefined;
      return accept(
        ...(trepart ? [meet(trepart)] : []),
        ...(next ? [{ type: 'open', deadline: next } as Change] : []),
        ...(revised ? [{ type: 'open', deadline: revised } as Change] : []),
      );
    }
    case 'arbetsplats-startad': {
      // 2024 §8.3: arbetsträning at least 10 hours a week from the start.
      if (insats.insatstyp === 'AMI2' && event.timmarPerVecka < AMI2_MIN_TIMMAR_PER_VECKA) {
        return refuse(`AMI2 arbetsträning is at least ${AMI2_MIN_TIMMAR_PER_VECKA} hours a week from the start (2024 §8.3)`);
      }
      // 2023 §5.2, 2024 §6.3.1: the signed trepartsöverenskommelse is delivered when the kund starts.
      if (!event.trepartsoverenskommelse) return refuse('a signed trepartsöverenskommelse must be delivered when the kund starts (2023 §5.2, 2024 §6.3.1)');
      const [arbetsplats] = live(record, 'arbetsplats');
      return accept(...(arbetsplats ? [meet(arbetsplats)] : []));
    }
    case 'sjukanmalan':
    case 'vab-anmalan': {
      const sick = event.type === 'sjukanmalan';
      if (sick ? facts.sjukSince : facts.vabSince) return refuse(sick ? 'the kund is already reported sick' : 'VAB is already reported');
      const deadline = intygDeadline(sick ? 'lakarintyg' : 'vab-intyg', today, settings);
      return accept(
        ...(deadline ? [{ type: 'open', deadline } as Change] : []),
        { type: 'facts', facts: sick ? { sjukSince: today } : { vabSince: today } },
      );
    }
    case 'friskanmalan': {
      if (!facts.sjukSince && !facts.vabSince) return refuse('the kund is not reported sick or on VAB');
      const changes: Change[] = [{ type: 'facts', facts: { sjukSince: undefined, vabSince: undefined } }];
      // A certificate is needed only if the absence reached day 8 (2023 §3.6.1, §3.6.2).
      for (const rule of ['lakarintyg', 'vab-intyg'] as IntygRule[]) {
        changes.push(...live(record, rule).filter((deadline) => deadline.status === 'pending').map(cancel));
      }
      if (facts.sjukSince && sjukskrivningToKvl(daysBetween(facts.sjukSince, today), settings)) {
        changes.push({
          type: 'notice',
          notice: { rule: 'lakarintyg', occurrence: `sjuk-${facts.sjukSince}`, to: ['kvl'], text: `Kunden var sjukskriven från ${facts.sjukSince} till ${today}, mer än två veckor: överväg avbrott (2023 §7.5).` },
        });
      }
      return accept(...changes);
    }
    case 'lakarintyg-inlamnat':
    case 'vab-intyg-inlamnat': {
      const rule: IntygRule = event.type === 'lakarintyg-inlamnat' ? 'lakarintyg' : 'vab-intyg';
      const [intyg] = live(record, rule);
      return intyg ? accept(meet(intyg)) : refuse(`no ${rule} is due`);
    }
    case 'tillaggscheck-ansokan': {
      if (!appliesTo('tillaggscheck', insats, settings)) return refuse('tilläggscheck is a rule of the 2023 routines (2023 §9.3), not of this insats');
      if (live(record, 'tillaggscheck').length > 0) return refuse('an application for tilläggscheck is already waiting for a decision');
      return accept({ type: 'open', deadline: tillaggscheckDeadline(today, settings, `${today}-${event.belopp}`) });
    }
    case 'tillaggscheck-beslut': {
      const [application] = live(record, 'tillaggscheck');
      return application ? accept(meet(application)) : refuse('no application for tilläggscheck is waiting for a decision');
    }
    case 'ledighet': {
      if (event.to < event.from) return refuse('ledighet ends before it starts');
      const days = daysBetween(event.from, event.to) + 1;
      const outcome = planeradFranvaro({ ekonomisktBistand: record.kund.ekonomisktBistand, days }, settings);
      if (outcome === 'franvaro') return accept();
      const text =
        outcome === 'avslut'
          ? `Planerad frånvaro ${event.from}–${event.to} (${days} dagar) är längre än 14 dagar: insatsen ska avslutas (2023 §3.5).`
          : `Planerad frånvaro ${event.from}–${event.to} (${days} dagar) för en kund med ekonomiskt bistånd: bedöm avvikelsen från planeringen (2023 §3.4, §3.5).`;
      return accept({ type: 'notice', notice: { rule: 'slutrapport', occurrence: `ledighet-${event.from}`, to: ['kvl'], text } });
    }
    case 'sfi-niva-start': {
      if (insats.insatstyp !== 'SAI') return refuse('SFI levels are followed in Språk- och arbetsintroduktion (SAI) only (2023 §2.3.2)');
      if (facts.sfiNivaer.includes(event.niva)) return refuse(`SFI level ${event.niva} has already started`);
      const deadline = { ...sfiNivaDeadline(today, settings), occurrence: event.niva };
      return accept({ type: 'open', deadline }, { type: 'facts', facts: { sfiNivaer: [...facts.sfiNivaer, event.niva] } });
    }
    case 'sfi-niva-klar': {
      const [niva] = live(record, 'sfi-niva', event.niva);
      return niva ? accept(meet(niva)) : refuse(`SFI level ${event.niva} is not running`);
    }
    case 'omprovning-gjord': {
      const [omprovning] = live(record, 'omprovning');
      return omprovning ? accept(meet(omprovning)) : refuse('no omprövning is due');
    }
    case 'slutrapport-inlamnad': {
      const [slutrapport] = live(record, 'slutrapport');
      if (!slutrapport) return refuse('no slutrapport is due');
      const submitted = { ...record, facts: { ...facts, slutrapportIn: true } };
      return accept(meet(slutrapport), { type: 'facts', facts: { slutrapportIn: true } }, ...payableMonths(submitted, today, settings));
    }
    case 'sfi-risk': {
      if (insats.insatstyp !== 'SAI') return refuse('SFI levels are followed in Språk- och arbetsintroduktion (SAI) only (2023 §2.3.2)');
      return accept({ type: 'open', deadline: sfiKontaktDeadline(today, settings) });
    }
    case 'sfi-skolkontakt': {
      const [kontakt] = live(record, 'sfi-niva').filter((deadline) => deadline.occurrence.startsWith('kontakt-'));
      return kontakt ? accept(meet(kontakt)) : refuse('no contact with the school is due: sfi-risk comes first');
    }
    case 'arbete-avbojt': {
      const extra = extraTrepartDeadline(insats, 'avbojt-arbete', today, settings);
      return extra ? accept({ type: 'open', deadline: extra }) : refuse('no extra trepart follows in this rulebook');
    }
    case 'upptrappning-plan': {
      if (!appliesTo('upptrappning', insats, settings)) return refuse('this insatstyp has no ramp-up plan (2023 §3.2, 2024 §8.1)');
      const steps = event.steg.map((step) => ({ date: step.datum, omfattning: step.omfattning }));
      if (steps.some((step) => step.date <= today)) return refuse('every step of the ramp-up lies after today');
      return accept(...upptrappningDeadlines(insats, steps, today).map((deadline): Change => ({ type: 'open', deadline })));
    }
    case 'upptrappningssteg-uppnatt': {
      const [step] = live(record, 'upptrappning', event.datum);
      return step ? accept(meet(step)) : refuse(`no ramp-up step is planned for ${event.datum}`);
    }
    case 'fortsatt-stod-start': {
      const deadline = fortsattStodDeadline(insats, event.startdatum, settings);
      if (!deadline) return refuse('fortsatt stöd after a job or study start belongs to Förstärkt Jobbpeng (2023 §2.2.2)');
      if (live(record, 'fortsatt-stod').length > 0) return refuse('fortsatt stöd is already running');
      return accept({ type: 'open', deadline });
    }
    case 'fortsatt-stod-avslutat': {
      const [stod] = live(record, 'fortsatt-stod');
      return stod ? accept(meet(stod)) : refuse('no fortsatt stöd is running');
    }
    case 'avslut':
      return decideAvslut(record, event, today, settings);
    case 'bonusrapport-inlamnad': {
      if (!facts.avslut?.bonusgrundande) return refuse('the avslut was not bonus-grounding: there is no bonus to claim');
      const [bonus] = live(record, 'bonus');
      if (!bonus) return refuse('the bonusrapport is already in');
      if (today < bonus.due) return refuse(`the bonus can be claimed from ${bonus.due}, six months after the avslut`);
      return accept(meet(bonus), { type: 'facts', facts: { bonusrapportIn: true } });
    }
    case 'bonus-godkand': {
      if (!facts.bonusrapportIn) return refuse('no bonusrapport is in');
      if (facts.bonusApproved) return refuse('the bonus is already approved');
      // 2023 §9.2: paid after the slutrapport, the bonusrapport and the last month's report are approved.
      const lastMonth = monthOf(facts.endedOn!);
      if (insats.rulebook === '2023' && (!facts.slutrapportIn || !facts.approvedMonths.includes(lastMonth))) {
        return refuse(`the bonus needs the slutrapport and the månadsrapport for ${lastMonth} approved first (2023 §9.2)`);
      }
      const belopp = bonusBelopp({ insats, avslutsdatum: facts.endedOn! }, settings);
      const month = monthOf(today);
      return accept(
        { type: 'facts', facts: { bonusApproved: true } },
        { type: 'timeline', entry: { kind: 'bonus', amount: oreToKronor(belopp.amount), reason: `${belopp.reason} (${belopp.section})` } },
        {
          type: 'payable',
          item: {
            kind: 'bonus',
            month,
            amountOre: belopp.amount,
            rule: `${belopp.section} ${belopp.percent} %`,
            note: belopp.reason,
            payableOn: today,
            runMonth: paymentRun(month, today, settings),
          },
        },
      );
    }
    case 'snabbhetspremie-uppfoljning': {
      const [followUp] = live(record, 'snabbhetspremie-uppfoljning', event.month);
      if (!followUp) return refuse(`no snabbhetspremie follow-up for ${event.month} is due`);
      if (followUp.status === 'pending') return refuse(`the follow-up for ${event.month} opens on ${followUp.openedOn}`);
      if (event.fortsatt) return accept(meet(followUp), ...snabbhetspremiePayment(record, event.month, today, settings));
      // The kund left the job or studies: the snabbhetspremie stops (2024 §10.1), and the
      // resultatbonus, which needs the kund still there after six months, is forfeited (§10.2).
      return accept(
        meet(followUp),
        ...live(record, 'snabbhetspremie-uppfoljning').filter((deadline) => deadline !== followUp).map(cancel),
        ...live(record, 'bonus').map(cancel),
        { type: 'facts', facts: { snabbhetspremieStopped: true, ...(facts.avslut ? { avslut: { ...facts.avslut, bonusgrundande: false } } : {}) } },
        {
          type: 'notice',
          notice: { rule: 'snabbhetspremie-uppfoljning', occurrence: `slut-${event.month}`, to: ['kvl'], text: `Kunden har lämnat arbetet eller studierna (uppföljning för ${event.month}): snabbhetspremien upphör (2024 §10.1).` },
        },
      );
    }
  }
}

function decideAvslut(record: InsatsRecord, event: Extract<InsatsEvent, { type: 'avslut' }>, today: LocalDate, settings: Settings): Decision {
  const { type: _type, nyAnordnare, ...avslut } = event;
  if (avslut.orsak === 'byte-av-anordnare' && !nyAnordnare) return refuse('byte-av-anordnare names the nyAnordnare whose insats follows (2023 §7.3)');
  const { insats } = record;
  const bonusgrundande = assessBonusgrundande({ rulebook: insats.rulebook, avslut, arbetsformaga: record.kund.arbetsformaga, kundEkonomisktBistand: record.kund.ekonomisktBistand }).bonusgrundande;
  const plan = planAvslut({ insats, avslutsdatum: today, bonusgrundande, open: liveDeadlines(record) }, settings);
  const reason = nyAnordnare ? `${avslut.orsak}: ny anordnare ${nyAnordnare}` : avslut.orsak;
  return accept(
    ...plan.cancel.map((deadline) => ({ type: 'cancel', rule: deadline.rule, occurrence: deadline.occurrence }) as Change),
    ...plan.open.map((deadline): Change => ({ type: 'open', deadline })),
    { type: 'phase', phase: 'avslutad' },
    { type: 'facts', facts: { endedOn: today, avslut: { orsak: avslut.orsak, bonusgrundande, ...(nyAnordnare ? { nyAnordnare } : {}) } } },
    { type: 'timeline', entry: { kind: 'insats-ended', reason, event: 'avslut' } },
  );
}
