// The rule settings the service runs with: the defaults (domain/settings.ts) with the overrides of
// SETTINGS_FILE, a JSON file such as {"payments": {"monthAmounts": {"AMI1": 6500, "AMI2": 7000}}}.
// A file that cannot be read or names an unknown setting stops the start with the reason.
import { readFile } from 'node:fs/promises';
import { applySettingsOverrides, defaultSettings, type Settings } from '../domain';

export async function loadSettings(file: string | undefined): Promise<Settings> {
  if (!file) return defaultSettings;
  let overrides: unknown;
  try {
    overrides = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`SETTINGS_FILE ${file} could not be read as JSON: ${(error as Error).message}`);
  }
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new Error(`SETTINGS_FILE ${file} must hold a JSON object of settings`);
  }
  try {
    return applySettingsOverrides(defaultSettings, overrides as Record<string, unknown>);
  } catch (error) {
    throw new Error(`SETTINGS_FILE ${file}: ${(error as Error).message}`);
  }
}
