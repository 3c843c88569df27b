import { PROVIDER_NAMES, type ProviderId } from '../../shared/integrationView';
import { slackRedirectUrls } from '../providers/endpoints';

/** Where each service's app registration lives, for "fix it there" advice. */
const APP_PLACE: Record<ProviderId, string> = {
  slack: 'your Slack app (api.slack.com/apps)',
  google: 'your OAuth client (Google Cloud console → APIs & Services → Credentials)',
  microsoft: 'your app registration (Microsoft Entra admin centre → App registrations)',
};

const REDIRECT_FIX: Record<ProviderId, string> = {
  slack: `add ${slackRedirectUrls().join(', ')} under OAuth & Permissions → Redirect URLs (slack-app-manifest.yml has them)`,
  google: 'use a client of the "Desktop app" type, which accepts any loopback address',
  microsoft: 'add the platform "Mobile and desktop applications" with the redirect URI http://localhost',
};

/**
 * A refused or unfinished sign-in in words, with the next step. The codes are the services' own: RFC 6749
 * §4.1.2.1 and §5.2 (access_denied, invalid_client, invalid_scope, invalid_grant), Google's
 * redirect_uri_mismatch and org_internal, Slack's oauth.v2.access errors (bad_redirect_uri,
 * invalid_team_for_non_distributed_app, …), and Microsoft's AADSTS codes in the description.
 */
export function signInAdvice(provider: ProviderId, code: string | null, detail: string): string {
  const name = PROVIDER_NAMES[provider];
  const text = `${code ?? ''} ${detail}`;
  if (
    /AADSTS(50020|50194|500200)|personal Microsoft account|MSA|Microsoft Account is not supported/i.test(text)
  )
    return `This ${name} app takes work or school accounts only. Sign in with one, or in ${APP_PLACE[provider]} allow personal Microsoft accounts too.`;
  if (/AADSTS(65001|90094|90095)|admin(istrator)? (consent|approval)|consent_required/i.test(text))
    return `Your organisation needs an administrator to approve Cadence for ${name}. Ask them to grant consent to the app, then press Connect again.`;
  if (/access_denied|user_denied|cancel/i.test(text))
    return `The sign-in was declined, so ${name} gave Cadence no access. Press Connect again and choose Allow.`;
  if (/redirect_uri|bad_redirect|AADSTS50011|url_mismatch/i.test(text))
    return `${name} does not accept the address Cadence signs in through. In ${APP_PLACE[provider]}, ${REDIRECT_FIX[provider]}.`;
  if (/invalid_team_for_non_distributed_app|team_not_allowed|not installed/i.test(text))
    return `The Slack app belongs to another workspace. Install it to this workspace, or turn on public distribution in ${APP_PLACE[provider]}.`;
  if (/org_internal/i.test(text))
    return `This Google app is limited to its own organisation. Sign in with an account of that organisation, or set the app's audience to External.`;
  if (/invalid_client|unauthorized_client|bad_client_secret|AADSTS700016|AADSTS7000215/i.test(text))
    return `${name} does not know this client id${provider === 'google' ? ' and secret' : ''}. Check ${provider === 'google' ? 'them' : 'it'} in Settings → Integrations against ${APP_PLACE[provider]}.`;
  if (/invalid_scope|AADSTS650053|AADSTS70011/i.test(text))
    return `${name} refused a permission Cadence needs. In ${APP_PLACE[provider]}, allow the scopes listed in the README, then press Connect again.`;
  if (/in time/i.test(text))
    return `The sign-in was not finished within five minutes. Press Connect again when you are ready.`;
  return `The sign-in to ${name} did not finish: ${detail}. Press Connect again; if it keeps failing, check ${APP_PLACE[provider]}.`;
}

/**
 * How long Google keeps the refresh token of an app whose consent screen is in "Testing": "a publishing
 * status of 'Testing' is issued a refresh token expiring in 7 days"
 * (https://developers.google.com/identity/protocols/oauth2#expiration).
 */
const TESTING_REFRESH_MS = 7 * 24 * 3_600_000;

/**
 * Why a service refused to renew a sign-in, where the reason is known: Google's invalid_grant about 7
 * days after the sign-in is the "Testing" limit, which only publishing the app ends. Null otherwise
 * (the plain "reconnect" words apply). `grantAgeMs` is how long ago the user signed in, when known.
 */
export function refreshRefusedAdvice(
  provider: ProviderId,
  code: string | null,
  grantAgeMs: number | null,
): string | null {
  if (
    provider === 'google' &&
    code === 'invalid_grant' &&
    grantAgeMs !== null &&
    grantAgeMs >= TESTING_REFRESH_MS - 3_600_000
  )
    return `Google ends the sign-ins of apps in "Testing" after 7 days: publish your app (Google Cloud console → Google Auth Platform → Audience → Publish app), then reconnect ${PROVIDER_NAMES[provider]}.`;
  return null;
}
