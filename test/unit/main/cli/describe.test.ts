import { describe, expect, it } from 'vitest';
import { describeIntegrations } from '../../../../main/cli/describe';
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
