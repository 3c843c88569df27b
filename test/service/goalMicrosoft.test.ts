import { afterEach, describe, expect, it } from 'vitest';
import type { IntegrationView } from '../../shared/integrationView';
import { type IntegrationWorld, integrationWorld } from '../fakes/integrationHarness';
import { at, FIVE_HOUR_GOAL } from '../unit/shared/domainFixtures';

const ZONE = 'Europe/Berlin';
const GOAL = FIVE_HOUR_GOAL;
let world: IntegrationWorld | null = null;
afterEach(async () => {
  await world?.stop();
  world = null;
});

const blocks = (w: IntegrationWorld) =>
  w.graph.planned().map((e) => [e.key, new Date(e.start).toISOString(), new Date(e.end).toISOString()]);
const iso = (local: string) => new Date(at(local, ZONE)).toISOString();
const card = (w: IntegrationWorld): IntegrationView =>
  w.host.integrations.list().find((v) => v.id === 'microsoft')!;
const eventWrites = (w: IntegrationWorld) =>
  w.graph.writes().filter((c) => c.path.startsWith('/v1.0/me/events'));

describe('the weekly focus goal on the Microsoft calendar', () => {
  it('puts the week’s blocks on Outlook ahead of time as busy focus time, moves one when a meeting lands, and removes a skipped one', async () => {
    world = await integrationWorld(at('2026-11-23T08:00', ZONE), ZONE, { focusGoal: GOAL });
    const w = world;
    await w.connect('microsoft');
    // With the goal on, the sign-in asks for the permission to write events.
    expect(w.graph.signIns.at(-1)).toContain('Calendars.ReadWrite');
    expect(card(w).permission).toBeUndefined();
    // An hour each morning, Monday to Friday.
    expect(blocks(w)).toEqual(
      ['23', '24', '25', '26', '27'].map((day) => [
        `goal:2026-11-${day}:0`,
        iso(`2026-11-${day}T09:00`),
        iso(`2026-11-${day}T10:00`),
      ]),
    );
    for (const event of w.graph.events.values())
      expect(event).toMatchObject({
        subject: 'Focus time',
        showAs: 'busy',
        categories: ['Focus time'],
        isReminderOn: false,
      });
    // Cadence's own blocks are not read back as meetings.
    await w.host.integrations.refreshRemote();
    await w.settle();
    expect(w.host.integrations.calendar()).toEqual([]);

    // A meeting lands on Tuesday's block: the block moves after it, the same event.
    const tuesday = w.graph.planned().find((e) => e.key === 'goal:2026-11-24:0')!;
    w.graph.meetings.push({
      id: 'planning',
      subject: 'Planning',
      start: iso('2026-11-24T09:00'),
      end: iso('2026-11-24T09:30'),
    });
    await w.host.integrations.refreshRemote();
    await w.settle();
    const moved = w.graph.planned().find((e) => e.key === 'goal:2026-11-24:0')!;
    expect(moved.id).toBe(tuesday.id);
    expect([moved.start, moved.end]).toEqual([at('2026-11-24T09:30', ZONE), at('2026-11-24T10:30', ZONE)]);
    expect(w.graph.events.size).toBe(5);

    // Skipping Wednesday's frees its slot on the calendar; the goal's hour goes to the days after it.
    expect((await w.run('goal.skip', { key: 'goal:2026-11-25:0' })).ok).toBe(true);
    await w.settle();
    const keys = w.graph.planned().map((e) => e.key);
    expect(keys).not.toContain('goal:2026-11-25:0');
    const minutes = w.graph.planned().reduce((sum, e) => sum + (e.end - e.start) / 60_000, 0);
    expect(minutes).toBe(300);
  }, 60_000);

  it('never makes a block twice: not after a restart, not after a sleep, and puts back one deleted by hand', async () => {
    world = await integrationWorld(at('2026-11-23T08:00', ZONE), ZONE, { focusGoal: GOAL });
    const w = world;
    // Small pages: finding its own events again must follow @odata.nextLink.
    w.graph.pageSize = 2;
    await w.connect('microsoft');
    const before = blocks(w);
    expect(before).toHaveLength(5);
    const ids = w.graph.planned().map((e) => e.id);

    await w.restart();
    expect(blocks(w)).toEqual(before);
    expect(w.graph.planned().map((e) => e.id)).toEqual(ids);

    // Asleep from 08:10 to 08:40: the clock jumps, the service wakes and recomputes.
    w.clock.jumpTo(at('2026-11-23T08:40', ZONE));
    w.host.service.resync();
    await w.settle();
    expect(w.graph.planned().map((e) => e.id)).toEqual(ids);

    // Thursday's block deleted in Outlook: the plan still wants it, so it is made again, once.
    const thursday = w.graph.planned().find((e) => e.key === 'goal:2026-11-26:0')!;
    w.graph.userDeletes(thursday.id);
    w.graph.meetings.push({
      id: 'standup',
      subject: 'Standup',
      start: iso('2026-11-26T09:00'),
      end: iso('2026-11-26T09:15'),
    });
    await w.host.integrations.refreshRemote();
    await w.settle();
    const again = w.graph.planned().filter((e) => e.key === 'goal:2026-11-26:0');
    expect(again).toHaveLength(1);
    expect(again[0]!.start).toBe(at('2026-11-26T09:15', ZONE));
    expect(w.graph.events.size).toBe(5);
  }, 60_000);

  it('takes every planned block off the calendar when the goal is turned off', async () => {
    world = await integrationWorld(at('2026-11-23T08:00', ZONE), ZONE, { focusGoal: GOAL });
    const w = world;
    await w.connect('microsoft');
    expect(w.graph.events.size).toBe(5);
    expect((await w.run('settings.update', { patch: { focusGoal: { ...GOAL, weeklyHours: 0 } } })).ok).toBe(
      true,
    );
    await w.settle();
    expect(w.graph.events.size).toBe(0);
    // With the goal off, nothing asks for a permission it no longer needs.
    expect(card(w).permission).toBeUndefined();
  }, 60_000);

  it('with the goal on but no permission to write, writes nothing and says why, and a new sign-in asks for it', async () => {
    // Connected before the goal was set: the sign-in asked only to read the calendar.
    world = await integrationWorld(at('2026-11-23T08:00', ZONE), ZONE);
    const w = world;
    await w.connect('microsoft');
    expect(w.graph.signIns.at(-1)).not.toContain('Calendars.ReadWrite');
    expect(card(w).permission).toBeUndefined();

    expect((await w.run('settings.update', { patch: { focusGoal: GOAL } })).ok).toBe(true);
    await w.settle();
    expect(eventWrites(w)).toEqual([]);
    // The rest keeps working: presence, hours and meetings are still in step.
    expect(w.host.integrations.health('microsoft')).toMatchObject({ state: 'ok' });
    expect(card(w).permission).toMatch(/needs your permission to add events/);
    expect(w.host.service.status().problems).toContainEqual(
      expect.stringMatching(/^Microsoft 365: .*Nothing is written to your calendar until you allow it/),
    );

    // Signing in again asks for the extra permission; once granted, the blocks appear.
    await w.connect('microsoft');
    expect(w.graph.signIns.at(-1)).toContain('Calendars.ReadWrite');
    await w.settle();
    expect(card(w).permission).toBeUndefined();
    expect(w.host.service.status().problems).toEqual([]);
    expect(blocks(w)).toHaveLength(5);
  }, 60_000);

  it('with the goal off never asks for the permission to write', async () => {
    world = await integrationWorld(at('2026-11-23T08:00', ZONE), ZONE);
    const w = world;
    await w.connect('microsoft');
    await w.run('focus.start', { minutes: 25 });
    expect(w.graph.signIns).toHaveLength(1);
    expect(w.graph.signIns[0]).toContain('Calendars.Read');
    expect(w.graph.signIns[0]).not.toContain('Calendars.ReadWrite');
    expect(eventWrites(w)).toEqual([]);
    expect(card(w).permission).toBeUndefined();
  }, 60_000);
});
