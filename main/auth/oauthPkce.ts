import { createHash, randomBytes } from 'node:crypto';
import type http from 'node:http';
import { onUnexpectedError } from '../base/lifetime';
import { requestTarget } from '../net/requestTarget';
import type { SignedInIdentity, TokenSet } from '../providers/provider';
import { bindToBrowser } from './browserBinding';
import { grantedScopes } from './grantedScopes';
import { callbackPage as PAGE, listenLoopback, type LoopbackRedirect } from './loopbackListener';

/** An OAuth 2 public client for a native app (RFC 8252): system browser, loopback redirect, PKCE S256, state. */
export interface OAuthClient {
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  /** Google's "Desktop app" clients must send theirs at the token endpoint, though it is not secret there. */
  clientSecret?: string;
  scopes: string[];
  /** Slack asks for user scopes under `user_scope`. */
  scopeParameter?: 'scope' | 'user_scope';
  /** Where the access token sits in the token response (Slack: authed_user.access_token). */
  tokenPath?: string[];
  /** The token_type the service answers: "Bearer" (RFC 6750), Slack's user tokens "user". */
  tokenType?: string;
  extraAuthorizeParams?: Record<string, string>;
  /** Where the browser comes back (see LoopbackRedirect); the default is 127.0.0.1 on any port, /callback. */
  loopback?: LoopbackRedirect;
  /**
   * Slack's rule for a PKCE app: tokens from a desktop redirect (localhost) refresh without a client secret,
   * any other refresh needs client_id and client_secret (https://docs.slack.dev/authentication/using-pkce,
   * https://docs.slack.dev/authentication/using-token-rotation).
   */
  secretOffDesktopOnly?: boolean;
}

const base64url = (buffer: Buffer): string => buffer.toString('base64url');

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = base64url(randomBytes(32));
  return { verifier, challenge: base64url(createHash('sha256').update(verifier).digest()) };
}

function pick(body: Record<string, unknown>, path: string[] | undefined): Record<string, unknown> {
  let node: unknown = body;
  for (const key of path ?? []) node = (node as Record<string, unknown> | undefined)?.[key];
  return (node ?? {}) as Record<string, unknown>;
}

/**
 * The tokens of a token response. `asked` is what the request asked for: a response without `scope`
 * granted exactly that (RFC 6749 §5.1, "scope: OPTIONAL, if identical to the scope requested by the
 * client"; Microsoft's auth-code flow page lists scope among the response's parameters,
 * https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow). A refresh that
 * asks for no scope keeps the grant's (RFC 6749 §6): its caller passes the scopes granted before.
 */
export function tokensFrom(
  body: Record<string, unknown>,
  client: OAuthClient,
  now: number,
  asked?: readonly string[],
): TokenSet {
  // Slack gives a sign-in's user token under authed_user, but a refreshed one at the top level
  // ("Using token rotation", https://docs.slack.dev/authentication/using-token-rotation).
  const nested = pick(body, client.tokenPath);
  const node = typeof nested.access_token === 'string' ? nested : body;
  const accessToken = node.access_token;
  if (typeof accessToken !== 'string')
    throw new Error(`the token response had no access token${body.error ? ` (${String(body.error)})` : ''}`);
  // RFC 6749 §5.1: token_type is required and the client must understand it ("Bearer" is compared
  // without regard to case). A token of another kind cannot be used as Cadence uses it.
  const type = node.token_type ?? body.token_type;
  const expected = client.tokenType ?? 'Bearer';
  if (typeof type !== 'string' || type.toLowerCase() !== expected.toLowerCase())
    throw new Error(
      `the token response gave a token of type "${String(type)}", where "${expected}" was expected`,
    );
  const expiresIn = Number(node.expires_in ?? body.expires_in);
  const refreshToken = node.refresh_token ?? body.refresh_token;
  const identity = identityOf(body.id_token);
  const accountKey = accountKeyOf(body, identity);
  const scopes = grantedScopes(node.scope ?? body.scope) ?? (asked ? [...asked] : undefined);
  return {
    accessToken,
    ...(identity ? { identity } : {}),
    ...(accountKey ? { accountKey } : {}),
    ...(scopes ? { scopes } : {}),
    ...(typeof refreshToken === 'string' ? { refreshToken } : {}),
    ...(Number.isFinite(expiresIn) && expiresIn > 0 ? { expiresAt: now + expiresIn * 1000 } : {}),
  };
}

/**
 * Who signed in, as the service names them, to tell a new sign-in of the same account from another
 * account's: Slack's sign-in answer names the workspace (`team.id`) and the user (`authed_user.id`)
 * (https://docs.slack.dev/reference/methods/oauth.v2.access); an ID token its tenant and user.
 */
function accountKeyOf(body: Record<string, unknown>, identity: SignedInIdentity | null): string | null {
  const team = (body.team as { id?: unknown } | undefined)?.id;
  const user = (body.authed_user as { id?: unknown } | undefined)?.id;
  if (typeof team === 'string' && typeof user === 'string') return `${team}/${user}`;
  return identity?.username ? `${identity.tenant ?? ''}/${identity.username}` : null;
}

/**
 * The claims Cadence reads from an ID token: the tenant (`tid`), the address (`preferred_username`) and
 * the person's object id (`oid`, which Teams names a chat message's sender by).
 * The token came straight from the token endpoint over TLS, so its signature need not be checked for
 * this use (OpenID Connect Core 1.0, 3.1.3.7, item 6); it decides words and which features to try, never access.
 */
function identityOf(idToken: unknown): SignedInIdentity | null {
  if (typeof idToken !== 'string') return null;
  try {
    const claims = JSON.parse(
      Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as Record<string, unknown>;
    const identity: SignedInIdentity = {};
    if (typeof claims.tid === 'string') identity.tenant = claims.tid;
    if (typeof claims.preferred_username === 'string')
      identity.username = claims.preferred_username.slice(0, 120);
    if (typeof claims.oid === 'string') identity.objectId = claims.oid.slice(0, 64);
    return identity.tenant || identity.username ? identity : null;
  } catch {
    return null;
  }
}

/**
 * The token endpoint said no, or could not be reached. `grantRevoked` is true only when the grant
 * itself is gone (RFC 6749 §5.2 `invalid_grant`; Slack's `invalid_refresh_token`): then, and only
 * then, the user must sign in again. Anything else (the network, a 5xx, `temporarily_unavailable`)
 * is worth another try later.
 */
export class TokenEndpointError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    readonly grantRevoked: boolean,
  ) {
    super(message);
  }
}

/** Cadence's own code for a sign-in the browser did not come back from in time. */
export const SIGN_IN_TIMEOUT = 'cadence_sign_in_timeout';
/** Cadence's own code for a sign-in stopped because its start page was opened twice. */
export const SIGN_IN_OPENED_TWICE = 'cadence_sign_in_opened_twice';

/** The browser came back without a code: the user or the service refused (RFC 6749 §4.1.2.1). */
export class SignInRefused extends Error {
  constructor(
    readonly code: string | null,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Token-endpoint codes after which only a new sign-in helps: RFC 6749 §5.2 (invalid_grant,
 * invalid_client: "unknown client"; unauthorized_client: "not authorized to use this authorization grant
 * type", https://www.rfc-editor.org/rfc/rfc6749#section-5.2); Slack's oauth.v2.access errors for a refresh token or client it no longer accepts
 * (invalid_refresh_token, token_revoked, invalid_client_id, bad_client_secret — the last is what a
 * grant of an app without PKCE meets, https://docs.slack.dev/reference/methods/oauth.v2.access);
 * Microsoft's interaction_required, login_required and consent_required, "send the user back to the
 * /authorize endpoint" (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow).
 */
const REVOKED = new Set([
  'invalid_grant',
  'invalid_refresh_token',
  'token_revoked',
  'invalid_client',
  'unauthorized_client',
  'invalid_client_id',
  'bad_client_secret',
  'interaction_required',
  'login_required',
  'consent_required',
]);

async function postForm(url: string, form: Record<string, string>): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new TokenEndpointError(
      `the sign-in service could not be reached (${(error as Error).message})`,
      null,
      false,
    );
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok || body.ok === false) {
    const code = typeof body.error === 'string' ? body.error : null;
    throw new TokenEndpointError(
      `the sign-in was refused: ${String(body.error_description ?? code ?? response.status)}`,
      code,
      code !== null && REVOKED.has(code),
    );
  }
  return body;
}

/**
 * Renews the access token. `desktopGrant`: the sign-in came back through a localhost redirect, so a client
 * that refreshes such grants without its secret (Slack's PKCE apps) sends none; for any other grant of such
 * a client the secret is required, and without one the renewal is refused here, in words, as a grant that
 * cannot be renewed.
 */
export async function refreshTokens(
  client: OAuthClient,
  refreshToken: string,
  now: number,
  grant: {
    /** The scopes the grant has: a refresh answer that does not name its scopes keeps these. */
    granted?: readonly string[] | undefined;
    /** The sign-in came back through a localhost (desktop) redirect. */
    desktopGrant?: boolean | undefined;
  } = {},
): Promise<TokenSet> {
  const { granted, desktopGrant = false } = grant;
  const secret = client.secretOffDesktopOnly && desktopGrant ? undefined : client.clientSecret;
  if (client.secretOffDesktopOnly && !desktopGrant && !secret)
    throw new TokenEndpointError(
      "this sign-in did not come back through http://localhost, so it can only be renewed with the app's client secret, which Cadence does not have",
      'client_secret_required',
      true,
    );
  const body = await postForm(client.tokenUrl, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: client.clientId,
    ...(secret ? { client_secret: secret } : {}),
  });
  const tokens = tokensFrom(body, client, now, granted);
  return tokens.refreshToken ? tokens : { ...tokens, refreshToken };
}

export interface PendingAuthorization {
  /** The service's authorize address, state included: for Cadence and the user's browser only. */
  url: string;
  /** The local start page to open in the browser: the only address handed to another program. */
  startUrl: string;
  /** Settles with the tokens once the browser comes back, or fails (wrong state, refusal, timeout). */
  result: Promise<TokenSet>;
  cancel(): void;
}

/** Starts a sign-in: a one-shot loopback server waits for the redirect (LoopbackPortsBusy when it cannot). */
export async function beginAuthorization(
  client: OAuthClient,
  now: () => number,
  timeoutMs = 5 * 60_000,
): Promise<PendingAuthorization> {
  const { verifier, challenge } = pkcePair();
  const state = base64url(randomBytes(16));
  const loopback = client.loopback ?? { host: '127.0.0.1', path: '/callback' };
  const { servers, redirectUri, port } = await listenLoopback(loopback);
  const binding = bindToBrowser(port);
  // A localhost redirect is a desktop one (https://docs.slack.dev/authentication/using-pkce): it decides
  // how the grant is renewed.
  const desktopGrant = loopback.host === 'localhost';
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: redirectUri,
    [client.scopeParameter ?? 'scope']: client.scopes.join(
      client.scopeParameter === 'user_scope' ? ',' : ' ',
    ),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...client.extraAuthorizeParams,
  });
  const authorizeUrl = `${client.authorizeUrl}?${params}`;
  let settle: { resolve(tokens: TokenSet): void; reject(error: Error): void } | null = null;
  const result = new Promise<TokenSet>((resolve, reject) => (settle = { resolve, reject }));
  const finish = (error: Error | null, tokens?: TokenSet) => {
    clearTimeout(timer);
    for (const each of servers) {
      each.close();
      each.closeAllConnections();
    }
    if (error) settle?.reject(error);
    else if (tokens) settle?.resolve(tokens);
  };
  const timer = setTimeout(
    () => finish(new SignInRefused(SIGN_IN_TIMEOUT, 'the sign-in was not completed in time')),
    timeoutMs,
  );
  timer.unref();
  for (const each of servers) {
    each.on('request', (req, res) => {
      try {
        answerCallback(req, res);
      } catch (error) {
        onUnexpectedError(error);
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      }
    });
  }
  let redeemed = false;
  const answerCallback = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const url = requestTarget(req.url);
    if (url?.pathname === binding.startPath) {
      if (!binding.start(res, authorizeUrl))
        finish(new SignInRefused(SIGN_IN_OPENED_TWICE, 'the sign-in page was opened twice'));
      return;
    }
    if (!url || url.pathname !== loopback.path) {
      res.writeHead(url ? 404 : 400).end();
      return;
    }
    const reply = (status: number, title: string, text: string) =>
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE(title, text));
    if (!binding.holds(req)) {
      reply(
        400,
        'Sign-in refused',
        'This sign-in did not come back to the browser Cadence opened it in. Nothing was changed.',
      );
      return;
    }
    if (url.searchParams.get('state') !== state || redeemed) {
      reply(
        400,
        'Sign-in refused',
        'This sign-in did not come from the request Cadence made. Nothing was changed.',
      );
      return;
    }
    // One code, one exchange: a second redirect (a reload, a double click) must not redeem the code
    // again, or the service revokes the whole grant (RFC 6749 §4.1.2).
    redeemed = true;
    const code = url.searchParams.get('code');
    if (!code) {
      // RFC 6749 §4.1.2.1: the refusal comes back as error (and perhaps error_description).
      const refused = url.searchParams.get('error');
      const description = (url.searchParams.get('error_description') ?? '').slice(0, 300);
      reply(400, 'Sign-in not finished', 'You can close this tab; Cadence says what to do next.');
      finish(
        new SignInRefused(
          refused,
          `the service answered ${refused ?? 'without a code'}${description ? `: ${description}` : ''}`,
        ),
      );
      return;
    }
    postForm(client.tokenUrl, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: client.clientId,
      ...(client.clientSecret && !(client.secretOffDesktopOnly && desktopGrant)
        ? { client_secret: client.clientSecret }
        : {}),
      code_verifier: verifier,
    })
      .then((body) => {
        const tokens = {
          ...tokensFrom(body, client, now(), client.scopes),
          grantedAt: now(),
          clientId: client.clientId,
          ...(desktopGrant ? { desktopGrant } : {}),
        };
        reply(200, 'Cadence is connected', 'You can close this tab and go back to Cadence.');
        finish(null, tokens);
      })
      .catch((error: Error) => {
        reply(400, 'Sign-in failed', error.message);
        finish(error);
      });
  };
  return {
    url: authorizeUrl,
    startUrl: `http://${loopback.host}:${port}${binding.startPath}`,
    result,
    cancel: () => finish(new Error('the sign-in was cancelled')),
  };
}
