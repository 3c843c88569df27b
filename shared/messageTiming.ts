import type { Instant } from './clockTime';
import type { Teammate } from './intents';
import { teammatePattern } from './teammateGlance';
import { clockTime } from './timeWriting';
import { dayWords } from './words';
import { nextSpan, spanAt } from './workPattern';

/**
 * Slack schedules a message "up to 120 days into the future"; further is refused with `time_too_far`
 * (https://docs.slack.dev/reference/methods/chat.scheduleMessage, Restrictions).
 */
export const SCHEDULE_LIMIT_MS = 120 * 24 * 3_600_000;

/**
 * Slack truncates a message's text past 40,000 characters and advises 4,000 at most
 * (https://docs.slack.dev/reference/methods/chat.postMessage, "Truncating content"): Cadence takes no more
 * than that, so nothing is cut.
 */
export const MESSAGE_MAX_CHARS = 4000;

/** What became of a message to a teammate. */
export interface MessageSentView {
  /** The teammate's id in Cadence's list, and their name. */
  to: string;
  name: string;
  /** When Slack delivers it (ISO, in the sender's zone); null when it went now. */
  deliverAt: string | null;
  /** Slack's id of the scheduled message, to take it back before it lands. */
  scheduledId: string | null;
  urgent: boolean;
  /** What happened, in words: "Arrives on Monday at 09:00, Ana's time (08:00 for you)." */
  words: string;
}

/**
 * When a message to a teammate should reach them: now while they are in their working hours, else at the
 * start of their next working span (their zone, weekdays and weekend). Null `at` means now.
 * `noHours` when they have no working hours at all in the coming 120 days (then it goes now, said so).
 */
export type Delivery =
  { kind: 'now'; at: null } | { kind: 'theirStart'; at: Instant } | { kind: 'noHours'; at: null };

/**
 * `quietUntil`: when the team's quiet time that `at` falls in ends, in the teammate's zone (null when `at`
 * is not quiet): a team file's quiet evenings and days are no time to land in anyone's messages either.
 */
export function deliveryFor(
  teammate: Teammate,
  now: Instant,
  quietUntil: (at: Instant) => Instant | null = () => null,
): Delivery {
  const pattern = teammatePattern(teammate);
  let at = now;
  // Each step moves past a quiet stretch or to the next working span: a few weeks at most.
  for (let step = 0; step < 64; step++) {
    const quiet = quietUntil(at);
    if (quiet !== null && quiet > at) {
      at = quiet;
      continue;
    }
    if (spanAt(at, pattern)) return at === now ? { kind: 'now', at: null } : ahead(at, now);
    const next = nextSpan(at, pattern);
    if (!next) break;
    at = next.start;
  }
  return { kind: 'noHours', at: null };
}

function ahead(at: Instant, now: Instant): Delivery {
  return at - now > SCHEDULE_LIMIT_MS ? { kind: 'noHours', at: null } : { kind: 'theirStart', at };
}

/** The sender's Slack identity for a teammate: their own member id ("U123"), when Slack lists them. */
export function slackMemberOf(teammate: Pick<Teammate, 'id' | 'replaces'>): string | null {
  const linked = [teammate.id, teammate.replaces].find((id) => id?.startsWith('slack:'));
  return linked ? linked.slice('slack:'.length) : null;
}

/**
 * When it lands, in the reader's day and clock, then the sender's: "Arrives on Monday at 09:00, Ana's
 * time (08:00 for you)", "Arrives tomorrow at 09:00, Kai's time (today at 13:00 for you)".
 */
export function arrivalWords(
  name: string,
  at: Instant,
  theirZone: string,
  yourZone: string,
  now: Instant,
  locale?: string,
): string {
  const theirs = `${dayWords(new Date(at).toISOString(), theirZone, now, locale)} at ${clockTime(at, theirZone, locale)}`;
  const yoursDay = dayWords(new Date(at).toISOString(), yourZone, now, locale);
  const theirDay = dayWords(new Date(at).toISOString(), theirZone, now, locale);
  const yours = `${yoursDay === theirDay ? '' : `${yoursDay} at `}${clockTime(at, yourZone, locale)}`;
  return theirZone === yourZone
    ? `Arrives ${theirs}, at the start of ${name}'s day.`
    : `Arrives ${theirs}, ${name}'s time (${yours} for you).`;
}
