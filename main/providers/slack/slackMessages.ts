import type { Instant } from '../../../shared/clockTime';
import { ProviderError } from '../providerError';

/** One Slack Web API call of the provider's (token, renewal and error classes included). */
export type SlackCall = (method: string, form: Record<string, string>) => Promise<Record<string, unknown>>;

/**
 * A scheduled time this close is sent at once: Slack refuses a `post_at` in the past (`time_in_past`,
 * the Errors table of https://docs.slack.dev/reference/methods/chat.scheduleMessage), and the request takes
 * a moment to arrive.
 */
const SEND_NOW_WITHIN_MS = 60_000;

/**
 * What Slack's refusals mean to the person sending, by error code (the Errors tables of
 * https://docs.slack.dev/reference/methods/conversations.open, …/chat.scheduleMessage and
 * …/chat.postMessage).
 */
const REFUSALS: Record<string, string> = {
  user_not_found: 'Slack does not know that person any more',
  user_disabled: "that person's Slack account is deactivated",
  user_not_visible: 'Slack does not let you see that person',
  invalid_user_combination: 'Slack lets you message that outside person only once you share a channel',
  channel_not_found: 'Slack could not find the direct message with them',
  is_archived: 'the direct message with them is archived',
  not_in_channel: 'you are not in that conversation',
  restricted_action: 'your workspace does not let you post there',
  msg_too_long: 'the message is too long for Slack',
  time_too_far: 'Slack schedules at most 120 days ahead',
  restricted_too_many:
    'Slack takes at most 30 scheduled messages in 5 minutes to one conversation; wait a moment',
  invalid_time: 'Slack did not take the time to send it',
  no_text: 'the message is empty',
  message_limit_exceeded: "your workspace's plan has reached its limit of messages",
  ekm_access_denied: 'your admins have suspended posting messages',
  no_permission: 'Slack does not let Cadence post there',
  access_denied: 'Slack denied access to that conversation',
  method_not_supported_for_channel_type: 'Slack cannot open that kind of conversation',
};

/**
 * "&", "<" and ">" are control characters in a message's text and "must be converted to HTML entities"
 * (https://docs.slack.dev/messaging/formatting-message-text, "Escaping text"): what the person typed is
 * shown as typed, never read as a link or a mention.
 */
export function slackEscaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface SentMessage {
  /** The scheduled message, as "channel/id" (what taking it back needs); null when it went now. */
  scheduledId: string | null;
  /** When Slack will post it (its own answer); null when it went now. */
  postAt: Instant | null;
}

/**
 * A direct message to a member of the workspace, from the signed-in user: the DM is opened (or found)
 * with conversations.open, then the message goes now (chat.postMessage) or at `postAt`
 * (chat.scheduleMessage, whose `channel` is "a public channel, private channel, or DM conversation").
 */
export async function sendDirect(
  call: SlackCall,
  member: string,
  text: string,
  postAt: Instant | null,
  now: Instant,
): Promise<SentMessage> {
  try {
    const opened = await call('conversations.open', { users: member });
    const channel = (opened.channel as { id?: unknown } | undefined)?.id;
    if (typeof channel !== 'string' || !channel)
      throw new ProviderError(
        'permanent',
        'Slack opened no direct message with them',
        undefined,
        'no_channel',
      );
    const body = slackEscaped(text);
    const postNow = async () => {
      await call('chat.postMessage', { channel, text: body });
      return { scheduledId: null, postAt: null };
    };
    if (postAt === null || postAt - now < SEND_NOW_WITHIN_MS) return await postNow();
    let answer: Record<string, unknown>;
    try {
      answer = await call('chat.scheduleMessage', {
        channel,
        text: body,
        // "Unix timestamp representing the future time the message should post to Slack."
        post_at: String(Math.floor(postAt / 1000)),
      });
    } catch (error) {
      // Slack's clock is ahead of this computer's, and the start has come for Slack: it goes now.
      if (error instanceof ProviderError && error.code === 'time_in_past') return await postNow();
      throw error;
    }
    const id = answer.scheduled_message_id;
    const at = Number(answer.post_at);
    return {
      scheduledId: typeof id === 'string' ? `${channel}/${id}` : null,
      postAt: Number.isFinite(at) && at > 0 ? at * 1000 : postAt,
    };
  } catch (error) {
    const words = error instanceof ProviderError && error.code ? REFUSALS[error.code] : undefined;
    if (!words || !(error instanceof ProviderError)) throw error;
    throw new ProviderError('permanent', `Not sent: ${words}.`, undefined, error.code);
  }
}

/** chat.deleteScheduledMessage's refusals, in words (its Errors table). */
const TAKE_BACK_REFUSALS: Record<string, string> = {
  invalid_scheduled_message_id:
    'Slack cannot take it back: it has been sent, or goes within a minute, or was taken back already.',
  channel_not_found: 'Slack cannot find that conversation any more.',
};

/**
 * Takes back a scheduled message (chat.deleteScheduledMessage, https://docs.slack.dev/reference/methods/chat.deleteScheduledMessage):
 * "You cannot delete scheduled messages that have already been posted to Slack or that will be posted to
 * Slack within 60 seconds of the delete request" (`invalid_scheduled_message_id`).
 */
export async function takeBack(call: SlackCall, scheduled: string): Promise<void> {
  const [channel, id] = scheduled.split('/');
  if (!channel || !id)
    throw new ProviderError('permanent', 'That is not a message Cadence scheduled.', undefined, 'bad_id');
  try {
    await call('chat.deleteScheduledMessage', { channel, scheduled_message_id: id });
  } catch (error) {
    const words = error instanceof ProviderError && error.code ? TAKE_BACK_REFUSALS[error.code] : undefined;
    if (!words || !(error instanceof ProviderError)) throw error;
    throw new ProviderError('permanent', words, undefined, error.code);
  }
}
