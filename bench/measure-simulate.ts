// Wall time of `npm run simulate` on the 12-month AMI2 happy path, as an operator or a developer
// runs it: npm, tsx, the bundle, the time-skipping server and the whole year of the insats.
import { spawn } from 'node:child_process';
import type { Figure } from './figures';

const SCENARIO = 'scenarios/ami2-happy-path.yaml';

export async function measureSimulate(): Promise<Figure[]> {
  const started = performance.now();
  // Its own process group, so npm, tsx and the test server it starts all go if the bench dies.
  const child = spawn('npm', ['run', '--silent', 'simulate', '--', SCENARIO, '--json'], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killOnExit = () => process.kill(-child.pid!, 'SIGKILL');
  process.once('exit', killOnExit);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  process.removeListener('exit', killOnExit);
  if (code !== 0) throw new Error(`npm run simulate -- ${SCENARIO} exited with ${code}: ${stderr.slice(-500)}`);
  return [
    {
      measurement: `npm run simulate -- ${SCENARIO} --json (12-month AMI2)`,
      value: (performance.now() - started) / 1000,
      unit: 's',
      // The scenario file's own promise: "the 30-second check".
      target: { on: 'value', below: 30 },
    },
  ];
}
