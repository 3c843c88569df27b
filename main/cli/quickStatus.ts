import http from 'node:http';
import { readConnection, resolveDataDir } from '../server/connectionFile';
import { provesToken } from '../server/healthProof';
import { printableLines } from '../../shared/printable';
import { clockChoice } from './clockChoice';

// `cadence status` on its shortest path: the verb people type most, answered by a small CommonJS bundle
// (out/main/quickStatus.cjs) that loads no date library, no schemas and no other verb. The service writes
// the words; this prints them. Anything but a plain answer (no service, a stale address, a refusal, an older
// service) returns null, and the launcher runs the whole CLI, which says what went wrong in its usual words.

/** The data folder when the arguments are `status` with at most `--data-dir DIR`; null for anything else. */
export function quickFolder(args: string[]): string | null {
  const rest = args[0] === 'status' ? args.slice(1) : args;
  if (rest.length === 0) return resolveDataDir();
  const folder =
    rest.length === 2 && rest[0] === '--data-dir'
      ? rest[1]
      : rest.length === 1 && rest[0]?.startsWith('--data-dir=')
        ? rest[0].slice(11)
        : undefined;
  // "--data-dir -x" is a missing value to the whole CLI, which says so.
  return folder && !folder.startsWith('-') ? resolveDataDir(folder) : null;
}

/** The service's answer to one query, within `ms` for the whole of it; null for anything else. */
function ask(port: number, token: string, path: string, body: string, ms: number): Promise<unknown> {
  return new Promise((resolve) => {
    const deadline = setTimeout(() => request.destroy(), ms);
    const settle = (value: unknown) => {
      clearTimeout(deadline);
      resolve(value);
    };
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        timeout: ms,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
          if (text.length > 1_000_000) request.destroy();
        });
        response.on('end', () => {
          try {
            settle(response.statusCode === 200 ? JSON.parse(text) : null);
          } catch {
            settle(null);
          }
        });
        response.on('close', () => settle(null));
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => settle(null));
    request.end(body);
  });
}

/** Prints the status and returns 0, or returns null when the whole CLI should answer instead. */
export async function quickStatus(args: string[]): Promise<number | null> {
  const folder = quickFolder(args);
  if (folder === null) return null;
  const connection = readConnection(folder);
  if (!connection) return null;
  const { port, token } = connection;
  // The token goes only to a service that proves it holds it, as in the whole CLI (main/cli/apiClient.ts).
  if (!(await provesToken(port, token, 3000))) return null;
  const answer = await ask(port, token, '/api/query/status.text', JSON.stringify(clockChoice(folder)), 5000);
  const value = typeof answer === 'object' && answer !== null && 'value' in answer ? answer.value : null;
  const text = typeof value === 'object' && value !== null && 'text' in value ? value.text : null;
  if (typeof text !== 'string') return null;
  const window = connection.servesWindow
    ? `\nWindow (keep it to yourself: it holds your key): ${connection.url}/#token=${token}`
    : '';
  console.log(printableLines(`${text}${window}`));
  return 0;
}
