import { useState } from 'react';
import type { IntegrationView } from '../../../shared/integrationView';
import { refreshIntegrations, run, useCadence } from '../store/store';
import { ErrorText } from './ErrorText';

const HEALTH_WORDS: Record<NonNullable<IntegrationView['health']>['state'], string> = {
  ok: 'Connected and up to date',
  syncing: 'Syncing…',
  waiting: 'Waiting: the service asked Cadence to slow down',
  offline: 'Cannot reach the service right now; Cadence keeps trying',
  reconnect: 'Sign-in expired or revoked: reconnect',
  error: 'A change was refused',
};

function IntegrationRow({ integration }: { integration: IntegrationView }) {
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const connect = async () => {
    const result = await run('integration.connect', { provider: integration.id });
    if (!result.ok) return setError(result.message);
    setError(null);
    setLink(result.value.authorizeUrl);
    window.open(result.value.authorizeUrl, '_blank', 'noopener');
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
            ? `${HEALTH_WORDS[health.state]}${health.state === 'ok' ? '' : ` — ${health.message}`}`
            : 'Not connected'}
        </p>
        {link && !integration.connected ? (
          <p className="muted">
            Finish signing in in your browser.{' '}
            <a href={link} target="_blank" rel="noopener noreferrer">
              Open the sign-in page again
            </a>
          </p>
        ) : null}
        <ErrorText message={error} />
      </div>
      <div className="button-row">
        {!integration.connected || health?.state === 'reconnect' ? (
          <button type="button" onClick={() => void connect()}>
            {integration.connected ? 'Reconnect' : 'Connect'}
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
