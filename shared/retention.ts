import type { CalendarEvent } from './calendar';
import { DAY, type Instant, localDate, parseInstant } from './clockTime';
import { focusInterval } from './focus';
import { daySummary } from './history';
import type { Intents } from './intents';
import type { Settings } from './settings';

/** How far back Cadence keeps what the user did: a year of look-backs, and a little more. */
export const KEEP_DAYS = 400;

/** Raw records (each focus block, lunch, shutdown) are kept this many days; older days become summaries. */
export const RAW_DAYS = 14;

/**
 * What is stored, kept small: days older than RAW_DAYS are summarised into `days` (exactly what the
 * look-back shows for them) and their raw records dropped, so a command's cost and the file's size do
 * not grow with the history; summaries older than KEEP_DAYS go. Teammates, away and held items stay.
 */
export function compactIntents(
  intents: Intents,
  now: Instant,
  settings: Settings,
  calendar: readonly CalendarEvent[] = [],
): Intents {
  const zone = settings.workTimeZone;
  const rawFrom = localDate(now - RAW_DAYS * DAY, zone);
  const keepFrom = localDate(now - KEEP_DAYS * DAY, zone);
  const rawCut = now - RAW_DAYS * DAY;
  // A local date never goes back as time goes on: what starts after the cut is on a day kept raw, and
  // only the few older records need their dates written out.
  const blockDays = intents.focus.map((block) => {
    const interval = focusInterval(block);
    if (interval.start >= rawCut) return { block, first: rawFrom, last: rawFrom };
    return { block, first: localDate(interval.start, zone), last: localDate(interval.end, zone) };
  });
  const old = new Set<string>();
  // Blocks last a day at most: their first and last day are every day they touch.
  for (const { first, last } of blockDays)
    for (const date of [first, last]) if (date < rawFrom) old.add(date);
  for (const { date } of intents.lunches) if (date < rawFrom) old.add(date);
  for (const { date } of intents.shutdowns) if (date < rawFrom) old.add(date);
  for (const { date } of intents.nudges) if (date < rawFrom) old.add(date);
  // A stretch of activity is short (an evening at most): the days of its ends are every day it touches.
  const spanDays = intents.activity.map((span) => {
    const from = parseInstant(span.from);
    if (from >= rawCut) return { span, first: rawFrom, last: rawFrom };
    return { span, first: localDate(from, zone), last: localDate(parseInstant(span.to), zone) };
  });
  for (const { first, last } of spanDays) for (const date of [first, last]) if (date < rawFrom) old.add(date);
  const rawSnoozes = (until: string) => parseInstant(until) >= now - RAW_DAYS * DAY;
  const lunchSnoozes = intents.lunchSnoozes.filter((s) => rawSnoozes(s.until));
  const shutdownSnoozes = intents.shutdownSnoozes.filter((s) => rawSnoozes(s.until));
  const expired = intents.days.some((day) => day.date < keepFrom);
  // A tick belongs to the list its closing set: it goes when that closing does.
  const ticks = intents.ticks.filter((tick) => tick.setOn >= rawFrom);
  const goalSkips = intents.goalSkips.filter((skip) => parseInstant(skip.at) >= now - RAW_DAYS * DAY);
  const goalOffers = intents.goalOffers.filter(
    (offer) => parseInstant(offer.startAt) >= now - RAW_DAYS * DAY,
  );
  if (
    !old.size &&
    ticks.length === intents.ticks.length &&
    goalSkips.length === intents.goalSkips.length &&
    goalOffers.length === intents.goalOffers.length &&
    !expired &&
    lunchSnoozes.length === intents.lunchSnoozes.length &&
    shutdownSnoozes.length === intents.shutdownSnoozes.length
  )
    return intents;
  const known = new Set(intents.days.map((day) => day.date));
  const summarised = [...old]
    .filter((date) => !known.has(date) && date >= keepFrom)
    .map((date) => daySummary(date, now, settings, intents, calendar));
  const compacted: Intents = {
    ...intents,
    // A block that runs into a day still kept raw stays until that day is summarised too.
    focus: blockDays.filter(({ last }) => last >= rawFrom).map(({ block }) => block),
    lunches: intents.lunches.filter((record) => record.date >= rawFrom),
    shutdowns: intents.shutdowns.filter((record) => record.date >= rawFrom),
    lunchSnoozes,
    shutdownSnoozes,
    ticks,
    goalSkips,
    goalOffers,
    activity: spanDays.filter(({ last }) => last >= rawFrom).map(({ span }) => span),
    nudges: intents.nudges.filter((nudge) => nudge.date >= rawFrom),
    days: [...intents.days.filter((day) => day.date >= keepFrom), ...summarised].sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
    ),
  };
  const unchanged = (
    [
      'focus',
      'lunches',
      'shutdowns',
      'lunchSnoozes',
      'shutdownSnoozes',
      'ticks',
      'goalSkips',
      'goalOffers',
      'activity',
      'nudges',
      'days',
    ] as const
  ).every((list) => compacted[list].length === intents[list].length);
  return unchanged && !summarised.length ? intents : compacted;
}
