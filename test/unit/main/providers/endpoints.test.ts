import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ORGANISATION_MAX_BYTES,
  organisationFile,
  providerConfigs,
  readOrganisation,
} from '../../../../main/providers/endpoints';
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

/** Root can hand a file to another user; elsewhere the machine does not allow it. */
const IS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;
const planted = JSON.stringify({ slack: { clientId: 'planted-app' } });

describe('an organisation file in a folder other users can write', () => {
  it.skipIf(!IS_ROOT)(
    'ignores a file that belongs to another user, and says whose it is (needs root to chown the file to nobody, uid 65534)',
    () => {
      const file = organisationBeside(planted);
      fs.chownSync(file, NOBODY, NOBODY);
      const { settings, problem } = readOrganisation(file);
      expect(settings).toEqual({});
      expect(problem).toBe(
        `Ignored ${file}: it belongs to another user (uid ${NOBODY}); only files of yours or of root are read.`,
      );
    },
  );

  it('ignores a file that others can change, and says how to make it the user’s alone', () => {
    for (const mode of [0o666, 0o646, 0o664]) {
      const file = organisationBeside(planted);
      fs.chmodSync(file, mode);
      const { settings, problem } = readOrganisation(file);
      expect(settings).toEqual({});
      expect(problem).toBe(
        `Ignored ${file}: other users can change it (mode ${mode.toString(8)}); only a file no one else can write is read: run chmod go-w ${file}.`,
      );
    }
  });

  it('ignores a symbolic link, even to a valid file', () => {
    const target = organisationBeside(planted);
    const link = path.join(path.dirname(target), 'linked', 'cadence-organisation.json');
    fs.mkdirSync(path.dirname(link));
    fs.symlinkSync(target, link);
    expect(readOrganisation(link)).toEqual({
      settings: {},
      problem: `Ignored ${link}: it is a symbolic link; only a regular file is read, so put the file itself there.`,
    });
  });

  it('ignores a file larger than 64 KiB without reading past the limit', () => {
    const padded = JSON.stringify({ slack: { clientId: 'big-app' } }) + ' '.repeat(ORGANISATION_MAX_BYTES);
    const file = organisationBeside(padded);
    expect(readOrganisation(file)).toEqual({
      settings: {},
      problem: `Ignored ${file}: it is larger than 64 KiB, more than such a file ever needs.`,
    });
  });

  it('ignores a folder in the file’s place', () => {
    const parent = tempDir('cadence-org-');
    dirs.push(parent);
    const file = path.join(parent, 'cadence-organisation.json');
    fs.mkdirSync(file);
    expect(readOrganisation(file).problem).toBe(
      `Ignored ${file}: it is a folder, not a regular file; only a regular file is read.`,
    );
  });

  it('still reads the user’s own file, and root’s, when only its owner can write it', () => {
    const file = organisationBeside(planted);
    fs.chmodSync(file, 0o644);
    expect(readOrganisation(file)).toEqual({
      settings: { slack: { clientId: 'planted-app' } },
      problem: null,
    });
  });
});

const VALID_ORGANISATIONS = fc.record(
  {
    slack: fc.record({ clientId: fc.stringMatching(/^[\w.-]{1,40}$/) }),
    google: fc.record({
      clientId: fc.stringMatching(/^[\w.-]{1,40}$/),
      clientSecret: fc.stringMatching(/^[\w.-]{1,40}$/),
    }),
    microsoft: fc.record(
      {
        clientId: fc.stringMatching(/^[\w.-]{1,40}$/),
        // Tenants as the identity platform defines them: a name, a GUID or a domain.
        tenant: fc.oneof(
          fc.constantFrom('common', 'organizations', 'consumers'),
          fc.uuid(),
          fc.stringMatching(/^[a-z0-9]{1,20}\.(onmicrosoft\.com|example\.org)$/),
        ),
      },
      { requiredKeys: ['clientId'] },
    ),
  },
  { requiredKeys: [] },
);

describe('the organisation file, whatever it holds (property)', () => {
  it('never throws on arbitrary bytes or JSON, and answers either settings or a problem in words', () => {
    const file = organisationBeside('');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
          fc.json().map((text) => Buffer.from(text)),
          fc.jsonValue().map((value) => Buffer.from(JSON.stringify({ slack: value, google: value }))),
        ),
        (bytes) => {
          fs.writeFileSync(file, bytes);
          const { settings, problem } = readOrganisation(file);
          if (problem === null) expect(() => providerConfigs({}, settings)).not.toThrow();
          else {
            expect(settings).toEqual({});
            expect(problem).toMatch(/cadence-organisation\.json.*\.$/s);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads every valid organisation file exactly as written', () => {
    const file = organisationBeside('');
    fc.assert(
      fc.property(VALID_ORGANISATIONS, (organisation) => {
        fs.writeFileSync(file, JSON.stringify(organisation, null, 2));
        expect(readOrganisation(file)).toEqual({ settings: organisation, problem: null });
      }),
      { numRuns: 200 },
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

  it('lets the app ask for every user scope Cadence asks for, the message scopes included, and no other', async () => {
    const { providerConfigs } = await import('../../../../main/providers/endpoints');
    const manifest = fs.readFileSync(path.join(__dirname, '../../../../slack-app-manifest.yml'), 'utf8');
    const user = /^ {4}user:\n((?: {6}(?:- \S+|#.*)\n)+)/m.exec(manifest)?.[1] ?? '';
    const listed = [...user.matchAll(/- (\S+)/g)].map((m) => m[1]);
    const slack = providerConfigs({}).slack;
    expect(listed.sort()).toEqual(
      [
        ...slack.oauth.scopes,
        ...(slack.messageScopes ?? []),
        ...(slack.recordScopes ?? []),
        ...(slack.laterRecordScopes ?? []),
      ].sort(),
    );
    expect(slack.messageScopes).toEqual(['chat:write', 'im:write']);
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
