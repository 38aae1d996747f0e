// Every avslut reason (RULEBOOK.md "Avslut reasons", 2023 §7, 2024 §9) stops the running clocks
// and opens the slutrapport, 14 days after the avslut (2023 §6.6, 2024 §9.2); the reports of the
// months the kund was active stay (2023 §6.4), and a bonus-grounding avslut opens the bonus claim.
import { beforeAll, describe, expect, it } from 'vitest';
import { AVSLUT_ORSAKER, type AvslutOrsak } from '../../domain/avslut';
import { addDays } from '../../domain/calendar';
import type { RuleId } from '../../domain/deadlines/rule-ids';
import type { ScenarioRun } from '../../simulator/run-scenario';
import { entries, inlineScenario, none, one, useSimulator } from './simulator';

const simulator = useSimulator();

interface AvslutCase {
  orsak: AvslutOrsak;
  section: string;
  typ: 'JPG' | 'FJP' | 'SAI' | 'AMI1' | 'AMI2';
  beslutsdatum: string;
  /** The avslut day; the insats is aktualiserad on beslutsdatum, staffed the day after and given its uppdrag the day after that. */
  avslutsdatum: string;
  kund: Record<string, unknown>;
  avslut?: Record<string, unknown>;
  praktikBehov?: boolean;
  /** Deadlines open at the avslut, [rule, due]: each must be cancelled by it. */
  cancelled: [RuleId, string][];
  /** The bonus claim the avslut opens, when it is bonus-grounding: due six months later (2023 §9.2, 2024 §9). */
  bonusDue?: string;
  /** The insats-ended reason when it is not the orsak itself. */
  reason?: string;
  extraEvents?: { at: string; type: string; [field: string]: unknown }[];
}

const kund2023 = { alder: 30, ekonomisktBistand: true };
const CASES: AvslutCase[] = [
  {
    orsak: 'arbete',
    section: '2024 §9.2',
    typ: 'AMI2',
    beslutsdatum: '2025-03-03',
    avslutsdatum: '2025-03-12',
    kund: { alder: 30, ekonomisktBistand: true, arbetsformaga: 50 },
    avslut: { anstallning: { form: 'tillsvidare', omfattning: 100 }, ekonomisktBistand: false },
    cancelled: [
      ['trepart', '2025-06-02'],
      ['trepart', '2025-09-02'],
      ['trepart', '2025-12-02'],
      ['trepart', '2026-03-02'],
      ['arbetsplats', '2025-03-31'],
      ['slutrapport', '2026-03-02'],
      ['genomforandeplan', '2025-03-17'],
    ],
    bonusDue: '2025-09-12',
  },
  {
    orsak: 'studier',
    section: '2023 §7.1',
    typ: 'FJP',
    beslutsdatum: '2023-09-04',
    avslutsdatum: '2023-09-13',
    kund: kund2023,
    avslut: { studier: { form: 'csn', omfattning: 100 }, ekonomisktBistand: false },
    cancelled: [
      ['trepart', '2023-12-04'],
      ['arbetsplats', '2023-12-04'],
      ['omprovning', '2024-09-04'],
      ['genomforandeplan', '2023-10-04'],
    ],
    bonusDue: '2024-03-13',
  },
  {
    orsak: 'eget-foretag',
    section: '2023 §7.1',
    typ: 'JPG',
    beslutsdatum: '2023-10-02',
    avslutsdatum: '2023-10-11',
    praktikBehov: true,
    kund: { alder: 22, ekonomisktBistand: true },
    cancelled: [
      ['trepart', '2024-01-02'],
      ['arbetsplats', '2023-11-02'],
      ['genomforandeplan', '2023-11-01'],
    ],
  },
  {
    orsak: 'annan-insats',
    section: '2023 §7.2',
    typ: 'SAI',
    beslutsdatum: '2023-10-02',
    avslutsdatum: '2023-10-11',
    kund: { ...kund2023, svenskaHinder: true },
    cancelled: [
      ['trepart', '2024-04-02'],
      ['arbetsplats', '2023-12-02'],
      ['omprovning', '2024-10-02'],
      ['genomforandeplan', '2023-11-01'],
    ],
  },
  {
    orsak: 'byte-av-anordnare',
    section: '2023 §7.3, 2024 §9',
    typ: 'AMI1',
    beslutsdatum: '2025-03-03',
    avslutsdatum: '2025-03-12',
    kund: kund2023,
    avslut: { nyAnordnare: 'a9' },
    reason: 'byte-av-anordnare: ny anordnare a9',
    cancelled: [
      ['trepart', '2025-04-17'],
      ['slutrapport', '2025-05-31'],
      ['genomforandeplan', '2025-03-17'],
    ],
  },
  {
    orsak: 'annan-myndighet',
    section: '2023 §7.4',
    typ: 'JPG',
    beslutsdatum: '2023-10-16',
    // After the October report was due (7 November) and missed: that report stays.
    avslutsdatum: '2023-11-09',
    kund: { alder: 22, ekonomisktBistand: true },
    cancelled: [
      ['trepart', '2024-01-16'],
      ['genomforandeplan', '2023-11-15'],
    ],
  },
  {
    orsak: 'avbrott',
    section: '2023 §7.5, 2024 §9',
    typ: 'AMI2',
    beslutsdatum: '2025-09-01',
    avslutsdatum: '2025-09-10',
    kund: { alder: 30, ekonomisktBistand: true, arbetsformaga: 50 },
    cancelled: [
      ['trepart', '2025-11-30'],
      ['trepart', '2026-02-28'],
      ['trepart', '2026-05-31'],
      ['trepart', '2026-08-31'],
      ['arbetsplats', '2025-09-29'],
      ['slutrapport', '2026-08-31'],
      ['genomforandeplan', '2025-09-15'],
    ],
  },
  {
    orsak: 'svag-progression',
    section: '2023 §7',
    typ: 'SAI',
    beslutsdatum: '2023-11-06',
    avslutsdatum: '2023-11-15',
    kund: { ...kund2023, svenskaHinder: true },
    cancelled: [
      ['trepart', '2024-05-06'],
      ['arbetsplats', '2024-01-06'],
      ['omprovning', '2024-11-06'],
      ['genomforandeplan', '2023-12-06'],
    ],
  },
  {
    orsak: 'brister-hos-anordnare',
    section: '2023 §7.6',
    typ: 'FJP',
    beslutsdatum: '2023-11-06',
    avslutsdatum: '2023-11-15',
    kund: kund2023,
    cancelled: [
      ['trepart', '2024-02-06'],
      ['arbetsplats', '2024-02-06'],
      ['omprovning', '2024-11-06'],
      ['genomforandeplan', '2023-12-06'],
    ],
  },
  {
    orsak: 'planerad-franvaro',
    section: '2023 §3.5',
    typ: 'JPG',
    beslutsdatum: '2023-05-02',
    avslutsdatum: '2023-05-11',
    // Without ekonomiskt bistånd: planned leave over 14 days ends the insats.
    kund: { alder: 23, ekonomisktBistand: false },
    extraEvents: [{ at: '2023-05-08T10:00', type: 'ledighet', from: '2023-05-15', to: '2023-06-09' }],
    cancelled: [
      ['trepart', '2023-08-02'],
      ['genomforandeplan', '2023-06-01'],
    ],
  },
];

it('covers every avslut reason of RULEBOOK.md', () => {
  expect(CASES.map((avslutCase) => avslutCase.orsak).sort()).toEqual([...AVSLUT_ORSAKER].sort());
});

for (const avslutCase of CASES) {
  const { orsak, section, typ, beslutsdatum, avslutsdatum, kund, avslut = {}, praktikBehov, cancelled, bonusDue, reason = orsak, extraEvents = [] } = avslutCase;

  describe(`avslut ${orsak} (${section}), ${typ}`, () => {
    let run: ScenarioRun;
    let at: string;
    beforeAll(async () => {
      run = await simulator.run(
        inlineScenario({
          insats: {
            id: `T-AVSLUT-${orsak}`,
            typ,
            beslutsdatum,
            ...(praktikBehov ? { praktikBehov } : {}),
            kund: { id: `k-${orsak}`, ...kund },
          },
          ...(typ === 'AMI1' || typ === 'AMI2' ? { config: { payments: { monthAmounts: { [typ]: 7000 } } } } : {}),
          start: `${beslutsdatum}T09:00`,
          events: [
            { at: `${addDays(beslutsdatum, 1)}T10:00`, type: 'bemannad' },
            { at: `${addDays(beslutsdatum, 2)}T10:00`, type: 'uppdrag-inlagt' },
            ...extraEvents,
            { at: `${avslutsdatum}T10:00`, type: 'avslut', orsak, ...avslut },
          ],
          until: addDays(avslutsdatum, 1),
        }),
      );
      at = one(run.timeline, { kind: 'insats-ended', event: 'avslut' }).at;
    });

    it('ends the insats on the avslut day with its reason', () => {
      expect(at.slice(0, 16)).toBe(`${avslutsdatum}T10:00`);
      one(run.timeline, { kind: 'insats-ended', reason });
      none(run.timeline, { kind: 'event-rejected' });
    });

    it('cancels every clock running at the avslut', () => {
      const actual = entries(run.timeline, { kind: 'deadline-cancelled' }).map((entry) => [entry.rule, entry.due, entry.at.slice(0, 16)]);
      expect(actual.sort()).toEqual(cancelled.map(([rule, due]) => [rule, due, `${avslutsdatum}T10:00`]).sort());
      // Nothing more is sent for a cancelled deadline.
      for (const [rule, due] of cancelled) {
        const after = entries(run.timeline, { rule, due }).filter((entry) => Date.parse(entry.at) > Date.parse(at));
        expect(after, `${rule} ${due} after the avslut`).toEqual([]);
      }
    });

    it('opens the slutrapport, due 14 days after the avslut (2023 §6.6, 2024 §9.2)', () => {
      one(run.timeline, { kind: 'deadline-set', rule: 'slutrapport', due: addDays(avslutsdatum, 14), to: ['anordnare:a1'], at });
    });

    it(bonusDue ? 'opens the bonus claim six months later (2023 §9.2, 2024 §9)' : 'opens no bonus claim: not a bonus-grounding avslut (2023 §9.2, 2024 §9)', () => {
      if (bonusDue) one(run.timeline, { kind: 'deadline-set', rule: 'bonus', due: bonusDue, at });
      else none(run.timeline, { rule: 'bonus' });
    });

    if (orsak === 'annan-myndighet') {
      it('keeps the missed report of a month the kund was active, and goes on escalating it (2023 §6.4)', () => {
        one(run.timeline, { kind: 'deadline-missed', rule: 'manadsrapport', due: '2023-11-07' });
        one(run.timeline, { kind: 'escalation', rule: 'manadsrapport', due: '2023-11-07', at: '2023-11-08T08:00:00+01:00', to: ['kvl:k1'] });
        none(run.timeline, { kind: 'deadline-cancelled', rule: 'manadsrapport' });
      });
    }
  });
}
