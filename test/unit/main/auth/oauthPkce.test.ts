import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  beginAuthorization,
  refreshTokens,
  TokenEndpointError,
  tokensFrom,
} from '../../../../main/auth/oauthPkce';
import { rawRequests, sendRaw } from '../../../fakes/rawHttp';

describe('the sign-in callback server', () => {
  it('survives thousands of generated raw requests, and a sign-in it did not start never completes', async () => {
    const pending = await beginAuthorization(
      {
        authorizeUrl: 'https://auth.example/authorize',
        tokenUrl: 'http://127.0.0.1:9/token',
        clientId: 'client',
        scopes: ['a'],
      },
      () => 0,
    );
    let settled = false;
    pending.result.then(
      () => (settled = true),
      () => (settled = true),
    );
    const redirect = new URL(new URL(pending.url).searchParams.get('redirect_uri')!);
    const port = Number(redirect.port);
    const requests = fc.sample(rawRequests(port), { numRuns: 1500, seed: 7 });
    for (let i = 0; i < requests.length; i += 25)
      await Promise.all(requests.slice(i, i + 25).map((request) => sendRaw(port, request, 250)));
    expect(
      await sendRaw(port, `GET /callback?state=forged&code=x HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`),
    ).toBe('HTTP/1.1 400 Bad Request');
    expect(settled).toBe(false);
    pending.cancel();
    await expect(pending.result).rejects.toThrow('cancelled');
  }, 60_000);
});

/** A token endpoint on 127.0.0.1 answering `body` after `delayMs`, and a sign-in begun against it. */
async function signInAgainst(body: string, delayMs = 0) {
  const endpoint = { exchanges: 0 };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      endpoint.exchanges++;
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(body), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => server.close());
  const tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
  const pending = await beginAuthorization(
    { authorizeUrl: 'https://auth.example/authorize', tokenUrl, clientId: 'client', scopes: ['a'] },
    () => 0,
  );
  const authorize = new URL(pending.url);
  const callback = (code: string) =>
    `${authorize.searchParams.get('redirect_uri')}?code=${code}&state=${authorize.searchParams.get('state')}`;
  // The user's browser opens the start page first: it gets the cookie the callback must show.
  const start = await fetch(pending.startUrl, { redirect: 'manual' });
  const cookie = start.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const visit = (code: string) => fetch(callback(code), { headers: { cookie } });
  return { endpoint, pending, callback, visit, start, cookie };
}

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup.splice(0)) step();
});

describe('a sign-in bound to the browser that starts it', () => {
  const good = '{"access_token":"a","token_type":"Bearer","refresh_token":"r","expires_in":3600}';

  it('hands out a local start page, never the state: it sets a cookie and sends the browser on', async () => {
    const { pending, start, cookie } = await signInAgainst(good);
    const state = new URL(pending.url).searchParams.get('state')!;
    expect(pending.startUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cadence-sign-in\/[\w-]{20,}$/);
    expect(pending.startUrl).not.toContain(state);
    expect(start.status).toBe(302);
    expect(start.headers.get('location')).toBe(pending.url);
    expect(start.headers.getSetCookie()[0]).toMatch(/HttpOnly; SameSite=Lax; Path=\//);
    expect(cookie).toMatch(/^cadence_sign_in_\d+=[\w-]{40,}$/);
    pending.cancel();
    await expect(pending.result).rejects.toThrow();
  });

  it('refuses a code delivered by anyone without the cookie, even with the right state', async () => {
    const { endpoint, pending, callback, visit } = await signInAgainst(good);
    // Another local user read the state somewhere and delivers their own code.
    const forged = await fetch(callback('attackers-code'));
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('did not come back to the browser Cadence opened it in');
    const wrongCookie = await fetch(callback('attackers-code'), {
      headers: { cookie: `cadence_sign_in_${new URL(pending.startUrl).port}=guess` },
    });
    expect(wrongCookie.status).toBe(400);
    expect(endpoint.exchanges).toBe(0);
    // The user's own browser still finishes.
    expect((await visit('users-code')).status).toBe(200);
    await expect(pending.result).resolves.toMatchObject({ accessToken: 'a' });
    expect(endpoint.exchanges).toBe(1);
  });

  it('refuses a code another local user delivers, run as that user where the machine allows it', async () => {
    const { endpoint, pending, callback, visit } = await signInAgainst(good);
    if (process.getuid?.() !== 0) {
      console.warn(
        'skipped as another user: only root can drop to nobody here; the same request is refused above',
      );
      pending.cancel();
      await pending.result.catch(() => undefined);
      return;
    }
    // The other user read the start address (and the state) from /proc and delivers their own code.
    const script = `fetch(${JSON.stringify(callback('attackers-code'))}).then((r) => console.log(r.status))`;
    const status = await new Promise<string>((resolve, reject) =>
      execFile(
        'setpriv',
        ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', script],
        (error, stdout) => (error ? reject(error) : resolve(stdout.trim())),
      ),
    );
    expect(status).toBe('400');
    expect(endpoint.exchanges).toBe(0);
    expect((await visit('users-code')).status).toBe(200);
    await expect(pending.result).resolves.toMatchObject({ accessToken: 'a' });
  });

  it('stops the sign-in when its start page is opened a second time (someone else opened it too)', async () => {
    const { endpoint, pending, visit } = await signInAgainst(good);
    const outcome = pending.result.catch((error: unknown) => error);
    const again = await fetch(pending.startUrl, { redirect: 'manual' });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('opened twice');
    expect(await outcome).toMatchObject({ code: 'cadence_sign_in_opened_twice' });
    expect((await visit('code').catch(() => null))?.status ?? 'closed').not.toBe(200);
    expect(endpoint.exchanges).toBe(0);
  });
});

describe('one code, one exchange', () => {
  it('redeems the code once when the browser comes back twice while the first exchange is in flight', async () => {
    const { endpoint, pending, visit } = await signInAgainst(
      '{"access_token":"a","token_type":"Bearer","refresh_token":"r","expires_in":3600}',
      100,
    );
    const [first, second] = await Promise.all([visit('one-code'), visit('one-code')]);
    expect([first.status, second.status].sort()).toEqual([200, 400]);
    await expect(pending.result).resolves.toMatchObject({ accessToken: 'a', refreshToken: 'r' });
    expect(endpoint.exchanges).toBe(1);
  });
});

describe('the token response', () => {
  it('is refused when its token_type is not the one the service issues (RFC 6749 §5.1)', async () => {
    const { pending, visit } = await signInAgainst('{"access_token":"a","token_type":"mac"}');
    const outcome = pending.result.catch((error: unknown) => error);
    const page = await visit('c');
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('token of type &#34;mac&#34;');
    expect(String(await outcome)).toContain('where "Bearer" was expected');
  });

  it('without "scope" grants the scopes asked for (RFC 6749 §5.1), and a refresh keeps the grant’s', () => {
    const client = {
      authorizeUrl: 'https://login.example/authorize',
      tokenUrl: 'https://login.example/token',
      clientId: 'c',
      scopes: ['openid', 'Calendars.ReadWrite'],
    };
    const body = { access_token: 'a', token_type: 'Bearer' };
    expect(tokensFrom(body, client, 0, client.scopes).scopes).toEqual(['openid', 'Calendars.ReadWrite']);
    expect(tokensFrom(body, client, 0, ['Presence.Read']).scopes).toEqual(['Presence.Read']);
    expect(tokensFrom(body, client, 0).scopes).toBeUndefined();
    // What the response says wins.
    expect(tokensFrom({ ...body, scope: 'openid' }, client, 0, client.scopes).scopes).toEqual(['openid']);
  });
});

describe('renewing a Slack sign-in', () => {
  const slack = {
    authorizeUrl: 'https://auth.example/authorize',
    tokenUrl: '',
    clientId: 'client',
    scopes: ['a'],
    tokenType: 'user',
    secretOffDesktopOnly: true,
  };
  async function tokenEndpoint() {
    const forms: URLSearchParams[] = [];
    const server = http.createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => {
        forms.push(new URLSearchParams(text));
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(
            '{"ok":true,"access_token":"xoxp-new","token_type":"user","refresh_token":"r2","expires_in":43200}',
          );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => server.close());
    return { forms, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token` };
  }

  it('renews a desktop (localhost) grant without the client secret', async () => {
    const endpoint = await tokenEndpoint();
    const client = { ...slack, tokenUrl: endpoint.url, clientSecret: 'not-for-desktop' };
    await expect(refreshTokens(client, 'r1', 0, { desktopGrant: true })).resolves.toMatchObject({
      accessToken: 'xoxp-new',
    });
    expect(endpoint.forms[0]!.get('client_id')).toBe('client');
    expect(endpoint.forms[0]!.has('client_secret')).toBe(false);
  });

  it('does not send a renewal Slack must refuse: any other grant needs the secret Cadence lacks', async () => {
    const endpoint = await tokenEndpoint();
    const outcome = await refreshTokens({ ...slack, tokenUrl: endpoint.url }, 'r1', 0, {
      desktopGrant: false,
    }).catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(TokenEndpointError);
    expect(outcome).toMatchObject({ code: 'client_secret_required', grantRevoked: true });
    expect(endpoint.forms).toHaveLength(0);
  });
});
