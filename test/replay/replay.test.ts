// Running insatser must survive code changes: every committed history (recorded from real runs of
// the example scenarios, one file per workflow run) must replay on today's workflow code without a
// nondeterminism error, and schedule every activity with the input the history recorded: the SDK
// checks only the kinds of command, so a domain/ change that moves a due date would replay.
// A change that breaks this needs patched() (README, "Changing the workflow").
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { assert, beforeAll, describe, expect, it } from 'vitest';
import { historyFromJson } from '../../simulator/history-files';
import { bundleWorkflows, workflowsPath } from '../../worker';
import { undoKnownDifferences } from './known-differences';
import { collectingSinks, inputMismatch, recordedInputs } from './scheduled-inputs';

const folder = join('test', 'replay', 'histories');
const files = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();
const interceptorModule = fileURLToPath(new URL('./scheduled-inputs-interceptor.ts', import.meta.url));
let workflowBundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  workflowBundle = await bundleWorkflows(workflowsPath, [interceptorModule]);
});

describe('replay of recorded insats histories', () => {
  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s replays on the current workflow code with the recorded inputs', async (file) => {
    const history = historyFromJson(JSON.parse(readFileSync(join(folder, file), 'utf8')));
    expect(history.events.length).toBeGreaterThan(10);
    const { sinks, replayed } = collectingSinks();
    await expect(Worker.runReplayHistory({ workflowBundle, sinks }, history, file)).resolves.toBeUndefined();
    const recorded = recordedInputs(history);
    expect(recorded.activities.length).toBeGreaterThan(0);
    const mismatch = inputMismatch(recorded, undoKnownDifferences(file, replayed));
    if (mismatch) assert.fail(`${file}: ${mismatch}`);
  });
});
