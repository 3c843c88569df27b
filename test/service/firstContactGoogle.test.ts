import { afterEach, describe, expect, it } from 'vitest';
import { type IntegrationWorld, integrationWorld } from '../fakes/integrationHarness';
import { at } from '../unit/shared/domainFixtures';

/** What a real Google account does that the first fake let pass: Testing apps, usage limits, personal accounts. */
const ZONE = 'Europe/Berlin';
let world: IntegrationWorld | null = null;
afterEach(async () => {
  await world?.stop();
  world = null;
});

const accountOf = (w: IntegrationWorld) => w.host.integrations.list().find((v) => v.id === 'google')?.account;

describe('Google: an app whose consent screen is in "Testing"', () => {
  it('says, when Google ends the sign-in after 7 days, that publishing the app is the cure', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    w.google.consentScreen = 'testing';
    await w.connect('google');
    await w.run('focus.start', { minutes: 25 });
    expect(w.host.integrations.health('google')).toMatchObject({ state: 'ok' });
    // A day later the sign-in still renews.
    w.clock.jumpTo(at('2026-11-24T10:00', ZONE));
    await w.run('focus.start', { minutes: 25 });
    expect(w.host.integrations.health('google')).toMatchObject({ state: 'ok' });
    // Seven days after the sign-in, Google refuses to renew it (invalid_grant).
    w.clock.jumpTo(at('2026-11-30T10:30', ZONE));
    await w.run('focus.start', { minutes: 25 });
    expect(w.host.integrations.health('google')).toMatchObject({
      state: 'reconnect',
      message: expect.stringMatching(
        /^Google ends the sign-ins of apps in "Testing" after 7 days: publish your app .*then reconnect Google Calendar\.$/,
      ),
    });
  });
});

describe('Google: a 403 is not always "sign in again"', () => {
  it('waits out quotaExceeded like the other usage limits and carries on', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    await w.connect('google');
    w.google.inject403('quotaExceeded');
    await w.run('focus.start', { minutes: 25 });
    expect(w.host.integrations.health('google')).toMatchObject({ state: 'ok' });
    expect(w.google.visible().map((e) => e.eventType)).toEqual(['focusTime']);
  });

  it('calls a refusal that no sign-in fixes a refused change, and a missing scope a missing permission', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    await w.connect('google');
    w.google.inject403('forbiddenForNonOrganizer');
    await w.run('focus.start', { minutes: 25 });
    expect(w.host.integrations.health('google')).toMatchObject({ state: 'error' });
    expect(w.host.integrations.health('google')?.message).not.toMatch(/reconnect|sign in/i);

    // A permission that is really missing stays missing: the user unticked it on the consent screen.
    w.google.withheld = ['https://www.googleapis.com/auth/calendar'];
    await w.connect('google');
    await w.run('focus.extend', { minutes: 5 });
    expect(w.host.integrations.health('google')).toMatchObject({
      state: 'permission',
      message: expect.stringMatching(
        /^Cadence is missing a permission to .*: sign in to Google Calendar again and allow it$/,
      ),
    });
  });
});

describe('Google: focus time where the account has none', () => {
  it('never tries focus time on a personal account, known from its address', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    w.google.account = { kind: 'personal', address: 'ana@gmail.com' };
    await w.connect('google');
    await w.run('focus.start', { minutes: 25 });
    expect(w.google.server.calls.filter((c) => c.body.eventType === 'focusTime')).toEqual([]);
    expect(w.google.visible()).toMatchObject([{ eventType: 'default', summary: 'Focus time' }]);
    expect(accountOf(w)).toMatch(/focus blocks appear as busy events/);
  });

  it('falls back to a busy event on a Workspace calendar without focus time, though the refusal names no type', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    w.google.editionHasFocusTime = false;
    await w.connect('google');
    await w.run('focus.start', { minutes: 25 });
    expect(w.host.integrations.health('google')).toMatchObject({ state: 'ok' });
    expect(w.google.visible()).toMatchObject([{ eventType: 'default', summary: 'Focus time' }]);
    expect(accountOf(w)).toBe(
      'Google Workspace account (me@example.com): focus blocks appear as busy events',
    );
  });
});

describe('Google: a calendar permission unticked on the consent screen', () => {
  it('is said as a missing permission, and signing in again with it ticked puts it right', async () => {
    world = await integrationWorld(at('2026-11-23T10:00', ZONE), ZONE);
    const w = world;
    w.google.withheld = ['https://www.googleapis.com/auth/calendar'];
    await w.connect('google');
    await w.run('focus.start', { minutes: 25 });
    await w.settle();
    expect(w.host.integrations.health('google')?.state).toBe('permission');
    expect(w.host.integrations.health('google')?.message).toMatch(/missing a permission/);
    w.google.withheld = [];
    await w.connect('google');
    await w.settle();
    expect(w.host.integrations.health('google')).toMatchObject({ state: 'ok' });
    expect(w.google.visible().some((e) => e.eventType === 'focusTime')).toBe(true);
  });
});
