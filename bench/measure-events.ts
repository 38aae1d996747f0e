// Events through the HTTP API (POST /api/insatser/:id/events with an anordnare key and an
// Idempotency-Key, as the README shows a provider doing it) against the same Update sent straight
// with the Temporal client. One `bemannad` per settled insats that has had no event yet; same
// count and concurrency for both, in alternating rounds, each starting on a quiet machine. A
// round is several times the concurrency, so it measures the rate the stack sustains (each event's
// projection written as the next ones arrive), not how fast one wave of calls is answered.
// Then the latency a caller sees at a steady rate below saturation, both ways again: at 50
// clients that each wait for their answer, the latency is mostly the queue they build.
import { createInsatsClient } from '../client/insats-client';
import { failureFigures, type Figure } from './figures';
import { quietClock } from './fixtures';
import { startInsatser } from './insatser';
import { combine, measureInRounds, percentile, runAtConcurrency, runAtRate, type LoadResult } from './load';
import { cpuSeconds, waitUntilQuiet } from './process-stats';
import type { Stack } from './stack';
import { waitForCount } from './wait';
import { projectionWait } from '../api/projection-wait';

const WARM_UP = 10;
const REFUSED_WARM_UP = 200;
const THROUGHPUT_RATIO_TARGET = 0.7;

type Send = (insatsId: string, attempt?: string) => Promise<void>;

export async function measureEvents(
  stack: Stack,
  /** Settled insatser without events: 2 × warm-up to warm up on, and up to 2 × count to measure on. */
  settled: { warmUpIds: string[]; insatsIds: string[] },
  {
    count,
    rounds,
    extraRoundsBelowTarget,
    concurrency,
    paced,
  }: { count: number; rounds: number; extraRoundsBelowTarget: number; concurrency: number; paced: { count: number; perSecond: number } },
  log: (line: string) => void,
): Promise<Figure[]> {
  const overHttp: Send = async (insatsId, attempt = 'bemannad') => {
    const response = await stack.api.post(`/api/insatser/${insatsId}/events`, { type: 'bemannad' }, { 'Idempotency-Key': `${insatsId}-${attempt}` });
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${response.body.slice(0, 200)}`);
  };
  const insatser = createInsatsClient(stack.client);
  // Like for like: the API answers once the event's projection is stored (read after write), so
  // the baseline waits for the same row with the same bounded wait.
  const stored = projectionWait(stack.database);
  const direct: Send = async (insatsId, attempt = 'bemannad') => {
    const outcome = await insatser.applyEvent(insatsId, { event: { type: 'bemannad' } }, { updateId: `${insatsId}-${attempt}` });
    await stored.event(outcome.eventId);
  };

  const perRound = Math.ceil(count / rounds);
  const { warmUpIds } = settled;
  if (warmUpIds.length < 2 * WARM_UP) throw new Error(`the events measurement needs ${2 * WARM_UP} settled insatser to warm up on`);
  // More events than the starts measurement left insatser: the rest are started here, unmeasured.
  const missing = 2 * perRound * rounds - settled.insatsIds.length;
  const insatsIds = missing > 0 ? [...settled.insatsIds, ...(await startInsatser(stack, 'events', missing, concurrency, quietClock())).ids] : settled.insatsIds;
  const cpu = { http: { api: 0, worker: 0 }, direct: { api: 0, worker: 0 } };
  const run = async (ids: string[], send: Send, load = (call: (index: number) => Promise<void>) => runAtConcurrency(ids.length, concurrency, call)): Promise<LoadResult> => {
    await waitUntilQuiet();
    const before = { api: cpuSeconds(stack.apiPid), worker: cpuSeconds(stack.workerPid) };
    const result = await load((index) => send(ids[index]!));
    // The projection of each event is written after the answer; let it land before the next round.
    await waitForCount(
      'bemannad recorded',
      ids.length - result.failures,
      () => stack.database.insatsEvent.count({ where: { insatsId: { in: ids }, type: 'bemannad' } }),
      60_000,
    );
    const used = cpu[send === overHttp ? 'http' : 'direct'];
    used.api += cpuSeconds(stack.apiPid) - before.api;
    used.worker += cpuSeconds(stack.workerPid) - before.worker;
    return result;
  };

  await run(warmUpIds.slice(0, WARM_UP), overHttp);
  await run(warmUpIds.slice(WARM_UP, 2 * WARM_UP), direct);
  // The bench's own Temporal client is warm from the starts; the API has served ten requests. A
  // second bemannad on a staffed insats goes the whole way (key, idempotency, the insats's
  // validator) and is refused with 409, so the API's JIT warms up without using up insatser.
  const refused = async (send: Send, index: number) => {
    await send(warmUpIds[index % (2 * WARM_UP)]!, `again-${index}`).then(
      () => Promise.reject(new Error('a second bemannad was accepted')),
      (error: Error) => (/409|already/.test(error.message) ? undefined : Promise.reject(error)),
    );
  };
  for (const send of [overHttp, direct]) {
    const warm = await runAtConcurrency(REFUSED_WARM_UP, concurrency, (index) => refused(send, index));
    if (warm.failures > 0) throw new Error(`warm-up: ${warm.firstFailure}`);
  }
  cpu.http = { api: 0, worker: 0 };
  cpu.direct = { api: 0, worker: 0 };
  const http: LoadResult[] = [];
  const baseline: LoadResult[] = [];
  let extraIds: string[] | undefined;
  const idsOf = async (round: number) => {
    if (round < rounds) return insatsIds.slice(2 * round * perRound, 2 * (round + 1) * perRound);
    extraIds ??= (await startInsatser(stack, 'events-more', 2 * perRound * extraRoundsBelowTarget, concurrency, quietClock())).ids;
    return extraIds.slice(2 * (round - rounds) * perRound, 2 * (round - rounds + 1) * perRound);
  };
  const measureRound = async (round: number) => {
    const ids = await idsOf(round);
    // Every other insats each way, so both get insatser of the same age: when the HTTP way got
    // each round's older half, it was the slower in every first round (32–38 events/s against
    // 46–63).
    const viaHttp = () => run(ids.filter((_, index) => index % 2 === 0), overHttp).then((result) => http.push(result));
    const viaClient = () => run(ids.filter((_, index) => index % 2 === 1), direct).then((result) => baseline.push(result));
    // Which goes first alternates, so a drift within a pair of rounds falls on both alike.
    if (round % 2 === 0) await viaHttp().then(viaClient);
    else await viaClient().then(viaHttp);
    log(`events round ${round + 1}: ${http.at(-1)!.perSecond.toFixed(1)}/s through the API, ${baseline.at(-1)!.perSecond.toFixed(1)}/s through the Temporal client`);
  };
  const ratio = () => combine(http).perSecond / combine(baseline).perSecond;
  await measureInRounds('events', { rounds, extra: extraRoundsBelowTarget, target: THROUGHPUT_RATIO_TARGET }, measureRound, ratio, log);
  const viaApi = combine(http);
  const viaClient = combine(baseline);
  const label = `(${perRound * http.length}, ${concurrency} concurrent)`;
  const cpuPerEvent = (seconds: number, result: LoadResult) => (seconds / result.count) * 1000;
  const apiCpu = cpuPerEvent(cpu.http.api, viaApi);
  const workerCpu = { http: cpuPerEvent(cpu.http.worker, viaApi), direct: cpuPerEvent(cpu.direct.worker, viaClient) };

  const pacedRounds = async (): Promise<{ figures: Figure[]; api: LoadResult[]; client: LoadResult[] }> => {
    if (paced.count === 0) return { figures: [], api: [], client: [] };
    const ids = (await startInsatser(stack, 'paced', 2 * paced.count, concurrency, quietClock())).ids;
    const atRate = (call: (index: number) => Promise<void>) => runAtRate(paced.count, paced.perSecond, call);
    const viaApiPaced = await run(ids.slice(0, paced.count), overHttp, atRate);
    const viaClientPaced = await run(ids.slice(paced.count), direct, atRate);
    const pacedLabel = `at a steady ${paced.perSecond} events/s`;
    const latency = (p: number, target?: Figure['target']): Figure => ({
      measurement: `event latency through the API ${pacedLabel} p${p}`,
      value: percentile(viaApiPaced.latenciesMs, p),
      unit: 'ms',
      baseline: percentile(viaClientPaced.latenciesMs, p),
      baselineLabel: `Temporal client p${p}`,
      ...(target ? { target } : {}),
    });
    return { figures: [latency(50), latency(99, { on: 'value', below: 100 })], api: [viaApiPaced], client: [viaClientPaced] };
  };
  const steady = await pacedRounds();

  return [
    {
      measurement: `events through the API ${label}`,
      value: viaApi.perSecond,
      unit: 'events/s',
      baseline: viaClient.perSecond,
      baselineLabel: 'the same Updates through the Temporal client',
      target: { on: 'ratio', atLeast: THROUGHPUT_RATIO_TARGET },
    },
    {
      measurement: 'event latency through the API p50',
      value: percentile(viaApi.latenciesMs, 50),
      unit: 'ms',
      baseline: percentile(viaClient.latenciesMs, 50),
      baselineLabel: 'Temporal client p50',
    },
    {
      measurement: 'event latency through the API p99',
      value: percentile(viaApi.latenciesMs, 99),
      unit: 'ms',
      baseline: percentile(viaClient.latenciesMs, 99),
      baselineLabel: 'Temporal client p99',
      target: { on: 'value', below: 100 },
    },
    {
      measurement: 'API process CPU per event',
      value: apiCpu,
      unit: 'ms',
    },
    {
      measurement: 'worker CPU per event, through the API',
      value: workerCpu.http,
      unit: 'ms',
      baseline: workerCpu.direct,
      baselineLabel: 'through the Temporal client',
    },
    ...steady.figures,
    ...failureFigures('events failed', combine([viaApi, ...steady.api]), 'Temporal client failures', combine([viaClient, ...steady.client])),
  ];
}
