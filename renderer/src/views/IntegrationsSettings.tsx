import { useState } from 'react';
import type { IntegrationView } from '../../../shared/integrationView';
import { refreshIntegrations, run, useCadence } from '../store/store';
import { ClientSetup } from './ClientSetup';
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

function IntegrationRow({ integration }: { integration: IntegrationView }) {
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const connect = async (allow = false) => {
    const result = await run('integration.connect', {
      provider: integration.id,
      ...(allow ? { for: 'permission' as const } : {}),
    });
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
        <ClientSetup integration={integration} />
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
          <button type="button" onClick={() => void connect(true)}>
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
