import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSettings, tempDir } from '../fakes/serviceHarness';
import { api, type RunningService, serve, stopAllServices } from '../fakes/processHarness';
import { rawRequests, sendRaw } from '../fakes/rawHttp';

let service: RunningService;
let dir: string;

beforeAll(async () => {
  dir = tempDir();
  seedSettings(dir, 'UTC');
  service = await serve(dir);
});
afterAll(async () => {
  await service?.stop();
  await stopAllServices();
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function stillServing(): Promise<void> {
  expect(alive(service.pid)).toBe(true);
  const status = await api(service, '/api/query/status', {});
  expect(status.status).toBe(200);
}

describe('no request stops the service', () => {
  it('answers odd paths, bad escapes and upgrades without a server error, and keeps serving', async () => {
    const host = `Host: 127.0.0.1:${service.port}`;
    const upgrade =
      'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==';
    const cases = [
      `GET // HTTP/1.1\r\n${host}\r\n\r\n`,
      `GET //evil.example/x HTTP/1.1\r\n${host}\r\n\r\n`,
      `GET /%E0%A4%A HTTP/1.1\r\n${host}\r\n\r\n`,
      `POST //api/command/focus.start HTTP/1.1\r\n${host}\r\nContent-Length: 0\r\n\r\n`,
      `GET /%00 HTTP/1.1\r\n${host}\r\n\r\n`,
      `GET // HTTP/1.1\r\n${host}\r\n${upgrade}\r\n\r\n`,
      `GET /api/events?token=%ZZ HTTP/1.1\r\n${host}\r\n${upgrade}\r\n\r\n`,
      `GET / HTTP/1.1\r\nnot a header\r\n\r\n`,
      `\u0000\u0001 nonsense\r\n\r\n`,
    ];
    for (const request of cases) {
      const answer = await sendRaw(service.port, request);
      expect(answer, JSON.stringify(request)).toMatch(/^HTTP\/1\.1 [24]\d\d /);
      await stillServing();
    }
  });

  it('survives thousands of generated raw requests without a token and changes nothing', async () => {
    const intentsFile = path.join(dir, 'intents.json');
    const before = fs.existsSync(intentsFile) ? fs.readFileSync(intentsFile, 'utf8') : null;
    const statusBefore = (await api(service, '/api/query/status', {})).body.value as { mode: string };
    const requests = fc.sample(rawRequests(service.port), { numRuns: 2000, seed: 20261126 });
    for (let i = 0; i < requests.length; i += 25)
      await Promise.all(requests.slice(i, i + 25).map((request) => sendRaw(service.port, request, 250)));
    await stillServing();
    expect(fs.existsSync(intentsFile) ? fs.readFileSync(intentsFile, 'utf8') : null).toBe(before);
    const statusAfter = (await api(service, '/api/query/status', {})).body.value as { mode: string };
    expect(statusAfter.mode).toBe(statusBefore.mode);
    expect(service.output.join('')).not.toMatch(/uncaught|TypeError|RangeError/i);
  }, 120_000);
});
