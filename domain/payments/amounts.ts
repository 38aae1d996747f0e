// Looking up configured amounts: a missing one is an error result naming the setting, never an
// invented default (2024: "the AMI 1/AMI 2 month amounts are set in the authorisation terms").
import type { Insatstyp } from '../insatstyp';
import { kronorToOre, type Ore } from '../money';
import type { Settings } from '../settings';

export interface MissingSetting {
  code: 'missing-setting';
  /** The path of the setting to configure, e.g. `settings.payments.monthAmounts.AMI2`. */
  setting: string;
  message: string;
}

export type Result<T, E = MissingSetting> = { ok: true; value: T } | { ok: false; error: E };

export function missingSetting(setting: string, what: string): { ok: false; error: MissingSetting } {
  return { ok: false, error: { code: 'missing-setting', setting, message: `${what} is not configured: set ${setting}` } };
}

export function monthAmount(insatstyp: Insatstyp, settings: Settings): Result<Ore> {
  const kronor = settings.payments.monthAmounts[insatstyp];
  return kronor === undefined
    ? missingSetting(`settings.payments.monthAmounts.${insatstyp}`, `the month amount for ${insatstyp}`)
    : { ok: true, value: kronorToOre(kronor) };
}

export function dayRate(insatstyp: Insatstyp, settings: Settings): Result<Ore> {
  const kronor = settings.payments.dayRates[insatstyp];
  return kronor === undefined
    ? missingSetting(`settings.payments.dayRates.${insatstyp}`, `the day rate for ${insatstyp}`)
    : { ok: true, value: kronorToOre(kronor) };
}
