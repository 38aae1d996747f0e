// Running insatser must survive code changes: every committed history (recorded from real runs of
// the example scenarios, one file per workflow run) must replay on today's workflow code without a
// nondeterminism error, and schedule every activity with the input the history recorded: the SDK
// checks only the kinds of command, so a domain/ change that moves a due date would replay.
// A change that breaks this needs patched() (README, "Changing the workflow").
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { assert, beforeAll, describe, expect, it } from 'vitest';
import { dataConverterFor } from '../../platform/data-converter';
import { newPayloadKeysValue, parsePayloadKeys } from '../../platform/payload-keys';
import { historyFromJson } from '../../simulator/history-files';
import { bundleWorkflows, workflowsPath } from '../../worker';
import { undoKnownDifferences } from './known-differences';
import { collectingSinks, inputMismatch, recordedInputs, type ScheduledInputs } from './scheduled-inputs';

const folder = join('test', 'replay', 'histories');
const files = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();
const interceptorModule = fileURLToPath(new URL('./scheduled-inputs-interceptor.ts', import.meta.url));
const histories = new Map<string, temporal.api.history.v1.History>();
const errors = new Map<string, Error | undefined>();
let replayed: Map<string, ScheduledInputs>;

// One replay worker for every history, in this hook: a worker per history cost 2.3 times the CPU.
beforeAll(async () => {
  for (const file of files) histories.set(file, historyFromJson(JSON.parse(readFileSync(join(folder, file), 'utf8'))));
  const workflowBundle = await bundleWorkflows(workflowsPath, [interceptorModule]);
  const collecting = collectingSinks();
  replayed = collecting.replayed;
  const replays = [...histories].map(([workflowId, history]) => ({ workflowId, history }));
  // Through the service's encrypting converter, as a worker replays them after the codec landed:
  // these histories were recorded before it, and their plain payloads must decode as they are.
  const dataConverter = dataConverterFor(parsePayloadKeys(newPayloadKeysValue('replay')));
  for await (const { workflowId, error } of Worker.runReplayHistories({ workflowBundle, sinks: collecting.sinks, dataConverter }, replays)) {
    errors.set(workflowId, error);
  }
}, 240_000);

describe('replay of recorded insats histories', () => {
  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('reports an input that differs from the history with its activity, event and path', () => {
    const file = 'fjp-lang.run1.json';
    const recorded = recordedInputs(histories.get(file)!);
    const index = recorded.activities.findIndex(({ args }) => JSON.stringify(args).includes('"rule":"uppdrag"'));
    const batch = recorded.activities[index]!.args[0] as { kind: string; deadline?: { rule: string; due: string } }[];
    const record = batch.findIndex((entry) => entry.kind === 'deadline' && entry.deadline?.rule === 'uppdrag');
    batch[record]!.deadline!.due = '2023-10-09';
    expect(inputMismatch(recorded, replayed.get(file)!)).toBe(
      `activity ${index + 1} of ${recorded.activities.length}, recordProjection (ActivityTaskScheduled, event ${recorded.activities[index]!.eventId}), ` +
        `differs at args[0][${record}].deadline.due: recorded "2023-10-09", replayed "2023-10-05"`,
    );
  });

  it.each(files)('%s replays on the current workflow code with the recorded inputs', (file) => {
    const history = histories.get(file)!;
    expect(history.events.length).toBeGreaterThan(10);
    expect(errors.has(file), 'replayed').toBe(true);
    const error = errors.get(file);
    if (error) throw error;
    const recorded = recordedInputs(history);
    expect(recorded.activities.length).toBeGreaterThan(0);
    const mismatch = inputMismatch(recorded, undoKnownDifferences(file, replayed.get(file) ?? { activities: [] }));
    if (mismatch) assert.fail(`${file}: ${mismatch}`);
  });
});
