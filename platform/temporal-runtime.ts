// The Temporal worker runtime's logging: the native core's log lines are forwarded to the
// TypeScript logger (so nothing but our own output reaches stdout), at the given level.
import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';

export function installTemporalRuntime(level: LogLevel, { handleSignals = true } = {}): void {
  Runtime.install({
    logger: new DefaultLogger(level),
    telemetryOptions: { logging: { filter: { core: level, other: 'ERROR' }, forward: {} } },
    ...(handleSignals ? {} : { shutdownSignals: [] }),
  });
}
