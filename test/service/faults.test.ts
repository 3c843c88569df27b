import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { commandSchemas } from '../../shared/contract';
import { intentsSchema } from '../../shared/intents';
import { FakeClock } from '../fakes/fakeClock';
import { api, serve, stopAllServices } from '../fakes/processHarness';
import { type Harness, seedSettings, startService, tempDir } from '../fakes/serviceHarness';
import { at } from '../unit/shared/domainFixtures';

const ZONE = 'Europe/Berlin';
let harness: Harness | null = null;
afterEach(async () => {
  harness?.service.dispose();
  harness = null;
  await stopAllServices(); // the services of a test that failed before stopping them
});

describe('kill -9 during writes', () => {
  it('loses no acknowledged intent and never leaves a corrupt file, over 100 trials', async () => {
    const dir = tempDir('cadence-crash-');
    seedSettings(dir, 'UTC');
    let acknowledged = 0;
    for (let trial = 0; trial < 100; trial++) {
      const service = await serve(dir);
      const status = await api(service, '/api/query/status', {});
      expect(status.body.ok).toBe(true);
      const writer = (async () => {
        for (;;) {
          const result = await api(service, '/api/command/teammates.add', {
            name: `T${acknowledged}`,
            timeZone: 'Asia/Tokyo',
          }).catch(() => null);
          if (!result || result.status !== 200) return;
          acknowledged++;
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.floor(Math.random() * 60)));
      service.process.kill('SIGKILL');
      await writer;
      await service.stop();
      const raw = fs.readFileSync(path.join(dir, 'intents.json'), 'utf8');
      const parsed = intentsSchema.safeParse(JSON.parse(raw));
      expect(parsed.success).toBe(true);
      expect(parsed.data!.teammates.length).toBeGreaterThanOrEqual(acknowledged);
    }
    expect(fs.readdirSync(dir).filter((name) => name.includes('invalid'))).toEqual([]);
  }, 240_000);
});

describe('hostile input', () => {
  it('survives thousands of generated payloads; a refusal changes nothing', () => {
    const dir = tempDir();
    seedSettings(dir, ZONE);
    harness = startService(dir, new FakeClock(at('2026-11-25T10:00', ZONE), ZONE));
    const h = harness;
    const names = [...Object.keys(commandSchemas), 'nope', '__proto__', 'constructor'];
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.oneof(
          fc.anything(),
          fc.object(),
          fc.dictionary(
            fc.constantFrom('minutes', 'until', 'at', 'patch', 'name', 'timeZone', 'priorities', 'provider'),
            fc.anything(),
          ),
        ),
        (name, payload) => {
          const before = JSON.stringify([h.service.intents, h.service.settings]);
          const outcome = h.service.handleCommand(name, payload);
          if (outcome instanceof Promise) return true;
          if (!outcome.ok) expect(JSON.stringify([h.service.intents, h.service.settings])).toBe(before);
          expect(typeof outcome.ok).toBe('boolean');
          return true;
        },
      ),
      { numRuns: 3000, seed: 20261125 },
    );
    expect(h.service.status().mode).toMatch(/focus|working|lunch|off|meeting/);
  });
});

describe('the clock misbehaves', () => {
  it('recomputes after the clock jumps back a day and forward again', () => {
    const dir = tempDir();
    seedSettings(dir, ZONE);
    harness = startService(dir, new FakeClock(at('2026-11-25T10:00', ZONE), ZONE));
    const h = harness;
    h.service.execute('focus.start', { minutes: 50 });
    h.clock.jumpTo(at('2026-11-24T10:00', ZONE));
    h.service.resync();
    expect(h.service.status().mode).toBe('working');
    expect(h.service.nextDeadline).toBe(at('2026-11-24T12:00', ZONE));
    h.clock.jumpTo(at('2026-11-25T10:20', ZONE));
    h.service.resync();
    expect(h.service.status().mode).toBe('focus');
    expect(h.service.nextDeadline).toBe(at('2026-11-25T10:50', ZONE));
  });

  it('keeps a block on absolute time when the system zone changes mid-block, and says so', () => {
    const dir = tempDir();
    seedSettings(dir, ZONE);
    harness = startService(dir, new FakeClock(at('2026-11-25T10:00', ZONE), ZONE));
    const h = harness;
    h.service.execute('focus.start', { minutes: 50 });
    h.events.length = 0;
    h.clock.setTimeZone('America/New_York');
    h.service.resync();
    const status = h.service.status();
    expect(status).toMatchObject({ mode: 'focus', timeZone: ZONE, systemTimeZone: 'America/New_York' });
    expect(status.focus?.endsAt).toBe('2026-11-25T10:50:00.000+01:00');
    expect(h.events.map((e) => e.name)).toContain('settings.changed');
  });

  it('wakes after a night asleep with no stale lunch or shutdown prompt', () => {
    const dir = tempDir();
    seedSettings(dir, ZONE);
    harness = startService(dir, new FakeClock(at('2026-11-25T11:00', ZONE), ZONE));
    const h = harness;
    h.clock.jumpTo(at('2026-11-26T08:30', ZONE));
    h.service.resync();
    expect(h.service.status()).toMatchObject({ mode: 'off', reason: 'beforeHours', prompts: [] });
    expect(h.notifier.shown).toEqual([]);
  });
});

describe('the disk misbehaves', () => {
  it('reports a full disk, keeps the last saved state and changes nothing', () => {
    const dir = tempDir();
    seedSettings(dir, ZONE);
    harness = startService(dir, new FakeClock(at('2026-11-25T10:00', ZONE), ZONE));
    const h = harness;
    const file = path.join(dir, 'intents.json');
    const before = fs.readFileSync(file, 'utf8');
    // A directory where the temporary file would go makes the atomic write fail, as a full disk would.
    const store = (h.service as unknown as { options: { intents: { backend: { store: unknown } } } }).options
      .intents;
    const backend = store.backend as { store: unknown };
    Object.defineProperty(backend, 'store', {
      set() {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    });
    const outcome = h.service.execute('focus.start', { minutes: 25 });
    expect(outcome).toMatchObject({ ok: false, error: 'storage' });
    expect((outcome as { message: string }).message).toBe(
      'Could not save your data: ENOSPC: no space left on device, write. Nothing was changed.',
    );
    expect(h.service.status().mode).toBe('working');
    expect(h.service.status().problems).toContain(
      'Could not save your data: ENOSPC: no space left on device, write. Nothing was changed.',
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('migrates settings written by an older version, keeping the user’s choices', async () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'settings.json'),
      JSON.stringify({
        version: 1,
        timeZone: 'Asia/Tokyo',
        onboarded: true,
        lunch: { enabled: false, earliestStart: '11:30', latestStart: '13:00', minutes: 30 },
      }),
    );
    const service = await serve(dir);
    const settings = await api(service, '/api/query/settings', {});
    expect(settings.body.value).toMatchObject({
      version: 2,
      homeTimeZone: 'Asia/Tokyo',
      workTimeZone: 'Asia/Tokyo',
      onboarded: true,
      lunch: { enabled: false, minutes: 30 },
    });
    const status = await api(service, '/api/query/status', {});
    expect((status.body.value as { problems: string[] }).problems).toEqual([]);
    await service.stop();
  });

  it('reports hand-edited settings with wrong types by field, and keeps the rest', async () => {
    const dir = tempDir();
    seedSettings(dir, 'UTC', {
      lunch: {
        enabled: true,
        earliestStart: '12:00',
        latestStart: '13:00',
        minutes: 'lots' as unknown as number,
      },
    });
    const service = await serve(dir);
    const status = await api(service, '/api/query/status', {});
    expect((status.body.value as { problems: string[] }).problems[0]).toMatch(
      /lunch\.minutes: expected a number/,
    );
    await service.stop();
  });
});
