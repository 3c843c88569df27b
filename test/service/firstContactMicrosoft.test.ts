import { afterEach, describe, expect, it } from 'vitest';
import type { IntegrationView } from '../../shared/integrationView';
import { type IntegrationWorld, integrationWorld } from '../fakes/integrationHarness';
import { at, FIVE_HOUR_GOAL } from '../unit/shared/domainFixtures';

/** What a real Microsoft 365 account does that the first fake let pass: permissions per call, sessions, wording. */
const ZONE = 'Europe/Berlin';
let world: IntegrationWorld | null = null;
afterEach(async () => {
  await world?.stop();
  world = null;
});

const card = (w: IntegrationWorld): IntegrationView =>
  w.host.integrations.list().find((v) => v.id === 'microsoft')!;

describe('Microsoft: the permissions Graph checks', () => {
  it('asks for Presence.Read, so ending a block reads the presence and clears Cadence’s own', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    await w.connect('microsoft');
    expect(w.graph.signIns.at(-1)).toContain('Presence.Read');
    await w.run('focus.start', { minutes: 25 });
    expect(w.graph.preferredPresence?.availability).toBe('DoNotDisturb');
    await w.run('focus.stop');
    expect(w.graph.preferredPresence).toBeNull();
    expect(w.host.integrations.health('microsoft')).toMatchObject({ state: 'ok' });
  });

  it('says a permission is missing, not that the sign-in expired, when the consent withheld one', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    w.graph.withheld = ['Presence.Read'];
    await w.connect('microsoft');
    await w.run('focus.start', { minutes: 25 });
    await w.run('focus.stop');
    expect(w.host.integrations.health('microsoft')).toMatchObject({
      state: 'permission',
      message:
        'Cadence is missing a permission to read your presence: sign in to Microsoft 365 again and allow it',
    });
    expect(w.host.service.status().problems).toContainEqual(
      expect.stringMatching(/^Microsoft 365: Cadence is missing a permission/),
    );
    // Signing in again with the permission allowed puts it right.
    w.graph.withheld = [];
    await w.connect('microsoft');
    await w.settle();
    expect(w.host.integrations.health('microsoft')).toMatchObject({ state: 'ok' });
    expect(w.host.service.status().problems).toEqual([]);
  });

  it('words an expired sign-in as one: reconnect', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    await w.connect('microsoft');
    w.graph.auth.revokeAll();
    await w.run('focus.start', { minutes: 25 });
    expect(w.host.integrations.health('microsoft')).toMatchObject({
      state: 'reconnect',
      message: 'Your sign-in to Microsoft 365 expired or was revoked: reconnect Microsoft 365',
    });
  });
});

describe('Microsoft: a preferred presence without a presence session', () => {
  it('clears its own Do Not Disturb while Teams is closed (the presence reads Offline), also after a restart', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    await w.connect('microsoft');
    await w.run('focus.start', { minutes: 25 });
    expect(w.graph.preferredPresence?.availability).toBe('DoNotDisturb');
    w.graph.teamsRunning = false;
    await w.run('focus.stop');
    // Left set, it would show again the moment Teams opens.
    expect(w.graph.preferredPresence).toBeNull();

    // Cadence restarts during a block and the block ends afterwards: it still knows the presence was its own.
    w.graph.teamsRunning = true;
    await w.run('focus.start', { minutes: 25 });
    expect(w.graph.preferredPresence?.availability).toBe('DoNotDisturb');
    await w.restart();
    w.graph.teamsRunning = false;
    await w.run('focus.stop');
    expect(w.graph.preferredPresence).toBeNull();
  });

  it('leaves a presence the user chose since, with Teams open', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    await w.connect('microsoft');
    await w.run('focus.start', { minutes: 25 });
    await w.restart();
    w.graph.userSetsPresence('Away', 'Away');
    await w.run('focus.stop');
    expect(w.graph.preferredPresence?.availability).toBe('Away');
  });
});

describe('Microsoft: getSchedule statuses as Microsoft writes them', () => {
  it('reads "Busy" as a meeting and "Oof" as off, without case; tentative is neither', async () => {
    world = await integrationWorld(at('2026-11-23T16:00', ZONE), ZONE);
    const w = world;
    const iso = (local: string) => new Date(at(local, ZONE)).toISOString();
    const hours = {
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      startTime: '08:00:00.0000000',
      endTime: '18:00:00.0000000',
      timeZone: { name: 'W. Europe Standard Time' },
    };
    const item = (status: string) => ({
      status,
      start: iso('2026-11-23T15:30'),
      end: iso('2026-11-23T16:30'),
    });
    w.graph.schedules.set('ana@example.com', { items: [item('busy')], workingHours: hours });
    w.graph.schedules.set('lea@example.com', { items: [item('oof')], workingHours: hours });
    w.graph.schedules.set('kai@example.com', { items: [item('tentative')], workingHours: hours });
    await w.run('teammates.add', { name: 'Ana', timeZone: ZONE, email: 'ana@example.com' });
    await w.run('teammates.add', { name: 'Lea', timeZone: ZONE, email: 'lea@example.com' });
    await w.run('teammates.add', { name: 'Kai', timeZone: ZONE, email: 'kai@example.com' });
    await w.connect('microsoft');
    const byName = Object.fromEntries(w.host.service.teammates().map((t) => [t.name, t]));
    expect(byName.Ana).toMatchObject({ state: 'meeting' });
    expect(byName.Lea).toMatchObject({ state: 'off' });
    expect(byName.Kai).toMatchObject({ state: 'available' });
  });
});

describe('Microsoft: a token response without "scope"', () => {
  it('grants what was asked for: the focus goal is written, and no permission is asked for again', async () => {
    world = await integrationWorld(at('2026-11-23T08:00', ZONE), ZONE, { focusGoal: FIVE_HOUR_GOAL });
    const w = world;
    w.graph.omitScope = true;
    await w.connect('microsoft');
    expect(w.graph.signIns.at(-1)).toContain('Calendars.ReadWrite');
    expect(card(w).permission).toBeUndefined();
    expect(w.graph.planned()).toHaveLength(5);
    // A refresh that does not say either keeps the grant's scopes.
    await w.advanceTo(at('2026-11-23T10:00', ZONE));
    await w.run('focus.start', { minutes: 25 });
    expect(w.graph.auth.refreshes).toBeGreaterThan(0);
    expect(card(w).permission).toBeUndefined();
    expect(w.host.service.status().problems).toEqual([]);
  }, 60_000);
});

describe('Microsoft: working hours in the zone names Graph takes', () => {
  it.each([
    ['Asia/Kolkata', 'India Standard Time'],
    ['Europe/Kyiv', 'FLE Standard Time'],
    ['Europe/Berlin', 'W. Europe Standard Time'],
  ])('a user in %s has working hours in "%s", the mailbox zone as it is', async (zone, windows) => {
    world = await integrationWorld(at('2026-11-23T10:00', zone), zone);
    await world.connect('microsoft');
    await world.settle();
    expect(world.graph.mailbox).toMatchObject({
      timeZone: zone,
      workingHours: { timeZone: { name: windows } },
    });
    expect(world.host.integrations.health('microsoft')).toMatchObject({ state: 'ok' });
  });

  it('schedules the automatic reply of an evening off from a moment ahead, as Graph requires', async () => {
    world = await integrationWorld(at('2026-11-23T19:00', ZONE), ZONE, { offHoursAutoReply: true });
    await world.connect('microsoft');
    await world.settle();
    expect(world.graph.mailbox.automaticRepliesSetting).toMatchObject({ status: 'scheduled' });
    expect(world.host.integrations.health('microsoft')).toMatchObject({ state: 'ok' });
  });
});
