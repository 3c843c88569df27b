import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
  token: string | null;
  /** When it arrived, in real time (Date.now()). */
  receivedAt?: number;
}

export interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Injection {
  status: number;
  body?: unknown;
  retryAfter?: number;
}

/**
 * A real HTTP server on 127.0.0.1 for a provider fake: parses JSON and form bodies, records every
 * call, and has switches for 429s, 5xx, slowness and malformed answers.
 */
export class FakeServer {
  readonly calls: FakeRequest[] = [];
  private server: http.Server;
  private injections: Injection[] = [];
  delayMs = 0;
  down = false;
  url = '';

  constructor(private readonly route: (request: FakeRequest) => FakeReply | Promise<FakeReply>) {
    this.server = http.createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The next `count` calls get this answer instead of the real one. */
  inject(injection: Injection, count = 1): void {
    for (let i = 0; i < count; i++) this.injections.push(injection);
  }

  callsTo(path: string | RegExp): FakeRequest[] {
    return this.calls.filter((call) =>
      typeof path === 'string' ? call.path === path : path.test(call.path),
    );
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (this.down) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    let body: Record<string, unknown> = {};
    const type = req.headers['content-type'] ?? '';
    if (text && type.startsWith('application/json')) body = JSON.parse(text) as Record<string, unknown>;
    else if (text) body = Object.fromEntries(new URLSearchParams(text));
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;
    const request: FakeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      token,
      receivedAt: Date.now(),
    };
    this.calls.push(request);
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const injected = this.injections.shift();
    const reply: FakeReply = injected
      ? {
          status: injected.status,
          body: injected.body ?? {},
          headers: injected.retryAfter !== undefined ? { 'retry-after': String(injected.retryAfter) } : {},
        }
      : await this.route(request);
    const headers: Record<string, string> = { ...reply.headers };
    let payload = '';
    if (reply.body !== undefined && reply.status !== 204 && reply.status !== 302) {
      payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      headers['content-type'] ??= 'application/json; charset=utf-8';
    }
    res.writeHead(reply.status, headers);
    res.end(payload);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/**
 * The scopes a consent grants: those the authorize request asked for in `parameter` (OAuth's space-
 * separated `scope`, Slack's comma-separated `user_scope`), less those the user or an admin withheld.
 */
export function grantedOnConsent(
  query: URLSearchParams,
  parameter: string,
  withheld: readonly string[],
): string[] {
  return (query.get(parameter) ?? '').split(/[\s,]+/).filter((scope) => scope && !withheld.includes(scope));
}

/** The authorization-code + PKCE part every provider fake shares: checks the verifier, redirect URI and code reuse. */
export class FakeAuthorizationServer {
  private codes = new Map<
    string,
    { challenge: string; redirectUri: string; clientId: string; method: string; desktop: boolean; at: number }
  >();
  /** The service's clock (a test's fake clock where the provider fake follows one). */
  now: () => number = () => Date.now();
  /**
   * How long an access token lives, where the token response says so in expires_in: past it, the API
   * refuses the token (Google: 401 authError; Graph: 401 InvalidAuthenticationToken). Null: no end.
   */
  accessLifetimeMs: number | null = null;
  private readonly issuedAt = new Map<string, number>();
  /**
   * A public client (Microsoft's desktop apps) "must not use secrets or certificates when redeeming an
   * authorization code" (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow):
   * a client_secret sent anyway is refused.
   */
  publicClient = false;
  /** Live refresh tokens, each with whether its grant came through a desktop (localhost) redirect. */
  private refreshTokens = new Map<string, boolean>();
  /** Refresh tokens already exchanged, where they rotate: one seen again means the grant was stolen. */
  private spentRefreshTokens = new Set<string>();
  readonly accessTokens = new Set<string>();
  /** Access tokens past their lifetime: the API refuses them as expired. */
  readonly expired = new Set<string>();
  issued = 0;
  refreshes = 0;
  /**
   * Whether each refresh hands out a new refresh token and retires the old one. RFC 6749 §10.4 and the
   * OAuth 2.0 Security BCP (RFC 9700 §4.14.2): when a retired refresh token is used again, the server
   * cannot tell the thief from the client and revokes the whole grant. Slack with token rotation and
   * Microsoft's identity platform rotate.
   */
  rotateRefreshTokens = false;
  /**
   * Slack's rule for a PKCE app, where set (the app's secret): a grant that came through a desktop
   * redirect (localhost) is redeemed and refreshed without a client secret; any other needs client_id and
   * client_secret (https://docs.slack.dev/authentication/using-pkce: "Refreshes for those tokens do not
   * require a client_secret"; https://docs.slack.dev/authentication/using-token-rotation).
   */
  secretOffDesktop: string | null = null;
  /** Refreshes, each with whether it carried a client_secret. */
  readonly refreshLog: { desktop: boolean; withSecret: boolean }[] = [];

  constructor(
    readonly clientId: string,
    private readonly prefix: string,
    /** Set when the service requires the client secret at the token endpoint (Google's desktop clients). */
    readonly clientSecret: string | null = null,
    /**
     * The redirect URIs the app registration accepts: a pattern (a loopback address on any port, RFC 8252
     * §7.3), or the exact list registered, matched whole (host and port included).
     */
    private readonly redirects: RegExp | readonly string[] = /^http:\/\/127\.0\.0\.1:\d+\/callback$/,
  ) {}

  issueToken(): string {
    const token = `${this.prefix}${randomBytes(8).toString('hex')}`;
    this.accessTokens.add(token);
    this.issuedAt.set(token, this.now());
    this.issued++;
    return token;
  }

  revokeAll(): void {
    this.accessTokens.clear();
    this.refreshTokens.clear();
  }

  /** Whether the API must refuse this access token as expired. */
  isExpired(token: string): boolean {
    const issued = this.issuedAt.get(token);
    return (
      this.expired.has(token) ||
      (this.accessLifetimeMs !== null && issued !== undefined && this.now() - issued >= this.accessLifetimeMs)
    );
  }

  /** Every access token given so far reaches the end of its lifetime. */
  expireAll(): void {
    for (const token of this.accessTokens) this.expired.add(token);
  }

  /** The user approves in the browser: the fake redirects back with a code, or refuses a bad request. */
  authorize(query: URLSearchParams): FakeReply {
    const redirectUri = query.get('redirect_uri') ?? '';
    if (query.get('client_id') !== this.clientId) return { status: 400, body: { error: 'invalid_client' } };
    // The authorization code flow asks with response_type=code (RFC 6749 §4.1.1).
    if (query.get('response_type') !== 'code')
      return { status: 400, body: { error: 'unsupported_response_type' } };
    const registered =
      this.redirects instanceof RegExp
        ? this.redirects.test(redirectUri)
        : this.redirects.includes(redirectUri);
    if (!registered) return { status: 400, body: { error: 'invalid_redirect_uri' } };
    if (query.get('code_challenge_method') !== 'S256' || !query.get('code_challenge'))
      return { status: 400, body: { error: 'pkce_required' } };
    const code = randomBytes(12).toString('hex');
    this.codes.set(code, {
      challenge: query.get('code_challenge')!,
      redirectUri,
      clientId: this.clientId,
      method: 'S256',
      desktop: new URL(redirectUri).hostname === 'localhost',
      at: this.now(),
    });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    target.searchParams.set('state', query.get('state') ?? '');
    return { status: 302, headers: { location: target.toString() } };
  }

  /** The token endpoint: code + verifier, or a refresh token. Returns an OAuth error string on refusal. */
  exchange(body: Record<string, unknown>): { error: string } | { accessToken: string; refreshToken: string } {
    if (this.clientSecret !== null && body.client_secret !== this.clientSecret)
      return { error: 'invalid_client' };
    if (this.publicClient && body.client_secret !== undefined) return { error: 'invalid_client' };
    if (body.grant_type === 'refresh_token') {
      const presented = String(body.refresh_token);
      if (this.spentRefreshTokens.has(presented)) {
        this.revokeAll();
        return { error: 'invalid_grant' };
      }
      const desktop = this.refreshTokens.get(presented);
      if (desktop === undefined) return { error: 'invalid_grant' };
      if (this.secretOffDesktop !== null && !desktop && body.client_secret !== this.secretOffDesktop)
        return { error: 'bad_client_secret' };
      this.refreshLog.push({ desktop, withSecret: body.client_secret !== undefined });
      this.refreshes++;
      if (!this.rotateRefreshTokens) return { accessToken: this.issueToken(), refreshToken: presented };
      this.refreshTokens.delete(presented);
      this.spentRefreshTokens.add(presented);
      const next = `refresh-${randomBytes(8).toString('hex')}`;
      this.refreshTokens.set(next, desktop);
      return { accessToken: this.issueToken(), refreshToken: next };
    }
    const grant = this.codes.get(String(body.code));
    if (!grant) return { error: 'invalid_grant' };
    this.codes.delete(String(body.code));
    // "Authorization codes are short lived. Typically, they expire after about 10 minutes" (the
    // auth-code flow page above; RFC 6749 §4.1.2 recommends at most 10 minutes).
    if (this.now() - grant.at > 10 * 60_000) return { error: 'invalid_grant' };
    if (body.redirect_uri !== grant.redirectUri) return { error: 'redirect_uri_mismatch' };
    if (body.client_id !== grant.clientId) return { error: 'invalid_client' };
    const challenge = createHash('sha256')
      .update(String(body.code_verifier ?? ''))
      .digest('base64url');
    if (challenge !== grant.challenge) return { error: 'invalid_code_verifier' };
    if (this.secretOffDesktop !== null && !grant.desktop && body.client_secret !== this.secretOffDesktop)
      return { error: 'bad_client_secret' };
    const refreshToken = `refresh-${randomBytes(8).toString('hex')}`;
    this.refreshTokens.set(refreshToken, grant.desktop);
    return { accessToken: this.issueToken(), refreshToken };
  }
}

/** What every provider fake is: one FakeServer routed by the fake, and its sign-in server. */
export abstract class ProviderFake {
  readonly server: FakeServer;
  abstract readonly auth: FakeAuthorizationServer;
  /** The path under which the provider's API lives, e.g. /api for Slack. */
  protected abstract readonly apiPath: string;

  constructor() {
    this.server = new FakeServer((request) => this.route(request));
  }

  protected abstract route(request: FakeRequest): FakeReply | Promise<FakeReply>;

  /** The service's clock; a test may set it to its fake clock. */
  now: () => number = () => Date.now();

  async start(): Promise<this> {
    this.auth.now = () => this.now();
    await this.server.start();
    return this;
  }

  get apiUrl(): string {
    return `${this.server.url}${this.apiPath}`;
  }
}
