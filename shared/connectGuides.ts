import type { ProviderId } from './integrationView';

/** A piece of a step: plain words, a link to open in the browser, or a name to type or click, in bold. */
export type GuidePart = string | { link: string; href: string } | { strong: string };

/** How to make the app a service signs Cadence in as, for someone who has never made one. */
export interface ConnectGuide {
  steps: readonly (readonly GuidePart[])[];
  /** The step (from 0) that shows the Slack manifest, with its Copy button. */
  manifestInStep?: number;
  /** The service gives the app a client secret that Cadence must send (Google's desktop apps). */
  secret: boolean;
  /** The provider's own guide, for more. */
  more: { link: string; href: string };
}

const link = (text: string, href: string): { link: string; href: string } => ({ link: text, href });
const strong = (text: string): GuidePart => ({ strong: text });

/**
 * The steps, each checked against the provider's documentation (cited beside it). Every address is one
 * the Electron shell opens in the system browser (main/electron/security.ts; a test checks both agree).
 */
export const CONNECT_GUIDES: Record<ProviderId, ConnectGuide> = {
  // https://docs.slack.dev/app-manifests/configuring-apps-with-app-manifests ("Creating apps using
  // manifests": create an app, choose "from a manifest", pick a workspace, paste, Next, review, Create);
  // PKCE and token rotation: https://docs.slack.dev/authentication/using-pkce,
  // https://docs.slack.dev/authentication/using-token-rotation.
  slack: {
    steps: [
      [
        'Open ',
        link('Slack’s page for new apps', 'https://api.slack.com/apps?new_app=1'),
        ' (sign in to Slack if it asks) and choose ',
        strong('From a manifest'),
        '.',
      ],
      ['Pick the workspace where your status should follow Cadence, then ', strong('Next'), '.'],
      [
        'Copy Cadence’s manifest below and paste it in place of the example, in the ',
        strong('YAML'),
        ' tab. Then ',
        strong('Next'),
        ' and ',
        strong('Create'),
        // The manifest's user scopes: users.profile:read/write, dnd:read/write, users:read/write; Cadence
        // reads teammates with users.list and dnd.teamInfo (https://docs.slack.dev/reference/scopes/users.read,
        // https://docs.slack.dev/reference/scopes/dnd.read).
        '. It lets Cadence set your own status, Do Not Disturb and presence, and read teammates’ time zones, statuses and Do Not Disturb. No messages, no bot. It brings the sign-in back to this computer.',
      ],
      [
        'Under ',
        strong('OAuth & Permissions'),
        ', check that PKCE is on (the manifest turns it on; turn it on there if not).',
      ],
      [
        'On the app’s ',
        strong('Basic Information'),
        ' page, under App Credentials, copy the ',
        strong('Client ID'),
        ' and paste it below. Cadence needs no client secret.',
      ],
    ],
    manifestInStep: 2,
    secret: false,
    more: link(
      'Slack’s guide to app manifests',
      'https://docs.slack.dev/app-manifests/configuring-apps-with-app-manifests',
    ),
  },
  // Project and API: https://support.google.com/cloud/answer/13461325 ("Enable APIs & Services for your
  // app"); Google Auth Platform, Get started (app name, user support email, audience, contact):
  // https://support.google.com/cloud/answer/15544987; Audience (External, Testing: up to 100 test users,
  // their authorizations expire after 7 days; Publish app): https://support.google.com/cloud/answer/15549945
  // and https://developers.google.com/identity/protocols/oauth2#expiration; the calendar scope is
  // sensitive, so an unverified app shows a warning first: https://support.google.com/cloud/answer/7454865;
  // Desktop app clients send their secret, which is not treated as one:
  // https://developers.google.com/identity/protocols/oauth2/native-app.
  google: {
    steps: [
      [
        link('Create a Google Cloud project', 'https://console.cloud.google.com/projectcreate'),
        ' (call it Cadence), or choose one you have.',
      ],
      [
        'In that project, open the ',
        link(
          'Google Calendar API',
          'https://console.cloud.google.com/apis/library/calendar-json.googleapis.com',
        ),
        ' and press ',
        strong('Enable'),
        '.',
      ],
      [
        'Open the ',
        link('Google Auth Platform', 'https://console.cloud.google.com/auth/overview'),
        ' and press ',
        strong('Get started'),
        ': app name Cadence, your address as user support email, audience ',
        strong('External'),
        // Internal: only the organisation's accounts, no test users, and no verification needed
        // (https://support.google.com/cloud/answer/15549945, https://support.google.com/cloud/answer/13464323);
        // the 7-day limit is for an External app in Testing (https://developers.google.com/identity/protocols/oauth2#expiration).
        ' (or ',
        strong('Internal'),
        ' if your account belongs to a Google Workspace organisation and only its people will use the app: then there are no test users, no 7-day limit and no verification), your address as contact, then agree and ',
        strong('Create'),
        '.',
      ],
      [
        'Under ',
        link('Data Access', 'https://console.cloud.google.com/auth/scopes'),
        ', ',
        strong('Add or remove scopes'),
        ': tick ',
        strong('…/auth/calendar'),
        ' (Google Calendar API), then ',
        strong('Update'),
        ' and ',
        strong('Save'),
        '.',
      ],
      [
        'Under ',
        link('Audience', 'https://console.cloud.google.com/auth/audience'),
        ', add your own Google address as a ',
        strong('test user'),
        ', or go straight to ',
        strong('Publish app'),
        ': in Testing, only test users can sign in, and Google ends every sign-in after 7 days. With Internal, skip this step.',
      ],
      [
        'Under ',
        link('Clients', 'https://console.cloud.google.com/auth/clients'),
        ', ',
        strong('Create client'),
        ' of type ',
        strong('Desktop app'),
        // "Your application's client secret will only be shown after you create the client ... it will not
        // be visible or accessible again" (https://support.google.com/cloud/answer/6158849).
        ', then paste its Client ID and Client secret below (Google asks desktop apps for both). Copy the Client secret now, or press ',
        strong('Download JSON'),
        '. Google shows it only once; if you closed the dialog, add a new secret to the client.',
      ],
      [
        'When you connect, Google says it has not verified the app: it is your own. Choose ',
        strong('Advanced'),
        ', then the ',
        // "The app name will be displayed on the OAuth consent screen only if your app has been verified"
        // (https://support.google.com/cloud/answer/15544987): the link does not say Cadence.
        strong('Go to … (unsafe)'),
        ' link.',
      ],
    ],
    secret: true,
    more: link('Google’s help on the Auth Platform', 'https://support.google.com/cloud/answer/15544987'),
  },
  // Registration and supported account types:
  // https://learn.microsoft.com/en-us/entra/identity-platform/quickstart-register-app and
  // https://learn.microsoft.com/en-us/entra/identity-platform/supported-accounts-validation (Cadence signs
  // in through the common authority, which a single-tenant app cannot use); redirect URI for mobile and
  // desktop, http://localhost on any port: https://learn.microsoft.com/en-us/entra/identity-platform/reply-url;
  // delegated permissions and "Admin consent required: No" for each of them:
  // https://learn.microsoft.com/en-us/graph/permissions-reference; organisations that restrict user
  // consent: https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/configure-user-consent (the
  // recommended "Allow user consent for apps from verified publishers, for selected permissions" lets people
  // allow only the permissions an administrator classed as low impact).
  microsoft: {
    steps: [
      [
        'In the Microsoft Entra admin center, open ',
        link(
          'App registrations',
          'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade',
        ),
        ' and press ',
        strong('New registration'),
        '; call it Cadence.',
        // "you need access to a Microsoft Entra tenant. It's in the Microsoft Entra tenant that you register
        // and manage your apps"; prerequisite: "An Azure account ... Create an account for free"
        // (https://learn.microsoft.com/en-us/entra/identity-platform/quickstart-create-new-tenant).
        ' An app is registered in a directory: a work or school account has one; with only a personal Microsoft account, create a free Azure account first (',
        link(
          'Microsoft’s steps',
          'https://learn.microsoft.com/en-us/entra/identity-platform/quickstart-create-new-tenant',
        ),
        '). If your organisation does not let you register apps, ask your IT department.',
      ],
      [
        'Supported account types: ',
        strong('Accounts in any organizational directory and personal Microsoft accounts'),
        ' to sign in with a work or school account or a personal one (outlook.com); ',
        strong('Accounts in any organizational directory'),
        ' for work or school accounts only. Not “this organizational directory only”: Cadence signs in through Microsoft’s common sign-in page.',
      ],
      [
        'Redirect URI: choose ',
        strong('Public client/native (mobile & desktop)'),
        ' and enter ',
        strong('http://localhost'),
        ', then ',
        strong('Register'),
        '.',
      ],
      // No "Allow public client flows" step: that switch is for device code, integrated Windows
      // authentication and username/password, "none of which requires a redirect URI"; a browser sign-in
      // with PKCE back to http://localhost under Mobile and desktop applications needs no switch
      // (https://learn.microsoft.com/en-us/entra/identity-platform/scenario-desktop-app-registration).
      [
        'Under ',
        strong('API permissions'),
        ', ',
        strong('Add a permission'),
        ' → Microsoft Graph → Delegated permissions: Presence.Read, Presence.ReadWrite, MailboxSettings.ReadWrite, Calendars.Read (and Calendars.ReadWrite if the weekly focus goal should put its blocks in your calendar). Microsoft lets each person allow these for themselves, unless your organisation restricts what people may allow (many do); then an administrator presses ',
        strong('Grant admin consent'),
        ' there once.',
      ],
      [
        'On the ',
        strong('Overview'),
        ' page, copy the ',
        strong('Application (client) ID'),
        ' and paste it below.',
      ],
    ],
    secret: false,
    more: link(
      'Microsoft’s guide to registering an app',
      'https://learn.microsoft.com/en-us/entra/identity-platform/quickstart-register-app',
    ),
  },
};

/** Every address a guide links to, for the shell's allow-list test. */
export function guideLinks(): string[] {
  return Object.values(CONNECT_GUIDES).flatMap((guide) => [
    ...guide.steps.flat().flatMap((part) => (typeof part === 'object' && 'href' in part ? [part.href] : [])),
    guide.more.href,
  ]);
}
