import { describe, expect, it } from 'vitest';
import { statusShownIn } from '../../../shared/integrationView';
import { integrationView } from './domainFixtures';

describe('where the status is shown', () => {
  it('names only the services connected and in step', () => {
    expect(statusShownIn([])).toBeNull();
    expect(statusShownIn([integrationView({ connected: false, health: null })])).toBeNull();
    const offline = integrationView({
      health: { state: 'offline', message: 'No network', retryAt: null, lastSyncAt: null },
    });
    expect(statusShownIn([offline])).toBeNull();
    const slack = integrationView({ id: 'slack', name: 'Slack' });
    expect(statusShownIn([slack, offline])).toBe('Slack');
    expect(statusShownIn([slack, integrationView()])).toBe('Slack and Google Calendar');
  });
});
