import { browseSignIn } from '../fakes/signInBrowser';
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type IntegrationWorld, integrationWorld } from '../fakes/integrationHarness';
import type { SlackMember } from '../fakes/slackFake';
import { at } from '../unit/shared/domainFixtures';

/** What a real Slack workspace does, as its documentation says, against Cadence as a whole. */
const ZONE = 'Europe/Berlin';
const HOUR = 60 * 60_000;
let world: IntegrationWorld | null = null;
const held: http.Server[] = [];
afterEach(async () => {
  for (const server of held.splice(0)) await new Promise((resolve) => server.close(resolve));
  await world?.stop();
  world = null;
});
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function slackWorld(local: string): Promise<IntegrationWorld> {
  world = await integrationWorld(at(local, ZONE), ZONE);
  return world;
}

/** Another program on a port (or a sign-in of another test already there: busy all the same). */
async function occupy(port: number): Promise<void> {
  const server = http.createServer();
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (listening) held.push(server);
}

describe('the redirect a real Slack app accepts', () => {
  it('signs in on the next registered port when the first is taken', async () => {
    const w = await slackWorld('2026-11-23T10:00');
    await occupy(47613);
    const outcome = await w.host.service.command('integration.connect', { provider: 'slack' });
    expect(outcome.ok).toBe(true);
    const { authorizeUrl, startUrl } = (outcome as { value: { authorizeUrl: string; startUrl: string } })
      .value;
    const url = new URL(authorizeUrl);
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:4761[45]\/callback$/);
    expect((await browseSignIn(startUrl)).status).toBe(200);
    await w.settle();
    expect(w.host.integrations.list().find((v) => v.id === 'slack')?.connected).toBe(true);
  });

  it('says plainly which ports to free when every registered one is taken', async () => {
    const w = await slackWorld('2026-11-23T10:00');
    for (const port of [47613, 47614, 47615]) await occupy(port);
    const outcome = await w.host.service.command('integration.connect', { provider: 'slack' });
    expect(outcome).toMatchObject({ ok: false, error: 'not_available' });
    const message = (outcome as { message: string }).message;
    expect(message).toContain('47613, 47614 or 47615');
    expect(message).toContain('Close the program using them');
  });
});

describe('Slack tokens from a desktop sign-in', () => {
  it('renew every 12 hours without a client secret, and Cadence never asks to reconnect', async () => {
    const w = await slackWorld('2026-11-23T10:00');
    w.slack.tokenRotation = true;
    await w.connect('slack');
    for (let day = 0; day < 3; day++) {
      w.clock.advance(13 * HOUR);
      w.slack.auth.expireAll();
      await w.run('focus.start', { minutes: 50 });
      expect(w.slack.profile.status_emoji).toBe(':dart:');
      await w.run('focus.stop', {});
      expect(w.host.integrations.health('slack')).toMatchObject({ state: 'ok' });
    }
    expect(w.slack.auth.refreshLog.length).toBeGreaterThanOrEqual(3);
    expect(w.slack.auth.refreshLog.every((r) => r.desktop && !r.withSecret)).toBe(true);
  });

  it('a renewal that fails for a moment is tried again, not "reconnect"', async () => {
    const w = await slackWorld('2026-11-23T10:00');
    w.slack.tokenRotation = true;
    await w.connect('slack');
    w.clock.advance(12 * HOUR);
    // Slack's token endpoint has a passing server error when the renewal comes.
    w.slack.tokenEndpointFailures = 1;
    await w.host.service.execute('focus.start', { minutes: 50 });
    w.clock.advance(300);
    // The failed renewal is seen as passing trouble (however long a busy machine takes to get there).
    for (let waited = 0; w.host.integrations.health('slack')?.state === 'ok' && waited < 5000; waited += 20)
      await pause(20);
    expect(w.host.integrations.health('slack')?.state).toBe('offline');
    await w.settle();
    expect(w.host.integrations.health('slack')).toMatchObject({ state: 'ok' });
    expect(w.slack.profile.status_emoji).toBe(':dart:');
  });
});

describe('Slack’s rate limits and refusals', () => {
  it('never sends more than 10 status changes a minute, and the last one still arrives', async () => {
    const w = await slackWorld('2026-11-23T10:00');
    await w.connect('slack');
    for (let i = 0; i < 8; i++) {
      await w.host.service.execute('focus.start', { minutes: 50 });
      w.clock.advance(400);
      await pause(60);
      await w.host.service.execute('focus.stop', {});
      w.clock.advance(400);
      await pause(60);
    }
    await w.host.service.execute('focus.start', { minutes: 50 });
    await w.settle();
    expect(w.slack.profileLimitRefusals).toBe(0);
    expect(w.slack.profile.status_emoji).toBe(':dart:');
    expect(w.host.integrations.health('slack')).toMatchObject({ state: 'ok' });
  });

  it('waits out a users.list 429 and goes on from the cursor, keeping the pages it read', async () => {
    const w = await slackWorld('2026-11-23T10:00');
    const person = (i: number): SlackMember => ({
      id: `U${i}`,
      name: `p${i}`,
      real_name: `Person ${i}`,
      tz: 'Europe/Lisbon',
    });
    w.slack.members = Array.from({ length: 450 }, (_, i) => person(i));
    await w.connect('slack');
    w.slack.members.push(person(450));
    w.slack.plannedAnswers.set('users.list', [
      null,
      { status: 429, headers: { 'retry-after': '20' }, body: { ok: false, error: 'ratelimited' } },
    ]);
    const before = w.slack.server.callsTo('/api/users.list').length;
    let done = false;
    const reading = w.host.integrations.refreshRemote().then(() => (done = true));
    for (let i = 0; i < 40 && !done; i++) {
      await pause(25);
      w.clock.advance(5_000);
    }
    await reading;
    const calls = w.slack.server.callsTo('/api/users.list').slice(before);
    // page 1, page 2 refused, page 2 again (same cursor), page 3: nothing read twice, nothing lost
    expect(calls.map((c) => c.body.cursor ?? '')).toEqual([
      '',
      calls[1]!.body.cursor,
      calls[1]!.body.cursor,
      calls[3]!.body.cursor,
    ]);
    expect(calls[1]!.body.cursor).toBeTruthy();
    expect(w.host.integrations.teammates().filter((t) => t.source === 'slack')).toHaveLength(451);
  });

  it('keeps Do Not Disturb on through a weekend off, snoozing at most a day at a time', async () => {
    // Friday evening: off until Monday morning, more than a day away.
    const w = await slackWorld('2026-11-27T20:00');
    await w.connect('slack');
    expect(w.host.service.status().mode).toBe('off');
    expect(w.slack.dndActive()).toBe(true);
    expect(w.slack.snoozeEndTime! * 1000).toBeLessThanOrEqual(w.clock.now() + 24 * HOUR);
    expect(w.slack.presence).toBe('away');
    expect(w.host.integrations.health('slack')).toMatchObject({ state: 'ok' });
    for (const local of ['2026-11-28T19:55', '2026-11-29T19:55', '2026-11-30T08:30']) {
      await w.advanceTo(at(local, ZONE));
      expect(w.slack.dndActive()).toBe(true);
    }
    expect(w.host.integrations.health('slack')).toMatchObject({ state: 'ok' });
  });

  it('sets presence even when Do Not Disturb is refused', async () => {
    const w = await slackWorld('2026-11-27T20:00');
    w.slack.plannedAnswers.set('dnd.setSnooze', [
      { status: 200, body: { ok: false, error: 'snooze_failed' } },
    ]);
    await w.connect('slack');
    expect(w.slack.presence).toBe('away');
    expect(w.slack.profile.status_emoji).toBe(':crescent_moon:');
  });

  it('rides out a workspace moving into an Enterprise organisation (team_added_to_org)', async () => {
    const w = await slackWorld('2026-11-23T10:00');
    await w.connect('slack');
    w.slack.migrating = true;
    await w.host.service.execute('focus.start', { minutes: 50 });
    w.clock.advance(300);
    // The failed renewal is seen as passing trouble (however long a busy machine takes to get there).
    for (let waited = 0; w.host.integrations.health('slack')?.state === 'ok' && waited < 5000; waited += 20)
      await pause(20);
    expect(w.host.integrations.health('slack')?.state).toBe('offline');
    w.slack.migrating = false;
    await w.settle();
    expect(w.slack.profile.status_emoji).toBe(':dart:');
    expect(w.host.integrations.health('slack')).toMatchObject({ state: 'ok' });
  });
});

describe('a Slack permission the workspace did not grant', () => {
  it('is said as a missing permission, never as an expired sign-in', async () => {
    const w = await slackWorld('2026-11-23T10:00');
    // The workspace's admin allows Cadence everything but setting presence.
    w.slack.withheld = ['users:write'];
    await w.connect('slack');
    await w.run('focus.start', { minutes: 50 });
    await w.settle();
    const health = w.host.integrations.health('slack');
    expect(health?.state).toBe('permission');
    expect(health?.message).toContain('missing a permission');
    expect(health?.message).not.toMatch(/reconnect|expired/i);
    expect(w.host.integrations.problems().join('\n')).toContain('Slack: Cadence is missing a permission');
  });
});

describe('a new sign-in of the same Slack account', () => {
  it('keeps the status of the user’s own that Cadence covered, and puts it back when the block ends', async () => {
    const w = await slackWorld('2026-11-23T10:00');
    await w.connect('slack');
    w.slack.profile = { status_text: 'Commuting', status_emoji: ':bus:', status_expiration: 0 };
    await w.run('focus.start', { minutes: 50 });
    expect(w.slack.profile.status_emoji).toBe(':dart:');
    // The user signs in again while the block runs (a permission, a new computer's keychain).
    await w.connect('slack');
    await w.settle();
    // …and Cadence starts again before the block ends.
    await w.restart();
    await w.settle();
    await w.run('focus.stop');
    expect(w.slack.profile).toMatchObject({ status_text: 'Commuting', status_emoji: ':bus:' });
  });
});
