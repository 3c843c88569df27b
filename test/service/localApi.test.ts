import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { seedSettings, tempDir } from '../fakes/serviceHarness';
import { api, type RunningService, serve, stopAllServices } from '../fakes/processHarness';

let service: RunningService;

beforeAll(async () => {
  const dir = tempDir();
  seedSettings(dir, 'UTC');
  service = await serve(dir);
});
afterAll(async () => {
  await service?.stop();
  await stopAllServices();
});

/** A raw request, so the Host header can be forged as a DNS-rebinding page would. */
function raw(
  pathname: string,
  headers: Record<string, string>,
  body = '{}',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: service.port, path: pathname, method: 'POST', headers },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the local API refuses what it must', () => {
  const json = { 'content-type': 'application/json' };

  it('without a token, or with a wrong one', async () => {
    expect((await raw('/api/query/status', json)).status).toBe(401);
    expect((await api(service, '/api/query/status', {}, { authorization: 'Bearer nope' })).status).toBe(401);
  });

  it('from a foreign origin, and under a rebinding Host name', async () => {
    const foreign = await api(service, '/api/command/focus.start', {}, { origin: 'https://evil.example' });
    expect([foreign.status, foreign.body.error]).toEqual([403, 'bad_origin']);
    const rebound = await raw('/api/command/focus.start', {
      ...json,
      host: `evil.example:${service.port}`,
      authorization: `Bearer ${service.token}`,
    });
    expect(rebound.status).toBe(421);
    const status = await api(service, '/api/query/status', {});
    expect((status.body.value as { mode: string }).mode).not.toBe('focus');
  });

  it('with oversized, malformed or mistyped bodies, and unknown commands', async () => {
    const big = await api(service, '/api/command/notify', { title: 'x', body: 'y'.repeat(70_000) });
    expect([big.status, big.body.error]).toEqual([413, 'too_large']);
    const malformed = await api(service, '/api/command/focus.start', '{"minutes": ');
    expect([malformed.status, malformed.body.error]).toEqual([400, 'malformed_json']);
    const form = await raw('/api/command/focus.start', {
      'content-type': 'text/plain',
      authorization: `Bearer ${service.token}`,
    });
    expect(form.status).toBe(415);
    const unknown = await api(service, '/api/command/rm.rf', {});
    expect([unknown.status, unknown.body.error]).toEqual([404, 'unknown_command']);
    const wrong = await api(service, '/api/command/focus.start', { minutes: 'ten', extra: true });
    expect(wrong.status).toBe(400);
    expect((wrong.body.issues as { path: string }[]).map((i) => i.path).sort()).toEqual(['', 'minutes']);
  });

  it('a body of null, and patch keys that are not settings such as __proto__', async () => {
    const nothing = await api(service, '/api/command/focus.start', 'null');
    expect([nothing.status, nothing.body.error]).toEqual([400, 'invalid_input']);
    const status = await api(service, '/api/query/status', {});
    expect((status.body.value as { mode: string }).mode).not.toBe('focus');
    for (const key of ['__proto__', 'constructor', 'toString']) {
      const patched = await api(
        service,
        '/api/command/settings.update',
        `{"patch":{"${key}":{"onboarded":false}}}`,
      );
      expect([patched.status, patched.body.issues]).toEqual([
        400,
        [{ path: `patch.${key}`, message: 'not a setting' }],
      ]);
    }
  });
});

describe('events', () => {
  it('pushes availability changes over the WebSocket, and refuses sockets without the token', async () => {
    const refused = new WebSocket(`ws://127.0.0.1:${service.port}/api/events?token=wrong`);
    await expect(
      new Promise((resolve, reject) => (refused.once('open', resolve), refused.once('error', reject))),
    ).rejects.toThrow(/401/);
    const socket = new WebSocket(`ws://127.0.0.1:${service.port}/api/events?token=${service.token}`);
    const names: string[] = [];
    const modes: string[] = [];
    socket.on('message', (data: Buffer) => {
      const event = JSON.parse(data.toString()) as { name: string; data: { mode?: string } };
      names.push(event.name);
      if (event.name === 'availability.changed' && event.data.mode) modes.push(event.data.mode);
    });
    await new Promise((resolve) => socket.once('open', resolve));
    await api(service, '/api/command/focus.start', { minutes: 10 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(modes.at(-1)).toBe('focus');
    expect(names).toContain('plan.changed');
    await api(service, '/api/command/focus.stop', {});
    socket.close();
  });
});
