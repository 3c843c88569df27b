import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refreshTokens } from '../../main/auth/oauthPkce';
import { FileVault } from '../../main/auth/vault';
import { Integrations } from '../../main/core/integrations';
import { providerConfigs } from '../../main/providers/endpoints';
import type { TokenSource } from '../../main/providers/provider';
import { FakeClock } from '../fakes/fakeClock';
import { tempDir } from '../fakes/serviceHarness';
import { QUIET_STATE } from '../fakes/quietState';

/**
 * Cadence's sign-in against an independent, certified OpenID Connect / OAuth 2 server (panva's
 * oidc-provider) run on 127.0.0.1, not against our own fakes: a native public client (RFC 8252: loopback
 * redirect on any port), PKCE required, single-use codes whose reuse revokes the grant (RFC 6749
 * §4.1.2), and refresh tokens that rotate, a retired one revoking the grant when used again.
 */
interface World {
  issuer: string;
  revokedGrants: string[];
  integrations: Integrations;
  tokens: () => TokenSource;
  vault: FileVault;
}

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function world(): Promise<World> {
  // The server's own note that its default in-memory storage is for tests: that is what this is.
  const warn = console.warn;
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('in-memory adapter')) warn(...args);
  });
  cleanup.push(() => {
    vi.restoreAllMocks();
  });
  const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'cadence-desktop',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        redirect_uris: ['http://127.0.0.1/callback'],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...jwk, kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['a cookie key for this test only'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, accountId) => ({ accountId, claims: () => ({ sub: accountId }) }),
    rotateRefreshToken: true,
    scopes: ['openid', 'offline_access'],
    ttl: {
      AccessToken: 3600,
      RefreshToken: 86_400,
      IdToken: 3600,
      Interaction: 600,
      Session: 3600,
      Grant: 86_400,
    },
  });
  const revokedGrants: string[] = [];
  provider.on('grant.revoked', (_ctx: unknown, grantId: string) => revokedGrants.push(grantId));
  const callback = provider.callback();
  // The person signs in and consents: the interaction ends with a login and a grant for what was asked.
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) return void callback(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const grant = new provider.Grant({ accountId: 'ana', clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId: 'ana' }, consent: { grantId } });
    })();
  });
  cleanup.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const configs = providerConfigs({
    CADENCE_MICROSOFT_CLIENT_ID: 'cadence-desktop',
    CADENCE_MICROSOFT_AUTHORIZE_URL: `${issuer}/auth`,
    CADENCE_MICROSOFT_TOKEN_URL: `${issuer}/token`,
  });
  // The certified server knows only the OpenID scopes; consent is asked so that offline_access counts.
  configs.microsoft.oauth = {
    ...configs.microsoft.oauth,
    scopes: ['openid', 'offline_access'],
    extraAuthorizeParams: { prompt: 'consent' },
    loopback: { host: '127.0.0.1', path: '/callback' },
  };
  const vault = new FileVault(tempDir('cadence-oidc-'));
  let tokens: TokenSource | null = null;
  const integrations = new Integrations({
    clock: new FakeClock(Date.now()),
    vault,
    configs,
    createProvider: (id, _config, source) => {
      if (id === 'microsoft') tokens = source;
      return { id, apply: async () => undefined, reset: () => undefined };
    },
  });
  integrations.attach(QUIET_STATE);
  cleanup.push(() => integrations.dispose());
  return {
    issuer,
    revokedGrants,
    integrations,
    vault,
    tokens: () => {
      if (!tokens) throw new Error('not connected');
      return tokens;
    },
  };
}

/** The cookies of the browser the last sign-in went through: the callback is taken from it alone. */
let browserCookies = '';
/** A request from that browser. */
const fromBrowser = (url: string | URL) => fetch(url, { headers: { cookie: browserCookies } });

/** A browser with a cookie jar: follows the sign-in's redirects until they reach Cadence's loopback. */
async function browseToCallback(start: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = start;
  for (let hop = 0; hop < 10; hop++) {
    browserCookies = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (new URL(url).pathname === '/callback') return url;
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(name!.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    if (!location)
      throw new Error(`the sign-in stopped at ${url}: ${response.status} ${await response.text()}`);
    url = new URL(location, url).toString();
  }
  throw new Error('too many redirects');
}

async function signIn(w: World): Promise<string> {
  const outcome = await w.integrations.connect('microsoft');
  if (!outcome.ok) throw new Error(outcome.message);
  const authorize = new URL(outcome.value.authorizeUrl);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  return browseToCallback(outcome.value.startUrl);
}

const connected = async (w: World) => {
  for (let i = 0; i < 200; i++) {
    const view = w.integrations.list().find((v) => v.id === 'microsoft');
    if (view?.connected || view?.signIn?.state === 'failed') return view;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return w.integrations.list().find((v) => v.id === 'microsoft');
};

describe('sign-in against a certified OAuth 2 / OpenID Connect server', () => {
  it('signs in with PKCE, state and a loopback redirect on any port, and gets a refresh token', async () => {
    const w = await world();
    const callback = await signIn(w);
    expect(new URL(callback).searchParams.get('iss')).toBe(w.issuer);
    const page = await fromBrowser(callback);
    expect(page.status).toBe(200);
    expect(await connected(w)).toMatchObject({ connected: true });
    expect(w.vault.get('microsoft')).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
    });
  });

  it('redeems the code once when the redirect reaches the loopback twice, so the grant survives', async () => {
    const w = await world();
    const callback = await signIn(w);
    const [first, second] = await Promise.all([fromBrowser(callback), fromBrowser(callback)]);
    expect([first.status, second.status].sort()).toEqual([200, 400]);
    expect(await connected(w)).toMatchObject({ connected: true });
    expect(await w.tokens().refresh()).toBe(true);
    expect(w.revokedGrants).toEqual([]);
  });

  it('refuses a callback that does not carry its state, and still finishes with the real one', async () => {
    const w = await world();
    const callback = new URL(await signIn(w));
    const forged = new URL(callback);
    forged.searchParams.set('state', 'someone-else');
    expect((await fromBrowser(forged)).status).toBe(400);
    expect((await fromBrowser(callback)).status).toBe(200);
    expect(await connected(w)).toMatchObject({ connected: true });
  });

  it('shares one refresh among calls that meet an expired token together; the rotated token stays good', async () => {
    const w = await world();
    await fromBrowser(await signIn(w));
    await connected(w);
    const before = w.vault.get('microsoft')!.refreshToken!;
    const tokens = w.tokens();
    expect(await Promise.all([tokens.refresh(), tokens.refresh(), tokens.refresh()])).toEqual([
      true,
      true,
      true,
    ]);
    const after = w.vault.get('microsoft')!.refreshToken!;
    expect(after).not.toBe(before);
    expect(await tokens.refresh()).toBe(true);
    expect(w.revokedGrants).toEqual([]);
    // The server is as strict as the reading Cadence guards against: the retired token revokes the grant.
    const client = providerConfigs({
      CADENCE_MICROSOFT_CLIENT_ID: 'cadence-desktop',
      CADENCE_MICROSOFT_TOKEN_URL: `${w.issuer}/token`,
    }).microsoft.oauth;
    await expect(refreshTokens(client, before, Date.now())).rejects.toMatchObject({
      code: 'invalid_grant',
      grantRevoked: true,
    });
    expect(w.revokedGrants).toHaveLength(1);
    expect(await tokens.refresh()).toBe(false);
  });
});
