// Workflow interceptor bundled only into the replay test's bundle: it reports every activity the
// workflow schedules, and its continue-as-new input, through a sink that runs during replay. The
// SDK's replay compares only the kinds of command, so a change in domain/ that moves a due date
// schedules the same recordProjection with other arguments and would replay; the test compares
// these reports with the inputs the history recorded.
import { defaultPayloadConverter } from '@temporalio/common';
import { proxySinks, type Sinks, type WorkflowInterceptorsFactory } from '@temporalio/workflow';

export interface ScheduledInputsSinks extends Sinks {
  scheduledInputs: {
    activity(activityType: string, args: unknown[]): void;
    continueAsNew(args: unknown[]): void;
  };
}

const { scheduledInputs } = proxySinks<ScheduledInputsSinks>();

/**
 * The arguments as the worker's (default) payload converter writes them into the history, taken
 * when the command is made: the workflow may change the objects before the sink call leaves.
 */
function asRecorded(args: unknown[]): unknown[] {
  return args.map((arg) => defaultPayloadConverter.fromPayload(defaultPayloadConverter.toPayload(arg)));
}

export const interceptors: WorkflowInterceptorsFactory = () => ({
  outbound: [
    {
      scheduleActivity(input, next) {
        scheduledInputs.activity(input.activityType, asRecorded(input.args));
        return next(input);
      },
      continueAsNew(input, next) {
        scheduledInputs.continueAsNew(asRecorded(input.args));
        return next(input);
      },
    },
  ],
});
