import { describe, expect, it } from 'vitest';
import { refreshRefusedAdvice, signInAdvice } from '../../../../main/auth/signInWords';

describe('a refused sign-in, in words with the next step', () => {
  it.each([
    ['google', 'redirect_uri_mismatch', 'Bad Request', /"Desktop app"/],
    ['slack', 'bad_redirect_uri', 'the sign-in was refused: bad_redirect_uri', /Redirect URLs/],
    [
      'microsoft',
      'invalid_request',
      'AADSTS50011: The redirect URI does not match',
      /Mobile and desktop applications/,
    ],
    ['slack', 'invalid_team_for_non_distributed_app', 'x', /another workspace/],
    [
      'microsoft',
      'access_denied',
      'AADSTS65001: The user or administrator has not consented',
      /administrator to approve/,
    ],
    [
      'microsoft',
      'unauthorized_client',
      'AADSTS50020: User account from identity provider live.com does not exist in tenant',
      /work or school accounts only/,
    ],
    ['google', 'access_denied', 'the service answered access_denied', /declined.*choose Allow/],
    ['google', 'org_internal', 'x', /limited to its own organisation/],
    ['google', 'invalid_client', 'The OAuth client was not found.', /client id and secret/],
    ['slack', 'invalid_scope', 'x', /scopes listed in the README/],
  ] as const)('%s %s', (provider, code, detail, words) => {
    expect(signInAdvice(provider, code, detail)).toMatch(words);
  });

  it('sends Google users to the Clients page the guide made the client on (Google Auth Platform → Clients)', () => {
    expect(signInAdvice('google', 'invalid_client', 'The OAuth client was not found.')).toBe(
      'Google Calendar does not know this client id and secret. Check them in Settings → Integrations against your OAuth client (Google Cloud console → Google Auth Platform → Clients).',
    );
  });

  it('decides on the services’ codes, never on the words of a description', () => {
    // Prose that merely mentions a cause decides nothing; a Microsoft number or an OAuth code does.
    const unknown = /did not finish: .*Press Connect again/;
    expect(signInAdvice('microsoft', null, 'a personal Microsoft account (MSA) was used')).toMatch(unknown);
    expect(signInAdvice('google', null, 'the user pressed cancel in time')).toMatch(unknown);
    expect(signInAdvice('microsoft', 'invalid_request', 'AADSTS50020: User account …')).toMatch(
      /work or school accounts only/,
    );
    expect(signInAdvice('slack', 'cadence_sign_in_timeout', 'the sign-in was not completed in time')).toMatch(
      /within five minutes/,
    );
  });

  it('still says what happened when the reason is unknown', () => {
    expect(signInAdvice('slack', null, 'the sign-in service could not be reached (ECONNREFUSED)')).toBe(
      'The sign-in to Slack did not finish: the sign-in service could not be reached (ECONNREFUSED). Press Connect again; if it keeps failing, check your Slack app (api.slack.com/apps).',
    );
  });
});

describe('a refused renewal, in words with its cause', () => {
  const DAY = 24 * 3_600_000;
  it('names Google’s 7-day limit of apps in "Testing" when invalid_grant comes a week after the sign-in', () => {
    expect(refreshRefusedAdvice('google', 'invalid_grant', 7 * DAY)).toMatch(
      /^Google ends the sign-ins of apps in "Testing" after 7 days: publish your app/,
    );
    // Sooner, or for another service or reason, the cause is not known: the plain words apply.
    expect(refreshRefusedAdvice('google', 'invalid_grant', 2 * DAY)).toBeNull();
    expect(refreshRefusedAdvice('google', 'invalid_grant', null)).toBeNull();
    expect(refreshRefusedAdvice('microsoft', 'invalid_grant', 7 * DAY)).toBeNull();
  });

  it('names PKCE when Slack wants the client secret to renew, and Slack’s 30-day end otherwise', () => {
    expect(refreshRefusedAdvice('slack', 'bad_client_secret', null)).toMatch(/PKCE is off for the app/);
    expect(refreshRefusedAdvice('slack', 'invalid_refresh_token', null)).toMatch(/not renewed for 30 days/);
  });
});
