// Registers the insats search attributes on a Temporal server that does not have them yet
// (a server we did not start with --search-attribute). "Already exists" is success, key by key.
import { status } from '@grpc/grpc-js';
import { isGrpcServiceError, type Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { insatsSearchAttributeKeys } from '../workflows/search-attributes';

export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  // One key at a time: a server that has the older keys must still get a newer one.
  for (const key of insatsSearchAttributeKeys) {
    const searchAttributes = { [key.name]: proto.temporal.api.enums.v1.IndexedValueType[`INDEXED_VALUE_TYPE_${key.type}`] };
    try {
      await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
    } catch (error) {
      if (isGrpcServiceError(error) && error.code === status.ALREADY_EXISTS) continue;
      throw error;
    }
  }
}
