// Workflow histories as committed JSON files, for the replay test (test/replay): written by
// `npm run record-histories`, read back into protobuf messages for Worker.runReplayHistory.
import proto from '@temporalio/proto';

const { History } = proto.temporal.api.history.v1;

export function historyToJson(history: proto.temporal.api.history.v1.IHistory): unknown {
  return History.toObject(History.fromObject(history), { longs: String, enums: String, bytes: String });
}

export function historyFromJson(json: unknown): proto.temporal.api.history.v1.History {
  return History.fromObject(json as Record<string, unknown>);
}
