import { afterEach, describe, expect, it } from 'vitest';
import { type IntegrationWorld, integrationWorld } from '../fakes/integrationHarness';
import { TeamFileServer } from '../fakes/teamFileServer';
import { at } from '../unit/shared/domainFixtures';

// The whole way: a team file served over HTTP on 127.0.0.1, followed by the real host, and what it pushes to
// the Slack and Microsoft Graph fakes (which refuse what the services refuse, such as a status over 100 characters).

const ZONE = 'Europe/Berlin';
const LONG_DAYS = [{ start: '09:00', end: '19:00' }];
const TEAM = {
  name: 'Platform team',
  urgency: { rule: 'urgent: call me', keywords: ['prod down'] },
  replies: { chat: { workingHours: 4 } },
  quiet: { evenings: { from: '18:30', until: '08:00' } },
};

let world: IntegrationWorld | null = null;
let server: TeamFileServer | null = null;
afterEach(async () => {
  await world?.stop();
  await server?.close().catch(() => undefined);
  world = null;
  server = null;
});

describe('the status pushed while following a team file', () => {
  it('carries the reply expectation and the urgency rule, and the team’s quiet hours with their expiry', async () => {
    server = await new TeamFileServer(JSON.stringify(TEAM)).start();
    const w = (world = await integrationWorld(at('2026-11-23T09:50', ZONE), ZONE, {
      locale: 'en-GB',
      clock: '24h',
      week: {
        '1': LONG_DAYS,
        '2': LONG_DAYS,
        '3': LONG_DAYS,
        '4': LONG_DAYS,
        '5': LONG_DAYS,
        '6': [],
        '7': [],
      },
      team: { address: server.url },
    }));
    // The host reads the file at start.
    for (let i = 0; i < 200 && !w.host.service.team?.view().readAt; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(w.host.service.team?.view().team?.name).toBe('Platform team');
    for (const id of ['slack', 'microsoft'] as const) await w.connect(id);

    expect((await w.run('focus.start', { minutes: 100 })).ok).toBe(true);
    const focusing = 'Focusing until 11:30 CET · replies within 4 working hours · urgent: call me';
    expect(w.slack.profile.status_text).toBe(focusing);
    expect(w.graph.statusMessage?.content).toBe(focusing);

    // 18:30: the member's own hours run to 19:00, the team's quiet hours begin. Off, with the same expiry
    // Slack's do-not-disturb and status carry for any off time: the member's next working minute.
    await w.advanceTo(at('2026-11-23T18:31', ZONE));
    expect(w.host.service.status()).toMatchObject({ mode: 'off', reason: 'teamQuietHours' });
    expect(w.slack.profile.status_text).toBe(
      'Off until Tue 09:00 CET (Tue 08:00 UTC) · replies within 4 working hours · urgent: call me',
    );
    expect(w.slack.profile.status_expiration).toBe(Math.floor(at('2026-11-24T09:00', ZONE) / 1000));
    expect(w.slack.snoozeEndTime).toBe(Math.floor(at('2026-11-24T09:00', ZONE) / 1000));
  });
});
