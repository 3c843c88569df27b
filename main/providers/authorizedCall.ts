import { httpCall, type HttpRequest, type HttpResponse, ProviderError } from './providerError';
import type { TokenSource } from './provider';

/** The sign-in itself is gone (expired or revoked): only connecting again brings it back. */
export function signInExpired(service: string): ProviderError {
  return new ProviderError('auth', `Your sign-in to ${service} expired or was revoked: reconnect ${service}`);
}

/**
 * A call with the current token; on 401 the token is refreshed once and the call repeated. A refusal
 * after that means the user has to reconnect.
 */
export async function authorizedCall(
  tokens: TokenSource,
  request: Omit<HttpRequest, 'token'>,
  service: string,
): Promise<HttpResponse> {
  let response = await httpCall({ ...request, token: await tokens.token() }, service);
  if (response.status === 401) {
    if (!(await tokens.refresh())) throw signInExpired(service);
    response = await httpCall({ ...request, token: await tokens.token() }, service);
    if (response.status === 401) throw signInExpired(service);
  }
  return response;
}

/**
 * Google Calendar's 403s that are rate limits, by their reason: "rateLimitExceeded",
 * "userRateLimitExceeded" and "quotaExceeded" (Calendar usage limits) all ask for exponential backoff
 * (https://developers.google.com/workspace/calendar/api/guides/errors).
 */
const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded']);
/**
 * 403s that mean the sign-in lacks a permission the call needs: Google's "insufficientPermissions"
 * (a token without the scope), and Graph's codes for a token without the call's permission
 * (ErrorAccessDenied, Authorization_RequestDenied, Forbidden, AccessDenied). Signing in again and
 * allowing it fixes these; reconnecting with the same grant does not.
 */
const PERMISSION_REASONS = new Set([
  'insufficientPermissions',
  'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
  'ErrorAccessDenied',
  'Authorization_RequestDenied',
  'Forbidden',
  'AccessDenied',
]);

/**
 * Google and Graph errors: {error:{code, message, errors:[{reason}]}} → a classified ProviderError, or
 * nothing when fine. Decided by the service's reason or code, never by its wording. A 403 that is
 * neither a rate limit nor a missing permission (a calendar the user may not change, Google's
 * "requiredAccessLevel" or "forbiddenForNonOrganizer") is refused for good: no sign-in would fix it.
 */
export function checkJsonError(response: HttpResponse, service: string, what: string): void {
  if (response.status < 400) return;
  const error =
    (
      (response.body ?? {}) as {
        error?: { code?: unknown; message?: string; status?: unknown; errors?: { reason?: string }[] };
      }
    ).error ?? {};
  const reasons = [
    ...(error.errors ?? []).map((e) => e.reason),
    typeof error.code === 'string' ? error.code : undefined,
    typeof error.status === 'string' ? error.status : undefined,
  ].filter((reason): reason is string => typeof reason === 'string');
  if (response.status === 403 && reasons.some((reason) => RATE_LIMIT_REASONS.has(reason)))
    throw new ProviderError('rateLimited', `${service} asked Cadence to slow down (usage limit)`, 10_000);
  if (response.status === 403 && reasons.some((reason) => PERMISSION_REASONS.has(reason)))
    throw new ProviderError(
      'permission',
      `Cadence is missing a permission to ${what}: sign in to ${service} again and allow it`,
      undefined,
      reasons[0],
      response.status,
    );
  throw new ProviderError(
    'permanent',
    `${service} refused to ${what}: ${error.message ?? `HTTP ${response.status}`}`,
    undefined,
    reasons[0] ?? `http_${response.status}`,
    response.status,
  );
}
