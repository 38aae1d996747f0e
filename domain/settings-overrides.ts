// Settings overrides (a scenario's `config`, a deployment's configuration) over the defaults: a deep
// merge that refuses unknown paths, so a misspelt reading never passes silently.
import { INSATSTYPER } from './insatstyp';
import { defaultSettings, type Settings } from './settings';

export type SettingsOverrides = { [key: string]: unknown };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Maps keyed by insatstyp may lack a key in the defaults: the AMI amounts have no default (2024).
const NEW_KEYS_ALLOWED: readonly string[] = INSATSTYPER;

function merge(base: unknown, overrides: unknown, path: string): unknown {
  if (!isObject(overrides)) return overrides;
  if (!isObject(base)) throw new Error(`setting ${path} is not a group of settings`);
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const child = path ? `${path}.${key}` : key;
    if (!(key in base) && !NEW_KEYS_ALLOWED.includes(key)) throw new Error(`unknown setting ${child}`);
    merged[key] = key in base ? merge(base[key], value, child) : value;
  }
  return merged;
}

/** `base` with `overrides` applied; throws an Error naming the first unknown setting path. */
export function applySettingsOverrides(base: Settings, overrides: SettingsOverrides | undefined): Settings {
  return overrides ? (merge(base, overrides, '') as Settings) : base;
}

function fillMissing(pinned: unknown, defaults: unknown): unknown {
  if (!isObject(pinned) || !isObject(defaults)) return pinned === undefined ? defaults : pinned;
  const filled: Record<string, unknown> = { ...pinned };
  for (const [key, value] of Object.entries(defaults)) filled[key] = fillMissing(pinned[key], value);
  return filled;
}

/**
 * Settings pinned by an insats started before a setting existed, with today's defaults for what
 * they lack. Only code that reads a newer setting calls this, so older decisions stay as pinned.
 */
export function settingsWithDefaults(pinned: Settings): Settings {
  return fillMissing(pinned, defaultSettings) as Settings;
}
