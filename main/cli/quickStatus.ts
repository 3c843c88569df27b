import http from 'node:http';
import { readConnection, resolveDataDir } from '../server/connectionFile';
import { clockChoice } from './clockChoice';
import { isProof, newChallenge } from '../server/healthProof';
import { printableLines } from '../../shared/printable';

// `cadence status` on its shortest path: the verb people type most, answered by a small CommonJS bundle
// (out/main/quickStatus.cjs) that loads no date library, no schemas and no other verb. The service writes
// the words; this prints them. Anything but a plain answer (no service, a stale address, a refusal) returns
// null, and the launcher runs the whole CLI, which says what went wrong in its usual words.

/** The data folder when the arguments are `status` with at most `--data-dir DIR`; null for anything else. */
export function quickFolder(args: string[]): string | null {
  const rest = args[0] === 'status' ? args.slice(1) : args;
  if (rest.length === 0) return resolveDataDir();
  if (rest.length === 2 && rest[0] === '--data-dir' && rest[1]) return resolveDataDir(rest[1]);
  if (rest.length === 1 && rest[0]?.startsWith('--data-dir=') && rest[0].length > 11)
    return resolveDataDir(rest[0].slice(11));
  return null;
}

function get(
  port: number,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string } | null> {
  return new Promise((resolve) => {
    const request = http.request(
      { host: '127.0.0.1', port, path, method: body === undefined ? 'GET' : 'POST', headers, timeout: 3000 },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
          if (text.length > 1_000_000) request.destroy();
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', () => resolve(null));
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(null));
    request.end(body);
  });
}

function field(body: string, ...keys: string[]): unknown {
  try {
    let value: unknown = JSON.parse(body);
    for (const key of keys)
      value =
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    return value;
  } catch {
    return undefined;
  }
}

/** Prints the status and returns 0, or returns null when the whole CLI should answer instead. */
export async function quickStatus(args: string[]): Promise<number | null> {
  const folder = quickFolder(args);
  if (folder === null) return null;
  const connection = readConnection(folder);
  if (!connection) return null;
  const { port, token } = connection;
  // The token goes only to a service that proves it holds it, as in the whole CLI (main/cli/apiClient.ts).
  const challenge = newChallenge();
  const health = await get(port, `/api/health?challenge=${challenge}`, {});
  if (health?.status !== 200 || !isProof(token, challenge, field(health.body, 'value', 'proof'))) return null;
  const body = JSON.stringify(clockChoice(folder));
  const answer = await get(
    port,
    '/api/query/status.text',
    {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
    },
    body,
  );
  const text = answer?.status === 200 ? field(answer.body, 'value', 'text') : undefined;
  if (typeof text !== 'string') return null;
  const window = connection.servesWindow
    ? `\nWindow (keep it to yourself: it holds your key): ${connection.url}/#token=${token}`
    : '';
  process.stdout.write(`${printableLines(`${text}${window}`)}\n`);
  return 0;
}
