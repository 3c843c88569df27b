import { httpCall, type HttpRequest, type HttpResponse, ProviderError } from './providerError';
import type { TokenSource } from './provider';

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
    if (!(await tokens.refresh()))
      throw new ProviderError('auth', `${service} no longer accepts Cadence's sign-in; reconnect ${service}`);
    response = await httpCall({ ...request, token: await tokens.token() }, service);
    if (response.status === 401)
      throw new ProviderError('auth', `${service} no longer accepts Cadence's sign-in; reconnect ${service}`);
  }
  return response;
}

/** Google and Graph errors: {error:{code, message, errors:[{reason}]}} → a classified ProviderError, or nothing when fine. */
export function checkJsonError(response: HttpResponse, service: string, what: string): void {
  if (response.status < 400) return;
  const error =
    (
      (response.body ?? {}) as {
        error?: { code?: unknown; message?: string; errors?: { reason?: string }[] };
      }
    ).error ?? {};
  const reason = error.errors?.[0]?.reason ?? String(error.code ?? '');
  if (response.status === 403 && /rateLimitExceeded|userRateLimitExceeded/.test(reason)) {
    throw new ProviderError('rateLimited', `${service} quota exceeded`, 10_000);
  }
  if (
    response.status === 403 &&
    /insufficient|forbidden|ErrorAccessDenied/i.test(`${reason} ${error.message ?? ''}`)
  ) {
    throw new ProviderError(
      'auth',
      `${service} did not grant the permission to ${what}; reconnect ${service}`,
    );
  }
  throw new ProviderError(
    'permanent',
    `${service} refused to ${what}: ${error.message ?? `HTTP ${response.status}`}`,
  );
}
