import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../../shared/contract';
import type { StatusView } from '../../../../shared/statusView';
import { CadenceService } from '../../../../main/core/cadenceService';
import { openDocuments } from '../../../../main/headless/startHeadless';
import { FakeClock } from '../../../fakes/fakeClock';
import { type Harness, seedSettings, startService, tempDir } from '../../../fakes/serviceHarness';
import { at } from '../../shared/domainFixtures';

const ZONE = 'Europe/Berlin';
let harness: Harness | null = null;

function open(local: string, patch = {}): Harness {
  const dir = tempDir();
  seedSettings(dir, ZONE, patch);
  harness = startService(dir, new FakeClock(at(local, ZONE), ZONE));
  return harness;
}

const status = (h: Harness): StatusView => h.service.status();
const run = (h: Harness, name: string, input: unknown = {}): ApiResult<unknown> => {
  const outcome = h.service.handleCommand(name, input);
  if (outcome instanceof Promise) throw new Error(`${name} answered asynchronously`);
  return outcome;
};

afterEach(() => {
  harness?.service.dispose();
  harness = null;
});

describe('CadenceService: focus', () => {
  it('starts, extends and stops a block, and arms one timer for its end', () => {
    const h = open('2026-11-25T10:00');
    expect(run(h, 'focus.start', { minutes: 25 }).ok).toBe(true);
    expect(status(h).focus?.endsAt).toBe('2026-11-25T10:25:00.000+01:00');
    expect(h.service.nextDeadline).toBe(at('2026-11-25T10:25', ZONE));
    expect(h.clock.pendingTimers).toBe(1);
    run(h, 'focus.extend', { minutes: 10 });
    expect(status(h).focus?.endsAt).toBe('2026-11-25T10:35:00.000+01:00');
    h.clock.advance(5 * 60_000);
    const stopped = run(h, 'focus.stop');
    expect(stopped).toEqual({ ok: true, value: { id: expect.any(String), focusedMinutes: 5 } });
    expect(status(h).mode).toBe('working');
  });

  it('refuses a second block with a clear message', () => {
    const h = open('2026-11-25T10:00');
    run(h, 'focus.start', { minutes: 25 });
    const again = run(h, 'focus.start', {});
    expect(again).toMatchObject({ ok: false, error: 'conflict' });
    expect(!again.ok && again.message).toMatch(/already running until 10:25/);
  });

  it('notifies when a block ends, at its end', () => {
    const h = open('2026-11-25T10:00');
    run(h, 'focus.start', { minutes: 25 });
    h.clock.advanceTo(at('2026-11-25T10:24', ZONE));
    expect(h.notifier.shown).toEqual([]);
    h.clock.advanceTo(at('2026-11-25T10:26', ZONE));
    expect(h.notifier.shown.map((n) => n.title)).toEqual(['Focus block finished']);
    expect(
      h.events.some((e) => e.name === 'prompt.raised' && (e.data as { kind: string }).kind === 'focusEnded'),
    ).toBe(true);
  });

  it('ends a block that finished while the laptop slept, with its real end', () => {
    const h = open('2026-11-25T10:00', { clock: '24h' });
    run(h, 'focus.start', { minutes: 25 });
    h.clock.jumpTo(at('2026-11-25T11:40', ZONE));
    h.service.resync();
    expect(status(h).mode).toBe('working');
    expect(h.notifier.shown[0]?.message).toMatch(/ended at 10:25, while your computer was asleep/);
    const plan = h.service.query('plan', {});
    const focus =
      plan.ok &&
      (plan.value as { items: { kind: string; end: string; state?: string }[] }).items.find(
        (i) => i.kind === 'focus',
      );
    expect(focus).toMatchObject({ state: 'done', end: '2026-11-25T10:25:00.000+01:00' });
  });

  it('keeps every intent across a restart', () => {
    const h = open('2026-11-25T10:00');
    run(h, 'focus.start', { minutes: 50 });
    const reopened = h.reopen();
    harness = reopened;
    expect(status(reopened).mode).toBe('focus');
  });
});

describe('CadenceService: lunch and the end of the day', () => {
  it('raises lunch once at the window start, and snooze brings it back later', () => {
    const h = open('2026-11-25T11:00');
    h.clock.advanceTo(at('2026-11-25T12:00', ZONE));
    expect(h.notifier.shown.map((n) => n.title)).toEqual(['Time for lunch']);
    h.clock.advanceTo(at('2026-11-25T12:05', ZONE));
    expect(h.notifier.shown).toHaveLength(1);
    run(h, 'lunch.snooze', { minutes: 15 });
    expect(status(h).prompts).toEqual([]);
    h.clock.advanceTo(at('2026-11-25T12:21', ZONE));
    expect(h.notifier.shown).toHaveLength(2);
    run(h, 'lunch.start', {});
    expect(status(h).mode).toBe('lunch');
    expect(status(h).until).toBe('2026-11-25T13:06:00.000+01:00');
  });

  it('limits snoozing the shutdown ritual, then closes the day until Monday', () => {
    // On the 12-hour clock the user chose: the refusal's times are written on it.
    const h = open('2026-11-27T17:20', { clock: '12h' });
    expect(status(h).prompts.map((p) => p.kind)).toEqual(['shutdown']);
    expect(run(h, 'shutdown.snooze', { minutes: 20 }).ok).toBe(true);
    h.clock.advanceTo(at('2026-11-27T17:45', ZONE));
    const tooLong = run(h, 'shutdown.snooze', { minutes: 30 });
    expect(tooLong).toMatchObject({ ok: false, error: 'snooze_limit' });
    expect(!tooLong.ok && tooLong.message).toMatch(
      /until 6:00\sPM .*30 minutes past the end of your day at 5:30\sPM/,
    );
    const closed = run(h, 'shutdown.complete', {
      done: 'Shipped the importer',
      carryOver: 'Docs',
      priorities: ['Review PR', 'Plan sprint'],
    });
    expect(closed).toEqual({
      ok: true,
      value: { workday: '2026-11-27', offUntil: '2026-11-30T09:00:00.000+01:00', earlyMinutes: 0 },
    });
    expect(status(h)).toMatchObject({ mode: 'off', nextWorkStart: '2026-11-30T09:00:00.000+01:00' });
    const monday = h.service.query('plan', { date: '2026-11-30' });
    expect(monday.ok && (monday.value as { priorities: string[] }).priorities).toEqual([
      'Review PR',
      'Plan sprint',
    ]);
  });

  it('holds a message sent after hours and delivers it when work starts', () => {
    const h = open('2026-11-27T20:00');
    const sent = run(h, 'notify', { title: 'Deploy done', body: 'v2 is live' });
    expect(sent).toMatchObject({
      ok: true,
      value: { action: 'hold', until: '2026-11-30T09:00:00.000+01:00' },
    });
    h.clock.advanceTo(at('2026-11-30T08:59', ZONE));
    expect(h.notifier.shown.filter((n) => n.title === 'Deploy done')).toEqual([]);
    h.clock.advanceTo(at('2026-11-30T09:01', ZONE));
    expect(h.notifier.shown.filter((n) => n.title === 'Deploy done')).toHaveLength(1);
  });

  it('wakes only at deadlines across a whole working day', () => {
    const h = open('2026-11-25T08:00');
    h.clock.advanceTo(at('2026-11-26T08:00', ZONE));
    // work start, lunch window start and end, shutdown prompt, end of day … a handful, not 86,400.
    expect(h.clock.wakeUps).toBeLessThanOrEqual(8);
    expect(h.clock.wakeUps).toBeGreaterThanOrEqual(4);
  });
});

describe('CadenceService: bad input and bad disks', () => {
  it('rejects invalid input with field-level messages and changes nothing', () => {
    const h = open('2026-11-25T10:00');
    const bad = run(h, 'focus.start', { minutes: -3 });
    expect(bad).toMatchObject({ ok: false, error: 'invalid_input', issues: [{ path: 'minutes' }] });
    const unknown = run(h, 'focus.teleport', {});
    expect(unknown).toMatchObject({ ok: false, error: 'unknown_command' });
    const settings = run(h, 'settings.update', { patch: { workTimeZone: 'Mars/Base' } });
    expect(settings).toMatchObject({
      ok: false,
      error: 'invalid_settings',
      issues: [{ path: 'workTimeZone' }],
    });
    expect(h.service.settings.workTimeZone).toBe(ZONE);
  });

  it('keeps a corrupt settings file as a backup, says so, and starts with defaults', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), '{"version": 2, "lunch": ');
    harness = startService(dir, new FakeClock(at('2026-11-25T10:00', ZONE), ZONE));
    const problems = harness.service.problems();
    expect(problems[0]).toMatch(/settings file was not valid JSON.*kept as .*settings\.invalid-.*\.json/);
    const backups = fs.readdirSync(dir).filter((name) => name.startsWith('settings.invalid-'));
    expect(fs.readFileSync(path.join(dir, backups[0]!), 'utf8')).toBe('{"version": 2, "lunch": ');
    expect(status(harness).mode).toBe('working');
  });

  it('reports a read-only data folder and loses nothing already saved', () => {
    const h = open('2026-11-25T10:00');
    run(h, 'focus.start', { minutes: 25 });
    const file = path.join(h.dir, 'intents.json');
    const before = fs.readFileSync(file, 'utf8');
    fs.chmodSync(h.dir, 0o500);
    try {
      const outcome = run(h, 'focus.stop');
      if (process.getuid?.() === 0) return; // root ignores permissions; the full-disk test covers this path
      expect(outcome).toMatchObject({ ok: false, error: 'storage' });
      expect(status(h).mode).toBe('focus');
      expect(fs.readFileSync(file, 'utf8')).toBe(before);
    } finally {
      fs.chmodSync(h.dir, 0o700);
    }
  });
});

describe('CadenceService: dates and times that do not exist', () => {
  it('refuses them with a clear message wherever they are accepted, and changes nothing', () => {
    const h = open('2026-11-25T10:00');
    const before = JSON.stringify([h.service.intents, h.service.settings]);
    for (const date of ['2026-13-01', '2026-02-30', '2026-11-31']) {
      expect(h.service.handleQuery('plan', { date })).toMatchObject({
        ok: false,
        error: 'invalid_input',
        issues: [{ path: 'date', message: 'use a real date like 2026-03-09' }],
      });
    }
    expect(h.service.handleQuery('history', { from: '2026-02-29', to: '2026-03-01' })).toMatchObject({
      ok: false,
      issues: [{ path: 'from' }],
    });
    expect(run(h, 'away.set', { until: '2026-02-30T10:00:00+01:00' })).toMatchObject({
      ok: false,
      error: 'invalid_input',
    });
    expect(run(h, 'focus.start', { until: '24:30' })).toMatchObject({ ok: false, error: 'invalid_input' });
    expect(run(h, 'settings.update', { patch: { daysOff: ['2026-04-31'] } })).toMatchObject({
      ok: false,
      error: 'invalid_settings',
      issues: [{ path: 'daysOff.0', message: 'use a real date like 2026-12-24' }],
    });
    expect(JSON.stringify([h.service.intents, h.service.settings])).toBe(before);
    expect(h.service.handleQuery('plan', { date: '2028-02-29' }).ok).toBe(true);
  });
});

describe('CadenceService: saved activity with one bad record', () => {
  it('sets that record aside with a message and keeps teammates, history and the running block', () => {
    const h = open('2026-11-25T10:00');
    run(h, 'teammates.add', { name: 'Ana', timeZone: 'Europe/Lisbon' });
    run(h, 'focus.start', { minutes: 50 });
    h.service.dispose();
    const file = path.join(h.dir, 'intents.json');
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { focus: unknown[] };
    saved.focus.push({ id: 'broken', startAt: 'not a time', plannedMinutes: 25 });
    fs.writeFileSync(file, JSON.stringify(saved));
    harness = startService(h.dir, h.clock);
    expect(harness.service.intents.teammates.map((t) => t.name)).toEqual(['Ana']);
    expect(status(harness).mode).toBe('focus');
    expect(harness.service.problems()[0]).toMatch(
      /Part of your saved activity could not be used \(focus\[1\]: .*; set aside\); the rest was kept, and the original file was kept as .*intents\.invalid-/,
    );
  });
});

describe('CadenceService: public holidays', () => {
  it('comes from the holiday calendar the host hands in, and follows a change of country', () => {
    const h = open('2026-12-25T10:00', { holidays: { country: 'DE', region: 'BE' } });
    expect([status(h).mode, status(h).reason]).toEqual(['off', 'holiday']);
    const plan = h.service.query('plan', { date: '2026-12-25' });
    expect(plan.ok && plan.value.holiday).toBe('1. Weihnachtstag');
    // Another service in the same process, handed no calendar, sees no holiday: nothing is global.
    const documents = openDocuments(h.dir, h.clock);
    const bare = new CadenceService({ clock: h.clock, ...documents, notifier: h.notifier });
    expect(bare.status().reason).toBe('working');
    bare.dispose();
    run(h, 'settings.update', { patch: { holidays: { country: null, region: null } } });
    expect(status(h).mode).toBe('working');
  });
});
