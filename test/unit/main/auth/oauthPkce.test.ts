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
