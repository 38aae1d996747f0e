// `npm run import -- file.csv|file.json`: brings running insatser in (go-live, late registration)
// straight through Temporal (TEMPORAL_ADDRESS, else the dev server `npm start` runs), with the rule
// settings of SETTINGS_FILE. One line out per line in, then a summary. Exit code 0 when no line was
// refused, 1 when some were, 2 when the file cannot be read, 3 when Temporal could not be reached
// or failed midway (the lines printed are done; running the import again is safe).
import { Client, Connection } from '@temporalio/client';
import { createInsatsClient } from '../client/insats-client';
import { importInsatser, summaryOf, type ImportResult } from '../api/import-insatser';
import { dataConverterFor } from '../platform/data-converter';
import { requirePayloadKeyring } from '../platform/payload-keys';
import { readConfig } from '../platform/config';
import { systemClock } from '../platform/clock';
import { loadSettings } from '../platform/settings-file';
import { ImportFileError, readImportFile } from './import-file';
import { exitWith } from './exit-with';

const USAGE = 'usage: npm run import -- <file.csv|file.json>';

function printed({ line, id, result, reason }: ImportResult): string {
  return `line ${line} ${id ?? '(no id)'} ${result === 'refused' ? `refused: ${reason}` : result}`;
}

async function main(): Promise<number> {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  let lines;
  try {
    lines = await readImportFile(file);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    console.error(`${file}: ${error.message}`);
    return 2;
  }

  const config = readConfig();
  const settings = await loadSettings(config.settingsFile);
  const address = config.temporalAddress ?? `127.0.0.1:${config.temporalPort}`;
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address });
    const dataConverter = dataConverterFor(requirePayloadKeyring(process.env, config.dataDir));
    const insatser = createInsatsClient(new Client({ connection, namespace: config.temporalNamespace, dataConverter }));
    const results = await importInsatser(lines, { insatser, clock: systemClock, settings }, (result) => console.log(printed(result)));
    const { created, exists, refused } = summaryOf(results);
    console.log(`${results.length} lines: ${created} created, ${exists} exists, ${refused} refused`);
    return refused > 0 ? 1 : 0;
  } catch (error) {
    console.error(`the import stopped (Temporal at ${address}): ${(error as Error).message}`);
    console.error('The lines printed above are done; run the import again to do the rest (lines already imported say exists).');
    return 3;
  } finally {
    await connection?.close();
  }
}

exitWith(main, 3);
