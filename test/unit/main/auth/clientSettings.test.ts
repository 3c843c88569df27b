import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type ClientSetting, ClientSettingsFile } from '../../../../main/auth/clientSettings';
import { PROVIDER_IDS, PROVIDER_NAMES, type ProviderId } from '../../../../shared/integrationView';
import { tempDir } from '../../../fakes/serviceHarness';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function folderWith(content: string | Buffer | null): { dir: string; file: string } {
  const dir = tempDir('cadence-clients-');
  dirs.push(dir);
  const file = path.join(dir, 'integrations.json');
  if (content !== null) fs.writeFileSync(file, content, { mode: 0o600 });
  return { dir, file };
}

const slack = { clientId: 'slack-app' };
const google = { clientId: 'google-app', clientSecret: 'google-secret' };

describe('integrations.json, one entry per service', () => {
  it('keeps the good entries working when one is bad, and names the bad one', () => {
    const { dir, file } = folderWith(JSON.stringify({ slack, google, microsoft: { clientId: '' } }));
    const clients = new ClientSettingsFile(dir);
    expect(clients.get('slack')).toEqual(slack);
    expect(clients.get('google')).toEqual(google);
    expect(clients.get('microsoft')).toBeNull();
    expect(clients.problems()).toEqual([
      `${file}: the Microsoft 365 entry is not used (clientId: cannot be empty). Enter its client id again in Settings → Integrations or with cadence configure microsoft; the other services are not affected.`,
    ]);
  });

  it('a save changes only its own entry: the others, a bad one and unknown ones are written back as they were', () => {
    const other = { clientId: 42 };
    const { dir, file } = folderWith(JSON.stringify({ slack, google: other, zoom: { clientId: 'z' } }));
    new ClientSettingsFile(dir).set('microsoft', { clientId: 'ms-app' });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({
      slack,
      google: other,
      zoom: { clientId: 'z' },
      microsoft: { clientId: 'ms-app' },
    });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('a removal takes out only its own entry: the others, a bad one and unknown ones stay as they were', () => {
    const other = { clientId: 42 };
    const { dir, file } = folderWith(
      JSON.stringify({ slack, google, microsoft: other, zoom: { clientId: 'z' } }),
    );
    new ClientSettingsFile(dir).remove('google');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({
      slack,
      microsoft: other,
      zoom: { clientId: 'z' },
    });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('never writes over a file it could not read: it is moved aside first, and the move is said', () => {
    const { dir, file } = folderWith('{ "slack": { "clientId": "slack-app" }, ');
    const clients = new ClientSettingsFile(dir);
    expect(clients.get('slack')).toBeNull();
    expect(clients.problems()).toEqual([
      expect.stringMatching(
        /^.*integrations\.json could not be read \(it is not valid JSON \(.*\)\): the client ids in it are not used\. It is kept; saving a client id moves it aside and starts a new one\.$/,
      ),
    ]);
    clients.set('google', google);
    const aside = fs.readdirSync(dir).filter((name) => name.startsWith('integrations.json.unreadable-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0]!), 'utf8')).toBe(
      '{ "slack": { "clientId": "slack-app" }, ',
    );
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ google });
    expect(clients.problems()).toEqual([
      expect.stringContaining(`it was kept as ${path.join(dir, aside[0]!)}`),
    ]);
  });

  it('does not read a file that is no regular file or is too large, and says why', () => {
    const { dir, file } = folderWith(JSON.stringify({ slack }) + ' '.repeat(70 * 1024));
    expect(new ClientSettingsFile(dir).get('slack')).toBeNull();
    expect(new ClientSettingsFile(dir).problems()[0]).toMatch(
      /^.*integrations\.json could not be read \(it is larger than 64 KiB, more than such a file ever needs\)/,
    );
    fs.rmSync(file);
    fs.mkdirSync(file);
    expect(new ClientSettingsFile(dir).problems()[0]).toMatch(/it is a folder, not a regular file/);
  });
});

const setting: fc.Arbitrary<ClientSetting> = fc.record(
  {
    clientId: fc.stringMatching(/^[\w.-]{1,40}$/),
    clientSecret: fc.stringMatching(/^[\w.-]{1,40}$/),
  },
  { requiredKeys: ['clientId'] },
);
/** An entry, and whether it was made valid (junk may be valid by chance: only the known valid are checked). */
const anyEntry = fc.oneof(
  setting.map((value) => ({ valid: true, value: value as unknown })),
  fc.jsonValue().map((value) => ({ valid: false, value: value as unknown })),
);

describe('integrations.json, whatever it holds (property)', () => {
  it('never throws on arbitrary bytes, and a save always leaves the saved entry readable', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 1024 }).map((bytes) => Buffer.from(bytes)),
          fc.json().map((text) => Buffer.from(text)),
        ),
        fc.constantFrom(...PROVIDER_IDS),
        setting,
        (bytes, id, saved) => {
          const { dir } = folderWith(bytes);
          const clients = new ClientSettingsFile(dir);
          for (const other of PROVIDER_IDS) clients.get(other);
          expect(Array.isArray(clients.problems())).toBe(true);
          clients.set(id, saved);
          expect(new ClientSettingsFile(dir).get(id)).toEqual(saved);
          fs.rmSync(dir, { recursive: true, force: true });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never loses a valid entry: each still reads back after another service is saved', () => {
    fc.assert(
      fc.property(
        fc.record({ slack: anyEntry, google: anyEntry, microsoft: anyEntry }, { requiredKeys: [] }),
        fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue(), { maxKeys: 3 }),
        fc.constantFrom(...PROVIDER_IDS),
        setting,
        (entries, extra, id, saved) => {
          const content: Record<string, unknown> = { ...extra };
          for (const [key, entry] of Object.entries(entries)) content[key] = entry.value;
          const { dir } = folderWith(JSON.stringify(content));
          const clients = new ClientSettingsFile(dir);
          const valid = (other: ProviderId): ClientSetting | undefined => {
            const entry = entries[other];
            return entry?.valid ? (entry.value as ClientSetting) : undefined;
          };
          for (const other of PROVIDER_IDS) {
            const read = clients.get(other);
            if (valid(other)) expect(read).toEqual(valid(other));
            else if (entries[other] && read === null)
              expect(clients.problems().join('\n')).toContain(
                `the ${PROVIDER_NAMES[other]} entry is not used`,
              );
          }
          clients.set(id, saved);
          const after = new ClientSettingsFile(dir);
          for (const other of PROVIDER_IDS) {
            if (other === id) expect(after.get(other)).toEqual(saved);
            else if (valid(other)) expect(after.get(other)).toEqual(valid(other));
          }
          fs.rmSync(dir, { recursive: true, force: true });
        },
      ),
      { numRuns: 200 },
    );
  });
});
