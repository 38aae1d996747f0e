// The Swedish words the pages show for the service's ids: event types, form fields and their
// values, phases, roles and timeline entries. Only words: what a rule means lives in domain/ and
// the texts of notifications in activities/notification-text.ts. An id without a word here is
// shown as it is, so a new event type or field works before anyone names it.
import type { InsatsEventType, Phase, Role, TimelineKind } from '../domain';

const EVENT_LABELS: Partial<Record<InsatsEventType, string>> = {
  bemannad: 'Bemannad',
  'uppdrag-inlagt': 'Uppdrag inlagt',
  'plan-inlamnad': 'Genomförandeplan inlämnad',
  'plan-aterremitterad': 'Genomförandeplan återremitterad',
  'plan-godkand': 'Genomförandeplan godkänd',
  'manadsrapport-klar': 'Månadsrapport klarmarkerad',
  'manadsrapport-aterremitterad': 'Månadsrapport återremitterad',
  'manadsrapport-godkand': 'Månadsrapport godkänd',
  'trepart-hallet': 'Trepartsmöte hållet',
  'reviderad-plan-inlamnad': 'Reviderad genomförandeplan inlämnad',
  'arbetsplats-startad': 'Start på arbetsplats',
  sjukanmalan: 'Sjukanmälan',
  friskanmalan: 'Friskanmälan',
  'lakarintyg-inlamnat': 'Läkarintyg inlämnat',
  'vab-anmalan': 'Anmälan om vård av sjukt barn',
  'vab-intyg-inlamnat': 'Intyg om vård av sjukt barn inlämnat',
  'tillaggscheck-ansokan': 'Ansökan om tilläggscheck',
  'tillaggscheck-beslut': 'Beslut om tilläggscheck',
  ledighet: 'Planerad ledighet',
  'sfi-niva-start': 'SFI-nivå påbörjad',
  'sfi-niva-klar': 'SFI-nivå klar',
  'omprovning-gjord': 'Omprövning gjord',
  'slutrapport-inlamnad': 'Slutrapport inlämnad',
  avslut: 'Avslut',
  'bonusrapport-inlamnad': 'Bonusrapport inlämnad',
  'bonus-godkand': 'Bonus godkänd',
  'snabbhetspremie-uppfoljning': 'Uppföljning för snabbhetspremie',
  'sfi-risk': 'Risk att SFI-nivån inte nås i tid',
  'sfi-skolkontakt': 'Skolan kontaktad om SFI-nivån',
  'arbete-avbojt': 'Arbete eller praktik avböjt',
  'upptrappning-plan': 'Plan för upptrappning',
  'upptrappningssteg-uppnatt': 'Upptrappningssteg uppnått',
  'fortsatt-stod-start': 'Fortsatt stöd påbörjat',
  'fortsatt-stod-avslutat': 'Fortsatt stöd avslutat',
};

/** By the field's whole path first (`kund.ekonomisktBistand`), then by its own name. */
const FIELD_LABELS: Record<string, string> = {
  month: 'Månad',
  revideradPlanKravs: 'Krävs en reviderad genomförandeplan efter mötet?',
  timmarPerVecka: 'Timmar per vecka',
  trepartsoverenskommelse: 'Har en undertecknad trepartsöverenskommelse lämnats?',
  belopp: 'Belopp i kronor',
  beviljad: 'Beviljas tilläggschecken?',
  from: 'Från och med',
  to: 'Till och med',
  niva: 'SFI-nivå',
  nyAnordnare: 'Ny anordnare (vid byte av anordnare)',
  orsak: 'Orsak',
  anstallning: 'Anställning (vid avslut till arbete)',
  form: 'Form',
  omfattning: 'Omfattning i procent av heltid',
  manader: 'Längd i månader (vid visstid)',
  studier: 'Studier (vid avslut till studier)',
  hushallsstod: 'Självförsörjande med stöd av andra i hushållet?',
  ekonomisktBistand: 'Har hushållet ekonomiskt bistånd efter avslutet?',
  tillfalligErsattning: 'Vilar försörjningen på en tillfällig ersättning?',
  steg: 'Steg',
  datum: 'Datum',
  startdatum: 'Startdatum',
  id: 'Insatsens id',
  insatstyp: 'Insatstyp',
  beslutsdatum: 'Beslutsdatum',
  aktualiseringsdatum: 'Aktualiseringsdatum',
  slutdatum: 'Beviljat slutdatum',
  praktikBehov: 'Säger uppdraget att praktik behövs?',
  anordnare: 'Anordnare',
  kvl: 'Karriärvägledare',
  kundId: 'Kundens id',
  kund: 'Kunden',
  alder: 'Ålder',
  'kund.ekonomisktBistand': 'Har kunden ekonomiskt bistånd?',
  arbetsformaga: 'Arbetsförmåga i procent',
  arbetshinder: 'Har kunden ett uttalat arbetshinder?',
  svenskaHinder: 'Är svenskan ett hinder på arbetsmarknaden?',
  etableringsprogram: 'Är kunden i Arbetsförmedlingens etableringsprogram?',
  afProgram: 'Är kunden i ett program hos Arbetsförmedlingen med ersättning därifrån?',
  kaa: 'Ingår kunden i kommunens aktivitetsansvar (KAA)?',
  utanforArbeteOchStudier: 'Är kunden utanför arbete och studier?',
  nackabo: 'Bor kunden i Nacka?',
  progress: 'Redan gjort, för en insats som redan pågår',
  bemannadOn: 'Bemannad den',
  uppdragInlagtOn: 'Uppdrag inlagt den',
  planGodkandOn: 'Genomförandeplan godkänd den',
  reportedThrough: 'Månadsrapporter klara och godkända till och med',
  lastTrepartOn: 'Senaste trepartsmöte',
  arbetsplatsStartadOn: 'Start på arbetsplats den',
  omprovningOn: 'Senaste omprövning',
};

const FIELD_HINTS: Record<string, string> = {
  id: '1–64 tecken: bokstäver a–z, siffror, _ och -. Aldrig ett personnummer.',
  anordnare: 'Anordnarens id, till exempel a1.',
  kvl: 'Karriärvägledarens id, till exempel k1.',
  nyAnordnare: 'Anordnarens id, till exempel a2.',
  kundId: 'Ett id utan personuppgifter, aldrig ett personnummer.',
  aktualiseringsdatum: 'Lämna tomt för i dag.',
};

const VALUE_LABELS: Record<string, string> = {
  'eget-foretag': 'Eget företag',
  'byte-av-anordnare': 'Byte av anordnare',
  'brister-hos-anordnare': 'Brister hos anordnaren',
  'planerad-franvaro': 'Planerad frånvaro',
  timanstallning: 'Timanställning',
  behovsanstallning: 'Behovsanställning',
  osa: 'OSA',
  csn: 'CSN med bidrag och lån',
  'csn-bidrag': 'CSN med bara bidrag',
  studiestartsstod: 'Studiestartsstöd',
  ovrigt: 'Utan studiemedel',
  etableringsersattning: 'Etableringsersättning',
  'a-kassa': 'A-kassa',
  'alfa-kassa': 'Alfa-kassa',
  aktivitetsstod: 'Aktivitetsstöd',
};

const PHASE_LABELS: Record<Phase, string> = {
  aktualiserad: 'Aktualiserad',
  pagaende: 'Pågående',
  avslutad: 'Avslutad',
  stangd: 'Stängd',
};

const ROLE_LABELS: Record<Role, string> = {
  anordnare: 'Anordnare',
  kvl: 'Karriärvägledare',
  arbetsledare: 'Arbetsledare',
  kundkoordinator: 'Kundkoordinator',
  operator: 'Drift',
};

/** A payment run's status (PaymentRun in prisma/schema.prisma), and the same after "är". */
const PAYMENT_RUN_STATUS_LABELS: Record<string, { label: string; predicate: string }> = {
  draft: { label: 'Utkast', predicate: 'ett utkast' },
  approved: { label: 'Godkänd', predicate: 'godkänd' },
  exported: { label: 'Exporterad', predicate: 'exporterad' },
};

const TIMELINE_LABELS: Record<TimelineKind, string> = {
  'deadline-set': 'Deadline satt',
  reminder: 'Påminnelse',
  escalation: 'Eskalering',
  'deadline-met': 'Uppfylld',
  'deadline-missed': 'Missad',
  'deadline-cancelled': 'Avbruten',
  payment: 'Ersättning',
  bonus: 'Bonus',
  brist: 'Brist',
  'insats-ended': 'Insatsen avslutad',
  'event-rejected': 'Händelse avvisad',
  'notification-failed': 'Meddelande kunde inte levereras',
};

export const eventLabel = (type: string) => EVENT_LABELS[type as InsatsEventType] ?? type;
export const fieldLabel = (path: string) => FIELD_LABELS[path] ?? FIELD_LABELS[path.split('.').at(-1)!] ?? path;
export const fieldHint = (path: string): string | undefined => FIELD_HINTS[path];
/** A value of a choice: the word where the id loses its å, ä or ö, else the id with a capital. */
export const valueLabel = (value: string) => VALUE_LABELS[value] ?? value.charAt(0).toUpperCase() + value.slice(1).replaceAll('-', ' ');
export const phaseLabel = (phase: string) => PHASE_LABELS[phase as Phase] ?? phase;
export const roleLabel = (role: string) => ROLE_LABELS[role as Role] ?? role;
export const paymentRunStatusLabel = (status: string) => PAYMENT_RUN_STATUS_LABELS[status]?.label ?? status;
/** `Utbetalningen är …`: `ett utkast`, `godkänd`, `exporterad`. */
export const paymentRunStatusPredicate = (status: string) => PAYMENT_RUN_STATUS_LABELS[status]?.predicate ?? status;
export const timelineLabel = (kind: string) => TIMELINE_LABELS[kind as TimelineKind] ?? kind;

/** `anordnare:a1` → `Anordnare a1`; a bare role → its word. */
export function partyLabel(party: string): string {
  const [role, id] = party.split(':');
  return id ? `${roleLabel(role!)} ${id}` : roleLabel(role!);
}
