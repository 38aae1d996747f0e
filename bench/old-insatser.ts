// Insatser decided three years ago and brought into the service today, as at go-live: FJP, JPG and
// SAI in turn (2023 rulebook), aktualiserade today by their kvl over HTTP with what each has done
// so far (domain/progress.ts), so each owes only what falls due from today on. They live on the
// real clock, not the bench's placed ones.
import type { z } from 'zod';
import { addDays, addMonths, localDateOf, monthOf, type aktualiseringSchema, type Insatstyp } from '../domain';
import type { ApiClient } from './api-client';
import type { Figure } from './figures';
import { ANORDNARE, insatsIdFor, insatsIdPrefix, KVL } from './fixtures';
import { waitUntilRecorded } from './insatser';
import { runAtConcurrency } from './load';
import type { Stack } from './stack';

const GROUP = 'old';
export const oldInsatsIdPrefix = insatsIdPrefix(GROUP);
const TYPER: Insatstyp[] = ['FJP', 'JPG', 'SAI'];

/** The body of POST /api/insatser, as a kvl sends it. */
type Aktualisering = z.input<typeof aktualiseringSchema>;

/**
 * The one request that brings an insats in. When the import route lands, this becomes
 * `api.post('/api/insatser/import', { insatser: [aktualisering] })`.
 */
async function bringIn(api: ApiClient, aktualisering: Aktualisering): Promise<void> {
  const response = await api.post('/api/insatser', aktualisering);
  if (response.status >= 300) throw new Error(`HTTP ${response.status}: ${response.body.slice(0, 200)}`);
}

export function oldAktualisering(index: number, today = localDateOf(new Date())): Aktualisering {
  const beslutsdatum = addMonths(today, -36);
  return {
    id: insatsIdFor(GROUP, index),
    insatstyp: TYPER[index % TYPER.length]!,
    beslutsdatum,
    aktualiseringsdatum: today,
    anordnare: ANORDNARE,
    kvl: KVL,
    kundId: `kund-old-${index}`,
    // Within the målgrupp of all three: ekonomiskt bistånd (JPG, FJP), svenska ett hinder (SAI).
    kund: { alder: 35, ekonomisktBistand: true, svenskaHinder: true },
    progress: {
      bemannadOn: addDays(beslutsdatum, 1),
      uppdragInlagtOn: addDays(beslutsdatum, 2),
      planGodkandOn: addDays(beslutsdatum, 20),
      arbetsplatsStartadOn: addMonths(beslutsdatum, 1),
      reportedThrough: monthOf(addMonths(today, -2)),
      lastTrepartOn: addDays(today, -45),
      omprovningOn: addDays(today, -300),
    },
  };
}

export async function bringInOldInsatser(stack: Stack, count: number, concurrency: number): Promise<{ ids: string[]; figures: Figure[] }> {
  const aktualiseringar = Array.from({ length: count }, (_, index) => oldAktualisering(index));
  const result = await runAtConcurrency(count, concurrency, (index) => bringIn(stack.kvlApi, aktualiseringar[index]!));
  // The API answers after at most 5 s without the row (api/projection-wait.ts); the burst counts rows.
  await waitUntilRecorded(stack, GROUP, count - result.failures);
  const figures: Figure[] =
    result.failures > 0
      ? [{ measurement: `insatser brought in three years late, failed (first: ${result.firstFailure})`, value: result.failures, unit: `of ${count}`, target: { on: 'value', below: 1 } }]
      : [];
  return { ids: aktualiseringar.map((aktualisering) => aktualisering.id), figures };
}
