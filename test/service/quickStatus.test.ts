import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVICE_NODE_FLAGS } from '../../main/bin/nodeFlags.js';
import { terminalLocale } from '../../main/cli/clockChoice';
import { quickFolder } from '../../main/cli/quickStatus';
import { cli, ROOT, serve, stopAllServices } from '../fakes/processHarness';
import { seedSettings, tempDir } from '../fakes/serviceHarness';

afterEach(() => stopAllServices());

/** The whole CLI (out/main/cli.js), bypassing the launcher's quick path. */
function wholeCli(args: string[], env: Record<string, string>): Promise<string> {
  const cliUrl = pathToFileURL(path.join(ROOT, 'out/main/cli.js')).href;
  const script = `import(${JSON.stringify(cliUrl)}).then(async (m) => { process.exitCode = await m.main(${JSON.stringify(args)}); })`;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-e', script],
      { env: { ...process.env, ...env } },
      (_error, stdout, stderr) => resolve(stdout + stderr),
    );
  });
}

describe('`cadence status` on its quick path', () => {
  it('says what the whole CLI says, on the clock the user chose, with the window address', async () => {
    for (const [zone, clock, now, until] of [
      ['Asia/Kolkata', '24h', '2026-11-25 13:30:00', /^Focusing until 17:00\. 210 min left\.$/m],
      ['UTC', '12h', '2026-11-25 08:00:00', /^Focusing until 5:00\sPM\. 540 min left\.$/m],
    ] as const) {
      const dir = tempDir();
      seedSettings(dir, zone, { clock });
      await serve(dir, { faketime: now, env: { TZ: zone } });
      await cli(dir, ['focus', 'until', '5pm'], { TZ: zone });
      const quick = await cli(dir, ['status'], { TZ: zone });
      expect(quick.code).toBe(0);
      expect(quick.stdout).toMatch(until);
      expect(quick.stdout).toMatch(new RegExp(`^Time zone: ${zone}\\.$`, 'm'));
      expect(quick.stdout).toMatch(
        /^Window \(keep it to yourself: it holds your key\): http:\/\/127\.0\.0\.1:\d+\/#token=/m,
      );
      expect(await wholeCli(['status', '--data-dir', dir], { TZ: zone })).toBe(quick.stdout);
      await stopAllServices();
    }
  });

  it('leaves the service its V8 flags: `cadence serve` typed by hand runs the service under them', async () => {
    const dir = tempDir();
    seedSettings(dir, 'UTC');
    const service = await serve(dir, { byHand: true });
    const cmdline = (pid: number) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    expect(cmdline(service.process.pid!)).not.toContain(SERVICE_NODE_FLAGS[0]);
    expect(service.pid).not.toBe(service.process.pid);
    expect(cmdline(service.pid)).toEqual(expect.arrayContaining([...SERVICE_NODE_FLAGS, 'serve']));
    expect((await cli(dir, ['status'])).code).toBe(0);
    // A SIGTERM to what was typed (the process a terminal or a script knows) ends the service too.
    process.kill(service.process.pid!, 'SIGTERM');
    for (let i = 0; i < 100 && fs.existsSync(`/proc/${service.pid}`); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fs.existsSync(`/proc/${service.pid}`)).toBe(false);
  });

  it('is taken only for `status` with at most a data folder; anything else goes to the whole CLI', () => {
    expect(quickFolder(['status', '--data-dir', '/tmp/x'])).toBe('/tmp/x');
    expect(quickFolder(['status', '--data-dir=/tmp/y'])).toBe('/tmp/y');
    expect(quickFolder(['--data-dir', '/tmp/z'])).toBe('/tmp/z');
    expect(quickFolder(['status'])).toMatch(/cadence|Cadence/);
    for (const args of [
      ['status', '--json'],
      ['status', '--data-dir'],
      ['status', '--data-dir='],
      ['status', 'extra'],
      ['plan'],
      ['--help'],
      ['status', '--data-dir', '/tmp/x', '--json'],
      ['status', '--data-dir', '-x'],
    ])
      expect(quickFolder(args)).toBeNull();
  });

  it("writes times in the terminal's locale when the settings name none, as the CLI did itself", () => {
    expect(terminalLocale({ LANG: 'de_DE.UTF-8' })).toBe('de-DE');
    expect(terminalLocale({ LC_ALL: 'en_GB.UTF-8', LANG: 'de_DE.UTF-8' })).toBe('en-GB');
    expect(terminalLocale({ LC_MESSAGES: 'pt_BR', LANG: 'C' })).toBe('pt-BR');
    expect(terminalLocale({ LANG: 'sr_RS@latin' })).toBe('sr-RS');
    for (const LANG of ['C', 'C.UTF-8', 'POSIX', '', '../../etc'])
      expect(terminalLocale({ LANG })).toBeNull();
  });

  it('gives up on something that trickles its answer on the recorded port, and never sends it the token', async () => {
    const dir = tempDir();
    const seen: string[] = [];
    const server = http.createServer((request, response) => {
      seen.push(`${request.url} ${request.headers.authorization ?? ''}`);
      response.writeHead(200, { 'content-type': 'application/json' });
      const drip = setInterval(() => response.write(' '), 500);
      response.on('close', () => clearInterval(drip));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'service.json'),
      JSON.stringify({
        port,
        token: 'x'.repeat(43),
        pid: 1,
        url: `http://127.0.0.1:${port}`,
        servesWindow: true,
      }),
    );
    try {
      const begin = Date.now();
      const result = await cli(dir, ['status']);
      expect(Date.now() - begin).toBeLessThan(12_000);
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(/your token was not sent/);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((line) => line.startsWith('/api/health?challenge=') && line.endsWith(' '))).toBe(
        true,
      );
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 20_000);
});
