import { describe, expect, it } from 'vitest';
import { logLine, problemLines } from '../../../../main/core/integrationWords';
import type { IntegrationView } from '../../../../shared/integrationView';
import { integrationView } from '../../shared/domainFixtures';

const google = (view: Partial<IntegrationView>) => integrationView(view);

describe('how a service stands in cadence.log', () => {
  it('keeps the reason a re-sign-in was refused while the earlier sign-in still holds', () => {
    const line = logLine(
      google({ signIn: { state: 'failed', message: 'Google refused the sign-in: access_denied' } }),
    );
    expect(line).toContain('ok: Up to date');
    expect(line).toContain('Google refused the sign-in: access_denied');
  });

  it('says a failed first sign-in, and a service never connected', () => {
    expect(
      logLine(google({ connected: false, health: null, signIn: { state: 'failed', message: 'no' } })),
    ).toBe('no');
    expect(logLine(google({ connected: false, health: null }))).toBe('not connected');
  });

  it('lists for status only what needs the user', () => {
    expect(
      problemLines([
        google({}),
        google({ health: { state: 'reconnect', message: 'Sign in again', retryAt: null, lastSyncAt: null } }),
      ]),
    ).toEqual(['Google Calendar: Sign in again']);
  });
});
