import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IntegrationView } from '../../shared/integrationView';
import { cli, serve, stopAllServices } from '../fakes/processHarness';
import { seedSettings, tempDir } from '../fakes/serviceHarness';

const dirs: string[] = [];
afterEach(async () => {
  await stopAllServices();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function folder(prefix: string): string {
  const dir = tempDir(prefix);
  dirs.push(dir);
  return dir;
}

/** Root can act as a second user (nobody, uid 65534); another user running the tests cannot. */
const IS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;
const planted = JSON.stringify({ slack: { clientId: 'planted-app' } });

/** A data folder whose parent, like /srv/shared or /tmp, every user can write (with the sticky bit). */
function sharedParent(): { parent: string; dir: string; organisation: string } {
  const parent = folder('cadence-shared-');
  fs.chmodSync(parent, 0o1777);
  const dir = path.join(parent, 'Cadence');
  seedSettings(dir, 'UTC');
  return { parent, dir, organisation: path.join(parent, 'cadence-organisation.json') };
}

async function problemsOf(dir: string): Promise<string[]> {
  return (JSON.parse((await cli(dir, ['status', '--json'])).stdout) as { problems: string[] }).problems;
}

async function integrationsOf(dir: string): Promise<IntegrationView[]> {
  return JSON.parse((await cli(dir, ['integrations', '--json'])).stdout) as IntegrationView[];
}

/** The service's peak memory, from /proc: what the process really held, buffers included. */
function peakMegabytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1] ?? NaN) / 1024;
}

describe('an organisation file planted in a shared parent folder', () => {
  it('a FIFO does not hold `serve`: it starts, says why the file was ignored, and answers', async () => {
    const { dir, organisation } = sharedParent();
    execFileSync('mkfifo', [organisation]);
    const begin = Date.now();
    const service = await serve(dir); // fails after 15 s if the FIFO holds the start
    expect(Date.now() - begin).toBeLessThan(10_000);
    const ignored = `Ignored ${organisation}: it is a named pipe (FIFO), not a regular file; only a regular file is read.`;
    expect(service.output.join('')).toContain(`! ${ignored}`);
    expect(await problemsOf(dir)).toContainEqual(ignored);
    expect(fs.readFileSync(path.join(dir, 'cadence.log'), 'utf8')).toContain(ignored);
  }, 30_000);

  it.skipIf(process.platform !== 'linux')(
    'a link to /dev/zero is ignored, and the service stays small',
    async () => {
      const { dir, organisation } = sharedParent();
      fs.symlinkSync('/dev/zero', organisation);
      const service = await serve(dir);
      expect(await problemsOf(dir)).toContainEqual(
        `Ignored ${organisation}: it is a symbolic link; only a regular file is read, so put the file itself there.`,
      );
      expect(peakMegabytes(service.pid)).toBeLessThan(300);
    },
    30_000,
  );

  it.skipIf(!IS_ROOT)(
    'a file another user wrote (planted as nobody, uid 65534: needs root) does not replace the user’s client ids',
    async () => {
      const { dir, organisation } = sharedParent();
      fs.writeFileSync(
        path.join(dir, 'integrations.json'),
        JSON.stringify({ slack: { clientId: 'my-own-app' } }),
        { mode: 0o600 },
      );
      // The other user writes the file themselves, with a mode only they can write.
      execFileSync(
        process.execPath,
        [
          '-e',
          `require('fs').writeFileSync(${JSON.stringify(organisation)}, ${JSON.stringify(planted)}, { mode: 0o644 })`,
        ],
        { uid: NOBODY, gid: NOBODY },
      );
      expect(fs.statSync(organisation).uid).toBe(NOBODY);
      await serve(dir);
      expect(await problemsOf(dir)).toContainEqual(
        `Ignored ${organisation}: it belongs to another user (uid ${NOBODY}); only files of yours or of root are read.`,
      );
      const slack = (await integrationsOf(dir)).find((view) => view.id === 'slack');
      expect(slack).toMatchObject({ configured: true, managed: false });
    },
    30_000,
  );

  it('a file of the user’s that every user can write is ignored, and how to fix it is said', async () => {
    const { dir, organisation } = sharedParent();
    fs.writeFileSync(organisation, planted);
    fs.chmodSync(organisation, 0o666);
    await serve(dir);
    expect(await problemsOf(dir)).toContainEqual(
      `Ignored ${organisation}: other users can change it (mode 666); only a file no one else can write is read: run chmod go-w ${organisation}.`,
    );
    expect((await integrationsOf(dir)).find((view) => view.id === 'slack')).toMatchObject({
      configured: false,
      managed: false,
    });
  }, 30_000);
});

describe('integrations.json with one bad entry', () => {
  it('the good entries still work, the bad one is named, and configure keeps the rest', async () => {
    const dir = folder('cadence-test-');
    seedSettings(dir, 'UTC');
    const file = path.join(dir, 'integrations.json');
    fs.writeFileSync(file, JSON.stringify({ slack: { clientId: 'slack-app' }, google: { clientId: '' } }), {
      mode: 0o600,
    });
    await serve(dir);
    const views = await integrationsOf(dir);
    expect(views.find((view) => view.id === 'slack')).toMatchObject({ configured: true });
    expect(views.find((view) => view.id === 'google')).toMatchObject({ configured: false });
    expect(await problemsOf(dir)).toContainEqual(
      `${file}: the Google Calendar entry is not used (clientId: cannot be empty). Enter its client id again in Settings → Integrations or with cadence configure google; the other services are not affected.`,
    );
    expect((await cli(dir, ['configure', 'microsoft', 'ms-app'])).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({
      slack: { clientId: 'slack-app' },
      google: { clientId: '' },
      microsoft: { clientId: 'ms-app' },
    });
    expect((await integrationsOf(dir)).filter((view) => view.configured).map((view) => view.id)).toEqual([
      'slack',
      'microsoft',
    ]);
  }, 30_000);
});

describe('temporary files left by a Cadence killed mid-write', () => {
  it('are removed at the next start; another program’s file of a similar name is left alone', async () => {
    const dir = folder('cadence-test-');
    seedSettings(dir, 'UTC');
    const copy = fs.readFileSync(path.join(dir, 'settings.json'));
    const leftovers = [
      'intents.json.tmp-1733489123a1b2c3',
      'settings.json.tmp-17334891230f0f0f',
      'tokens.json.4711.tmp',
    ];
    const foreign = [
      'intents.json.tmp-backup',
      'notes.json.tmp-1733489123a1b2c3',
      'tokens.json.4711.tmp.orig',
    ];
    for (const name of [...leftovers, ...foreign]) fs.writeFileSync(path.join(dir, name), copy);
    await serve(dir);
    const names = fs.readdirSync(dir);
    for (const name of leftovers) expect(names, name).not.toContain(name);
    for (const name of foreign) expect(names, name).toContain(name);
    expect(fs.readFileSync(path.join(dir, 'cadence.log'), 'utf8')).toContain(
      `removed temporary files an earlier Cadence left when it stopped mid-write: ${[...leftovers].sort().join(', ')}`,
    );
  }, 30_000);
});
