// Uppföljning (`/uppfoljning`, arbetsledare and operator): per anordnare, the deadlines met on time
// and late over the follow-up year, the reports late within the brist window and the brister
// raised (2023 §7.6), for the yearly quality follow-up. Tables first; the chart is drawn from the
// first table and says so. The windows end on the service clock's day.
import { Router, type RequestHandler } from 'express';
import { ruleTitle } from '../../activities/notification-text';
import { localDateOf, type Settings } from '../../domain';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/database';
import { renderPage } from '../render';
import { pageSessionOf, requirePageRole, requireSession } from '../session';
import { stackedBarChart } from '../stacked-bar-chart';
import { FOLLOW_UP_YEAR, uppfoljningOf, type Uppfoljning } from '../uppfoljning';
import { lastPeriod, longDate } from './dates';

const PERCENT = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 0 });
const shareOnTime = (onTime: number, late: number) => (onTime + late === 0 ? '–' : PERCENT.format(onTime / (onTime + late)));
/** A rule's name without an occurrence: `Månadsrapport`, not `Månadsrapport mars 2025`. */
const ruleName = (rule: string) => ruleTitle(rule, '1');

interface Summary {
  anordnare: string;
  onTime: number;
  late: number;
  lateReports: number;
  stillOpen: number;
  brister: number;
}

function summaries(figures: Uppfoljning): Summary[] {
  const byAnordnare = new Map<string, Summary>();
  const of = (anordnare: string) => {
    if (!byAnordnare.has(anordnare)) byAnordnare.set(anordnare, { anordnare, onTime: 0, late: 0, lateReports: 0, stillOpen: 0, brister: 0 });
    return byAnordnare.get(anordnare)!;
  };
  for (const row of figures.met) {
    const summary = of(row.anordnare);
    summary.onTime += row.onTime;
    summary.late += row.late;
  }
  for (const row of figures.lateReports) {
    const summary = of(row.anordnare);
    summary.lateReports += row.late;
    summary.stillOpen += row.stillOpen;
  }
  for (const row of figures.bristCounts) of(row.anordnare).brister = row.brister;
  return [...byAnordnare.values()].sort((a, b) => a.anordnare.localeCompare(b.anordnare));
}

function uppfoljningView(figures: Uppfoljning, today: string, settings: Settings) {
  const rows = summaries(figures);
  const sum = (key: keyof Omit<Summary, 'anordnare'>) => rows.reduce((total, row) => total + row[key], 0);
  const year = `${figures.year.from} – ${figures.year.through}`;
  const reports = `${figures.reportWindow.from} – ${figures.reportWindow.through}`;
  return {
    today: longDate(today),
    year,
    yearWords: lastPeriod(FOLLOW_UP_YEAR),
    reports,
    reportWords: lastPeriod(settings.brist.window),
    reportRules: figures.reportRules.map(ruleName).join(', '),
    summary: rows.map((row) => ({ ...row, share: shareOnTime(row.onTime, row.late) })),
    total: { onTime: sum('onTime'), late: sum('late'), share: shareOnTime(sum('onTime'), sum('late')), lateReports: sum('lateReports'), stillOpen: sum('stillOpen'), brister: sum('brister') },
    chart: stackedBarChart({
      id: 'diagram-deadlines',
      caption: `Diagram: deadlines som uppfyllts i tid och sent per anordnare, ${year}. Samma siffror står i tabellen ”Per anordnare” ovan.`,
      series: [
        { key: 'onTime', label: 'I tid', fill: '#00703c' },
        { key: 'late', label: 'Sent', fill: '#b3261e' },
      ],
      rows: rows.map((row) => ({ label: row.anordnare, values: { onTime: row.onTime, late: row.late } })),
      valueText: ({ onTime, late }) => `${onTime} i tid, ${late} sent`,
      axisLabel: 'Antal uppfyllda deadlines',
    }),
    byRule: figures.met.map((row) => ({ anordnare: row.anordnare, rule: ruleName(row.rule), onTime: row.onTime, late: row.late, share: shareOnTime(row.onTime, row.late) })),
    lateReports: figures.lateReports.map((row) => ({ anordnare: row.anordnare, rule: ruleName(row.rule), late: row.late, stillOpen: row.stillOpen })),
    brister: figures.brister.map((row) => ({ ...row, href: `/insatser/${encodeURIComponent(row.insatsId)}`, rule: row.rule ? ruleName(row.rule) : '' })),
    bristerCut: figures.bristerCut,
  };
}

export function uppfoljningPage({ page, database, clock, settings }: { page: RequestHandler[]; database: Database; clock: Clock; settings: Settings }) {
  const router = Router();
  router.get('/uppfoljning', ...page, requireSession, requirePageRole('uppfoljning'), async (_request, response) => {
    const today = localDateOf(clock.now());
    const view = uppfoljningView(await uppfoljningOf(database, { today, settings }), today, settings);
    renderPage(response, 'uppfoljning', view, { title: 'Uppföljning', session: pageSessionOf(response), current: 'uppfoljning' });
  });
  return router;
}
