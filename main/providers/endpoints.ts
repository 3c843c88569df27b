import type { OAuthClient } from '../auth/oauthPkce';
import type { ProviderId } from './provider';

export interface ProviderConfig {
  apiUrl: string;
  /** Per call; a slower answer counts as a network failure and is retried with backoff. */
  timeoutMs?: number;
  oauth: OAuthClient;
}

const DEFAULTS: Record<ProviderId, ProviderConfig> = {
  slack: {
    apiUrl: 'https://slack.com/api',
    oauth: {
      authorizeUrl: 'https://slack.com/oauth/v2/authorize',
      tokenUrl: 'https://slack.com/api/oauth.v2.access',
      clientId: '',
      scopes: [
        'users.profile:read',
        'users.profile:write',
        'dnd:read',
        'dnd:write',
        'users:read',
        'users:write',
      ],
      scopeParameter: 'user_scope',
      tokenPath: ['authed_user'],
      tokenType: 'user',
    },
  },
  google: {
    apiUrl: 'https://www.googleapis.com/calendar/v3',
    oauth: {
      authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
      tokenUrl: 'https://oauth2.googleapis.com/token',
      clientId: '',
      scopes: ['https://www.googleapis.com/auth/calendar'],
      extraAuthorizeParams: { access_type: 'offline', prompt: 'consent' },
    },
  },
  microsoft: {
    apiUrl: 'https://graph.microsoft.com/v1.0',
    oauth: {
      authorizeUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
      tokenUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
      clientId: '',
      // openid and profile: the ID token tells a work account from a personal one (its tid).
      scopes: [
        'openid',
        'profile',
        'Presence.ReadWrite',
        'MailboxSettings.ReadWrite',
        'Calendars.Read',
        'offline_access',
      ],
      // "Mobile and desktop applications" take http://localhost, on any port
      // (https://learn.microsoft.com/en-us/entra/identity-platform/reply-url, localhost exceptions).
      loopback: { host: 'localhost', path: '/' },
    },
  },
};

/**
 * Each provider's API base, sign-in endpoints and client id: the public defaults, overridden by
 * CADENCE_<SLACK|GOOGLE|MICROSOFT>_<API_URL|AUTHORIZE_URL|TOKEN_URL|CLIENT_ID|CLIENT_SECRET> (organisations
 * that deploy their own ids, tests). What the user enters in Settings fills what these leave empty.
 */
export function providerConfigs(
  env: Record<string, string | undefined> = process.env,
): Record<ProviderId, ProviderConfig> {
  const result = {} as Record<ProviderId, ProviderConfig>;
  for (const id of Object.keys(DEFAULTS) as ProviderId[]) {
    const prefix = `CADENCE_${id.toUpperCase()}_`;
    const base = DEFAULTS[id];
    const secret = env[`${prefix}CLIENT_SECRET`];
    result[id] = {
      apiUrl: env[`${prefix}API_URL`] ?? base.apiUrl,
      oauth: {
        ...base.oauth,
        authorizeUrl: env[`${prefix}AUTHORIZE_URL`] ?? base.oauth.authorizeUrl,
        tokenUrl: env[`${prefix}TOKEN_URL`] ?? base.oauth.tokenUrl,
        clientId: env[`${prefix}CLIENT_ID`] ?? base.oauth.clientId,
        ...(secret ? { clientSecret: secret } : {}),
      },
    };
  }
  return result;
}
