// `npm run record-histories -- <scenario.yaml…>`: runs each scenario on the time-skipping server and
// writes every run's workflow history to test/replay/histories/, where the replay test checks that
// today's workflow code still replays them. Re-record only for a new scenario, never to make a
// failing replay pass: a failing replay means the change needs patched() (README, "Changing the workflow").
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { historyToJson } from '../simulator/history-files';
import { runScenario } from '../simulator/run-scenario';
import { parseScenario } from '../simulator/scenario';
import { startTimeSkippingServer } from '../simulator/time-skipping';
import { bundleWorkflows } from '../worker';
import { installTemporalRuntime } from '../platform/temporal-runtime';

// `--as <label>` names the files `<scenario>.<label>.runN.json`: histories of a newer workflow path
// sit beside the older ones, which are never overwritten.
const args = process.argv.slice(2);
const labelAt = args.indexOf('--as');
const label = labelAt >= 0 ? args.splice(labelAt, 2)[1] : undefined;
const files = args;
if (files.length === 0 || (labelAt >= 0 && !/^[a-z0-9-]+$/.test(label ?? ''))) {
  console.error('usage: npm run record-histories -- [--as <label>] <scenario.yaml…>');
  process.exit(2);
}
installTemporalRuntime('ERROR');
const [env, workflowBundle] = await Promise.all([startTimeSkippingServer(), bundleWorkflows()]);
try {
  for (const file of files) {
    const scenario = parseScenario(parseYaml(await readFile(file, 'utf8')));
    const { runs } = await runScenario(scenario, { env, workflowBundle });
    for (const [index, run] of runs.entries()) {
      const target = join('test', 'replay', 'histories', `${basename(file, extname(file))}${label ? `.${label}` : ''}.run${index + 1}.json`);
      await writeFile(target, `${JSON.stringify(historyToJson(run.history))}\n`, { flag: 'wx' });
      console.log(`${target}: ${run.history.events?.length} events`);
    }
  }
} finally {
  await env.teardown();
}
