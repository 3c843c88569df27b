import { PROVIDER_NAMES, type ProviderId } from '../../shared/integrationView';
import { slackRedirectUrls } from '../providers/endpoints';
import { SIGN_IN_OPENED_TWICE, SIGN_IN_TIMEOUT } from './oauthPkce';

/** Where each service's app registration lives, for "fix it there" advice. */
const APP_PLACE: Record<ProviderId, string> = {
  slack: 'your Slack app (api.slack.com/apps)',
  // Where Settings' guide has the user make it (https://support.google.com/cloud/answer/15549257: "Navigate
  // to the Google Auth Platform Clients page").
  google: 'your OAuth client (Google Cloud console → Google Auth Platform → Clients)',
  microsoft: 'your app registration (Microsoft Entra admin centre → App registrations)',
};

const REDIRECT_FIX: Record<ProviderId, string> = {
  slack: `add ${slackRedirectUrls().join(', ')} under OAuth & Permissions → Redirect URLs (slack-app-manifest.yml has them)`,
  google: 'use a client of the "Desktop app" type, which accepts any loopback address',
  microsoft: 'add the platform "Mobile and desktop applications" with the redirect URI http://localhost',
};

/**
 * Microsoft's error codes (AADSTS followed by digits) that a description carries: "error_description …
 * the AADSTS error code" and the numeric `error_codes` of the token response
 * (https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes).
 */
function aadsts(detail: string): Set<number> {
  return new Set([...detail.matchAll(/AADSTS(\d{5,7})\b/g)].map((match) => Number(match[1])));
}

/**
 * A refused or unfinished sign-in in words, with the next step. Decided on the services' own codes only:
 * RFC 6749 §4.1.2.1 and §5.2 (access_denied, invalid_client, invalid_scope, invalid_grant), Google's
 * redirect_uri_mismatch and org_internal, Slack's oauth.v2.access errors
 * (https://docs.slack.dev/reference/methods/oauth.v2.access: bad_redirect_uri, invalid_client_id,
 * bad_client_secret, invalid_team_for_non_distributed_app, …), and Microsoft's AADSTS numbers. The
 * description is shown to the user as details, never read for its words.
 */
export function signInAdvice(provider: ProviderId, code: string | null, detail: string): string {
  const name = PROVIDER_NAMES[provider];
  const ms = aadsts(detail);
  const any = (...codes: (string | number)[]) =>
    codes.some((c) => (typeof c === 'number' ? ms.has(c) : c === code));
  if (any(50020, 50194, 500200))
    return `This ${name} app takes work or school accounts only. Sign in with one, or in ${APP_PLACE[provider]} allow personal Microsoft accounts too.`;
  if (any(65001, 90094, 90095, 'consent_required'))
    return `Your organisation needs an administrator to approve Cadence for ${name}. Ask them to grant consent to the app, then press Connect again.`;
  if (any('access_denied', 65004))
    return `The sign-in was declined, so ${name} gave Cadence no access. Press Connect again and choose Allow.`;
  if (any('redirect_uri_mismatch', 'bad_redirect_uri', 50011))
    return `${name} does not accept the address Cadence signs in through. In ${APP_PLACE[provider]}, ${REDIRECT_FIX[provider]}.`;
  if (any('invalid_team_for_non_distributed_app', 'team_not_allowed'))
    return `The Slack app belongs to another workspace. Install it to this workspace, or turn on public distribution in ${APP_PLACE[provider]}.`;
  if (any('org_internal'))
    return `This Google app is limited to its own organisation. Sign in with an account of that organisation, or set the app's audience to External.`;
  if (any('invalid_client', 'unauthorized_client', 'invalid_client_id', 'bad_client_secret', 700016, 7000215))
    return `${name} does not know this client id${provider === 'google' ? ' and secret' : ''}. Check ${provider === 'google' ? 'them' : 'it'} in Settings → Integrations against ${APP_PLACE[provider]}.`;
  if (any('invalid_scope', 650053, 70011))
    return `${name} refused a permission Cadence needs. In ${APP_PLACE[provider]}, allow the scopes listed in the README, then press Connect again.`;
  if (any(SIGN_IN_OPENED_TWICE))
    return `The sign-in page was opened twice (another program may have opened it), so Cadence stopped that sign-in to be safe. Press Connect again.`;
  if (any(SIGN_IN_TIMEOUT))
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
  // A grant renewed only with the app's secret is one of an app without PKCE: its localhost grants then
  // are not desktop grants (https://docs.slack.dev/authentication/using-pkce).
  if (provider === 'slack' && (code === 'bad_client_secret' || code === 'client_secret_required'))
    return `Slack renews this sign-in only with your Slack app's client secret, which means PKCE is off for the app: turn PKCE on in your Slack app (api.slack.com/apps → OAuth & Permissions), then reconnect Slack.`;
  // "If PKCE is enabled, all refresh tokens issued to your app will expire in 30 days" (same page).
  if (provider === 'slack' && code === 'invalid_refresh_token')
    return `Slack no longer accepts this sign-in: a sign-in not renewed for 30 days (the computer was off, say) or revoked in Slack ends. Reconnect Slack.`;
  return null;
}
