import type { QuietKind } from './quietTimes';
import type { TogetherView } from '../statusView';
import { clockTime, dayWords, whenText } from '../words';

// The teammates glance's words for the team file (issue #24), for the window and the CLI alike.

/** A day in milliseconds (not clockTime's: the CLI loads these words without the date library). */
const DAY = 86_400_000;

const QUIET_WORDS: Record<QuietKind, string> = {
  evening: 'Team quiet hours',
  day: 'Team quiet day',
  holiday: 'Team holiday',
};

/**
 * A teammate outside the team's hours: "Team quiet hours until 8:00", on your clock as "back" is; the
 * day is named only when the end is more than a day away (the glance's column is narrow).
 */
export function teamQuietWords(
  quiet: { kind: QuietKind; until: string },
  zone: string,
  now: number,
  locale?: string,
): string {
  const until =
    Date.parse(quiet.until) - now < DAY
      ? clockTime(quiet.until, zone, locale)
      : whenText(quiet.until, zone, now, locale);
  return `${QUIET_WORDS[quiet.kind]} until ${until}`;
}

/** When you and every teammate are next in working hours at once, on your clock. */
export function togetherWords(view: TogetherView, zone: string, now: number, locale?: string): string {
  const everyone = view.people === 2 ? 'both of you' : `all ${view.people} of you`;
  const next = view.next;
  if (!next) return `No time in the next two weeks when ${everyone} are in working hours.`;
  const end = clockTime(next.end, zone, locale);
  // A stretch under way starts at the instant it was computed: a start within the minute is now.
  if (Date.parse(next.start) <= now + 60_000) return `Whole team together now, until ${end} (${everyone}).`;
  const start = clockTime(next.start, zone, locale);
  return `Whole team next together ${dayWords(next.start, zone, now, locale)} ${start}–${end} (${everyone}).`;
}
