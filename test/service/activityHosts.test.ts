import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryNotifier } from '../../main/core/desktopNotifier';
import type { ActivitySource } from '../../main/core/ports';
import { type CadenceHost, startHost } from '../../main/headless/startHeadless';
import { FakeClock } from '../fakes/fakeClock';
import { ROOT, serve, stopAllServices } from '../fakes/processHarness';
import { seedSettings, tempDir } from '../fakes/serviceHarness';

/**
 * Each host hands the service its own activity source, and cadence.log says which one, or in words why
 * there is none: headless mode (in process with a fake source, and the built service on this machine),
 * and the built desktop main process under the Electron stand-in.
 */
const logOf = (dir: string) => fs.readFileSync(path.join(dir, 'cadence.log'), 'utf8');

let host: CadenceHost | null = null;
afterEach(async () => {
  host?.dispose();
  host = null;
  await stopAllServices();
});

describe('headless mode', () => {
  it('takes the activity source it is given, says so in its log, and lets it go when it stops', async () => {
    const dir = tempDir();
    let disposed = 0;
    const source: ActivitySource = {
      description: 'a fake source',
      idleSeconds: () => Promise.resolve(12),
      dispose: () => disposed++,
    };
    host = await startHost({
      dataDir: dir,
      clock: new FakeClock(Date.UTC(2026, 2, 3, 21, 0)),
      notifier: new MemoryNotifier(),
      activity: { source },
    });
    expect(logOf(dir)).toMatch(/activity: a fake source/);
    host.dispose();
    host = null;
    expect(disposed).toBe(1);
  });

  it('says in its log why it has no source', async () => {
    const dir = tempDir();
    host = await startHost({
      dataDir: dir,
      clock: new FakeClock(Date.UTC(2026, 2, 3, 21, 0)),
      notifier: new MemoryNotifier(),
      activity: { source: null, reason: 'no logind session and no X display (DISPLAY is not set)' },
    });
    expect(logOf(dir)).toMatch(
      /no activity source: no logind session and no X display \(DISPLAY is not set\)/,
    );
  });

  it.skipIf(process.platform !== 'linux')(
    'probes what this Linux session offers when nothing is given (the built service, DISPLAY unset)',
    async () => {
      const dir = tempDir();
      seedSettings(dir, 'UTC');
      const service = await serve(dir, { env: { DISPLAY: '', XDG_SESSION_ID: '' } });
      await service.stop();
      // Here logind may or may not be there; without a display the X screen saver never is.
      expect(logOf(dir)).toMatch(
        /(activity: logind's idle hint for session \S+|no activity source: no logind.* and no X display \(DISPLAY is not set\))/,
      );
    },
  );
});

describe('the desktop app (built main process, Electron stand-in)', () => {
  it("hands the service Electron's idle time", async () => {
    const dir = tempDir('cadence-desktop-');
    const dataDir = path.join(dir, 'data');
    seedSettings(dataDir, 'UTC');
    const child = spawn(
      process.execPath,
      [
        '--import',
        path.join(ROOT, 'test/fakes/electronStandIn/register.mjs'),
        path.join(ROOT, 'out/main/index.js'),
        '--data-dir',
        dataDir,
      ],
      {
        env: {
          ...process.env,
          CADENCE_NOTIFIER: 'memory',
          CADENCE_STANDIN_LOG: path.join(dir, 'calls.jsonl'),
          CADENCE_STANDIN_PROBE: '1',
        },
        stdio: 'ignore',
      },
    );
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.once('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code).toBe(0);
    expect(logOf(dataDir)).toMatch(/activity: Electron's idle time/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
