// Polls until a count reaches its goal, for "every started insats has recorded its projection".
export async function waitForCount(what: string, goal: number, count: () => Promise<number>, timeoutMs: number, intervalMs = 200): Promise<void> {
  const started = Date.now();
  for (;;) {
    const current = await count();
    if (current >= goal) return;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: ${current} of ${goal} after ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
