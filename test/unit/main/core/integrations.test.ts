import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FileVault } from '../../../../main/auth/vault';
import { Integrations } from '../../../../main/core/integrations';
import { providerConfigs } from '../../../../main/providers/endpoints';
import type { AccountMemory, Provider, TokenSet, TokenSource } from '../../../../main/providers/provider';
import { ProviderError } from '../../../../main/providers/providerError';
import { FakeClock } from '../../../fakes/fakeClock';
import { tempDir } from '../../../fakes/serviceHarness';
import { QUIET_STATE } from '../../../fakes/quietState';

/**
 * A token endpoint that rotates refresh tokens and treats a second use of one as theft, revoking the
 * grant (the stricter reading of RFC 6749 §10.4 and of rotating refresh tokens).
 */
function rotatingTokenServer(answer?: (res: http.ServerResponse) => boolean) {
  let current = 'refresh-1';
  let revoked = false;
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const token = new URLSearchParams(body).get('refresh_token') ?? '';
      seen.push(token);
      if (answer?.(res)) return;
      setTimeout(() => {
        const json = (status: number, value: object) =>
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
        if (revoked || token !== current) {
          revoked = true;
          return json(400, { error: 'invalid_grant', error_description: 'refresh token reused' });
        }
        current = `refresh-${seen.length + 1}`;
        json(200, {
          access_token: `access-${seen.length}`,
          token_type: 'Bearer',
          refresh_token: current,
          expires_in: 3600,
        });
      }, 30);
    });
  });
  return { server, seen, revoked: () => revoked };
}

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup.splice(0)) step();
});

interface Rig {
  tokens: TokenSource;
  memory: AccountMemory;
  integrations: Integrations;
  vault: FileVault;
  /** The tokens file read afresh, as the next start of Cadence reads it. */
  reopened: () => TokenSet | null;
}

async function rigWith(server: http.Server): Promise<Rig> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => server.close());
  const port = (server.address() as AddressInfo).port;
  const dir = tempDir();
  const vault = new FileVault(dir);
  vault.set('microsoft', { accessToken: 'expired', refreshToken: 'refresh-1' });
  const configs = providerConfigs({
    CADENCE_MICROSOFT_CLIENT_ID: 'client',
    CADENCE_MICROSOFT_TOKEN_URL: `http://127.0.0.1:${port}/token`,
  });
  let tokens: TokenSource | null = null;
  let memory: AccountMemory | null = null;
  const integrations = new Integrations({
    clock: new FakeClock(Date.parse('2026-11-25T10:00:00Z')),
    vault,
    configs,
    createProvider: (id, _config, source, account): Provider => {
      if (id === 'microsoft') [tokens, memory] = [source, account];
      return { id, apply: async () => undefined, reset: () => undefined };
    },
  });
  integrations.attach(QUIET_STATE);
  cleanup.push(() => integrations.dispose());
  return {
    tokens: tokens!,
    memory: memory!,
    integrations,
    vault,
    reopened: () => new FileVault(dir).get('microsoft'),
  };
}

const integrationsWith = async (server: http.Server): Promise<TokenSource> => (await rigWith(server)).tokens;

describe('refreshing a sign-in', () => {
  it('runs one refresh at a time: calls that meet an expired token together share it', async () => {
    const endpoint = rotatingTokenServer();
    const tokens = await integrationsWith(endpoint.server);
    const results = await Promise.all([tokens.refresh(), tokens.refresh(), tokens.refresh()]);
    expect(results).toEqual([true, true, true]);
    expect(endpoint.seen).toEqual(['refresh-1']);
    expect(endpoint.revoked()).toBe(false);
    expect(await tokens.token()).toBe('access-1');
    expect(await tokens.refresh()).toBe(true);
    expect(endpoint.seen).toEqual(['refresh-1', 'refresh-2']);
  });

  it('asks for a reconnect only when the grant is gone; a passing failure is tried again later', async () => {
    let unavailable = true;
    const endpoint = rotatingTokenServer((res) => {
      if (!unavailable) return false;
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"temporarily_unavailable"}');
      return true;
    });
    const tokens = await integrationsWith(endpoint.server);
    const failure = await tokens.refresh().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProviderError);
    expect((failure as ProviderError).kind).toBe('transient');
    unavailable = false;
    expect(await tokens.refresh()).toBe(true);
    cleanup.splice(0).forEach((step) => step());
    const revoked = rotatingTokenServer((res) => {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid_grant"}');
      return true;
    });
    expect(await (await integrationsWith(revoked.server)).refresh()).toBe(false);
  });

  it('asks for a reconnect when the service no longer takes the app (RFC 6749 §5.2 unauthorized_client)', async () => {
    const refused = rotatingTokenServer((res) => {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"unauthorized_client"}');
      return true;
    });
    expect(await (await integrationsWith(refused.server)).refresh()).toBe(false);
  });
});

describe('a renewal and the rest of the account', () => {
  it('keeps what the account taught Cadence while a renewal was in flight, across a restart', async () => {
    const rig = await rigWith(rotatingTokenServer().server);
    const renewal = rig.tokens.refresh();
    // The first push learns the account and the status it set while the token endpoint is still answering.
    rig.memory.remember({ kind: 'microsoft-work', ownStatus: 'Focusing until 11:30' });
    expect(await renewal).toBe(true);
    const stored = rig.reopened();
    expect(stored?.accessToken).toBe('access-1');
    expect(stored?.account).toEqual({ kind: 'microsoft-work', ownStatus: 'Focusing until 11:30' });
  });

  it('lets a disconnect made during a renewal stand: no tokens are written back', async () => {
    const rig = await rigWith(rotatingTokenServer().server);
    const renewal = rig.tokens.refresh();
    rig.integrations.disconnect('microsoft');
    expect(await renewal).toBe(false);
    expect(rig.reopened()).toBeNull();
    expect(rig.integrations.list().find((view) => view.id === 'microsoft')?.connected).toBe(false);
  });

  it('never writes a renewal over a newer sign-in', async () => {
    const rig = await rigWith(rotatingTokenServer().server);
    const renewal = rig.tokens.refresh();
    rig.vault.set('microsoft', { accessToken: 'signed-in-again', refreshToken: 'new-grant' });
    expect(await renewal).toBe(true);
    expect(rig.reopened()).toEqual({ accessToken: 'signed-in-again', refreshToken: 'new-grant' });
    expect(await rig.tokens.token()).toBe('signed-in-again');
  });
});

describe('a renewal Microsoft answers with "sign in again"', () => {
  it.each(['interaction_required', 'login_required', 'consent_required'])(
    '%s asks for a new sign-in instead of trying again forever',
    async (code) => {
      const endpoint = rotatingTokenServer((res) => {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: code }));
        return true;
      });
      expect(await (await integrationsWith(endpoint.server)).refresh()).toBe(false);
    },
  );
});
