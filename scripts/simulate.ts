// `npm run simulate -- <scenario.yaml|json> [--json]`: runs a scenario through the real insats
// workflow on Temporal's time-skipping test server and prints its timeline. Exit code 2 for a
// scenario that cannot be read or is malformed.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { formatTimeline } from '../simulator/print-timeline';
import { runScenario } from '../simulator/run-scenario';
import { parseScenario, ScenarioError, type Scenario } from '../simulator/scenario';
import { startTimeSkippingServer } from '../simulator/time-skipping';
import { bundleWorkflows } from '../worker';
import { installTemporalRuntime } from '../platform/temporal-runtime';
import { exitWith } from './exit-with';

const USAGE = 'usage: npm run simulate -- <scenario.yaml|json> [--json]';

async function readScenario(path: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ScenarioError(`cannot read ${path}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ScenarioError(`${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message}`);
  }
  return parseScenario(value);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const files = args.filter((arg) => arg !== '--json');
  if (files.length !== 1 || args.some((arg) => arg.startsWith('--') && arg !== '--json')) {
    console.error(USAGE);
    return 2;
  }
  let scenario: Scenario;
  try {
    scenario = await readScenario(files[0]!);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    console.error(error.message);
    return 2;
  }

  installTemporalRuntime('ERROR');
  const [env, workflowBundle] = await Promise.all([startTimeSkippingServer(), bundleWorkflows()]);
  try {
    const { timeline, warnings } = await runScenario(scenario, { env, workflowBundle });
    for (const warning of warnings) console.error(`warning: ${warning}`);
    console.log(json ? JSON.stringify(timeline, null, 2) : formatTimeline(timeline));
  } finally {
    await env.teardown();
  }
  return 0;
}

exitWith(main);
