import { afterEach, describe, expect, it } from 'vitest';
import { type IntegrationWorld, integrationWorld } from '../fakes/integrationHarness';
import { at } from '../unit/shared/domainFixtures';

/** Each kind of account behaves as its service documents; Cadence adapts, remembers, and says so. */
const ZONE = 'Europe/Berlin';
let world: IntegrationWorld | null = null;
afterEach(async () => {
  await world?.stop();
  world = null;
});

const accountOf = (w: IntegrationWorld, id: string) =>
  w.host.integrations.list().find((view) => view.id === id)?.account;

describe('Google: personal and Workspace accounts', () => {
  it('on a personal account puts focus as a busy event and a day off as an all-day busy event, says so, and remembers it', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE, { daysOff: ['2026-11-27'] });
    const w = world;
    w.google.account = { kind: 'personal', address: 'ana@gmail.com' };
    await w.connect('google');
    await w.run('focus.start', { minutes: 25 });
    expect(w.google.visible()).toMatchObject([
      {
        eventType: 'default',
        summary: 'Day off',
        start: { date: '2026-11-27' },
        end: { date: '2026-11-28' },
      },
      { eventType: 'default', transparency: 'opaque', summary: 'Focus time' },
    ]);
    expect(w.host.integrations.health('google')).toMatchObject({ state: 'ok' });
    expect(accountOf(w, 'google')).toBe(
      'personal Google account (ana@gmail.com): focus blocks appear as busy events; days off appear as all-day busy events',
    );
    const triedFocusTime = () =>
      w.google.server.calls.filter((c) => c.method === 'POST' && c.body.eventType === 'focusTime').length;
    // Known from its address at once: focus time is never tried on it, not even once.
    expect(triedFocusTime()).toBe(0);
    await w.restart();
    await w.run('focus.stop');
    await w.run('focus.start', { minutes: 25 });
    expect(triedFocusTime()).toBe(0);
    expect(w.google.visible().filter((e) => e.summary === 'Focus time')).toHaveLength(2);
    expect(accountOf(w, 'google')).toMatch(/^personal Google account/);
  });

  it('uses focus time and out of office on a Workspace account, and names the account', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE, { daysOff: ['2026-11-27'] });
    const w = world;
    w.google.account = { kind: 'workspace', address: 'ana@acme.example' };
    await w.connect('google');
    await w.run('focus.start', { minutes: 25 });
    expect(
      w.google
        .visible()
        .map((e) => e.eventType)
        .sort(),
    ).toEqual(['focusTime', 'outOfOffice']);
    expect(accountOf(w, 'google')).toBe('Google Workspace account (ana@acme.example)');
  });

  it('does not give up focus time over a 400 that is about something else', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    await w.connect('google');
    const empty = {
      code: 400,
      message: 'The specified time range is empty.',
      errors: [
        { domain: 'calendar', reason: 'timeRangeEmpty', message: 'The specified time range is empty.' },
      ],
    };
    w.google.server.inject({ status: 400, body: { error: empty } });
    await w.run('focus.start', { minutes: 25 });
    // The next push (the reconciler's retry, or the next change) still makes a real focusTime event.
    await w.run('focus.extend', { minutes: 5 });
    expect(w.google.visible().map((e) => e.eventType)).toEqual(['focusTime']);
    expect(accountOf(w, 'google')).toBe('Google Workspace account (me@example.com)');
  });

  it('puts back a running focus block the user deleted by hand when it changes, and lets an ended one go', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    await w.connect('google');
    await w.run('focus.start', { minutes: 50 });
    const [first] = w.google.visible();
    w.google.deleteByHand(first!.id);
    await w.run('focus.extend', { minutes: 10 });
    const [again] = w.google.visible();
    expect(again).toMatchObject({ eventType: 'focusTime' });
    expect(again!.id).not.toBe(first!.id);
    expect(Date.parse(again!.end.dateTime!)).toBe(at('2026-11-23T11:00', ZONE));
    w.google.deleteByHand(again!.id);
    await w.run('focus.stop');
    expect(w.google.visible()).toEqual([]);
    expect(w.host.integrations.health('google')).toMatchObject({ state: 'ok' });
    // A 404 (deleted for good) is the same.
    await w.run('focus.start', { minutes: 20 });
    w.google.events.clear();
    await w.run('focus.stop');
    expect(w.host.integrations.health('google')).toMatchObject({ state: 'ok' });
  });
});

describe('Slack: token rotation, presence and status across restarts', () => {
  it('renews a rotating token ahead of its 12 hours, and once when Slack says token_expired', async () => {
    world = await integrationWorld(at('2026-11-23T05:00', ZONE), ZONE);
    const w = world;
    w.slack.tokenRotation = true;
    await w.connect('slack');
    expect(accountOf(w, 'slack')).toBe(
      'Slack workspace (Acme): its sign-in lasts 12 hours and Cadence renews it',
    );
    // Nearly 12 hours later a push renews the token first: no call meets an expired one.
    await w.advanceTo(at('2026-11-23T16:56', ZONE));
    await w.run('focus.start', { minutes: 25 });
    expect(w.slack.auth.refreshes).toBe(1);
    expect(w.slack.profile.status_text).toMatch(/focus/i);
    // Slack ends every token early: the next calls meet token_expired together, and one refresh serves them all
    // (a second use of the rotated refresh token would revoke the grant).
    w.slack.auth.expireAll();
    await w.run('focus.stop');
    expect(w.slack.auth.refreshes).toBe(2);
    expect(w.slack.profile.status_text).toBe('');
    expect(w.host.integrations.health('slack')).toMatchObject({ state: 'ok' });
    await w.restart();
    await w.run('focus.start', { minutes: 25 });
    expect(w.slack.profile.status_text).toMatch(/focus/i);
    expect(w.host.integrations.health('slack')).toMatchObject({ state: 'ok' });
  });

  it('sets a presence of "away" left by a Cadence that died back to auto at the next start', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    w.slack.presence = 'away';
    await w.connect('slack');
    expect(w.slack.presence).toBe('auto');
  });

  it('sets away after hours and back to auto when work starts', async () => {
    world = await integrationWorld(at('2026-11-23T20:00', ZONE), ZONE);
    const w = world;
    await w.connect('slack');
    expect(w.slack.presence).toBe('away');
    await w.advanceTo(at('2026-11-24T09:01', ZONE));
    expect(w.slack.presence).toBe('auto');
  });

  it('shows a Slack teammate once, with the hours the user gave in place of the assumed ones', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    w.slack.members = [{ id: 'U1', name: 'rui', real_name: 'Rui', tz: 'Europe/Lisbon' }];
    await w.connect('slack');
    expect(w.host.service.teammates()).toMatchObject([{ name: 'Rui', hoursAssumed: true, source: 'slack' }]);
    const late = [{ start: '12:00', end: '20:00' }];
    await w.run('teammates.add', {
      name: 'Rui',
      timeZone: 'Europe/Lisbon',
      week: { '1': late, '2': late, '3': late, '4': late, '5': late, '6': [], '7': [] },
      replaces: 'slack:U1',
    });
    const [rui, ...others] = w.host.service.teammates();
    expect(others).toEqual([]);
    expect(rui).toMatchObject({ name: 'Rui', hoursAssumed: false, source: 'manual', inWorkingHours: false });
    expect(rui!.todayBar).toEqual([{ from: 12 / 24, to: 20 / 24 }]);
  });

  it('never takes its own status, still showing after a restart, for the user’s', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    w.slack.profile = { status_text: 'Commuting', status_emoji: ':bus:', status_expiration: 0 };
    await w.connect('slack');
    await w.run('focus.start', { minutes: 50 });
    const ours = w.slack.profile.status_text;
    expect(ours).not.toBe('Commuting');
    await w.restart();
    await w.run('focus.stop');
    // Cadence's own text is never "restored" as the user's: the user's own comes back.
    expect(w.slack.profile).toMatchObject({ status_text: 'Commuting', status_emoji: ':bus:' });
    expect(ours).not.toBe('Commuting');
  });

  it('takes down its own status left from before a restart once the block ended while it was away', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    await w.connect('slack');
    await w.run('focus.start', { minutes: 50 });
    expect(w.slack.profile.status_text).not.toBe('');
    w.host.dispose();
    // The block ends while Cadence is not running (and Slack kept the status, as if it had no expiry).
    w.clock.jumpTo(at('2026-11-23T11:30', ZONE));
    w.slack.profile.status_expiration = 0;
    await w.restart();
    expect(w.slack.profile.status_text).toBe('');
  });
});

describe('Microsoft: work and personal accounts, and what the user set in Teams', () => {
  it('on a personal account keeps hours, zone and meetings in step, never calls presence, and says why', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    w.graph.account = { kind: 'personal', username: 'ana@outlook.com' };
    await w.run('teammates.add', { name: 'Ana', timeZone: 'Europe/Lisbon', email: 'ana@example.com' });
    await w.connect('microsoft');
    await w.run('focus.start', { minutes: 25 });
    expect(w.graph.mailbox).toMatchObject({ timeZone: ZONE });
    expect(w.graph.server.callsTo(/presence|getSchedule/)).toEqual([]);
    expect(w.host.integrations.health('microsoft')).toMatchObject({ state: 'ok' });
    expect(accountOf(w, 'microsoft')).toBe(
      'personal Microsoft account (ana@outlook.com): Teams presence and teammates’ schedules need a work or school account',
    );
  });

  it('on a work account clears only the presence and message it set, never what the user chose in Teams', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    w.graph.statusMessage = { content: 'At the dentist until 11', expiry: null };
    await w.connect('microsoft');
    // Working: nothing of Cadence's to show, so the user's own message stays.
    expect(w.graph.statusMessage?.content).toBe('At the dentist until 11');
    expect(accountOf(w, 'microsoft')).toBe('work or school Microsoft account (me@contoso.example)');
    await w.run('focus.start', { minutes: 25 });
    expect(w.graph.preferredPresence?.availability).toBe('DoNotDisturb');
    // The user picks "Be right back" in Teams during the block: ending the block leaves it alone.
    w.graph.userSetsPresence('BeRightBack', 'BeRightBack');
    await w.run('focus.stop');
    expect(w.graph.preferredPresence?.availability).toBe('BeRightBack');
    expect(w.graph.statusMessage?.content).toBe('');
    // Another block ends as it should: Cadence's own presence and message are cleared.
    await w.run('focus.start', { minutes: 25 });
    await w.run('focus.stop');
    expect(w.graph.preferredPresence).toBeNull();
  });

  it('applies hours given in a custom zone only where its bias is the teammate’s own offset', async () => {
    world = await integrationWorld(at('2026-11-23T18:00', ZONE), ZONE);
    const w = world;
    const custom = (bias: number) => ({
      name: 'Customized Time Zone',
      bias,
      standardOffset: { time: '02:00:00.0000000', dayOccurrence: 1, dayOfWeek: 'sunday', month: 11, year: 0 },
      daylightOffset: {
        daylightBias: -60,
        time: '02:00:00.0000000',
        dayOccurrence: 2,
        dayOfWeek: 'sunday',
        month: 3,
        year: 0,
      },
    });
    const hours = (bias: number) => ({
      items: [],
      workingHours: {
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        startTime: '06:00:00.0000000',
        endTime: '14:00:00.0000000',
        timeZone: custom(bias),
      },
    });
    // Denver is seven hours behind UTC in winter: a bias of 420, read either way, is its own.
    w.graph.schedules.set('mia@example.com', hours(420));
    w.graph.schedules.set('noa@example.com', hours(300));
    await w.run('teammates.add', { name: 'Mia', timeZone: 'America/Denver', email: 'mia@example.com' });
    await w.run('teammates.add', { name: 'Noa', timeZone: 'Asia/Tokyo', email: 'noa@example.com' });
    await w.connect('microsoft');
    const byName = Object.fromEntries(w.host.service.teammates().map((t) => [t.name, t]));
    expect(byName.Mia).toMatchObject({ timeZone: 'America/Denver', inWorkingHours: true });
    expect(byName.Mia!.todayBar).toEqual([{ from: 6 / 24, to: 14 / 24 }]);
    // Tokyo is nine hours ahead: a bias of 300 is not Tokyo, so Noa keeps the hours the user gave.
    expect(byName.Noa).toMatchObject({ timeZone: 'Asia/Tokyo' });
    expect(byName.Noa!.todayBar).toEqual([{ from: 9 / 24, to: 17 / 24 }]);
  });

  it('takes time shown as out of office on the calendar as off, not as a meeting', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    const iso = (local: string) => new Date(at(local, ZONE)).toISOString();
    w.graph.meetings.push({
      id: 'oof1',
      subject: 'Doctor',
      start: iso('2026-11-23T09:30'),
      end: iso('2026-11-23T12:00'),
      showAs: 'oof',
    });
    await w.connect('microsoft');
    expect(w.host.service.status()).toMatchObject({ mode: 'off', reason: 'away' });
    expect(w.graph.preferredPresence?.availability).toBe('Offline');
  });
});
