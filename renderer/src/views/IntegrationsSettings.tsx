import { useState } from 'react';
import type { IntegrationView } from '../../../shared/integrationView';
import { refreshIntegrations, run, useCadence } from '../store/store';
import { ErrorText } from './ErrorText';

const HEALTH_WORDS: Record<NonNullable<IntegrationView['health']>['state'], string> = {
  ok: 'Connected and up to date',
  syncing: 'Syncing…',
  waiting: 'Waiting: the service asked Cadence to slow down',
  offline: 'Cannot reach the service right now; Cadence keeps trying',
  reconnect: 'Your sign-in expired or was revoked: reconnect',
  permission: 'Cadence is missing a permission: sign in again and allow it',
  error: 'A change was refused',
};

/** How to make the app each service needs, in a person's words (the README has the same steps). */
const GUIDES: Record<IntegrationView['id'], { steps: string[]; secret: boolean }> = {
  slack: {
    steps: [
      'Open api.slack.com/apps → Create New App → From a manifest, pick your workspace.',
      'Paste the manifest from slack-app-manifest.yml in the Cadence folder, then Create.',
      'Under OAuth & Permissions, turn on PKCE (Cadence is a desktop app and keeps no secret).',
      'Under Basic Information, copy the Client ID and paste it below.',
    ],
    secret: false,
  },
  google: {
    steps: [
      'In Google Cloud Console, enable the Google Calendar API for a project.',
      'Credentials → Create credentials → OAuth client ID → Desktop app.',
      'Paste its Client ID and Client secret below (Google asks desktop apps for both).',
      'OAuth consent screen → Audience → Publish app: an app left in "Testing" loses its sign-in after 7 days.',
    ],
    secret: true,
  },
  microsoft: {
    steps: [
      'In the Microsoft Entra admin center, App registrations → New registration.',
      'Authentication → Add a platform → Mobile and desktop applications, custom redirect URI http://localhost; set "Allow public client flows" to Yes.',
      'Paste the Application (client) ID below.',
    ],
    secret: false,
  },
};

function ClientForm({ integration }: { integration: IntegrationView }) {
  const guide = GUIDES[integration.id];
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const result = await run('integration.configure', {
      provider: integration.id,
      clientId,
      ...(guide.secret && clientSecret ? { clientSecret } : {}),
    });
    if (!result.ok) return setError(result.issues?.[0]?.message ?? result.message);
    setError(null);
    await refreshIntegrations();
  };
  return (
    // Not a <form>: this sits inside the settings form, and forms do not nest.
    <div className="client-form">
      <ol className="muted">
        {guide.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <label>
        {integration.name} client ID
        <input value={clientId} onChange={(e) => setClientId(e.target.value)} autoComplete="off" />
      </label>
      {guide.secret ? (
        <label>
          {integration.name} client secret
          <input
            type="password"
            value={clientSecret}
            onChange={(e) => setClientSecret(e.target.value)}
            autoComplete="off"
          />
        </label>
      ) : null}
      <ErrorText message={error} />
      <button type="button" onClick={() => void save()}>
        Save
      </button>
    </div>
  );
}

function IntegrationRow({ integration }: { integration: IntegrationView }) {
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const connect = async () => {
    const result = await run('integration.connect', { provider: integration.id });
    if (!result.ok) return setError(result.message);
    setError(null);
    setLink(result.value.startUrl);
    window.open(result.value.startUrl, '_blank', 'noopener');
  };
  const disconnect = async () => {
    await run('integration.disconnect', { provider: integration.id });
    setLink(null);
    await refreshIntegrations();
  };
  const health = integration.health;
  return (
    <div className="integration">
      <div>
        <strong>{integration.name}</strong>
        <p className={`muted health-${health?.state ?? 'none'}`}>
          {integration.connected && health
            ? health.state === 'permission'
              ? // The service's own words name the permission and the way to allow it: said once.
                health.message
              : `${HEALTH_WORDS[health.state]}${health.state === 'ok' ? '' : ` — ${health.message}`}`
            : 'Not connected'}
        </p>
        {integration.account ? (
          <p className="muted account">
            <bdi>{integration.account}</bdi>
          </p>
        ) : null}
        {integration.permission ? <p className="permission">{integration.permission}</p> : null}
        {integration.signIn?.state === 'failed' ? <ErrorText message={integration.signIn.message} /> : null}
        {link && integration.signIn?.state === 'pending' ? (
          <p className="muted">
            Finish signing in in your browser.{' '}
            <a href={link} target="_blank" rel="noopener noreferrer">
              Open the sign-in page again
            </a>
          </p>
        ) : null}
        <ErrorText message={error} />
        {!integration.configured ? <ClientForm integration={integration} /> : null}
      </div>
      <div className="button-row">
        {integration.configured && (!integration.connected || health?.state === 'reconnect') ? (
          <button type="button" onClick={() => void connect()}>
            {integration.connected ? 'Reconnect' : 'Connect'}
          </button>
        ) : null}
        {integration.configured &&
        integration.connected &&
        (integration.permission || health?.state === 'permission') &&
        health?.state !== 'reconnect' ? (
          <button type="button" onClick={() => void connect()}>
            Sign in again to allow it
          </button>
        ) : null}
        {integration.connected ? (
          <button type="button" className="quiet" onClick={() => void disconnect()}>
            Disconnect
          </button>
        ) : null}
      </div>
    </div>
  );
}

export function IntegrationsSettings() {
  const integrations = useCadence((s) => s.integrations);
  return (
    <fieldset>
      <legend>Integrations</legend>
      <p className="muted">
        Your status, Do Not Disturb and focus time follow Cadence, with an expiry on every change so nothing
        goes stale if Cadence stops.
      </p>
      {integrations.map((integration) => (
        <IntegrationRow key={integration.id} integration={integration} />
      ))}
    </fieldset>
  );
}
