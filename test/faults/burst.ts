// Insatser whose bemanning reminders fall due together: AMI1, aktualiserad Tuesday 2025-12-23,
// so each one's reminder goes out at 08:00 on Monday 2025-12-29 on the client's clock.
import type { InsatsClient, InsatsStart } from '../../client/insats-client';

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

export async function burstOfInsatser(insatser: InsatsClient, prefix: string, count: number): Promise<string[]> {
  const insatsIds = Array.from({ length: count }, (_, index) => `${prefix}-${index}`);
  await Promise.all(insatsIds.map((insatsId) => insatser.startInsats(bemanningDueMonday(insatsId))));
  return insatsIds;
}
