import { type Instant, isoInZone } from '../../shared/clockTime';
import { type ApiResult, commandInput, refusal } from '../../shared/contract';
import type { Teammate } from '../../shared/intents';
import { arrivalWords, deliveryFor, type MessageSentView, slackMemberOf } from '../../shared/messageTiming';
import { printable } from '../../shared/printable';
import { urgencyOf } from '../../shared/team/teamNorms';
import { teammatesOf, teamQuiet } from './queries';
import { sendThrough, takeBackThrough } from './messageSending';
import type { IntegrationsPort, QuerySource } from './servicePorts';

/** Who `to` names: a teammate's id, else the one teammate with that name (letter case aside). */
function whoIs(people: readonly Teammate[], to: string): ApiResult<Teammate> {
  const byId = people.find((t) => t.id === to);
  if (byId) return { ok: true, value: byId };
  const named = people.filter((t) => t.name.trim().toLowerCase() === to.toLowerCase());
  if (named.length === 1 && named[0]) return { ok: true, value: named[0] };
  if (named.length > 1)
    return refusal(
      'conflict',
      `${named.length} teammates are called ${printable(to)}. Say which by its id: ${named.map((t) => printable(t.id)).join(', ')}.`,
    );
  return refusal('not_found', `No teammate is called ${printable(to)}.`);
}

/** The message marked urgent by the team's rule: its first keyword in front, unless it already has one. */
function markedUrgent(text: string, keywords: readonly string[]): string {
  const lower = text.toLowerCase();
  if (keywords.some((keyword) => lower.includes(keyword.toLowerCase()))) return text;
  return `${keywords[0] ?? '!urgent'} ${text}`;
}

/**
 * `message.send`: a Slack message to a teammate, kept until their working hours begin (their zone, their
 * weekend), or sent now while they work or when the sender marks it urgent by the team's rule.
 */
export async function runMessageCommand(
  source: Pick<QuerySource, 'settings' | 'intents' | 'integrations'>,
  input: unknown,
  now: Instant,
): Promise<ApiResult<MessageSentView>> {
  const parsed = commandInput('message.send', input);
  if (!parsed.ok) return parsed;
  const { to, text, urgent } = parsed.value;
  const found = whoIs(teammatesOf(source), to);
  if (!found.ok) return found;
  const teammate = found.value;
  const name = printable(teammate.name);
  const member = slackMemberOf(teammate);
  if (!member)
    return refusal(
      'not_available',
      `${name} is not on Slack as far as Cadence knows: it sends through Slack, to the people Slack lists (connect Slack, then pick them from Teammates).`,
    );
  const messenger = source.integrations?.messenger?.('slack');
  if (!messenger) return refusal('not_available', 'Sending messages is not available in this build.');
  if (member === messenger.self)
    return refusal('not_available', `${name} is you: Cadence sends messages to your teammates.`);
  const settings = source.settings;
  const keywords = urgencyOf(settings).keywords;
  const quiet = teamQuiet(settings);
  const delivery = urgent
    ? ({ kind: 'now', at: null } as const)
    : deliveryFor(teammate, now, (at) => quiet?.at(teammate.timeZone, at)?.until ?? null);
  const sent = await sendThrough('slack', messenger, {
    member,
    text: urgent ? markedUrgent(text, keywords) : text,
    postAt: delivery.at,
  });
  if (!sent.ok) return sent;
  const { postAt, scheduledId } = sent.value;
  const zone = settings.workTimeZone;
  const locale = settings.locale ?? undefined;
  const words =
    postAt !== null
      ? arrivalWords(name, postAt, teammate.timeZone, zone, now, locale)
      : urgent
        ? `Sent to ${name} now, marked urgent (${keywords[0] ?? '!urgent'}).`
        : delivery.kind === 'noHours'
          ? `Sent to ${name} now: Cadence knows no working hours of theirs in the next 120 days.`
          : `Sent to ${name} now: it is within their working hours.`;
  return {
    ok: true,
    value: {
      to: teammate.id,
      name: teammate.name,
      deliverAt: postAt === null ? null : isoInZone(postAt, zone),
      scheduledId,
      urgent,
      words,
    },
  };
}

/** `message.cancel`: a scheduled message taken back before it lands (Slack cannot within its last minute). */
export async function runTakeBackCommand(
  integrations: IntegrationsPort | null,
  input: unknown,
): Promise<ApiResult<{ words: string }>> {
  const parsed = commandInput('message.cancel', input);
  if (!parsed.ok) return parsed;
  const messenger = integrations?.messenger?.('slack');
  if (!messenger) return refusal('not_available', 'Sending messages is not available in this build.');
  const taken = await takeBackThrough('slack', messenger, parsed.value.id);
  return taken.ok ? { ok: true, value: { words: 'Taken back: it will not be sent.' } } : taken;
}
