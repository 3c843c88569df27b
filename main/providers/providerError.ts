/**
 * auth: the sign-in expired or was revoked (reconnect); permission: the sign-in works but lacks a
 * permission a call needs (sign in again and allow it); rateLimited, transient, permanent as named.
 */
export type ProviderErrorKind = 'auth' | 'permission' | 'rateLimited' | 'transient' | 'permanent';

/** An outside service's failure, classified at the boundary so the reconcile loop knows what to do. */
export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    /** For rateLimited: how long the service asked us to wait. */
    readonly retryAfterMs?: number,
    /**
     * The service's own error code (Slack's `token_expired`, `ratelimited`, `invalid_auth`…, an OAuth
     * error): retry and reconnect decisions key on it, never on the message's words.
     */
    readonly code?: string,
    /** The HTTP status of a refusal, where the service gave one. */
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface HttpRequest {
  method?: string;
  url: string;
  token?: string;
  json?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/** One HTTP call with a timeout; a network failure or timeout becomes a transient ProviderError. */
export async function httpCall(request: HttpRequest, service: string): Promise<HttpResponse> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  let body: string | undefined;
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json; charset=utf-8';
    body = JSON.stringify(request.json);
  } else if (request.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(request.form).toString();
  }
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method ?? (body !== undefined ? 'POST' : 'GET'),
      headers,
      ...(body !== undefined ? { body } : {}),
      signal: AbortSignal.timeout(request.timeoutMs ?? 10_000),
    });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    throw new ProviderError(
      'transient',
      timedOut ? `${service} did not answer in time` : `${service} is unreachable (offline?)`,
    );
  }
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      if (response.ok)
        throw new ProviderError('transient', `${service} answered with something that is not JSON`);
    }
  }
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    throw new ProviderError(
      'rateLimited',
      `${service} asked us to slow down`,
      (Number.isFinite(seconds) && seconds > 0 ? seconds : 30) * 1000,
    );
  }
  if (response.status >= 500)
    throw new ProviderError('transient', `${service} had a server error (${response.status})`);
  return { status: response.status, headers: response.headers, body: parsed };
}
