import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beginAuthorization } from '../../../../main/auth/oauthPkce';
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

describe('one code, one exchange', () => {
  it('redeems the code once when the browser comes back twice while the first exchange is in flight', async () => {
    let exchanges = 0;
    const tokenServer = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        exchanges++;
        setTimeout(
          () =>
            res
              .writeHead(200, { 'content-type': 'application/json' })
              .end('{"access_token":"a","token_type":"Bearer","refresh_token":"r","expires_in":3600}'),
          100,
        );
      });
    });
    await new Promise<void>((resolve) => tokenServer.listen(0, '127.0.0.1', resolve));
    try {
      const tokenUrl = `http://127.0.0.1:${(tokenServer.address() as AddressInfo).port}/token`;
      const pending = await beginAuthorization(
        { authorizeUrl: 'https://auth.example/authorize', tokenUrl, clientId: 'client', scopes: ['a'] },
        () => 0,
      );
      const authorize = new URL(pending.url);
      const callback = `${authorize.searchParams.get('redirect_uri')}?code=one-code&state=${authorize.searchParams.get('state')}`;
      const [first, second] = await Promise.all([fetch(callback), fetch(callback)]);
      expect([first.status, second.status].sort()).toEqual([200, 400]);
      await expect(pending.result).resolves.toMatchObject({ accessToken: 'a', refreshToken: 'r' });
      expect(exchanges).toBe(1);
    } finally {
      tokenServer.close();
    }
  });
});

describe('the token response', () => {
  it('is refused when its token_type is not the one the service issues (RFC 6749 §5.1)', async () => {
    const tokenServer = http.createServer((req, res) => {
      req.resume();
      req.on('end', () =>
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"access_token":"a","token_type":"mac"}'),
      );
    });
    await new Promise<void>((resolve) => tokenServer.listen(0, '127.0.0.1', resolve));
    try {
      const tokenUrl = `http://127.0.0.1:${(tokenServer.address() as AddressInfo).port}/token`;
      const pending = await beginAuthorization(
        { authorizeUrl: 'https://auth.example/authorize', tokenUrl, clientId: 'client', scopes: ['a'] },
        () => 0,
      );
      const outcome = pending.result.catch((error: unknown) => error);
      const authorize = new URL(pending.url);
      const page = await fetch(
        `${authorize.searchParams.get('redirect_uri')}?code=c&state=${authorize.searchParams.get('state')}`,
      );
      expect(page.status).toBe(400);
      expect(await page.text()).toContain('token of type &#34;mac&#34;');
      expect(String(await outcome)).toContain('where "Bearer" was expected');
    } finally {
      tokenServer.close();
    }
  });
});
