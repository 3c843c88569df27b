import type { Availability } from './availability';
import type { Instant } from './clockTime';
import type { Settings } from './settings';
import { urgencyOf } from './team/teamNorms';

export interface IncomingNotification {
  title: string;
  body: string;
  /** Cadence's own prompts are raised only when due; messages from elsewhere are gated. */
  kind: 'prompt' | 'message';
  urgent?: boolean;
  from?: string;
  /** Past this instant the notification is pointless and is dropped rather than delivered late. */
  expiresAt?: Instant;
}

export type Decision =
  | { action: 'deliver'; why: string }
  | { action: 'hold'; until: Instant; why: string }
  | { action: 'drop'; why: string };

/** Urgent by the team's written rules: flagged, from someone always let through, or with a keyword. */
export function isUrgent(notification: IncomingNotification, urgency: Settings['urgency']): boolean {
  if (notification.urgent) return true;
  const from = notification.from?.toLowerCase();
  if (from && urgency.alwaysFrom.some((name) => name.toLowerCase() === from)) return true;
  const text = `${notification.title} ${notification.body}`.toLowerCase();
  return urgency.keywords.some((keyword) => text.includes(keyword.toLowerCase()));
}

export function decide(
  notification: IncomingNotification,
  availability: Availability,
  settings: Settings,
): Decision {
  if (notification.kind === 'prompt') return { action: 'deliver', why: 'a Cadence prompt that is due now' };
  // The member's own keywords and senders, and those of the team file they follow (shared/team/teamNorms.ts).
  if (isUrgent(notification, urgencyOf(settings)))
    return { action: 'deliver', why: 'urgent by your team rules' };
  if (availability.mode === 'working') return { action: 'deliver', why: 'you are working' };
  const until = availability.mode === 'off' ? availability.nextWorkStart : availability.until;
  if (until === null) return { action: 'drop', why: 'no working time ahead to deliver it in' };
  if (notification.expiresAt !== undefined && notification.expiresAt <= until) {
    return { action: 'drop', why: 'it would be out of date by the time you are back' };
  }
  return {
    action: 'hold',
    until,
    why: `held while you are ${availability.mode === 'off' ? 'off' : `in ${availability.mode}`}`,
  };
}
