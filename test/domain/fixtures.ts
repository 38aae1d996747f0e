// Shared inputs for the domain tests: settings with one reading changed, and insatser by type.
import { defaultSettings, type Insats, type Insatstyp, type LocalDate, type Settings } from '../../domain';

/** A deep copy of the default settings, changed by `change`. */
export function settingsWith(change: (settings: Settings) => void): Settings {
  const settings = structuredClone(defaultSettings);
  change(settings);
  return settings;
}

export function insats(insatstyp: Insatstyp, beslutsdatum: LocalDate, extra: Partial<Insats> = {}): Insats {
  const rulebook = insatstyp === 'AMI1' || insatstyp === 'AMI2' ? '2024' : '2023';
  return { insatstyp, rulebook, beslutsdatum, ...extra };
}
