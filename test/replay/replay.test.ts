// Running insatser must survive code changes: every committed history (recorded from real runs of
// the example scenarios, one file per workflow run) must replay on today's workflow code without a
// nondeterminism error. A change that breaks this needs patched() (README, "Changing the workflow").
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { historyFromJson } from '../../simulator/history-files';
import { bundleWorkflows } from '../../worker';

const folder = join('test', 'replay', 'histories');
const files = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();
let workflowBundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  workflowBundle = await bundleWorkflows();
});

describe('replay of recorded insats histories', () => {
  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s replays on the current workflow code', async (file) => {
    const history = historyFromJson(JSON.parse(readFileSync(join(folder, file), 'utf8')));
    expect(history.events.length).toBeGreaterThan(10);
    await expect(Worker.runReplayHistory({ workflowBundle }, history, file)).resolves.toBeUndefined();
  });
});
