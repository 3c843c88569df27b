import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { it } from 'vitest';
import { api, serve, stopAllServices } from '../fakes/processHarness';
import { rawRequests, sendRaw } from '../fakes/rawHttp';
import { seedSettings, tempDir } from '../fakes/serviceHarness';
import { report } from './report';

const FUZZ = process.env.BENCH_FUZZ === '1';
const REQUESTS = Number(process.env.BENCH_FUZZ_REQUESTS ?? 50_000);

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
