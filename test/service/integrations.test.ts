import { startInBrowser } from '../fakes/signInBrowser';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type IntegrationWorld, integrationWorld } from '../fakes/integrationHarness';
import { at, FIVE_HOUR_GOAL } from '../unit/shared/domainFixtures';

const ZONE = 'Europe/Berlin';
let world: IntegrationWorld | null = null;
afterEach(async () => {
  await world?.stop();
  world = null;
});

async function connectedWorld(local: string): Promise<IntegrationWorld> {
  world = await integrationWorld(at(local, ZONE), ZONE);
  for (const id of ['slack', 'google', 'microsoft'] as const) await world.connect(id);
  return world;
}

/** Follows the service's redirect back to Cadence from a browser that holds `cookie`. */
async function browseFrom(authorize: URL, cookie: string): Promise<Response> {
  const approved = await fetch(authorize, { redirect: 'manual' });
  return fetch(approved.headers.get('location')!, { headers: { cookie } });
}

const epoch = (local: string) => Math.floor(at(local, ZONE) / 1000);

describe('sign-in (OAuth 2 for native apps)', () => {
  it('uses PKCE S256, state and a loopback redirect, and keeps tokens out of settings', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const outcome = await world.host.service.command('integration.connect', { provider: 'slack' });
    const { authorizeUrl, startUrl } = (outcome as { value: { authorizeUrl: string; startUrl: string } })
      .value;
    const url = new URL(authorizeUrl);
    const cookie = await startInBrowser(startUrl);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The first of the redirects the Slack app registers (slack-app-manifest.yml).
    expect(url.searchParams.get('redirect_uri')).toBe('http://localhost:47613/callback');
    expect(url.searchParams.get('user_scope')).toContain('users.profile:write');
    const forged = new URL(url.searchParams.get('redirect_uri')!);
    forged.searchParams.set('code', 'stolen');
    forged.searchParams.set('state', 'not-the-state');
    expect((await fetch(forged, { headers: { cookie } })).status).toBe(400);
    expect((await browseFrom(url, cookie)).status).toBe(200);
    await world.settle();
    expect(world.host.integrations.list().find((v) => v.id === 'slack')).toMatchObject({
      connected: true,
      health: { state: 'ok' },
    });
    const token = [...world.slack.auth.accessTokens][0]!;
    expect(fs.statSync(path.join(world.dir, 'tokens.json')).mode & 0o777).toBe(0o600);
    for (const file of ['settings.json', 'intents.json', 'service.json'])
      expect(fs.readFileSync(path.join(world.dir, file), 'utf8')).not.toContain(token);
    expect(JSON.stringify(world.host.service.status())).not.toContain(token);
  });

  it('keeps the reason a sign-in was refused, and ends "signing in" when the sign-in ends', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const outcome = await world.host.service.command('integration.connect', { provider: 'google' });
    if (!outcome.ok) throw new Error(outcome.message);
    const google = () => world!.host.integrations.list().find((view) => view.id === 'google');
    expect(google()).toMatchObject({ id: 'google', signIn: { state: 'pending' } });
    const authorize = new URL(outcome.value.authorizeUrl);
    // The user's browser opens the start page (which sends it on to Google), and Google sends it back refused.
    const start = await fetch(outcome.value.startUrl, { redirect: 'manual' });
    expect(start.headers.get('location')).toBe(outcome.value.authorizeUrl);
    const cookie = start.headers.getSetCookie()[0]!.split(';')[0]!;
    const denied = `${authorize.searchParams.get('redirect_uri')}?error=access_denied&state=${authorize.searchParams.get('state')}`;
    expect((await fetch(denied, { headers: { cookie } })).status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(google()).toMatchObject({
      connected: false,
      signIn: {
        state: 'failed',
        message:
          'The sign-in was declined, so Google Calendar gave Cadence no access. Press Connect again and choose Allow. (Details: the service answered access_denied.)',
      },
    });
    expect(fs.readFileSync(path.join(world.dir, 'cadence.log'), 'utf8')).toMatch(
      /Google Calendar The sign-in was declined.*\(Details: the service answered access_denied\.\)/,
    );
  });

  it('says what is missing when no client id is configured', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const configs = (
      world.host.integrations as unknown as {
        options: { configs: { slack: { oauth: { clientId: string } } } };
      }
    ).options.configs;
    configs.slack.oauth.clientId = '';
    const outcome = await world.host.service.command('integration.connect', { provider: 'slack' });
    expect(outcome).toMatchObject({ ok: false, error: 'not_configured' });
    expect((outcome as { message: string }).message).toMatch(/enter it in Settings → Integrations/);
  });
});

describe('Microsoft working hours', () => {
  it('sets only the zone for a night shift, which one start and end a day cannot say, and stays healthy', async () => {
    const night = [{ start: '22:00', end: '06:00' }];
    world = await integrationWorld(at('2026-11-23T23:00', ZONE), ZONE, {
      week: { '1': night, '2': night, '3': night, '4': night, '5': night, '6': [], '7': [] },
    });
    await world.connect('microsoft');
    await world.settle();
    expect(world.graph.mailbox).toMatchObject({ timeZone: ZONE });
    expect(world.graph.mailbox.workingHours).toBeUndefined();
    expect(world.host.integrations.health('microsoft')).toMatchObject({ state: 'ok' });
  });
});

describe('a full day, pushed to all three services', () => {
  it('off, working, focus (extended, stopped), lunch, the shutdown ritual, and the next morning', async () => {
    const w = await connectedWorld('2026-11-23T08:50');
    expect(w.slack.profile.status_text).toMatch(/^Off until 09:00 CET \(08:00 UTC\) · Urgent\? Call me/);
    expect(w.slack.presence).toBe('away');
    expect(w.slack.snoozeEndTime).toBe(epoch('2026-11-23T09:00'));
    expect(w.graph.preferredPresence).toMatchObject({ availability: 'Offline', activity: 'OffWork' });
    expect(w.google.calendarTimeZone).toBe(ZONE);
    expect(w.graph.mailbox).toMatchObject({
      timeZone: ZONE,
      workingHours: {
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        startTime: '09:00:00.0000000',
      },
    });

    await w.advanceTo(at('2026-11-23T09:01', ZONE));
    expect(w.slack.profile.status_text).toBe('');
    expect(w.slack.presence).toBe('auto');
    expect(w.slack.dndActive()).toBe(false);
    expect(w.graph.preferredPresence).toBeNull();

    await w.advanceTo(at('2026-11-23T10:00', ZONE));
    await w.run('focus.start', { minutes: 50 });
    expect(w.slack.profile).toMatchObject({
      status_emoji: ':dart:',
      status_expiration: epoch('2026-11-23T10:50'),
    });
    expect(w.slack.profile.status_text).toMatch(/^Focusing until 10:50 CET/);
    expect(w.slack.snoozeEndTime).toBe(epoch('2026-11-23T10:50'));
    expect([...w.google.events.values()]).toMatchObject([
      { eventType: 'focusTime', focusTimeProperties: { chatStatus: 'doNotDisturb' } },
    ]);
    expect(w.graph.preferredPresence?.availability).toBe('DoNotDisturb');
    expect(w.graph.preferredPresence!.expiresAt - at('2026-11-23T10:50', ZONE)).toBeLessThan(60_000);
    expect(w.graph.writes().at(-2)?.body).toMatchObject({ expirationDuration: 'PT50M' });

    await w.run('focus.extend', { minutes: 10 });
    const [focusEvent] = [...w.google.events.values()];
    expect(w.google.events.size).toBe(1);
    expect(Date.parse(focusEvent!.end.dateTime!)).toBe(at('2026-11-23T11:00', ZONE));
    expect(w.slack.profile.status_expiration).toBe(epoch('2026-11-23T11:00'));

    await w.advanceTo(at('2026-11-23T10:30', ZONE));
    await w.run('focus.stop');
    expect(w.google.events.size).toBe(1);
    expect(Date.parse([...w.google.events.values()][0]!.end.dateTime!)).toBe(at('2026-11-23T10:30', ZONE));
    expect(w.slack.profile.status_text).toBe('');

    await w.advanceTo(at('2026-11-23T12:10', ZONE));
    await w.run('lunch.start');
    expect(w.slack.profile).toMatchObject({
      status_emoji: ':sandwich:',
      status_expiration: epoch('2026-11-23T12:55'),
    });
    expect(w.graph.preferredPresence).toMatchObject({ availability: 'Away', activity: 'Away' });
    await w.advanceTo(at('2026-11-23T13:00', ZONE));
    expect(w.slack.profile.status_text).toBe('');

    await w.advanceTo(at('2026-11-23T17:25', ZONE));
    await w.run('shutdown.complete', { done: 'Importer', priorities: ['Docs'] });
    expect(w.slack.profile.status_text).toMatch(/^Off until Tue 09:00 CET \(Tue 08:00 UTC\)/);
    expect(w.slack.profile.status_expiration).toBe(epoch('2026-11-24T09:00'));
    expect(w.slack.presence).toBe('away');
    expect(w.graph.preferredPresence).toMatchObject({ availability: 'Offline', activity: 'OffWork' });
    expect(Math.abs(w.graph.preferredPresence!.expiresAt - at('2026-11-24T09:00', ZONE))).toBeLessThan(
      60_000,
    );
    expect(w.graph.statusMessage?.expiry).toBe(
      new Date(at('2026-11-24T09:00', ZONE)).toISOString().slice(0, 19),
    );

    await w.advanceTo(at('2026-11-24T09:01', ZONE));
    expect(w.slack.profile.status_text).toBe('');
    expect(w.slack.presence).toBe('auto');
    expect(w.graph.preferredPresence).toBeNull();
  }, 60_000);

  it('puts back the custom status the user had before Cadence set its own', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    world.slack.profile = { status_text: 'Commuting', status_emoji: ':bus:', status_expiration: 0 };
    await world.connect('slack');
    await world.run('focus.start', { minutes: 25 });
    expect(world.slack.profile.status_emoji).toBe(':dart:');
    await world.run('focus.stop');
    expect(world.slack.profile).toMatchObject({ status_text: 'Commuting', status_emoji: ':bus:' });
  });
});

describe('under stress', () => {
  it('coalesces 100 rapid toggles into a few calls', async () => {
    const w = await connectedWorld('2026-11-23T10:00');
    const before = {
      slack: w.slack.methodCalls().length,
      google: w.google.writes().length,
      graph: w.graph.writes().length,
    };
    for (let i = 0; i < 100; i++) {
      await w.host.service.execute(i % 2 ? 'focus.stop' : 'focus.start', {
        ...(i % 2 ? {} : { minutes: 25 }),
      });
      w.clock.advance(10);
    }
    await w.settle();
    const calls = {
      slack: w.slack.methodCalls().length - before.slack,
      google: w.google.writes().length - before.google,
      graph: w.graph.writes().length - before.graph,
    };
    expect(calls.slack).toBeLessThanOrEqual(6);
    expect(calls.google).toBeLessThanOrEqual(3);
    expect(calls.graph).toBeLessThanOrEqual(4);
    expect(w.host.service.status().mode).toBe('working');
    expect(w.slack.profile.status_text).toBe('');
  });

  it('waits out a 429 storm with no extra calls', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    await w.connect('slack');
    w.slack.server.inject({ status: 429, retryAfter: 30, body: { ok: false, error: 'ratelimited' } }, 3);
    const start = w.clock.now();
    const before = w.slack.methodCalls().length;
    await w.host.service.execute('focus.start', { minutes: 50 });
    w.clock.advance(300);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(w.host.integrations.health('slack')).toMatchObject({ state: 'waiting' });
    await w.settle();
    // Slack's limits are per method: a 429 on the status does not hold back Do Not Disturb. Refused:
    // users.profile.get, dnd.setSnooze, users.profile.get again (30 s apart); then dnd.setSnooze,
    // users.profile.get and users.profile.set go through once each.
    expect(w.clock.now() - start).toBeGreaterThanOrEqual(60_000);
    expect(w.slack.methodCalls().length - before).toBe(3 + 3);
    expect(w.slack.profile.status_emoji).toBe(':dart:');
    expect(w.host.integrations.health('slack')).toMatchObject({ state: 'ok' });
  });

  it('turns a revoked token into "reconnect", keeps the desired state, and catches up after reconnecting', async () => {
    const w = await connectedWorld('2026-11-23T10:00');
    w.slack.auth.revokeAll();
    await w.run('focus.start', { minutes: 50 });
    expect(w.host.integrations.health('slack')).toMatchObject({ state: 'reconnect' });
    expect(w.host.service.status().problems.join(' ')).toMatch(
      /Slack refused the token \(token_revoked\); reconnect Slack/,
    );
    expect(w.host.service.status().mode).toBe('focus');
    const calls = w.slack.methodCalls().length;
    await w.run('focus.extend', { minutes: 5 });
    expect(w.slack.methodCalls().length).toBe(calls);
    expect(w.graph.preferredPresence?.availability).toBe('DoNotDisturb');
    await w.connect('slack');
    expect(w.slack.profile.status_emoji).toBe(':dart:');
    expect(w.slack.profile.status_expiration).toBe(epoch('2026-11-23T10:55'));
  });

  it('refreshes an expired Google token by itself', async () => {
    const w = await connectedWorld('2026-11-23T10:00');
    w.google.auth.accessTokens.clear();
    await w.run('focus.start', { minutes: 25 });
    expect(w.host.integrations.health('google')).toMatchObject({ state: 'ok' });
    expect(w.google.events.size).toBe(1);
    expect(w.google.auth.issued).toBe(2);
  });

  it('after an hour offline, converges with one push of the state as it is then', async () => {
    const w = await connectedWorld('2026-11-23T10:00');
    w.slack.server.down = true;
    await w.host.service.execute('focus.start', { minutes: 120 });
    await w.advanceTo(at('2026-11-23T11:00', ZONE));
    expect(w.host.integrations.health('slack')).toMatchObject({
      state: 'offline',
      message: 'Slack is unreachable (offline?); retrying',
    });
    expect(w.host.service.status().mode).toBe('focus');
    w.slack.server.down = false;
    const before = w.slack.server.calls.length;
    await w.advanceTo(at('2026-11-23T11:06', ZONE));
    const after = w.slack.server.calls.slice(before).map((c) => c.path);
    expect(after.filter((p) => p === '/api/users.profile.set')).toHaveLength(1);
    expect(w.slack.profile).toMatchObject({
      status_emoji: ':dart:',
      status_expiration: epoch('2026-11-23T12:00'),
    });
    expect(w.slack.dndActive()).toBe(true);
    expect(w.host.integrations.health('slack')).toMatchObject({ state: 'ok' });
  });

  it('recovers from a provider that answers malformed JSON', async () => {
    const w = await connectedWorld('2026-11-23T10:00');
    w.graph.server.inject({ status: 200, body: '{"oops' }, 1);
    await w.run('focus.start', { minutes: 25 });
    expect(w.graph.preferredPresence?.availability).toBe('DoNotDisturb');
    expect(w.host.integrations.health('microsoft')).toMatchObject({ state: 'ok' });
  });

  it('falls back to a busy event where the calendar has no focus time', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    world.google.account = { kind: 'personal', address: 'me@gmail.com' };
    await world.connect('google');
    await world.run('focus.start', { minutes: 25 });
    expect([...world.google.events.values()]).toMatchObject([
      { eventType: 'default', transparency: 'opaque', summary: 'Focus time' },
    ]);
  });
});

describe('days off and automatic replies', () => {
  it('puts days off on the calendar as out of office, once, and takes them off again', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE, {
      daysOff: ['2026-11-27', '2026-12-24'],
    });
    const w = world;
    await w.connect('google');
    const ooo = () => [...w.google.events.values()].filter((e) => e.eventType === 'outOfOffice');
    expect(ooo().map((e) => [e.start.dateTime, e.end.dateTime])).toEqual([
      [
        new Date(at('2026-11-27T00:00', ZONE)).toISOString(),
        new Date(at('2026-11-28T00:00', ZONE)).toISOString(),
      ],
      [
        new Date(at('2026-12-24T00:00', ZONE)).toISOString(),
        new Date(at('2026-12-25T00:00', ZONE)).toISOString(),
      ],
    ]);
    await w.run('focus.start', { minutes: 25 });
    expect(ooo()).toHaveLength(2);
    await w.run('settings.update', { patch: { daysOff: ['2026-12-24'] } });
    expect(ooo().map((e) => e.start.dateTime)).toEqual([
      new Date(at('2026-12-24T00:00', ZONE)).toISOString(),
    ]);
  });

  it('does not duplicate a focus block on the calendar after a restart', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    await w.connect('google');
    await w.run('focus.start', { minutes: 50 });
    (
      w.host.integrations as unknown as { connections: Map<string, { provider: { current: unknown } }> }
    ).connections.get('google')!.provider.current = null;
    await w.run('focus.extend', { minutes: 10 });
    expect(w.google.events.size).toBe(1);
    expect(Date.parse([...w.google.events.values()][0]!.end.dateTime!)).toBe(at('2026-11-23T11:00', ZONE));
  });

  it('sends an automatic reply while off, when the user asked for it, ending when work starts', async () => {
    world = await integrationWorld(at('2026-11-23T17:20', ZONE), ZONE, { offHoursAutoReply: true });
    const w = world;
    await w.connect('microsoft');
    expect(w.graph.mailbox.automaticRepliesSetting).toBeUndefined();
    await w.run('shutdown.complete', { done: '' });
    expect(w.graph.mailbox.automaticRepliesSetting).toMatchObject({
      status: 'scheduled',
      scheduledEndDateTime: {
        dateTime: new Date(at('2026-11-24T09:00', ZONE)).toISOString().slice(0, 19),
        timeZone: 'UTC',
      },
    });
    expect(w.graph.autoReplyText).toMatch(/^Off until Tue 09:00 CET .*\. Urgent\? Call me/);
    await w.advanceTo(at('2026-11-24T09:05', ZONE));
    expect(w.graph.mailbox.automaticRepliesSetting).toMatchObject({ status: 'disabled' });
  });
});

describe('more faults', () => {
  it('retries what Slack documents as its own passing trouble (ok:false internal_error, fatal_error, …)', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    await w.connect('slack');
    w.slack.server.inject({ status: 200, body: { ok: false, error: 'internal_error' } }, 1);
    w.slack.server.inject({ status: 200, body: { ok: false, error: 'service_unavailable' } }, 1);
    await w.run('focus.start', { minutes: 50 });
    expect(w.slack.profile.status_emoji).toBe(':dart:');
    expect(w.host.integrations.health('slack')).toMatchObject({ state: 'ok' });
  });

  it('rides out 5xx answers and slow answers beyond the timeout', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    await w.connect('slack');
    w.slack.server.inject({ status: 503, body: 'upstream unavailable' }, 2);
    await w.run('focus.start', { minutes: 50 });
    expect(w.slack.profile.status_emoji).toBe(':dart:');
    expect(w.host.integrations.health('slack')).toMatchObject({ state: 'ok' });
    w.slack.server.delayMs = 1000;
    await w.host.service.execute('focus.stop', {});
    w.clock.advance(300);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(w.host.integrations.health('slack')).toMatchObject({
      state: 'offline',
      message: 'Slack did not answer in time; retrying',
    });
    w.slack.server.delayMs = 0;
    await w.settle();
    expect(w.slack.profile.status_text).toBe('');
    expect(w.host.integrations.health('slack')).toMatchObject({ state: 'ok' });
  });

  it('refuses a replayed sign-in callback, and never shows a token to anything the window can read', async () => {
    const w = await connectedWorld('2026-11-23T10:00');
    const outcome = await w.host.service.command('integration.connect', { provider: 'google' });
    const { authorizeUrl, startUrl } = (outcome as { value: { authorizeUrl: string; startUrl: string } })
      .value;
    const cookie = await startInBrowser(startUrl);
    const approved = await fetch(authorizeUrl, { redirect: 'manual' });
    const callback = approved.headers.get('location')!;
    expect((await fetch(callback, { headers: { cookie } })).status).toBe(200);
    await expect(fetch(callback, { headers: { cookie } })).rejects.toThrow();
    await w.run('focus.start', { minutes: 25 });
    const tokens = [
      ...w.slack.auth.accessTokens,
      ...w.google.auth.accessTokens,
      ...w.graph.auth.accessTokens,
    ];
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    const visible = JSON.stringify([
      w.host.service.status(),
      w.host.service.query('settings', {}),
      w.host.service.query('integrations', {}),
      w.host.service.query('teammates', {}),
      w.host.service.query('plan', {}),
    ]);
    const files = fs
      .readdirSync(w.dir)
      .filter((name) => !name.startsWith('tokens.'))
      .map((name) => fs.readFileSync(path.join(w.dir, name), 'utf8'));
    for (const token of tokens) {
      expect(visible).not.toContain(token);
      for (const file of files) expect(file).not.toContain(token);
    }
  });
});

describe('reading back', () => {
  it('loads 2,000 Slack teammates across pages, asking their DND a few batches of 50 at a time, best effort', async () => {
    world = await integrationWorld(at('2026-11-23T16:00', ZONE), ZONE);
    const w = world;
    const zones = ['America/New_York', 'Asia/Tokyo', 'Europe/Lisbon', 'Asia/Kolkata'];
    w.slack.members = Array.from({ length: 2000 }, (_, i) => ({
      id: `U${i}`,
      name: `p${i}`,
      real_name: `Person ${i}`,
      tz: zones[i % 4]!,
    }));
    w.slack.members.push({ id: 'B1', name: 'bot', real_name: 'Bot', tz: 'UTC', is_bot: true });
    w.slack.dndUsers.add('U7');
    w.slack.dndUsers.add('U1506');
    await w.connect('slack');
    const person = (name: string) => w.host.service.teammates().find((t) => t.name === name);
    expect(w.host.service.teammates()).toHaveLength(2000);
    expect(w.slack.server.callsTo('/api/users.list')).toHaveLength(11);
    // dnd.teamInfo is Tier 2 (20+ a minute): ten batches a reading, the next reading goes on from there.
    expect(w.slack.server.callsTo('/api/dnd.teamInfo')).toHaveLength(10);
    expect(person('Person 7')).toMatchObject({ state: 'dnd', timeZone: 'Asia/Kolkata', hoursAssumed: true });
    expect(person('Person 1506')?.state).toBe('available');
    expect(person('Person 0')).toMatchObject({ localTime: '10:00', state: 'available' });
    // A reading every half hour.
    for (const minutes of [30, 60, 90]) await w.advanceTo(at('2026-11-23T16:00', ZONE) + minutes * 60_000);
    expect(w.slack.server.callsTo('/api/dnd.teamInfo')).toHaveLength(40);
    expect(person('Person 1506')?.state).toBe('dnd');
    // Slack asks to slow down: the list stays whole, and nothing more is asked until the wait is over.
    w.slack.nextAnswer.set('dnd.teamInfo', {
      status: 429,
      headers: { 'retry-after': '3600' },
      body: { ok: false, error: 'ratelimited' },
    });
    await w.advanceTo(at('2026-11-23T18:00', ZONE));
    await w.advanceTo(at('2026-11-23T18:30', ZONE));
    expect(w.slack.server.callsTo('/api/dnd.teamInfo')).toHaveLength(41);
    expect(w.host.service.teammates()).toHaveLength(2000);
    expect(w.host.integrations.health('slack')).toMatchObject({ state: 'ok' });
  });

  it('tells teammates’ busy times and working hours from Google and Microsoft calendars', async () => {
    world = await integrationWorld(at('2026-11-23T16:00', ZONE), ZONE);
    const w = world;
    const iso = (local: string) => new Date(at(local, ZONE)).toISOString();
    w.google.busy.set('ana@example.com', [{ start: iso('2026-11-23T15:30'), end: iso('2026-11-23T16:30') }]);
    w.graph.schedules.set('lea@example.com', {
      items: [{ status: 'oof', start: iso('2026-11-23T12:00'), end: iso('2026-11-24T09:00') }],
      workingHours: {
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday'],
        startTime: '07:00:00.0000000',
        endTime: '15:00:00.0000000',
        timeZone: { name: 'Europe/Lisbon' },
      },
    });
    await w.run('teammates.add', { name: 'Ana', timeZone: 'America/New_York', email: 'ana@example.com' });
    await w.run('teammates.add', { name: 'Lea', timeZone: 'UTC', email: 'lea@example.com' });
    await w.run('teammates.add', { name: 'Bo', timeZone: 'Europe/Berlin' });
    // Graph names zones the Windows way, as in its getSchedule example.
    w.graph.schedules.set('kai@example.com', {
      items: [],
      workingHours: {
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        startTime: '08:00:00.0000000',
        endTime: '16:00:00.0000000',
        timeZone: { name: 'Pacific Standard Time' },
      },
    });
    await w.run('teammates.add', { name: 'Kai', timeZone: 'UTC', email: 'kai@example.com' });
    await w.connect('google');
    await w.connect('microsoft');
    const byName = Object.fromEntries(w.host.service.teammates().map((t) => [t.name, t]));
    expect(byName.Kai).toMatchObject({
      timeZone: 'America/Los_Angeles',
      localTime: '07:00',
      inWorkingHours: false,
    });
    expect(byName.Ana).toMatchObject({ state: 'meeting' });
    expect(byName.Lea).toMatchObject({ state: 'off', timeZone: 'Europe/Lisbon', localTime: '15:00' });
    expect(byName.Lea!.todayBar).toEqual([{ from: 7 / 24, to: 15 / 24 }]);
    expect(byName.Bo).toMatchObject({ state: 'available' });
    expect(w.google.server.callsTo('/calendar/v3/freeBusy')[0]?.body).toMatchObject({
      items: [{ id: 'ana@example.com' }, { id: 'lea@example.com' }, { id: 'kai@example.com' }],
    });
  });

  it('reads every page of Google meetings, and a meeting you declined is not a meeting', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    // A busy past week fills the first pages; the meetings that matter come after them.
    for (let i = 0; i < 120; i++) {
      const start = at('2026-11-22T11:00', ZONE) + i * 5 * 60_000;
      world.google.addMeeting(`Old ${i}`, start, start + 4 * 60_000);
    }
    world.google.addMeeting(
      'Declined review',
      at('2026-11-23T13:00', ZONE),
      at('2026-11-23T13:30', ZONE),
      'declined',
    );
    world.google.addMeeting(
      'Planning',
      at('2026-11-23T14:00', ZONE),
      at('2026-11-23T14:30', ZONE),
      'accepted',
    );
    await world.connect('google');
    const plan = world.host.service.query('plan', {});
    const titles = (plan as { value: { items: { kind: string; title?: string }[] } }).value.items
      .filter((i) => i.kind === 'meeting')
      .map((i) => i.title);
    expect(titles).toEqual(['Planning']);
    expect(
      world.google.server.callsTo('/calendar/v3/calendars/primary/events').length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('follows @odata.nextLink, and only time shown as busy is a Microsoft meeting', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const iso = (local: string) => new Date(at(local, ZONE)).toISOString();
    for (let i = 0; i < 25; i++) {
      const start = at('2026-11-22T11:00', ZONE) + i * 5 * 60_000;
      world.graph.meetings.push({
        id: `old${i}`,
        subject: `Old ${i}`,
        start: new Date(start).toISOString(),
        end: new Date(start + 4 * 60_000).toISOString(),
      });
    }
    world.graph.meetings.push(
      {
        id: 't',
        subject: 'Maybe',
        start: iso('2026-11-23T11:00'),
        end: iso('2026-11-23T11:30'),
        showAs: 'tentative',
      },
      {
        id: 'w',
        subject: 'At the office',
        start: iso('2026-11-23T12:00'),
        end: iso('2026-11-23T13:00'),
        showAs: 'workingElsewhere',
      },
      {
        id: 'a',
        subject: 'Conference',
        start: iso('2026-11-23T00:00'),
        end: iso('2026-11-24T00:00'),
        isAllDay: true,
      },
      { id: 'b', subject: 'Customer call', start: iso('2026-11-23T15:00'), end: iso('2026-11-23T15:45') },
    );
    await world.connect('microsoft');
    const plan = world.host.service.query('plan', {});
    const titles = (plan as { value: { items: { kind: string; title?: string }[] } }).value.items
      .filter((i) => i.kind === 'meeting')
      .map((i) => i.title);
    expect(titles).toEqual(['Customer call']);
    expect(world.graph.server.callsTo('/v1.0/me/calendarView').length).toBeGreaterThanOrEqual(3);
  });

  it('shows meetings from Google and Microsoft in the day and in the availability', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    world.google.addMeeting('Planning', at('2026-11-23T14:00', ZONE), at('2026-11-23T14:30', ZONE));
    world.graph.meetings.push({
      id: 'm1',
      subject: 'Customer call',
      start: new Date(at('2026-11-23T15:00', ZONE)).toISOString(),
      end: new Date(at('2026-11-23T15:45', ZONE)).toISOString(),
    });
    await world.connect('google');
    await world.connect('microsoft');
    const plan = world.host.service.query('plan', {});
    const titles = (plan as { value: { items: { kind: string; title?: string }[] } }).value.items
      .filter((i) => i.kind === 'meeting')
      .map((i) => i.title);
    expect(titles).toEqual(['Planning', 'Customer call']);
    await world.advanceTo(at('2026-11-23T14:05', ZONE));
    expect(world.host.service.status()).toMatchObject({ mode: 'meeting', meeting: { title: 'Planning' } });
    expect(world.slack.profile.status_text).toBe('');
    expect(world.graph.preferredPresence).toMatchObject({ availability: 'Busy' });
  });
});

describe('the weekly focus goal on the calendar', () => {
  const GOAL = FIVE_HOUR_GOAL;
  const focusEvents = (w: IntegrationWorld) =>
    w.google
      .visible()
      .filter((e) => e.extendedProperties?.private?.cadenceFocusId)
      .map((e) => [e.extendedProperties!.private!.cadenceFocusId, e.start.dateTime, e.end.dateTime]);

  it('puts the week’s blocks on Google ahead of time, moves one when a meeting lands, never twice, and removes a skipped one', async () => {
    world = await integrationWorld(at('2026-11-23T08:00', ZONE), ZONE, { focusGoal: GOAL });
    const w = world;
    await w.connect('google');
    await w.settle();
    const iso = (local: string) => new Date(at(local, ZONE)).toISOString();
    // An hour each morning, Monday to Friday, as focus time.
    expect(focusEvents(w)).toEqual(
      ['23', '24', '25', '26', '27'].map((day) => [
        `goal:2026-11-${day}:0`,
        iso(`2026-11-${day}T09:00`),
        iso(`2026-11-${day}T10:00`),
      ]),
    );
    expect(w.google.visible().filter((e) => e.eventType === 'focusTime')).toHaveLength(5);

    // A meeting lands on Tuesday's block: the block moves after it, the same event.
    const tuesday = w.google
      .visible()
      .find((e) => e.extendedProperties?.private?.cadenceFocusId === 'goal:2026-11-24:0')!;
    w.google.addMeeting('Planning', at('2026-11-24T09:00', ZONE), at('2026-11-24T09:30', ZONE), 'accepted');
    await w.host.integrations!.refreshRemote();
    await w.settle();
    const moved = w.google.events.get(tuesday.id)!;
    expect([moved.start.dateTime, moved.end.dateTime]).toEqual([
      iso('2026-11-24T09:30'),
      iso('2026-11-24T10:30'),
    ]);

    // A restart writes nothing twice.
    await w.restart();
    await w.settle();
    expect(focusEvents(w)).toHaveLength(5);
    // Nor does a sleep: the clock jumps from 08:00 to 08:40, the service wakes and recomputes.
    w.clock.jumpTo(at('2026-11-23T08:40', ZONE));
    w.host.service.resync();
    await w.settle();
    expect(focusEvents(w)).toHaveLength(5);
    expect(w.google.visible().filter((e) => e.eventType === 'focusTime')).toHaveLength(5);

    // Monday's block starts as focus: still one event; skipping Wednesday's frees its slot on the calendar.
    await w.advanceTo(at('2026-11-23T09:05', ZONE));
    expect(focusEvents(w).filter(([id]) => id === 'goal:2026-11-23:0')).toHaveLength(1);
    expect((await w.run('goal.skip', { key: 'goal:2026-11-25:0' })).ok).toBe(true);
    await w.settle();
    const events = focusEvents(w);
    expect(events.map(([id]) => id)).not.toContain('goal:2026-11-25:0');
    // The goal is kept: the skipped hour went to the days after it, and the calendar says so.
    const minutes = events.reduce(
      (sum, [, start, end]) => sum + (Date.parse(end!) - Date.parse(start!)) / 60_000,
      0,
    );
    expect(minutes).toBe(300);
  }, 60_000);

  it('with "Ask me first", a block skipped when its prompt comes frees its slot on Google at once', async () => {
    world = await integrationWorld(at('2026-11-23T08:00', ZONE), ZONE, {
      focusGoal: { ...GOAL, start: 'prompt' },
    });
    const w = world;
    await w.connect('google');
    await w.settle();
    await w.advanceTo(at('2026-11-23T09:05', ZONE));
    await w.settle();
    // The block waits for its click: still on the calendar, its slot kept.
    expect(focusEvents(w).map(([id]) => id)).toContain('goal:2026-11-23:0');
    expect((await w.run('goal.skip', { key: 'goal:2026-11-23:0' })).ok).toBe(true);
    await w.settle();
    expect(focusEvents(w).map(([id]) => id)).not.toContain('goal:2026-11-23:0');
  }, 60_000);
});
