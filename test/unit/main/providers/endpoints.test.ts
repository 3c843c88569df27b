import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { organisationFile, providerConfigs, readOrganisation } from '../../../../main/providers/endpoints';
import { tempDir } from '../../../fakes/serviceHarness';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function organisationBeside(content: string): string {
  const parent = tempDir('cadence-org-');
  dirs.push(parent);
  const dataDir = path.join(parent, 'Cadence');
  fs.mkdirSync(dataDir);
  fs.writeFileSync(path.join(parent, 'cadence-organisation.json'), content);
  return organisationFile(dataDir, {});
}

describe('an organisation’s own client ids, beside the data folder', () => {
  it('signs Microsoft in through the organisation’s tenant with its client id', () => {
    const file = organisationBeside(
      JSON.stringify({ microsoft: { clientId: 'org-app', tenant: 'contoso.onmicrosoft.com' } }),
    );
    const { settings, problem } = readOrganisation(file);
    expect(problem).toBeNull();
    const microsoft = providerConfigs({}, settings).microsoft.oauth;
    expect(microsoft.clientId).toBe('org-app');
    expect(microsoft.authorizeUrl).toBe(
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize',
    );
    expect(microsoft.tokenUrl).toBe(
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
    );
  });

  it('lets the environment win over the file', () => {
    const { settings } = readOrganisation(
      organisationBeside(JSON.stringify({ google: { clientId: 'file-id', clientSecret: 'file-secret' } })),
    );
    const google = providerConfigs({ CADENCE_GOOGLE_CLIENT_ID: 'env-id' }, settings).google.oauth;
    expect(google).toMatchObject({ clientId: 'env-id', clientSecret: 'file-secret' });
  });

  it('says in words why a file cannot be used, and ignores it', () => {
    const broken = readOrganisation(organisationBeside('{ "slack": '));
    expect(broken.settings).toEqual({});
    expect(broken.problem).toMatch(/cadence-organisation\.json is not valid JSON .*; it is ignored\.$/);
    const wrong = readOrganisation(
      organisationBeside(JSON.stringify({ microsoft: { clientId: 'x', tenant: 'a/b' } })),
    );
    expect(wrong.problem).toMatch(
      /cadence-organisation\.json is ignored: microsoft\.tenant: "a\/b" is not a Microsoft tenant: give its id .*, one of its domains \(contoso\.onmicrosoft\.com\), or common, organizations or consumers\.$/,
    );
    expect(readOrganisation(path.join(tempDir('cadence-none-'), 'missing.json'))).toEqual({
      settings: {},
      problem: null,
    });
  });
});

describe('a Microsoft tenant', () => {
  const withTenant = (tenant: string) =>
    readOrganisation(organisationBeside(JSON.stringify({ microsoft: { clientId: 'org-app', tenant } })));

  // The identity platform's {tenant}: common, organizations, consumers, a tenant id (GUID) or a verified
  // domain (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow).
  it.each([
    'common',
    'organizations',
    'consumers',
    '72f988bf-86f1-41af-91ab-2d7cd011db47',
    'contoso.onmicrosoft.com',
    'fabrikam.co.uk',
  ])('accepts %s into the sign-in address', (tenant) => {
    const { settings, problem } = withTenant(tenant);
    expect(problem).toBeNull();
    expect(providerConfigs({}, settings).microsoft.oauth.authorizeUrl).toBe(
      `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/authorize`,
    );
  });

  it.each([
    '..',
    '.',
    'a..b',
    'contoso',
    '-contoso.com',
    'contoso-.com',
    'c%2e%2e',
    '72f988bf-86f1',
    'x'.repeat(64) + '.com',
    'evil.com/..',
  ])('refuses %s, naming it, and signs in through common instead', (tenant) => {
    const { settings, problem } = withTenant(tenant);
    expect(problem).toContain(`${JSON.stringify(tenant)} is not a Microsoft tenant`);
    expect(providerConfigs({}, settings).microsoft.oauth.authorizeUrl).toBe(
      'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    );
  });
});

describe('the Slack app manifest', () => {
  it('registers exactly the redirects Cadence signs in through, all on localhost, with PKCE on', async () => {
    const { manifestRedirects } = await import('../../../fakes/slackFake');
    const { slackRedirectUrls } = await import('../../../../main/providers/endpoints');
    expect(manifestRedirects()).toEqual(slackRedirectUrls());
    expect(slackRedirectUrls().every((url) => /^http:\/\/localhost:\d+\/callback$/.test(url))).toBe(true);
    const manifest = fs.readFileSync(path.join(__dirname, '../../../../slack-app-manifest.yml'), 'utf8');
    expect(manifest).toMatch(/^oauth_config:\n(?: {2}.*\n)*? {2}pkce_enabled: true$/m);
  });
});
