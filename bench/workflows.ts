// The bench worker's workflow bundle: every workflow the service runs, plus an empty workflow
// whose starts are the baseline for insats starts (same server, same worker, same task queue).
export * from '../workflows/index';

export async function emptyWorkflow(): Promise<void> {}
