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
  provider: Provider | null,
  missing: readonly string[],
  message: OutgoingMessage & { now: Instant },
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
  try {
    return {
      ok: true,
      value: await provider.message(message.member, message.text, message.postAt, message.now),
    };
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
        `${name} asked to slow down: not sent. Try again in ${Math.max(1, Math.ceil((error.retryAfterMs ?? 30_000) / 1000))} s.`,
      );
    // A lost answer may hide a message that went ("some aspect of the operation succeeded", Slack's
    // internal_error): the sender looks before sending it twice.
    if (error.kind === 'transient')
      return refusal(
        'provider',
        `${name} did not answer, so Cadence cannot tell whether it was sent: look in ${name} before sending it again.`,
      );
    return refusal('provider', error.message);
  }
}
