import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientSettingsFile } from '../../../../main/auth/clientSettings';
import { FileVault } from '../../../../main/auth/vault';
import { Integrations } from '../../../../main/core/integrations';
import { providerConfigs } from '../../../../main/providers/endpoints';
import type { Provider, TokenSource } from '../../../../main/providers/provider';
import type { ProviderId } from '../../../../shared/integrationView';
import { FakeClock } from '../../../fakes/fakeClock';
import { GraphFake } from '../../../fakes/graphFake';
import { tempDir } from '../../../fakes/serviceHarness';
import { startInBrowser } from '../../../fakes/signInBrowser';
import { QUIET_STATE } from '../../../fakes/quietState';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup.splice(0)) step();
});

/** Integrations on a fresh data folder: client ids as Settings saves them, a sign-in already made for `signedIn`. */
function rig(env: Record<string, string> = {}, signedIn: ProviderId[] = []) {
  const dir = tempDir('cadence-clients-');
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const vault = new FileVault(dir);
  for (const id of signedIn) vault.set(id, { accessToken: 'access', refreshToken: 'refresh' });
  const clients = new ClientSettingsFile(dir);
  const sources = new Map<ProviderId, TokenSource>();
  const integrations = new Integrations({
    clock: new FakeClock(Date.parse('2026-11-25T10:00:00Z')),
    vault,
    configs: providerConfigs(env),
    clients,
    createProvider: (id, _config, source): Provider => {
      sources.set(id, source);
      return { id, apply: async () => undefined, reset: () => undefined };
    },
  });
  integrations.attach(QUIET_STATE);
  cleanup.push(() => integrations.dispose());
  const view = (id: ProviderId) => integrations.list().find((one) => one.id === id)!;
  return { dir, vault, clients, integrations, view, source: (id: ProviderId) => sources.get(id)! };
}

/**
 * A rig whose Microsoft sign-in goes to a fake of the identity platform, with the fake's app id saved:
 * `begin` opens the sign-in in the browser, `approve` has the user approve it there and come back.
 */
async function graphRig() {
  const graph = await new GraphFake().start();
  cleanup.push(() => void graph.server.stop());
  const parts = rig({
    CADENCE_MICROSOFT_AUTHORIZE_URL: `${graph.server.url}/common/oauth2/v2.0/authorize`,
    CADENCE_MICROSOFT_TOKEN_URL: `${graph.server.url}/common/oauth2/v2.0/token`,
    CADENCE_MICROSOFT_API_URL: graph.apiUrl,
  });
  parts.integrations.configure('microsoft', { clientId: graph.auth.clientId });
  const begin = async () => {
    const begun = await parts.integrations.connect('microsoft');
    if (!begun.ok) throw new Error(begun.message);
    const cookie = await startInBrowser(begun.value.startUrl);
    const approve = async (): Promise<number | null> => {
      const approved = await fetch(begun.value.authorizeUrl, { redirect: 'manual' });
      const back = await fetch(approved.headers.get('location')!, { headers: { cookie } }).catch(() => null);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return back?.status ?? null;
    };
    return { approve };
  };
  return { ...parts, graph, begin };
}

describe('the saved client id, as Settings shows it', () => {
  it('shows the id in use and that a secret is saved, never the secret', () => {
    const { integrations, view } = rig();
    integrations.configure('google', {
      clientId: 'g-app.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-s3cret',
    });
    expect(view('google').client).toEqual({ id: 'g-app.apps.googleusercontent.com', secret: true });
    expect(view('slack').client).toBeNull();
    expect(JSON.stringify(integrations.list())).not.toContain('GOCSPX-s3cret');
  });

  it('keeps the secret when the same id is saved again without one; another id needs its own', () => {
    const { integrations, clients, view } = rig();
    integrations.configure('google', { clientId: 'g-app', clientSecret: 'GOCSPX-s3cret' });
    integrations.configure('google', { clientId: 'g-app' });
    expect(clients.get('google')).toEqual({ clientId: 'g-app', clientSecret: 'GOCSPX-s3cret' });
    integrations.configure('google', { clientId: 'another-app', clientSecret: 'GOCSPX-other' });
    expect(clients.get('google')).toEqual({ clientId: 'another-app', clientSecret: 'GOCSPX-other' });
    expect(view('google').client).toEqual({ id: 'another-app', secret: true });
  });

  it("refuses a Google client id without its secret, new or changed, in words: Google's desktop apps send it", () => {
    const { integrations, clients, view } = rig();
    const words =
      "Google's desktop-app clients need their client secret too: paste it from Google Auth Platform → Clients (if you no longer have it, add a new secret to the client there).";
    expect(integrations.configure('google', { clientId: 'g-app' })).toMatchObject({
      ok: false,
      error: 'invalid_input',
      issues: [{ path: 'clientSecret', message: words }],
    });
    expect(clients.get('google')).toBeNull();
    integrations.configure('google', { clientId: 'g-app', clientSecret: 'GOCSPX-s3cret' });
    expect(integrations.configure('google', { clientId: 'another-app' })).toMatchObject({ ok: false });
    expect(view('google').client).toEqual({ id: 'g-app', secret: true });
    // Slack and Microsoft apps sign in without one.
    expect(integrations.configure('slack', { clientId: 'slack-app' })).toMatchObject({ ok: true });
  });

  it('another id signs the service out (its sign-in belongs to the old app); the same id does not', () => {
    const { integrations, vault, view } = rig({}, ['slack']);
    integrations.configure('slack', { clientId: 'slack-app' });
    expect(view('slack').connected).toBe(true);
    integrations.configure('slack', { clientId: 'slack-app' });
    expect(view('slack').connected).toBe(true);
    integrations.configure('slack', { clientId: 'another-slack-app' });
    expect(view('slack')).toMatchObject({ connected: false, client: { id: 'another-slack-app' } });
    expect(vault.get('slack')).toBeNull();
  });

  it('another id ends a sign-in still open in the browser: it comes back to nothing, not connected', async () => {
    const { integrations, vault, view, begin } = await graphRig();
    const signIn = await begin();
    integrations.configure('microsoft', { clientId: 'another-ms-app' });
    // The user approves the old app in the browser afterwards; its redirect finds no sign-in waiting.
    await signIn.approve();
    expect(view('microsoft')).toMatchObject({
      connected: false,
      signIn: null,
      client: { id: 'another-ms-app' },
    });
    expect(vault.get('microsoft')).toBeNull();
  });

  it('Remove forgets the id and the sign-in made with it; the other services keep theirs', () => {
    const { integrations, clients, vault, view } = rig({}, ['slack', 'microsoft']);
    integrations.configure('slack', { clientId: 'slack-app' });
    integrations.configure('microsoft', { clientId: 'ms-app' });
    const removed = integrations.unconfigure('slack');
    expect(removed).toMatchObject({ ok: true, value: { configured: false, connected: false, client: null } });
    expect(clients.get('slack')).toBeNull();
    expect(vault.get('slack')).toBeNull();
    expect(view('microsoft')).toMatchObject({ connected: true, client: { id: 'ms-app' } });
  });

  it("shows an organisation's id, and neither changes nor removes it", () => {
    const { integrations, view } = rig({ CADENCE_SLACK_CLIENT_ID: 'org-slack-app' });
    expect(view('slack')).toMatchObject({ managed: true, client: { id: 'org-slack-app', secret: false } });
    expect(integrations.unconfigure('slack')).toMatchObject({ ok: false, error: 'conflict' });
    expect(view('slack').client).toEqual({ id: 'org-slack-app', secret: false });
  });
});

describe('a sign-in belongs to the app it was made with', () => {
  it('keeps the client id with the tokens; an id changed behind Settings asks for a reconnect, in words', async () => {
    const { clients, vault, view, source, graph, begin } = await graphRig();
    expect(await (await begin()).approve()).toBe(200);
    expect(view('microsoft').connected).toBe(true);
    expect(vault.get('microsoft')?.clientId).toBe(graph.auth.clientId);
    expect(await source('microsoft').token()).toMatch(/^eyJ0eXAi\./);
    // integrations.json edited by hand: Settings was never asked, the tokens are the old app's.
    clients.set('microsoft', { clientId: 'edited-app' });
    await expect(source('microsoft').token()).rejects.toMatchObject({
      kind: 'auth',
      message: `Microsoft 365 was connected with the app whose client ID is ${graph.auth.clientId}; Cadence now uses client ID edited-app. Reconnect Microsoft 365 to sign in with that app`,
    });
    await expect(source('microsoft').refresh()).rejects.toMatchObject({ kind: 'auth' });
    expect(graph.auth.refreshes).toBe(0);
  });

  it("takes tokens saved before Cadence kept the id as the current app's: no reconnect on upgrade", async () => {
    const { integrations, source } = rig({}, ['slack']);
    integrations.configure('slack', { clientId: 'slack-app' });
    expect(await source('slack').token()).toBe('access');
  });
});
