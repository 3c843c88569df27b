import type { Instant } from '../../shared/clockTime';
import type { Desired } from '../../shared/desired';

/** A block planned ahead, as the calendars should hold it. */
export type PlannedBlock = Desired['planned'][number];

/** An event Cadence put on a calendar for a planned block, found again by the block's key. */
export interface OwnPlannedEvent {
  id: string;
  key: string;
  start: Instant;
  end: Instant;
}

export interface PlannedChanges {
  create: PlannedBlock[];
  move: { eventId: string; block: PlannedBlock }[];
  remove: string[];
}

/**
 * What a calendar needs so that its planned events are the plan ahead, whichever service it is:
 * blocks still to come, and one under way that waits for its click (an offer), keep their slot; an
 * event no longer planned (skipped, moved away, the goal turned off) goes, unless it has ended or is
 * the focus block running now; a second event for one block (a create whose answer was lost, then
 * made again) goes too. `own` is in the order the service listed it: the first event of a key is kept.
 */
export function plannedChanges(
  planned: readonly PlannedBlock[],
  own: readonly OwnPlannedEvent[],
  now: Instant,
  runningId: string | null,
): PlannedChanges {
  const changes: PlannedChanges = { create: [], move: [], remove: [] };
  const existing = new Map<string, OwnPlannedEvent>();
  for (const event of own) {
    if (!existing.has(event.key)) existing.set(event.key, event);
    else if (event.start > now) changes.remove.push(event.id);
  }
  for (const block of wantedPlanned(planned, now)) {
    const found = existing.get(block.id);
    existing.delete(block.id);
    if (!found) changes.create.push(block);
    else if (found.start !== block.start || found.end !== block.end)
      changes.move.push({ eventId: found.id, block });
  }
  for (const [key, event] of existing)
    if (event.end > now && key !== runningId) changes.remove.push(event.id);
  return changes;
}

/** The planned blocks a calendar holds now: those that have not ended. */
export function wantedPlanned(planned: readonly PlannedBlock[], now: Instant): PlannedBlock[] {
  return planned.filter((block) => block.end > now);
}
