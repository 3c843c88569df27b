import { type Availability, availabilityAt } from '../../shared/availability';
import type { CalendarEvent } from '../../shared/calendar';
import { type Instant, localDate } from '../../shared/clockTime';
import { nextUp } from '../../shared/dayPlan';
import type { Intents } from '../../shared/intents';
import { nextGoalCommit, userGoalPlan } from '../../shared/focusGoal';
import { duePrompts, nextDeadline, type Prompt } from '../../shared/prompts';
import type { Settings } from '../../shared/settings';
import { type StatusView, toStatusView } from '../../shared/statusView';
import { quietClashes } from '../../shared/team/quietTimes';
import { teamOf } from '../../shared/team/teamNorms';
import type { ActivityProbe } from './ports';

/** What the core knows at an instant, as the pure functions read it. */
export interface SnapshotSource {
  settings: Settings;
  intents: Intents;
  calendar: readonly CalendarEvent[];
  problems: string[];
  activity: ActivityProbe | undefined;
}

export interface Snapshot {
  availability: Availability;
  prompts: Prompt[];
  status: StatusView;
}

/** Where the user stands at `now`: the availability, the prompts due and the view clients get. */
export function snapshotAt(now: Instant, systemZone: string, source: SnapshotSource): Snapshot {
  const { settings, intents, calendar } = source;
  // Where the member's own hours run into the team's quiet time: said, in words, with the other problems.
  const quiet = teamOf(settings)?.quiet;
  const problems = quiet
    ? [...source.problems, ...quietClashes(settings.week, settings.weekendDays, quiet)]
    : source.problems;
  const availability = availabilityAt(now, settings, intents, calendar);
  const prompts = duePrompts(now, settings, intents, calendar, availability);
  // What comes next matters while working; off, the headline says when work resumes instead.
  const next =
    availability.mode === 'working'
      ? nextUp(now, availability.until, localDate(now, settings.workTimeZone), settings, intents, calendar)
      : null;
  const words = activityWords(settings, source.activity);
  const status = toStatusView(now, availability, prompts, problems, systemZone, next, words);
  return { availability, prompts, status };
}

/** How activity outside working hours is seen, in words for the window. */
export function activityWords(settings: Settings, probe: ActivityProbe | undefined): string {
  if (!settings.afterHours.measure) return 'Not measured: turned off in Settings.';
  if (!probe) return 'Not measured: this way of running Cadence has no way to see activity.';
  if (!probe.source) return `Not measured: ${probe.reason}.`;
  return `Seen through ${probe.source.description}: idle time only outside working hours (locking, unlocking and sleep whenever they happen), kept on this machine.`;
}

/** When the core must look again: the next prompt or boundary, or the focus goal's next block to write down. */
export function nextWake(
  now: Instant,
  settings: Settings,
  intents: Intents,
  calendar: readonly CalendarEvent[],
): Instant | null {
  const deadline = nextDeadline(now, settings, intents, calendar);
  const commit = nextGoalCommit(userGoalPlan(now, settings, intents, calendar), now);
  return commit === null ? deadline : deadline === null ? commit : Math.min(deadline, commit);
}

/** The after-hours nudge, once shown, is kept as shown: it stays, and never notifies again that evening. */
export function withNudgeNoted(now: Instant, prompts: readonly Prompt[], intents: Intents): Intents | null {
  const nudge = prompts.find((prompt) => prompt.kind === 'afterHours');
  if (!nudge || intents.nudges.some((shown) => shown.date === nudge.workday)) return null;
  return {
    ...intents,
    nudges: [...intents.nudges, { date: nudge.workday, at: new Date(now).toISOString() }],
  };
}
