import { type Availability, lunchIfStartedAt, type Mode, type Reason } from './availability';
import { type Instant, isoInZone } from './clockTime';
import type { DayPlan, NextUp, PlanItem } from './dayPlan';
import type { Teammate } from './intents';
import type { Prompt } from './prompts';
import type { QuietKind } from './team/quietTimes';
import type { TeammateGlance } from './teammateGlance';

/** Instants as ISO 8601 with the work zone's offset: what every client receives. */
export interface StatusView {
  mode: Mode;
  reason: Reason;
  since: string | null;
  until: string | null;
  timeZone: string;
  systemTimeZone: string;
  now: string;
  focus: { id: string; startedAt: string; endsAt: string; plannedEndsAt: string } | null;
  meeting: { title: string; endsAt: string } | null;
  /** The lunch under way, with its own end (a block planned into it does not move it). */
  lunch: { startedAt: string; endsAt: string } | null;
  nextWorkStart: string | null;
  workday: string | null;
  /** What comes next today while working: a planned focus block, a meeting or lunch. */
  next: { kind: NextUp['kind']; at: string; title: string | null } | null;
  prompts: PromptView[];
  problems: string[];
  /** How activity outside working hours is seen (or why it is not), in words. */
  activitySource: string;
}

export interface PromptView {
  kind: Prompt['kind'] | 'focusEnded';
  key: string;
  workday: string;
  endOfDay: string | null;
  snoozeLimit: string | null;
  windowEnd: string | null;
  /** When a focus block ended (focusEnded prompts only). */
  endedAt?: string;
  /** Minutes of activity seen after hours (afterHours prompts only). */
  activeMinutes?: number;
  /** A focus goal block waiting for a click (goalStart prompts only): its key and start. */
  goalKey?: string;
  goalStart?: string;
}

export function toStatusView(
  at: Instant,
  availability: Availability,
  prompts: readonly Prompt[],
  problems: readonly string[],
  systemTimeZone: string,
  next: NextUp | null = null,
  activitySource = 'Not measured.',
): StatusView {
  const zone = availability.timeZone;
  const iso = (value: Instant | null | undefined): string | null =>
    value === null || value === undefined ? null : isoInZone(value, zone);
  const focus = availability.focus;
  return {
    mode: availability.mode,
    reason: availability.reason,
    since: iso(availability.since),
    until: iso(availability.until),
    timeZone: zone,
    systemTimeZone,
    now: isoInZone(at, zone),
    focus: focus
      ? {
          id: focus.id,
          startedAt: isoInZone(focus.start, zone),
          endsAt: isoInZone(focus.end, zone),
          plannedEndsAt: isoInZone(focus.plannedEnd, zone),
        }
      : null,
    meeting: availability.meeting
      ? { title: availability.meeting.title, endsAt: isoInZone(availability.meeting.end, zone) }
      : null,
    lunch: availability.lunch
      ? {
          startedAt: isoInZone(availability.lunch.start, zone),
          endsAt: isoInZone(availability.lunch.end, zone),
        }
      : null,
    nextWorkStart: iso(availability.nextWorkStart),
    workday: availability.workday,
    next: next ? { kind: next.kind, at: isoInZone(next.start, zone), title: next.title } : null,
    prompts: prompts.map((prompt) => ({
      kind: prompt.kind,
      key: prompt.key,
      workday: prompt.workday,
      endOfDay: iso(prompt.endOfDay),
      snoozeLimit: iso(prompt.snoozeLimit),
      windowEnd: iso(prompt.windowEnd),
      ...(prompt.activeMinutes !== undefined ? { activeMinutes: prompt.activeMinutes } : {}),
      ...(prompt.goalKey ? { goalKey: prompt.goalKey } : {}),
      ...(prompt.goalStart !== undefined ? { goalStart: isoInZone(prompt.goalStart, zone) } : {}),
    })),
    problems: [...problems],
    activitySource,
  };
}

type WithIsoTimes<T> = T extends PlanItem ? Omit<T, 'start' | 'end'> & { start: string; end: string } : never;
export type PlanItemView = WithIsoTimes<PlanItem>;

export interface DayPlanView extends Omit<DayPlan, 'items' | 'endOfDay' | 'goal'> {
  items: PlanItemView[];
  /** The team's core hours that start this day, in the plan's zone (issue #24); none without a team file. */
  coreHours?: { start: string; end: string }[];
  endOfDay: string | null;
  goal:
    | (Omit<NonNullable<DayPlan['goal']>, 'ahead'> & {
        ahead: { id: string; start: string; end: string; written: boolean }[];
      })
    | null;
}

export function toDayPlanView(plan: DayPlan): DayPlanView {
  const zone = plan.timeZone;
  return {
    ...plan,
    items: plan.items.map(
      (item) =>
        ({ ...item, start: isoInZone(item.start, zone), end: isoInZone(item.end, zone) }) as PlanItemView,
    ),
    endOfDay: plan.endOfDay === null ? null : isoInZone(plan.endOfDay, zone),
    goal: plan.goal
      ? {
          ...plan.goal,
          ahead: plan.goal.ahead.map((block) => ({
            ...block,
            start: isoInZone(block.start, zone),
            end: isoInZone(block.end, zone),
          })),
        }
      : null,
  };
}

/**
 * The plan as it stands at `now`: a lunch that is due and not started shows where it would be if started
 * now (the plan was computed when the prompt came; the prompt says the same end).
 */
export function withDueLunchFromNow(plan: DayPlanView, now: Instant): DayPlanView {
  const items = plan.items.map((item) => {
    if (item.kind !== 'lunch' || item.state !== 'planned') return item;
    const start = Date.parse(item.start);
    const from = lunchIfStartedAt(now, Math.round((Date.parse(item.end) - start) / 60_000));
    if (start >= from.start) return item;
    return { ...item, start: isoInZone(from.start, plan.timeZone), end: isoInZone(from.end, plan.timeZone) };
  });
  return { ...plan, items };
}

/** When the whole team (you and every teammate) is next in working hours at once. */
export interface TogetherView {
  /** The first such stretch within two weeks, null when there is none. */
  next: { start: string; end: string } | null;
  /** You and your teammates. */
  people: number;
  /** Your working zone, the one `next` is written in. */
  timeZone: string;
  /** The team's quiet time (a team file's) was taken out of everyone's hours. */
  teamQuietApplied: boolean;
}

export interface TeammateView extends Omit<TeammateGlance, 'nextAvailable' | 'nextOverlap'> {
  nextAvailable: string | null;
  nextOverlap: { start: string; end: string } | null;
  source: string;
  /**
   * With a team file that sets quiet time: null while they are inside the team's hours, else the quiet
   * time they are in (in their own zone) and when it ends. Absent without such a file.
   */
  teamQuiet?: { kind: QuietKind; until: string } | null;
  /** Cadence can send them a Slack message (they are a Slack member, or stand for one). */
  messageable?: true;
  /** What the user entered for a teammate added by hand, to edit it; none for a service's teammate. */
  entered?: Pick<Teammate, 'week' | 'weekendDays' | 'email'>;
}
