// SETTINGS_FILE: the AMI month amounts (2024: set in the authorisation terms) and other readings.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../domain';
import { loadSettings } from '../../platform/settings-file';

const folder = mkdtempSync(join(tmpdir(), 'settings-'));
const file = (name: string, text: string) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};

describe('loadSettings', () => {
  it('uses the defaults without a file', async () => {
    expect(await loadSettings(undefined)).toBe(defaultSettings);
  });

  it('applies the overrides and keeps every other default', async () => {
    const settings = await loadSettings(file('ok.json', '{"payments": {"monthAmounts": {"AMI2": 7000}}}'));
    expect(settings.payments.monthAmounts).toEqual({ JPG: 3686, FJP: 4858, SAI: 6080, AMI2: 7000 });
    expect(settings.reminders).toEqual(defaultSettings.reminders);
  });

  it('refuses a misspelt setting, naming it, and a file that is not JSON', async () => {
    await expect(loadSettings(file('typo.json', '{"payments": {"monthAmount": {"AMI2": 7000}}}'))).rejects.toThrow('unknown setting payments.monthAmount');
    await expect(loadSettings(file('bad.json', '{"payments": '))).rejects.toThrow('could not be read as JSON');
    await expect(loadSettings(join(folder, 'missing.json'))).rejects.toThrow('could not be read');
  });
});
