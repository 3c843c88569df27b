import type { CalendarEvent } from '../../shared/calendar';
import type { Instant } from '../../shared/clockTime';
import { goalBlocksDue, userGoalPlan } from '../../shared/focusGoal';
import { type Intents, unstorable } from '../../shared/intents';
import type { Settings } from '../../shared/settings';

/** The focus goal's blocks written down, none due, or why they could not be (the list of blocks is full). */
export type GoalCommit =
  { kind: 'none' } | { kind: 'written'; next: Intents } | { kind: 'full'; problem: string };

/**
 * The focus goal's blocks that start within the quarter hour (see goalBlocksDue), written into the
 * intents: as blocks, or held in place as offers when the user starts them with one click.
 */
export function commitGoalBlocks(
  now: Instant,
  settings: Settings,
  intents: Intents,
  calendar: readonly CalendarEvent[],
): GoalCommit {
  const due = goalBlocksDue(userGoalPlan(now, settings, intents, calendar), now, intents);
  if (!due.length) return { kind: 'none' };
  const written = due.map((block) => ({
    id: block.key,
    startAt: new Date(block.start).toISOString(),
    plannedMinutes: Math.round((block.end - block.start) / 60_000),
  }));
  const next =
    settings.focusGoal.start === 'prompt'
      ? {
          ...intents,
          goalOffers: [...intents.goalOffers, ...written.map(({ id, ...offer }) => ({ key: id, ...offer }))],
        }
      : { ...intents, focus: [...intents.focus, ...written] };
  const full = unstorable(intents, next);
  return full
    ? { kind: 'full', problem: `The focus goal's next block did not start: ${full}` }
    : { kind: 'written', next };
}
