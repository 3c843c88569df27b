import path from 'node:path';
import { z } from 'zod';
import { readBoundedFile } from '../base/boundedFile';
import { redirectUriOf } from '../auth/loopbackListener';
import type { OAuthClient } from '../auth/oauthPkce';
import { WRITE_SCOPES } from './microsoft/plannedEvents';
import type { ProviderId, TokenSet } from './provider';

export interface ProviderConfig {
  apiUrl: string;
  /** Per call; a slower answer counts as a network failure and is retried with backoff. */
  timeoutMs?: number;
  oauth: OAuthClient;
  /**
   * What putting the focus goal's planned blocks on the calendar needs beyond `oauth.scopes`: asked
   * for only while the goal is on (incremental consent), so a user without a goal never grants it.
   */
  goalScopes?: string[];
  /**
   * What sending a teammate a message needs beyond `oauth.scopes`: asked for the first time the user sends
   * one (incremental consent), kept by later sign-ins once granted.
   */
  messageScopes?: string[];
  /** What the record of contacts outside hours reads (#25): asked for only while the record is on. */
  recordScopes?: string[];
  /** And what it reads of a work or school account only (Teams chats). */
  workRecordScopes?: string[];
  /**
   * And what was added to the record after it first shipped (Slack's search:read): asked only when the
   * person allows it on the card, or allows the record for the first time (see FeaturePermissions).
   */
  laterRecordScopes?: string[];
}

/**
 * The ports Slack's sign-in comes back on, in order of preference; slack-app-manifest.yml registers
 * http://localhost:<port>/callback for each (a test checks both say the same). Slack matches a redirect's
 * host and port exactly, and only `localhost` redirects of a PKCE app are desktop redirects
 * (https://docs.slack.dev/authentication/using-pkce). Outside the window's own ports (47110 and up) and
 * below the ephemeral range most systems use for outgoing connections.
 */
export const SLACK_REDIRECT_PORTS: readonly number[] = [47613, 47614, 47615];
export const SLACK_LOOPBACK = { host: 'localhost', path: '/callback', ports: SLACK_REDIRECT_PORTS } as const;

/**
 * A direct message to a teammate as the user: conversations.open needs `im:write` to open the DM, and
 * chat.scheduleMessage / chat.postMessage need `chat:write` (each method's "Required scopes",
 * https://docs.slack.dev/reference/methods/conversations.open, …/chat.scheduleMessage, …/chat.postMessage).
 */
export const SLACK_MESSAGE_SCOPES = ['chat:write', 'im:write'];

/**
 * The record of contacts outside hours reads direct and group messages: conversations.list of `im` and
 * `mpim` needs `im:read` and `mpim:read`, conversations.history of them `im:history` and `mpim:history`
 * ("Required scopes", https://docs.slack.dev/reference/methods/conversations.list, …/conversations.history).
 */
export const SLACK_CONVERSATION_SCOPES = ['im:read', 'im:history', 'mpim:read', 'mpim:history'];
/**
 * And the channel messages that mention the person: search.messages, with a user token, needs
 * `search:read` (https://docs.slack.dev/reference/methods/search.messages, Scopes). Granted apart: a
 * record allowed before mentions were read goes on reading direct messages until it is allowed.
 */
export const SLACK_MENTION_SCOPES = ['search:read'];
/**
 * Microsoft 365's for the record: the inbox's senders, times and subjects. Mail.ReadBasic is the least
 * privileged permission of GET /me/mailFolders/{id}/messages and gives no body
 * (https://learn.microsoft.com/en-us/graph/api/mailfolder-list-messages, Permissions).
 */
export const MICROSOFT_RECORD_SCOPES = ['Mail.ReadBasic'];
/**
 * And a work or school account's Teams chats: Chat.Read is the least privileged delegated permission of
 * List messages in a chat, and List chats takes it too; neither is there for a personal account
 * ("Delegated (personal Microsoft account): Not supported", https://learn.microsoft.com/en-us/graph/api/chat-list-messages,
 * …/chat-list), so it is never asked of one.
 */
export const MICROSOFT_WORK_RECORD_SCOPES = ['Chat.Read'];

/**
 * The tenant of personal Microsoft accounts: "The GUID that indicates that the user is a consumer user
 * from a Microsoft account is 9188040d-6c67-4c5b-b112-36a304b66dad" (ID token claims reference,
 * https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference).
 */
export const CONSUMER_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';

/**
 * A Microsoft sign-in's kind, as the facts kept with it say (learned from its ID token's tenant), or the
 * tenant itself; null while neither is known.
 */
export function microsoftKind(tokens: TokenSet | null | undefined): 'work' | 'personal' | null {
  const kind = tokens?.account?.kind;
  if (kind) return kind === 'microsoft-work' ? 'work' : kind === 'microsoft-personal' ? 'personal' : null;
  const tenant = tokens?.identity?.tenant;
  return tenant === undefined ? null : tenant === CONSUMER_TENANT ? 'personal' : 'work';
}

/** A sign-in known to be a work or school account (its ID token named an organisation's tenant). */
export function workAccount(tokens: TokenSet | null | undefined): boolean {
  return microsoftKind(tokens) === 'work';
}

/** The redirect URLs Slack's app registers: what the manifest lists, and nothing else. */
export function slackRedirectUrls(): string[] {
  return SLACK_REDIRECT_PORTS.map((port) => redirectUriOf(SLACK_LOOPBACK, port));
}

/**
 * Services whose desktop apps are public clients that "must not use secrets or certificates when
 * redeeming an authorization code" (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow):
 * a secret given for them anyway is never sent.
 */
export const PUBLIC_CLIENTS: ReadonlySet<ProviderId> = new Set<ProviderId>(['microsoft']);

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
      loopback: SLACK_LOOPBACK,
      // A desktop (localhost) grant of a PKCE app renews without a client secret.
      secretOffDesktopOnly: true,
    },
    messageScopes: SLACK_MESSAGE_SCOPES,
    recordScopes: SLACK_CONVERSATION_SCOPES,
    laterRecordScopes: SLACK_MENTION_SCOPES,
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
      // openid and profile: the ID token tells a work account from a personal one (its tid). Each call's
      // own least privileged permission: reading the presence needs Presence.Read
      // (https://learn.microsoft.com/en-us/graph/api/presence-get, Permissions), setting it Presence.ReadWrite
      // (https://learn.microsoft.com/en-us/graph/api/presence-setuserpreferredpresence).
      scopes: [
        'openid',
        'profile',
        'Presence.Read',
        'Presence.ReadWrite',
        'MailboxSettings.ReadWrite',
        'Calendars.Read',
        'offline_access',
      ],
      // "Mobile and desktop applications" take http://localhost, on any port
      // (https://learn.microsoft.com/en-us/entra/identity-platform/reply-url, localhost exceptions).
      loopback: { host: 'localhost', path: '/' },
    },
    // Creating, updating and deleting events (see WRITE_SCOPES).
    goalScopes: WRITE_SCOPES,
    recordScopes: MICROSOFT_RECORD_SCOPES,
    workRecordScopes: MICROSOFT_WORK_RECORD_SCOPES,
  },
};

/** The tenants that are not an organisation's own: anyone, any work account, any personal account. */
const TENANT_AUDIENCES = new Set(['common', 'organizations', 'consumers']);
const TENANT_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A domain name: dot-separated labels of letters, digits and inner hyphens, 63 characters each, 253 in all. */
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

/**
 * Whether a text is a Microsoft tenant as the identity platform defines the {tenant} of its authority:
 * `common`, `organizations`, `consumers`, or one organisation's tenant identifier — its id (a GUID) or
 * one of its verified domain names
 * (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow, "tenant";
 * https://learn.microsoft.com/en-us/dotnet/api/microsoft.identity.client.abstractapplicationbuilder-1.withtenantid:
 * "classically a GUID or a domain name"). It goes into the sign-in address as a path segment, so nothing
 * else (`..`, `/`, `%`) may pass.
 */
export function isMicrosoftTenant(text: string): boolean {
  if (TENANT_AUDIENCES.has(text) || TENANT_GUID.test(text)) return true;
  if (text.length > 253) return false;
  const labels = text.split('.');
  return (
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    /[a-z]/i.test(labels.at(-1) ?? '')
  );
}

const microsoftTenantSchema = z.string().superRefine((tenant, context) => {
  if (!isMicrosoftTenant(tenant))
    context.addIssue({
      code: 'custom',
      message: `${JSON.stringify(tenant.slice(0, 80))} is not a Microsoft tenant: give its id (a GUID like 72f988bf-86f1-41af-91ab-2d7cd011db47), one of its domains (contoso.onmicrosoft.com), or common, organizations or consumers`,
    });
});

/**
 * What an organisation that deploys Cadence may set for everyone, in `cadence-organisation.json` beside
 * the data folder (or where CADENCE_ORGANISATION_FILE says): each service's client id (and Google's
 * secret), and for Microsoft the organisation's own tenant, so that sign-in goes through its authority
 * (https://login.microsoftonline.com/<tenant>) and only its work accounts are offered.
 */
const organisationSchema = z
  .object({
    slack: z.object({ clientId: z.string().trim().min(1).max(200) }).strict(),
    google: z
      .object({
        clientId: z.string().trim().min(1).max(200),
        clientSecret: z.string().trim().min(1).max(200),
      })
      .strict(),
    microsoft: z
      .object({
        clientId: z.string().trim().min(1).max(200),
        tenant: microsoftTenantSchema.optional(),
      })
      .strict(),
  })
  .partial()
  .strict();
export type OrganisationSettings = z.infer<typeof organisationSchema>;

/** Where the organisation's file is looked for. */
export function organisationFile(
  dataDir: string,
  env: Record<string, string | undefined> = process.env,
): string {
  return env.CADENCE_ORGANISATION_FILE
    ? path.resolve(env.CADENCE_ORGANISATION_FILE)
    : path.join(path.dirname(path.resolve(dataDir)), 'cadence-organisation.json');
}

/** The organisation's file is small; anything larger is not one (a planted /dev/zero, a log). */
export const ORGANISATION_MAX_BYTES = 64 * 1024;

/**
 * The organisation's settings, or none; a file that cannot be used is a problem said in words, never a
 * crash. The file sits outside the data folder, where other users may be able to write: only a regular
 * file of the user's or root's that no one else can change is read (see readBoundedFile).
 */
export function readOrganisation(file: string): { settings: OrganisationSettings; problem: string | null } {
  const read = readBoundedFile(file, { maxBytes: ORGANISATION_MAX_BYTES, othersMayPlant: true });
  if (read.kind === 'missing') return { settings: {}, problem: null };
  if (read.kind === 'refused') return { settings: {}, problem: `Ignored ${file}: ${read.reason}.` };
  const text = read.text;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return {
      settings: {},
      problem: `${file} is not valid JSON (${(error as Error).message}); it is ignored.`,
    };
  }
  const parsed = organisationSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      settings: {},
      problem: `${file} is ignored: ${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'not valid'}.`,
    };
  }
  return { settings: parsed.data, problem: null };
}

/**
 * Each provider's API base, sign-in endpoints and client id: the public defaults, overridden by
 * CADENCE_<SLACK|GOOGLE|MICROSOFT>_<API_URL|AUTHORIZE_URL|TOKEN_URL|CLIENT_ID|CLIENT_SECRET> (organisations
 * that deploy their own ids, tests). What the user enters in Settings fills what these leave empty.
 */
export function providerConfigs(
  env: Record<string, string | undefined> = process.env,
  organisation: OrganisationSettings = {},
): Record<ProviderId, ProviderConfig> {
  const result = {} as Record<ProviderId, ProviderConfig>;
  for (const id of Object.keys(DEFAULTS) as ProviderId[]) {
    const prefix = `CADENCE_${id.toUpperCase()}_`;
    const base = DEFAULTS[id];
    const org = organisation[id] as { clientId?: string; clientSecret?: string; tenant?: string } | undefined;
    const secret = PUBLIC_CLIENTS.has(id) ? undefined : (env[`${prefix}CLIENT_SECRET`] ?? org?.clientSecret);
    // The organisation's own authority in place of /common/ (Microsoft's multi-tenant endpoint).
    const authority = (url: string) =>
      org?.tenant && isMicrosoftTenant(org.tenant) ? url.replace('/common/', `/${org.tenant}/`) : url;
    result[id] = {
      apiUrl: env[`${prefix}API_URL`] ?? base.apiUrl,
      oauth: {
        ...base.oauth,
        authorizeUrl: env[`${prefix}AUTHORIZE_URL`] ?? authority(base.oauth.authorizeUrl),
        tokenUrl: env[`${prefix}TOKEN_URL`] ?? authority(base.oauth.tokenUrl),
        clientId: env[`${prefix}CLIENT_ID`] ?? org?.clientId ?? base.oauth.clientId,
        ...(secret ? { clientSecret: secret } : {}),
      },
      ...(base.goalScopes ? { goalScopes: base.goalScopes } : {}),
      ...(base.messageScopes ? { messageScopes: base.messageScopes } : {}),
      ...(base.recordScopes ? { recordScopes: base.recordScopes } : {}),
      ...(base.workRecordScopes ? { workRecordScopes: base.workRecordScopes } : {}),
      ...(base.laterRecordScopes ? { laterRecordScopes: base.laterRecordScopes } : {}),
    };
  }
  return result;
}
