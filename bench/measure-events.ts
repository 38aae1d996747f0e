// Events through the HTTP API (POST /api/insatser/:id/events with an anordnare key and an
// Idempotency-Key, as the README shows a provider doing it) against the same Update sent straight
// with the Temporal client. One `bemannad` per settled insats that has had no event yet; same
// count and concurrency for both, in alternating rounds, each starting with the worker idle.
// Then the latency a caller sees at a steady rate below saturation, both ways again: at 50
// clients that each wait for their answer, the latency is mostly the queue they build.
import { createInsatsClient } from '../client/insats-client';
import { failureFigures, type Figure } from './figures';
import { quietClock } from './fixtures';
import { startInsatser } from './insatser';
import { combine, percentile, runAtConcurrency, runAtRate, type LoadResult } from './load';
import { cpuSeconds, waitUntilIdle } from './process-stats';
import type { Stack } from './stack';
import { waitForCount } from './wait';

const WARM_UP = 10;

type Send = (insatsId: string) => Promise<void>;

export async function measureEvents(
  stack: Stack,
  /** Settled insatser without events: 2 × warm-up to warm up on, and 2 × count to measure on. */
  { warmUpIds, insatsIds }: { warmUpIds: string[]; insatsIds: string[] },
  { count, rounds, concurrency, paced }: { count: number; rounds: number; concurrency: number; paced: { count: number; perSecond: number } },
): Promise<Figure[]> {
  const overHttp: Send = async (insatsId) => {
    const response = await fetch(`${stack.apiUrl}/api/insatser/${insatsId}/events`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${stack.anordnareToken}`,
        'content-type': 'application/json',
        'Idempotency-Key': `${insatsId}-bemannad`,
      },
      body: JSON.stringify({ type: 'bemannad' }),
    });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${body.slice(0, 200)}`);
  };
  const insatser = createInsatsClient(stack.client);
  const direct: Send = async (insatsId) => {
    await insatser.applyEvent(insatsId, { event: { type: 'bemannad' } }, { updateId: `${insatsId}-bemannad` });
  };

  const perRound = Math.ceil(count / rounds);
  if (warmUpIds.length < 2 * WARM_UP || insatsIds.length < 2 * perRound * rounds) {
    throw new Error(`the events measurement needs ${2 * WARM_UP} + ${2 * perRound * rounds} settled insatser`);
  }
  const cpu = { http: { api: 0, worker: 0 }, direct: { api: 0, worker: 0 } };
  const run = async (ids: string[], send: Send, load = (call: (index: number) => Promise<void>) => runAtConcurrency(ids.length, concurrency, call)): Promise<LoadResult> => {
    await waitUntilIdle(stack.workerPid);
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
  cpu.http = { api: 0, worker: 0 };
  cpu.direct = { api: 0, worker: 0 };
  const http: LoadResult[] = [];
  const baseline: LoadResult[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const ids = insatsIds.slice(2 * round * perRound);
    http.push(await run(ids.slice(0, perRound), overHttp));
    baseline.push(await run(ids.slice(perRound, 2 * perRound), direct));
  }
  const viaApi = combine(http);
  const viaClient = combine(baseline);
  const label = `(${perRound * rounds}, ${concurrency} concurrent)`;
  const cpuPerEvent = (seconds: number, result: LoadResult) => (seconds / result.count) * 1000;
  const apiCpu = cpuPerEvent(cpu.http.api, viaApi);
  const workerCpu = { http: cpuPerEvent(cpu.http.worker, viaApi), direct: cpuPerEvent(cpu.direct.worker, viaClient) };

  const pacedIds = (await startInsatser(stack, 'paced', 2 * paced.count, concurrency, quietClock())).ids;
  const atRate = (call: (index: number) => Promise<void>) => runAtRate(paced.count, paced.perSecond, call);
  const pacedApi = await run(pacedIds.slice(0, paced.count), overHttp, atRate);
  const pacedClient = await run(pacedIds.slice(paced.count), direct, atRate);
  const pacedLabel = `at a steady ${paced.perSecond} events/s`;
  return [
    {
      measurement: `events through the API ${label}`,
      value: viaApi.perSecond,
      unit: 'events/s',
      baseline: viaClient.perSecond,
      baselineLabel: 'the same Updates through the Temporal client',
      target: { on: 'ratio', atLeast: 0.7 },
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
    {
      measurement: `event latency through the API ${pacedLabel} p50`,
      value: percentile(pacedApi.latenciesMs, 50),
      unit: 'ms',
      baseline: percentile(pacedClient.latenciesMs, 50),
      baselineLabel: 'Temporal client p50',
    },
    {
      measurement: `event latency through the API ${pacedLabel} p99`,
      value: percentile(pacedApi.latenciesMs, 99),
      unit: 'ms',
      baseline: percentile(pacedClient.latenciesMs, 99),
      baselineLabel: 'Temporal client p99',
      target: { on: 'value', below: 100 },
    },
    ...failureFigures('events failed', combine([viaApi, pacedApi]), 'Temporal client failures', combine([viaClient, pacedClient])),
  ];
}
