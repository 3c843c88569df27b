import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedSettings, tempDir } from '../fakes/serviceHarness';
import { cli, serve, stopAllServices } from '../fakes/processHarness';

afterEach(() => stopAllServices());

const PORT = ['--port', '0'];

describe('one Cadence per data folder', () => {
  it('lets exactly one of two services started at the same instant run; the other says where it is', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const dir = tempDir();
      seedSettings(dir, 'UTC');
      const results = await Promise.allSettled([serve(dir, { args: PORT }), serve(dir, { args: PORT })]);
      const running = results.filter((r) => r.status === 'fulfilled');
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(running).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(String(refused[0]!.reason)).toMatch(
        /already running for .*(at http:\/\/127\.0\.0\.1:\d+|is still starting)/,
      );
      expect(String(refused[0]!.reason)).toMatch(/service exited with 1/);
      await stopAllServices();
    }
  }, 60_000);

  it('starts again at once after being killed, though service.json still names the dead process', async () => {
    const dir = tempDir();
    seedSettings(dir, 'UTC');
    const first = await serve(dir, { args: PORT });
    await first.stop('SIGKILL');
    expect(fs.existsSync(path.join(dir, 'service.json'))).toBe(true);
    const second = await serve(dir, { args: PORT });
    expect(second.pid).not.toBe(first.pid);
    expect((await cli(dir, ['status'])).code).toBe(0);
  });

  it("does not take another folder's Cadence on the recorded port for itself, and never sends it the token", async () => {
    const other = tempDir();
    seedSettings(other, 'UTC');
    const stranger = await serve(other, { args: PORT });
    const dir = tempDir();
    seedSettings(dir, 'UTC');
    const first = await serve(dir, { args: PORT });
    await first.stop('SIGKILL');
    // A crash left service.json behind, and its port is now another Cadence's.
    const record = JSON.parse(fs.readFileSync(path.join(dir, 'service.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    fs.writeFileSync(
      path.join(dir, 'service.json'),
      JSON.stringify({ ...record, port: stranger.port, url: stranger.url }),
    );
    const status = await cli(dir, ['status']);
    expect(status.code).toBe(3);
    expect(status.stderr).toMatch(/is not it; your token was not sent/);
    const restarted = await serve(dir, { args: PORT });
    expect(restarted.port).not.toBe(stranger.port);
  });

  it('sends the token to nothing that cannot prove it holds it', async () => {
    const seen: (string | undefined)[] = [];
    const impostor = http.createServer((req, res) => {
      seen.push(req.headers.authorization);
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"ok":true,"value":{"name":"cadence"}}');
    });
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    try {
      const port = (impostor.address() as AddressInfo).port;
      const dir = tempDir();
      fs.writeFileSync(
        path.join(dir, 'service.json'),
        JSON.stringify({ port, token: 'x'.repeat(43), pid: process.pid, url: `http://127.0.0.1:${port}` }),
      );
      const result = await cli(dir, ['focus', '25']);
      expect(result.code).toBe(3);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((header) => header === undefined)).toBe(true);
    } finally {
      impostor.close();
    }
  });
});

describe('the data folder, as found', () => {
  it('tightens an API token file others could read to 0600, and says so', async () => {
    const dir = tempDir();
    seedSettings(dir, 'UTC');
    fs.writeFileSync(path.join(dir, 'api-token'), 'a'.repeat(43), { mode: 0o644 });
    fs.chmodSync(path.join(dir, 'api-token'), 0o644);
    await serve(dir, { args: PORT });
    expect(fs.statSync(path.join(dir, 'api-token')).mode & 0o777).toBe(0o600);
    const status = JSON.parse((await cli(dir, ['status', '--json'])).stdout) as { problems: string[] };
    expect(status.problems.join('\n')).toMatch(
      /api-token was readable by other users \(mode 644\); it is now 0600/,
    );
  });

  it('names a folder that sits where a data file should be', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'intents.json'));
    await expect(serve(dir, { args: PORT })).rejects.toThrow(
      new RegExp(`${path.join(dir, 'intents.json')} is a folder, but Cadence keeps a file there`),
    );
  });

  it('tells its process id only to a caller with the token', async () => {
    const dir = tempDir();
    seedSettings(dir, 'UTC');
    const service = await serve(dir, { args: PORT });
    const anonymous = (await (await fetch(`${service.url}/api/health`)).json()) as { value: object };
    expect(anonymous.value).toEqual({ name: 'cadence' });
    const trusted = (await (
      await fetch(`${service.url}/api/health`, { headers: { authorization: `Bearer ${service.token}` } })
    ).json()) as { value: { pid?: number } };
    expect(trusted.value.pid).toBe(service.pid);
  });
});
