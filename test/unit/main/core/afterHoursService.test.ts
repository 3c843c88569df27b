import { afterEach, describe, expect, it } from 'vitest';
import { ACTIVITY_STEP } from '../../../../shared/afterHours';
import { history } from '../../../../shared/history';
import { FakeClock } from '../../../fakes/fakeClock';
import { FakeActivitySource } from '../../../fakes/fakeActivity';
import { type Harness, seedSettings, startService, tempDir } from '../../../fakes/serviceHarness';
import { at } from '../../shared/domainFixtures';

// Berlin, Mon–Fri 09:00–17:30; a nudge after 20 active minutes once the day is closed or on a day off.
const ZONE = 'Europe/Berlin';
const harnesses: Harness[] = [];
const flush = () => new Promise((resolve) => setImmediate(resolve));

async function open(local: string, patch = {}) {
  const dir = tempDir();
  seedSettings(dir, ZONE, patch);
  const clock = new FakeClock(at(local, ZONE), ZONE);
  const source = new FakeActivitySource(() => clock.now());
  const h = startService(dir, clock, { activity: { source } });
  harnesses.push(h);
  await flush();
  return { h, source };
}

/** Time passes minute by minute up to `local`; someone types all along when `typing`. */
async function live(h: Harness, source: FakeActivitySource, local: string, typing: boolean) {
  const target = at(local, ZONE);
  source.typing = typing;
  while (h.clock.now() < target) {
    h.clock.advanceTo(Math.min(target, h.clock.now() + ACTIVITY_STEP));
    await flush();
  }
}

const summary = (h: Harness, date: string) =>
  history(date, date, h.clock.now(), h.service.settings, h.service.intents)[0]!;

afterEach(() => {
  for (const harness of harnesses.splice(0)) harness.service.dispose();
});

describe('after-hours activity in the service', () => {
  it('looks only outside working hours, counts an evening after closing, and nudges once', async () => {
    const opened = await open('2026-11-23T16:00');
    const source = opened.source;
    let h = opened.h;
    await live(h, source, '2026-11-23T17:29', true);
    // Working hours: the source was never asked.
    expect(source.questions).toEqual([]);
    await live(h, source, '2026-11-23T17:45', true);
    expect(source.questions.length).toBeGreaterThanOrEqual(15);
    expect(h.service.execute('shutdown.complete', { done: 'release', priorities: [] }).ok).toBe(true);
    await live(h, source, '2026-11-23T18:04', true);
    expect(h.service.status().prompts.map((p) => p.kind)).not.toContain('afterHours');
    await live(h, source, '2026-11-23T18:06', true);
    const nudge = h.service.status().prompts.find((p) => p.kind === 'afterHours');
    expect(nudge).toMatchObject({ key: 'afterHours:2026-11-23', workday: '2026-11-23' });
    expect(nudge!.activeMinutes).toBeGreaterThanOrEqual(20);
    const shown = h.notifier.shown.filter((n) => n.title === "You're working after hours");
    expect(shown).toHaveLength(1);
    expect(shown[0]!.actions?.map((a) => a.label)).toEqual(['Close it down', "Urgent — I'm on it"]);
    // Shown once: a restart that evening keeps it on screen without notifying again.
    const again = h.reopen();
    harnesses.push(again);
    await flush();
    expect(again.service.status().prompts.map((p) => p.kind)).toContain('afterHours');
    expect(again.notifier.shown.filter((n) => n.title === "You're working after hours")).toEqual([]);
    h = again;
    expect(h.service.execute('nudge.answer', { answer: 'urgent' })).toMatchObject({
      ok: true,
      value: { date: '2026-11-23', answer: 'urgent' },
    });
    await live(h, source, '2026-11-23T19:30', true);
    expect(h.service.status().prompts).toEqual([]);
    expect(h.notifier.shown.filter((n) => n.title === "You're working after hours")).toHaveLength(0);
    expect(h.service.execute('nudge.answer', { answer: 'closing' })).toMatchObject({ ok: false });
    // The evening counts: 17:30 to 19:30 at the machine; the day closed late, marked urgent.
    expect(summary(h, '2026-11-23')).toMatchObject({
      afterHoursMinutes: 120,
      shutdownAt: '17:45',
      closedOnTime: false,
      urgent: true,
      lastActive: '19:30',
    });
  });

  it('does not wake during working hours, and sees work running across the start of the day', async () => {
    const { h, source } = await open('2026-11-24T08:30');
    await live(h, source, '2026-11-24T09:00', true);
    const before = source.questions.length;
    await live(h, source, '2026-11-24T17:00', true);
    expect(source.questions.length - before).toBeLessThanOrEqual(1); // the one look at 09:00
    expect(summary(h, '2026-11-24')).toMatchObject({ afterHoursMinutes: 30, firstActive: '08:30' });
  });

  it('on a day off, nudges after the set minutes and counts it as weekend work', async () => {
    const { h, source } = await open('2026-11-28T10:00', {
      afterHours: { measure: true, nudgeAfterMinutes: 15 },
    });
    await live(h, source, '2026-11-28T10:16', true);
    expect(h.service.status().prompts.map((p) => p.kind)).toEqual(['afterHours']);
    expect(h.service.execute('nudge.answer', { answer: 'closing' }).ok).toBe(true);
    await live(h, source, '2026-11-28T10:40', false);
    expect(summary(h, '2026-11-28')).toMatchObject({ workday: false, weekendMinutes: 16, urgent: false });
  });

  it('answered on Friday evening, does not ask again after midnight on Saturday', async () => {
    const { h, source } = await open('2026-11-27T17:20');
    expect(h.service.execute('shutdown.complete', { done: '', priorities: [] }).ok).toBe(true);
    await live(h, source, '2026-11-27T23:50', true);
    expect(h.service.execute('nudge.answer', { answer: 'urgent' }).ok).toBe(true);
    await live(h, source, '2026-11-28T01:30', true);
    expect(h.service.status().prompts).toEqual([]);
    // The next day off, in the afternoon, is a day of its own.
    await live(h, source, '2026-11-28T14:00', false);
    await live(h, source, '2026-11-28T14:25', true);
    expect(h.service.status().prompts.map((p) => p.kind)).toEqual(['afterHours']);
  });

  it('does not watch time away during working hours', async () => {
    const { h, source } = await open('2026-11-24T10:00');
    expect(
      h.service.execute('away.set', {
        until: new Date(at('2026-11-24T15:00', ZONE)).toISOString(),
        reason: 'Dentist',
      }).ok,
    ).toBe(true);
    await live(h, source, '2026-11-24T14:00', true);
    expect(source.questions).toEqual([]);
  });

  it('counts nothing while locked or asleep, and nothing across a sleep', async () => {
    const { h, source } = await open('2026-11-24T18:00');
    await live(h, source, '2026-11-24T18:10', true);
    source.emit('lock');
    await live(h, source, '2026-11-24T18:30', true); // a video playing keeps the idle time low
    source.emit('suspend');
    h.clock.jumpTo(at('2026-11-24T23:00', ZONE));
    source.emit('resume');
    source.input();
    h.service.resync();
    await live(h, source, '2026-11-24T23:05', true);
    expect(summary(h, '2026-11-24').afterHoursMinutes).toBe(15);
  });

  it('measures nothing and asks nothing when turned off, and says so', async () => {
    const { h, source } = await open('2026-11-24T18:00', {
      afterHours: { measure: false, nudgeAfterMinutes: 20 },
    });
    await live(h, source, '2026-11-24T19:00', true);
    expect(source.questions).toEqual([]);
    expect(h.service.intents.activity).toEqual([]);
    expect(h.service.status().activitySource).toBe('Not measured: turned off in Settings.');
  });

  it('says how activity is seen, and plainly when the host has no way', async () => {
    const { h } = await open('2026-11-24T18:00');
    expect(h.service.status().activitySource).toMatch(
      /^Seen through a test source: idle time only outside working hours/,
    );
    const dir = tempDir();
    seedSettings(dir, ZONE);
    const clock = new FakeClock(at('2026-11-24T18:00', ZONE), ZONE);
    const none = startService(dir, clock, { activity: { source: null, reason: 'no X display' } });
    harnesses.push(none);
    expect(none.service.status().activitySource).toBe('Not measured: no X display.');
  });
});
