// The timeline of a scenario run: each insats's entries in the order its workflow wrote them and
// the events it refused, merged by time. With several insatser each entry names its insats; with
// one it is the insats's own timeline, as the API shows it.
import type { TimelineEntry } from '../domain';
import type { ProjectionWrite } from '../workflows/types';

export type ScenarioTimelineEntry = TimelineEntry & { insatsId?: string };

export interface InsatsEntry {
  insatsId: string;
  entry: TimelineEntry;
}

/** The entry with its insats, read right after its instant. */
const naming = (insatsId: string, { at, ...entry }: TimelineEntry): ScenarioTimelineEntry => ({ at, insatsId, ...entry });

export function scenarioTimeline(insatsIds: string[], writes: ProjectionWrite[], rejected: InsatsEntry[]): ScenarioTimelineEntry[] {
  const rank = (insatsId: string) => insatsIds.indexOf(insatsId);
  const written = writes
    .flatMap((write) => (write.kind === 'timeline' ? [write] : []))
    .sort((a, b) => rank(a.insatsId) - rank(b.insatsId) || a.seq - b.seq)
    .map(({ insatsId, entry }): InsatsEntry => ({ insatsId, entry }));
  const several = insatsIds.length > 1;
  const timeline = [...written, ...rejected].map(({ insatsId, entry }) => (several ? naming(insatsId, entry) : entry));
  // A stable sort: entries of one instant keep their insats's order, and the insatser theirs.
  return timeline.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
