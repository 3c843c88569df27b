import type { Instant } from '../../shared/clockTime';
import { type ApiResult, refusal } from '../../shared/contract';
import { PROVIDER_NAMES, type ProviderId } from '../../shared/integrationView';
import type { Provider } from '../providers/provider';
import { ProviderError } from '../providers/providerError';

export interface OutgoingMessage {
  /** The member of the service it is for (Slack: their member id). */
  member: string;
  text: string;
  /** When it should arrive; null: now. */
  postAt: Instant | null;
}

/** What sending through a service needs: its provider (null: not connected) and the permissions missing. */
export interface Messenger {
  provider: Provider | null;
  missing: readonly string[];
  now: Instant;
  /** The signed-in member (Slack: from the sign-in's `authed_user.id`), who is not sent messages. */
  self: string | null;
  /** What the record of contacts needs that the sign-in did not grant, while the record is on. */
  recordMissing: readonly string[];
}

export interface SentThrough {
  scheduledId: string | null;
  postAt: Instant | null;
}

/**
 * A message through a connected service, refused in words the sender can act on: not connected, a
 * permission never granted (sending asks for it on first use), a refused sign-in, Slack's own refusals.
 * Nothing is retried: the sender sees what happened and decides.
 */
export async function sendThrough(
  id: ProviderId,
  { provider, missing, now }: Messenger,
  message: OutgoingMessage,
): Promise<ApiResult<SentThrough>> {
  const name = PROVIDER_NAMES[id];
  if (!provider?.message)
    return refusal(
      'not_configured',
      `Connect ${name} in Settings → Integrations to send messages through it.`,
    );
  if (missing.length)
    return refusal(
      'permission_needed',
      `Sending needs ${name} to let Cadence post messages as you (${missing.join(', ')}): allow it once, in the sign-in Cadence opens.`,
    );
  return attempt(name, 'sent', () => provider.message!(message.member, message.text, message.postAt, now));
}

/** Takes back a scheduled message through the service that holds it. */
export function takeBackThrough(
  id: ProviderId,
  { provider }: Messenger,
  scheduled: string,
): Promise<ApiResult<null>> {
  const name = PROVIDER_NAMES[id];
  if (!provider?.unschedule)
    return Promise.resolve(
      refusal('not_configured', `Connect ${name} in Settings → Integrations to take back a message.`),
    );
  return attempt(name, 'taken back', async () => (await provider.unschedule!(scheduled), null));
}

/** A call to the service, its failures in words the sender can act on. */
async function attempt<T>(
  name: string,
  done: 'sent' | 'taken back',
  act: () => Promise<T>,
): Promise<ApiResult<T>> {
  try {
    return { ok: true, value: await act() };
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    if (error.kind === 'permission')
      return refusal(
        'permission_needed',
        `${name} refused: Cadence may not post messages as you. Allow it in the sign-in Cadence opens.`,
      );
    if (error.kind === 'rateLimited')
      return refusal(
        'provider',
        `${name} asked to slow down: not ${done}. Try again in ${Math.max(1, Math.ceil((error.retryAfterMs ?? 30_000) / 1000))} s.`,
      );
    // A lost answer may hide a message that went ("some aspect of the operation succeeded", Slack's
    // internal_error): the sender looks before sending it twice.
    if (error.kind === 'transient')
      return refusal(
        'provider',
        `${name} did not answer, so Cadence cannot tell whether it was ${done}: look in ${name} before trying again.`,
      );
    return refusal('provider', error.message);
  }
}
