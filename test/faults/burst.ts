// Insatser whose bemanning reminders fall due together: AMI1, aktualiserad Tuesday 2025-12-23,
// so each one's reminder goes out at 08:00 on Monday 2025-12-29 on the client's clock.
import type { InsatsClient, InsatsStart } from '../../client/insats-client';
import { applySettingsOverrides, defaultSettings, type Settings } from '../../domain';

export function bemanningDueMonday(insatsId: string, parties: Partial<Pick<InsatsStart, 'anordnare' | 'kvl'>> = {}): InsatsStart {
  return {
    insatsId,
    insatstyp: 'AMI1',
    rulebook: '2024',
    beslutsdatum: '2025-12-22',
    aktualiseringsdatum: '2025-12-23',
    anordnare: 'a1',
    kvl: 'k1',
    kundId: `kund-${insatsId}`,
    ...parties,
  };
}

/**
 * Insatser that send each notification themselves, as those started before the daily digest (or
 * with settings digest.enabled off) do: the fault tests of that path start theirs so.
 */
export const sendingItself: Settings = applySettingsOverrides(defaultSettings, { digest: { enabled: false } });

export async function burstOfInsatser(
  insatser: InsatsClient,
  prefix: string,
  count: number,
  start: (insatsId: string, index: number) => InsatsStart = (insatsId) => ({ ...bemanningDueMonday(insatsId), settings: sendingItself }),
): Promise<string[]> {
  const insatsIds = Array.from({ length: count }, (_, index) => `${prefix}-${index}`);
  await Promise.all(insatsIds.map((insatsId, index) => insatser.startInsats(start(insatsId, index))));
  return insatsIds;
}
