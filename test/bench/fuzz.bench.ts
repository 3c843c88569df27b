import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { it } from 'vitest';
import { api, cli, serve, stopAllServices } from '../fakes/processHarness';
import { fakeNotifySend } from '../fakes/fakeNotifySend';
import { rawRequests, sendRaw } from '../fakes/rawHttp';
import { seedSettings, tempDir } from '../fakes/serviceHarness';
import { everyDay } from '../unit/shared/domainFixtures';
import { report } from './report';

const FUZZ = process.env.BENCH_FUZZ === '1';
const REQUESTS = Number(process.env.BENCH_FUZZ_REQUESTS ?? 50_000);
const FILE_RUNS = Number(process.env.BENCH_FUZZ_FILE_RUNS ?? 60);

/** `npm run bench -- --fuzz`: generated raw HTTP at the running service and at its sign-in callback. */
it.skipIf(!FUZZ)(
  'fuzz: raw requests against the service and the sign-in callback',
  async () => {
    const dir = tempDir();
    seedSettings(dir, 'UTC');
    const service = await serve(dir, {
      args: ['--port', '0'],
      env: {
        CADENCE_SLACK_CLIENT_ID: 'fuzz-client',
        CADENCE_SLACK_AUTHORIZE_URL: 'http://127.0.0.1:9/authorize',
      },
    });
    const exits: string[] = [];
    service.process.once('exit', (code, signal) => exits.push(`exited with ${code ?? signal}`));
    try {
      const connect = await api(service, '/api/command/integration.connect', { provider: 'slack' });
      const authorizeUrl = (connect.body.value as { authorizeUrl: string }).authorizeUrl;
      const callbackPort = Number(new URL(new URL(authorizeUrl).searchParams.get('redirect_uri')!).port);
      const intentsFile = path.join(dir, 'intents.json');
      const before = fs.readFileSync(intentsFile, 'utf8');
      let sent = 0;
      const begin = performance.now();
      for (const [port, seed] of [
        [service.port, 1],
        [callbackPort, 2],
      ] as const) {
        const requests = fc.sample(rawRequests(port), { numRuns: REQUESTS / 2, seed });
        for (let i = 0; i < requests.length && !exits.length; i += 50) {
          await Promise.all(requests.slice(i, i + 50).map((request) => sendRaw(port, request, 250)));
          sent += Math.min(50, requests.length - i);
        }
      }
      const seconds = (performance.now() - begin) / 1000;
      const stillAnswers = (await api(service, '/api/query/status', {})).status === 200;
      const unchanged = fs.readFileSync(intentsFile, 'utf8') === before;
      report('Fuzz (raw HTTP, no token)', [
        { name: 'requests sent', value: sent, unit: '', note: `${Math.round(sent / seconds)} a second` },
        { name: 'exits observed', value: exits.length, unit: '', target: '0', limit: { max: 1 } },
        { name: 'service answers afterwards', value: stillAnswers ? 1 : 0, unit: '', note: '1 = yes' },
        {
          name: 'saved activity changed',
          value: unchanged ? 0 : 1,
          unit: '',
          target: '0',
          limit: { max: 1 },
        },
      ]);
    } finally {
      await stopAllServices();
    }
  },
  1_800_000,
);

/** A valid client id entry, and junk in every shape JSON and bytes allow. */
const validEntry = fc.record({ clientId: fc.stringMatching(/^[\w.-]{1,40}$/) });
const entryOrJunk = fc.oneof(
  validEntry.map((value) => ({ valid: true, value: value as unknown })),
  fc.jsonValue().map((value) => ({ valid: false, value: value as unknown })),
);
const fileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.from(bytes)),
  fc.json().map((text) => Buffer.from(text)),
  fc
    .record(
      { slack: fc.jsonValue(), google: fc.jsonValue(), microsoft: fc.jsonValue() },
      { requiredKeys: [] },
    )
    .map((value) => Buffer.from(JSON.stringify(value))),
);

/**
 * `npm run bench -- --fuzz`: the real service started on generated organisation files and
 * integrations.json files. Each start must answer; each valid integrations.json entry must survive a
 * `cadence configure` of another service.
 */
it.skipIf(!FUZZ)(
  'fuzz: arbitrary organisation and integrations files at start',
  async () => {
    const cases = fc.sample(
      fc.record({
        organisation: fileBytes,
        slack: entryOrJunk,
        google: entryOrJunk,
        extra: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue(), { maxKeys: 2 }),
        raw: fc.option(fileBytes, { nil: null }),
      }),
      { numRuns: FILE_RUNS, seed: 3 },
    );
    let failedStarts = 0;
    let lostEntries = 0;
    for (const sample of cases) {
      const parent = tempDir('cadence-fuzz-files-');
      const dir = path.join(parent, 'Cadence');
      seedSettings(dir, 'UTC');
      fs.writeFileSync(path.join(parent, 'cadence-organisation.json'), sample.organisation, { mode: 0o600 });
      const integrations = path.join(dir, 'integrations.json');
      fs.writeFileSync(
        integrations,
        sample.raw ??
          JSON.stringify({ ...sample.extra, slack: sample.slack.value, google: sample.google.value }),
        { mode: 0o600 },
      );
      try {
        await serve(dir);
        const configured = await cli(dir, ['configure', 'microsoft', 'fuzz-app']);
        const after = JSON.parse(fs.readFileSync(integrations, 'utf8')) as Record<string, unknown>;
        if (configured.code !== 0 || (await cli(dir, ['status'])).code !== 0) failedStarts++;
        if (sample.raw === null)
          for (const id of ['slack', 'google'] as const)
            if (sample[id].valid && JSON.stringify(after[id]) !== JSON.stringify(sample[id].value))
              lostEntries++;
      } catch {
        failedStarts++;
      } finally {
        await stopAllServices();
        fs.rmSync(parent, { recursive: true, force: true });
      }
    }
    report('Fuzz (organisation and integrations files)', [
      { name: 'starts', value: cases.length, unit: '' },
      { name: 'starts that failed', value: failedStarts, unit: '', target: '0', limit: { max: 1 } },
      { name: 'valid entries lost', value: lostEntries, unit: '', target: '0', limit: { max: 1 } },
    ]);
  },
  600_000,
);

const TEXTS = Number(process.env.BENCH_FUZZ_TEXTS ?? 400);

/** What a terminal or notify-send would obey rather than show. */
const OBEYED = /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** Text with everything a terminal or a command line could take for an instruction. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom(
        '\u001b]0;t\u0007',
        '\u001b[8m',
        '\u009b2J',
        '\r',
        '\n',
        '\u202e',
        '--wait',
        '-A',
        '--',
        '\u0000',
      ),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join('').slice(0, 80))
  .filter((text) => text.trim() !== '');

/** `npm run bench -- --fuzz`: hostile text as teammates' names and notifications, read back through the CLI and notify-send. */
it.skipIf(!FUZZ)(
  "fuzz: hostile text through the CLI's printed output and notify-send's command line",
  async () => {
    const fake = fakeNotifySend();
    const dir = tempDir();
    seedSettings(dir, 'UTC', { week: everyDay([{ start: '00:00', end: '23:59' }]), weekendDays: [] });
    const service = await serve(dir, { env: { CADENCE_NOTIFIER: 'desktop', PATH: fake.env().PATH! } });
    try {
      const texts = fc.sample(hostileText, { numRuns: TEXTS, seed: 3 });
      const stored: string[] = [];
      let notified = 0;
      for (const [index, text] of texts.entries()) {
        const teammate = await api(service, '/api/command/teammates.add', { name: text, timeZone: 'UTC' });
        if (teammate.status === 200) stored.push((teammate.body.value as { name: string }).name);
        const sent = await api(service, '/api/command/notify', {
          title: text,
          body: texts[(index + 1) % texts.length],
        });
        if ((sent.body.value as { action?: string } | undefined)?.action === 'deliver') notified++;
      }
      const listed = await cli(dir, ['teammates']);
      const printed = listed.stdout.trimEnd().split('\n');
      const json = await cli(dir, ['teammates', '--json']);
      const badLines = printed.filter((line) => OBEYED.test(line)).length;
      const roundTrip = (JSON.parse(json.stdout) as { name: string }[]).map((t) => t.name).sort();
      const added = stored.sort().length;
      const calls = fake.calls().filter((call) => call[2] !== 'Time for lunch');
      const badCalls = calls.filter(
        (call) =>
          call.length !== 4 ||
          call[1] !== '--' ||
          call.slice(2).some((arg) => arg.trim() === '' || OBEYED.test(arg.replaceAll('\n', ''))) ||
          call[2]!.includes('\n'),
      ).length;
      report('Fuzz (hostile text out of the CLI and into notify-send)', [
        { name: 'names added', value: added, unit: '', note: `of ${texts.length}` },
        {
          name: 'CLI lines with a control or bidi character',
          value: badLines,
          unit: '',
          target: '0',
          limit: { max: 1 },
        },
        {
          name: 'CLI lines beyond one per teammate',
          value: Math.max(0, printed.length - added),
          unit: '',
          target: '0',
          limit: { max: 1 },
        },
        {
          name: 'names changed by --json',
          value:
            roundTrip.length === stored.length && roundTrip.every((name, i) => name === stored[i]) ? 0 : 1,
          unit: '',
          target: '0',
          limit: { max: 1 },
        },
        { name: 'notifications sent', value: calls.length, unit: '', note: `${notified} let through` },
        {
          name: 'notify-send calls not "--" + a printable title and body',
          value: badCalls,
          unit: '',
          target: '0',
          limit: { max: 1 },
        },
      ]);
    } finally {
      await stopAllServices();
    }
  },
  1_800_000,
);
