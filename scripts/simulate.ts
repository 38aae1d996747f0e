// `npm run simulate -- <scenario.yaml|json> [--json] [--mail]`: runs a scenario through the real
// insats workflow on Temporal's time-skipping test server and prints its timeline; with --mail
// also the e-mails each recipient got, day by day. Exit code 2 for a scenario that cannot be read
// or is malformed.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { mailReport } from '../simulator/mail-report';
import { formatMail } from '../simulator/print-mail';
import { formatTimeline } from '../simulator/print-timeline';
import { runScenario } from '../simulator/run-scenario';
import { parseScenario, ScenarioError, type Scenario } from '../simulator/scenario';
import { startTimeSkippingServer } from '../simulator/time-skipping';
import { bundleWorkflows } from '../worker';
import { installTemporalRuntime } from '../platform/temporal-runtime';
import { exitWith } from './exit-with';

const USAGE = 'usage: npm run simulate -- <scenario.yaml|json> [--json] [--mail]';
const FLAGS = ['--json', '--mail'];

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
  const mail = args.includes('--mail');
  const files = args.filter((arg) => !FLAGS.includes(arg));
  if (files.length !== 1 || files.some((arg) => arg.startsWith('--'))) {
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
    const { timeline, warnings, mails } = await runScenario(scenario, { env, workflowBundle });
    for (const warning of warnings) console.error(`warning: ${warning}`);
    if (!mail) console.log(json ? JSON.stringify(timeline, null, 2) : formatTimeline(timeline));
    else if (json) console.log(JSON.stringify({ timeline, mail: mailReport(mails) }, null, 2));
    else console.log(`${formatTimeline(timeline)}\n\nE-mails, per recipient and day:\n\n${formatMail(mailReport(mails))}`);
  } finally {
    await env.teardown();
  }
  return 0;
}

exitWith(main);
