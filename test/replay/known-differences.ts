// Inputs that today's code schedules differently from a history by design, named per history with
// the reason. Each undoes exactly that difference in the replayed inputs; everything else, due
// dates included, must still match. Add an entry only for a difference that is meant and harmless
// for the insatser that recorded it, never to make a domain change pass.
import type { ScheduledInputs } from './scheduled-inputs';

interface KnownDifference {
  /** The histories it applies to: file names starting with this. */
  prefix: string;
  why: string;
  undo(replayed: ScheduledInputs): void;
}

const knownDifferences: KnownDifference[] = [
  {
    prefix: 'ami2-before-2024-rule-scope.',
    why: 'recorded before the workflow recorded payable items for the payment run (commit 1195378)',
    undo(replayed) {
      for (const activity of replayed.activities) {
        if (activity.activityType !== 'recordProjection') continue;
        activity.args = activity.args.map((batch) => (batch as { kind: string }[]).filter((record) => record.kind !== 'payable'));
      }
    },
  },
  {
    prefix: 'ami2-before-2024-rule-scope.',
    why: "on the unpatched path of patched('2024-rule-scope') the 2023 rules the old code applied are in the settings it carries on",
    undo(replayed) {
      const input = replayed.continueAsNew?.args[0] as { settings?: { inheritedIn2024?: string[] } } | undefined;
      const inherited = input?.settings?.inheritedIn2024;
      if (inherited?.slice(-2).join() === 'reviderad-plan,tillaggscheck') inherited.splice(-2);
    },
  },
];

/** The replayed inputs as the code that recorded `file` would have scheduled them. */
export function undoKnownDifferences(file: string, replayed: ScheduledInputs): ScheduledInputs {
  for (const difference of knownDifferences) if (file.startsWith(difference.prefix)) difference.undo(replayed);
  return replayed;
}
