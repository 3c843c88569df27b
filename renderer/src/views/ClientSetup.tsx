import { useState } from 'react';
import { CONNECT_GUIDES } from '../../../shared/connectGuides';
import type { IntegrationView } from '../../../shared/integrationView';
import { refreshIntegrations, run } from '../store/store';
import { ConnectGuide } from './ConnectGuide';
import { ErrorText } from './ErrorText';

type Client = NonNullable<IntegrationView['client']>;

/** The client id (and Google's secret) of the user's own app; with `saved`, changing the one in use. */
function ClientForm({
  integration,
  saved,
  onDone,
}: {
  integration: IntegrationView;
  saved?: Client;
  onDone?: () => void;
}) {
  const guide = CONNECT_GUIDES[integration.id];
  const [clientId, setClientId] = useState(saved?.id ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  // A new client id needs its secret with it; the same id keeps the one saved (the service refuses less).
  const secretNeeded = guide.secret && !(saved?.secret && clientId.trim() === saved.id);
  const save = async () => {
    const result = await run('integration.configure', {
      provider: integration.id,
      clientId,
      ...(guide.secret && clientSecret ? { clientSecret } : {}),
    });
    if (!result.ok) return setError(result.issues?.[0]?.message ?? result.message);
    setError(null);
    await refreshIntegrations();
    onDone?.();
  };
  return (
    // Not a <form>: this sits inside the settings form, and forms do not nest.
    <div className="client-form">
      <label>
        {integration.name} client ID
        <input value={clientId} onChange={(e) => setClientId(e.target.value)} autoComplete="off" />
      </label>
      {guide.secret ? (
        <label>
          {integration.name} client secret
          <input
            type="password"
            required={secretNeeded}
            value={clientSecret}
            placeholder={saved?.secret ? 'Saved' : ''}
            onChange={(e) => setClientSecret(e.target.value)}
            autoComplete="off"
          />
        </label>
      ) : null}
      {guide.secret && saved?.secret ? (
        <p className="muted">Leave the secret empty to keep the saved one with the same client ID.</p>
      ) : null}
      {saved && (integration.connected || integration.signIn?.state === 'pending') ? (
        <p className="muted">
          Another client ID signs Cadence out of {integration.name}: connect again afterwards.
        </p>
      ) : null}
      <ErrorText message={error} />
      <div className="button-row">
        <button type="button" onClick={() => void save()}>
          Save
        </button>
        {onDone ? (
          <button type="button" className="quiet" onClick={onDone}>
            Cancel
          </button>
        ) : null}
      </div>
    </div>
  );
}

/**
 * What a sign-out leaves on the service: Cadence no longer changes it, so what it set last stays. Slack's
 * "away" has no end of its own (users.setPresence takes only auto or away,
 * https://docs.slack.dev/reference/methods/users.setPresence).
 */
function leftBehind(integration: IntegrationView): string {
  return integration.id === 'slack'
    ? 'The status, Do Not Disturb and “away” Cadence set last stay on Slack until you change them there (Slack keeps “away” until you set yourself active).'
    : `What Cadence set last stays on ${integration.name} until you change it there.`;
}

/** The app in use, in plain sight: its client id and whether a secret is saved (never the secret). */
function SavedClient({ integration, client }: { integration: IntegrationView; client: Client }) {
  const [changing, setChanging] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    const result = await run('integration.unconfigure', { provider: integration.id });
    if (!result.ok) return setError(result.message);
    setError(null);
    setConfirming(false);
    await refreshIntegrations();
  };
  if (changing)
    return <ClientForm integration={integration} saved={client} onDone={() => setChanging(false)} />;
  return (
    <div className="client-saved">
      <p>
        Your {integration.name} app: client ID <code>{client.id}</code>
        {client.secret ? ' · client secret saved' : ''}
      </p>
      {confirming ? (
        <p className="muted">
          Removing the client ID also signs Cadence out of {integration.name}. {leftBehind(integration)}
        </p>
      ) : null}
      <ErrorText message={error} />
      <div className="button-row">
        {confirming ? (
          <>
            <button type="button" onClick={() => void remove()}>
              Remove and sign out
            </button>
            <button type="button" className="quiet" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <>
            <button type="button" className="small" onClick={() => setChanging(true)}>
              Change
            </button>
            <button
              type="button"
              className="small quiet"
              onClick={() => (integration.connected ? setConfirming(true) : void remove())}
            >
              Remove
            </button>
          </>
        )}
      </div>
    </div>
  );
}

/**
 * Making and naming the app a service signs in as: the guide and the form until a client id is saved;
 * then the id in use, with Change and Remove (an organisation's id is shown, and cannot be changed here).
 */
export function ClientSetup({ integration }: { integration: IntegrationView }) {
  const client = integration.client ?? null;
  if (integration.managed)
    return client ? (
      <p className="muted client-saved">
        Set by your organisation: client ID <code>{client.id}</code>
      </p>
    ) : null;
  if (!integration.configured || !client)
    return (
      <>
        <ConnectGuide id={integration.id} open={false} />
        <ClientForm integration={integration} />
      </>
    );
  return (
    <>
      <SavedClient integration={integration} client={client} />
      {integration.connected ? null : <ConnectGuide id={integration.id} open={false} />}
    </>
  );
}
