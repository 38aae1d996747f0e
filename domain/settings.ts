// Every configurable reading of RULEBOOK.md in one object. "(reading)" choices are named here,
// never buried as literals in the rules; amounts stated by the rulebooks live here too, so a new
// year's authorisation terms are configuration, not code.
import type { LocalDate } from './calendar';
import type { RuleId } from './deadlines/rule-ids';
import { defaultDigestSettings, type DigestSettings } from './digest';
import type { Insatstyp } from './insatstyp';
import { days, months, weeks, workingDays, type Period } from './period';

export interface ReminderSettings {
  /** Local time of every reminder and escalation. */
  time: string;
  /** An early reminder goes this many working days before the due date… */
  workingDaysBeforeDue: number;
  /** …only for deadlines set more than this many calendar days ahead. */
  earlyReminderWhenSetMoreThanDays: number;
  /** Days between escalations up the chain. */
  escalationIntervalDays: number;
  /**
   * (reading) After the owner is told it is late and each role of the chain once, a reminder to the
   * owner follows at most every this many weeks while the deadline stays open…
   */
  repeatEveryWeeks: number;
  /** …at most this many times: a notification chain ends. */
  repeatMax: number;
  /** A step the insats wakes for this late or later (downtime, a late registration) waits for the next working day's reminder time. */
  catchUpWithinMinutes: number;
}

export interface AktualiseringSettings {
  /** (reading) The earliest beslutsdatum whose rulebook the service holds: the 2023 routines. */
  earliestBeslutsdatum: LocalDate;
  /** A beslutsdatum more than this many years before the aktualiseringsdatum is refused as a typing error. */
  maxYearsBeforeAktualisering: number;
  /** (reading) A slutdatum or event date at most this long after beslutsdatum. */
  longestInsatstid: Period;
  /**
   * (reading) An insats aktualiserad more than this many days after its beslut, or brought in with
   * its progress, owes only what falls due from its aktualiseringsdatum on (2023 §6.4).
   */
  lateAfterDays: number;
}

export interface DeadlineSettings {
  /** (reading) 2023 §6.2.1 "inom två dagar" after bemanning, as working days (the Dag 1–3 schedule). */
  uppdrag: Period;
  genomforandeplan: {
    /** (reading) 2023 §6.3.1/§3.3 "inom en månad" / "inom 30 dagar": 30 days. */
    '2023': Period;
    /** 2024 §3 "inom 14 dagar". */
    '2024': Period;
    /** (reading) 2024 §3 names no starting point: beslutsdatum, like 2023. */
    start2024: 'beslutsdatum' | 'bemanning';
  };
  /** (reading) 2023 §6.3.1 "inom fem arbetsdagar" after each submission, sending back included. */
  plangranskning: Period;
  /** 2023 §6.4: day of month M+1 by which the report for M is KLAR, reviewed and approved. */
  manadsrapport: { klarDay: number; granskningDay: number; godkandDay: number };
  trepart: {
    /** 2023 §6.5: at least every N months from beslut or the last meeting held. */
    JPG: Period;
    FJP: Period;
    SAI: Period;
    /** 2023 §2.2: FJP uppstartsmöte "inom de tre första månaderna" from beslutsdatum. */
    fjpUppstart: Period;
    /** (reading) 2024 §7.2 "efter 45 dagar i insats": held by beslutsdatum + 45 days. */
    ami1: Period;
    /** 2024 §8.2: meetings in insats months 3, 6, 9 and 12. */
    ami2Months: number[];
    /**
     * (reading) 2024 §8.2 "Månad 3, 6, 9 och … månad 12": by the last day of that insats month
     * (month 12 then falls on the granted end date, "i samband med slutrapportering"), or on the
     * same date N months after beslut.
     */
    ami2Due: 'end-of-insats-month' | 'months-after-beslut';
    /** (reading) an extra meeting (declined work, repeated sickness, missed ramp step) has no time in the text. */
    extra: Period;
  };
  revideradPlan: {
    /** 2023 §6.5 "inom två veckor från uppföljningsmöte". */
    afterMeeting: Period;
    /** 2023 §6.5 "minst var sjätte-/tredje månad": JPG 3, FJP/SAI 6 months after the last plan. */
    senast: Partial<Record<Insatstyp, Period>>;
  };
  /** Workplace start from beslutsdatum; `null` = no deadline. */
  arbetsplats: {
    /** 2023 §2.1.1, §5.2.2, only when the uppdrag says praktik is needed. */
    JPG: Period;
    /** 2023 §5.2.3. */
    FJP: Period;
    /** 2023 §5.2.4. */
    SAI: Period;
    /** (reading) 2024 §7.3 gives no time: no deadline by default; when set, only with praktikBehov. */
    AMI1: Period | null;
    /** (reading) 2024 §8.3 heading "inom en månad", text "inom fyra veckor": 4 weeks. */
    AMI2: Period;
  };
  /** (reading) 2023 §6.6 "senast 14 dagar efter avslutad insats", for every avslut before slutdatum. */
  slutrapportAfterAvslut: Period;
  /** 2023 §7: FJP and SAI are reassessed "när insatserna … pågått under ett år". */
  omprovning: Period;
  /** 2023 §9.3 "inom fem arbetsdagar". */
  tillaggscheck: Period;
  intyg: {
    /** 2023 §3.6.1/§3.6.2 "från och med dag åtta": the start day is day 1. */
    opensOnDay: number;
    /** (reading) day 8 + "inom en vecka" = start + 14 days. */
    dueAfterStart: Period;
  };
  sfi: {
    /** (reading) 2023 §2.3.2.1 gives no time for contacting the school after an `sfi-risk` signal. */
    contactSchool: Period;
    /** 2023 §2.3.2 "Respektive studienivå beräknas ta max sex månader". */
    levelEstimate: Period;
  };
  /** 2023 §2.2.2 "maximalt tre månader". */
  fortsattStod: Period;
  /** (reading) 2024 §10.1 "inför månadsutbetalning": day of the following month, aligned with manadsrapport. */
  snabbhetspremieUppfoljningDay: number;
}

export interface EligibilitySettings {
  /**
   * (reading) 2023 §1.1 says 18–67 for kunder with Swedish as a barrier; §3.5 says 18–65 for
   * those of them without ekonomiskt bistånd. Default 67.
   */
  svenskaHinderMaxAlder2023: number;
}

export type PaymentMethod = 'month-per-30' | 'day-rate';

export interface PaymentSettings {
  /** (reading) 2023 §9.1 states both; default month amount / 30 × active days. */
  partialMonthMethod: PaymentMethod;
  /** 2023 §9.1 "dividerat på 30 dagar"; also the cap on active days of a partial month. */
  daysPerMonth: number;
  /** Kronor per fully active month. 2024 amounts come from the authorisation terms: no default. */
  monthAmounts: Partial<Record<Insatstyp, number>>;
  /** Kronor per active day with the day-rate method (2023 §9.1). */
  dayRates: Partial<Record<Insatstyp, number>>;
  /** (reading) 2023 §6.4, §9: a report approved by this day of a month is paid in that month's run. */
  approvalDay: number;
}

export interface BonusSettings {
  /** 2023 §9.2, kronor. */
  belopp2023: number;
  /** 2024 §10.2, kronor: the full resultatbonus. */
  resultatbonus: number;
  /** 2024 §10.2: AMI2 share of the resultatbonus by the insats month of the avslut. */
  ami2Andelar: { throughMonth: number; percent: number }[];
  /** 2023 §9.2, 2024 §9 "hållbarhetskrav på 6 månader i följd"; the bonus claim is due then. */
  hallbarhet: Period;
  /** (reading) The bonus claim stays open this long after its earliest date, then closes as not claimed. */
  claimWindow: Period;
}

export interface BristSettings {
  /** 2023 §7.6 "försenad med rapportering mer än en månad". */
  lateMoreThan: Period;
  /** (reading) "upprepade förseningar": this many late reports… */
  repeatedCount: number;
  /** …within this period. */
  window: Period;
  /** (reading) the rules whose lateness counts as late reporting by the anordnare. */
  reportRules: RuleId[];
}

export interface FranvaroSettings {
  /** 2023 §3.5: leave a kund without ekonomiskt bistånd may take; longer planned absence ends the insats. */
  ledighetMaxDays: number;
  /** 2023 §7.5 "sjukskriven mer än två veckor": the kvl is told, to consider avbrott. */
  sjukskrivningKvlAfterDays: number;
}

export interface Settings {
  /** (reading) an insats decided on or after this date follows the 2024 rulebook. */
  rulebook2024From: LocalDate;
  reminders: ReminderSettings;
  aktualisering: AktualiseringSettings;
  deadlines: DeadlineSettings;
  eligibility: EligibilitySettings;
  payments: PaymentSettings;
  bonus: BonusSettings;
  brist: BristSettings;
  franvaro: FranvaroSettings;
  /** The daily delivery of reminders, escalations and notices (domain/digest.ts). */
  digest: DigestSettings;
  /**
   * Length of the insatstid when the decision names no slutdatum. (reading) AMI1: 2024 §7 "inom
   * 90 dagar" against §10.2 "insatstiden tre månader": 90 days. AMI2: 2024 §8 "inom tolv månader".
   */
  insatstid: Partial<Record<Insatstyp, Period>>;
  /**
   * (reading) the 2023 process rules that also bind 2024 insatser, where the 2024 appendix is
   * silent (RULEBOOK.md "(inherited)"); the review and approval of a månadsrapport follow the report.
   */
  inheritedIn2024: RuleId[];
}

export const defaultSettings: Settings = {
  rulebook2024From: '2024-01-01',
  reminders: {
    time: '08:00',
    workingDaysBeforeDue: 3,
    earlyReminderWhenSetMoreThanDays: 7,
    escalationIntervalDays: 7,
    repeatEveryWeeks: 4,
    repeatMax: 3,
    catchUpWithinMinutes: 60,
  },
  aktualisering: { earliestBeslutsdatum: '2023-01-01', maxYearsBeforeAktualisering: 5, longestInsatstid: months(60), lateAfterDays: 7 },
  deadlines: {
    uppdrag: workingDays(2),
    genomforandeplan: { '2023': days(30), '2024': days(14), start2024: 'beslutsdatum' },
    plangranskning: workingDays(5),
    manadsrapport: { klarDay: 7, granskningDay: 12, godkandDay: 15 },
    trepart: {
      JPG: months(3),
      FJP: months(6),
      SAI: months(6),
      fjpUppstart: months(3),
      ami1: days(45),
      ami2Months: [3, 6, 9, 12],
      ami2Due: 'end-of-insats-month',
      extra: workingDays(10),
    },
    revideradPlan: { afterMeeting: days(14), senast: { JPG: months(3), FJP: months(6), SAI: months(6) } },
    arbetsplats: { JPG: months(1), FJP: months(3), SAI: months(2), AMI1: null, AMI2: weeks(4) },
    slutrapportAfterAvslut: days(14),
    omprovning: months(12),
    tillaggscheck: workingDays(5),
    intyg: { opensOnDay: 8, dueAfterStart: days(14) },
    sfi: { contactSchool: workingDays(5), levelEstimate: months(6) },
    fortsattStod: months(3),
    snabbhetspremieUppfoljningDay: 7,
  },
  eligibility: { svenskaHinderMaxAlder2023: 67 },
  payments: {
    partialMonthMethod: 'month-per-30',
    daysPerMonth: 30,
    monthAmounts: { JPG: 3686, FJP: 4858, SAI: 6080 },
    dayRates: { JPG: 123, FJP: 162, SAI: 203 },
    approvalDay: 15,
  },
  bonus: {
    belopp2023: 18_000,
    resultatbonus: 20_000,
    ami2Andelar: [
      { throughMonth: 6, percent: 100 },
      { throughMonth: 10, percent: 50 },
      { throughMonth: 12, percent: 25 },
    ],
    hallbarhet: months(6),
    claimWindow: months(12),
  },
  brist: {
    lateMoreThan: months(1),
    repeatedCount: 2,
    window: months(6),
    reportRules: ['genomforandeplan', 'reviderad-plan', 'manadsrapport', 'slutrapport', 'snabbhetspremie-uppfoljning'],
  },
  franvaro: { ledighetMaxDays: 14, sjukskrivningKvlAfterDays: 14 },
  digest: defaultDigestSettings,
  insatstid: { AMI1: days(90), AMI2: months(12) },
  inheritedIn2024: [
    'bemanning',
    'uppdrag',
    'plangranskning',
    'manadsrapport',
    'manadsrapport-granskning',
    'manadsrapport-godkand',
    'lakarintyg',
    'vab-intyg',
  ],
};
