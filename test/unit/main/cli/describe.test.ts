import { describe, expect, it } from 'vitest';
import { describeIntegrations, describeTeammates } from '../../../../main/cli/describe';
import type { TeammateView } from '../../../../shared/statusView';
import { accountWords, type IntegrationView } from '../../../../shared/integrationView';
import { integrationView } from '../../shared/domainFixtures';

const view = (patch: Partial<IntegrationView>) =>
  integrationView({ health: { state: 'ok', message: 'In step', retryAt: null, lastSyncAt: null }, ...patch });

describe('cadence integrations', () => {
  it('names the account kind and what it means under each connected service', () => {
    const account = accountWords({
      kind: 'google-personal',
      label: 'ana@gmail.com',
      unsupported: ['focusTime'],
    });
    expect(describeIntegrations([view({ account })])).toBe(
      'Google Calendar: ok — In step\n  personal Google account (ana@gmail.com): focus blocks appear as busy events',
    );
  });

  it('shows a direction mark in an account label as a mark, not as an instruction', () => {
    const account = accountWords({ kind: 'slack-lasting', label: 'Acme\u202Eevil' });
    expect(describeIntegrations([view({ id: 'slack', name: 'Slack', account })])).not.toContain('\u202E');
  });

  it('names the client id in use and whether a secret is saved, never the secret', () => {
    expect(
      describeIntegrations([
        view({ connected: false, client: { id: 'g-app.apps.googleusercontent.com', secret: true } }),
      ]),
    ).toBe(
      'Google Calendar: not connected\n  client ID g-app.apps.googleusercontent.com (client secret saved)',
    );
    expect(
      describeIntegrations([
        view({
          id: 'slack',
          name: 'Slack',
          connected: false,
          managed: true,
          client: { id: '1.2', secret: false },
        }),
      ]),
    ).toBe('Slack: not connected\n  set by your organisation: client ID 1.2');
  });
});

describe('cadence teammates, with a team file', () => {
  const teammate = (
    name: string,
    timeZone: string,
    localTime: string,
    patch: Partial<TeammateView> = {},
  ): TeammateView => ({
    id: name.toLowerCase(),
    name,
    hoursAssumed: false,
    source: 'manual',
    timeZone,
    localTime,
    offsetFromYou: 0,
    inWorkingHours: true,
    state: 'available',
    nextAvailable: null,
    nextOverlap: null,
    todayBar: [],
    dayFraction: 0,
    yourDayBar: [],
    ...patch,
  });
  // Wednesday 25 November 2026, 16:00 in Berlin.
  const now = Date.parse('2026-11-25T15:00:00Z');

  it('marks who is in the team’s quiet time and says when the whole team is next together', () => {
    const lines = describeTeammates(
      [
        teammate('Lena', 'Europe/Berlin', '16:00', { teamQuiet: null }),
        teammate('Aiko', 'Asia/Tokyo', '00:00', {
          state: 'off',
          inWorkingHours: false,
          teamQuiet: { kind: 'evening', until: '2026-11-26T00:00:00+01:00' },
        }),
      ],
      {
        next: { start: '2026-11-26T09:00:00+01:00', end: '2026-11-26T09:30:00+01:00' },
        people: 3,
        timeZone: 'Europe/Berlin',
        teamQuietApplied: true,
      },
      now,
    ).split('\n');
    expect(lines[0]).toMatch(/Lena \(Europe\/Berlin\) — Available {2}\[lena\]$/);
    expect(lines[1]).toMatch(/Aiko \(Asia\/Tokyo\) — Off · Team quiet hours until .+ {2}\[aiko\]$/);
    expect(lines.at(-1)).toMatch(/^Whole team next together tomorrow .+–.+ \(all 3 of you\)\.$/);
  });

  it('without a team file, lists them as before', () => {
    expect(describeTeammates([teammate('Lena', 'Europe/Berlin', '16:00')], null, now)).toMatch(
      /^.+ {2}Lena \(Europe\/Berlin\) — Available {2}\[lena\]$/,
    );
  });
});
