import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeHtml } from '../base/html';

/**
 * How the loopback redirect is written. RFC 8252 §7.3 prefers the IP literal on any port
 * (http://127.0.0.1:port/path, the default: Google's desktop clients). Microsoft's app registrations take
 * "http://localhost" for desktop apps and ignore the port. Slack matches a redirect's host and port
 * exactly and counts only `localhost` redirects as desktop ones
 * (https://docs.slack.dev/authentication/using-pkce), so Slack signs in on one of a few fixed ports, the
 * ones its app manifest registers: `ports`.
 */
export interface LoopbackRedirect {
  host: '127.0.0.1' | 'localhost';
  path: string;
  /** The only ports the service accepts, in order of preference; absent: any free port. */
  ports?: readonly number[];
}

/** The page the browser shows once it came back. */
export const callbackPage = (title: string, text: string): string =>
  `<!doctype html><meta charset="utf-8"><title>${escapeHtml(title)}</title><body style="font-family:system-ui;margin:4em auto;max-width:32em"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body>`;

/** The redirect URI of a loopback redirect on a port. */
export function redirectUriOf(loopback: LoopbackRedirect, port: number): string {
  return `http://${loopback.host}:${port}${loopback.path === '/' ? '' : loopback.path}`;
}

/** Every port a service with fixed redirects accepts is taken by another program. */
export class LoopbackPortsBusy extends Error {
  constructor(readonly ports: readonly number[]) {
    const list =
      ports.length > 1
        ? `${ports.slice(0, -1).join(', ')} or ${ports[ports.length - 1]}`
        : String(ports[0] ?? '');
    super(
      `The sign-in comes back to this computer on port ${list}, and ${ports.length > 1 ? 'all of them are' : 'it is'} in use by another program. Close the program using ${ports.length > 1 ? 'them' : 'it'} (or finish the other sign-in), then press Connect again.`,
    );
  }
}

function listen(server: http.Server, port: number, host: string): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => {
    const failed = (error: NodeJS.ErrnoException) => resolve(error);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve(null);
    });
  });
}

/**
 * One-shot servers for the redirect: on 127.0.0.1, and for `localhost` also on ::1 where there is one (a
 * browser may try IPv6 first). With fixed ports, the first one free on both; none free: LoopbackPortsBusy.
 */
export async function listenLoopback(
  loopback: LoopbackRedirect,
): Promise<{ servers: http.Server[]; redirectUri: string; port: number }> {
  // Any free port where the service takes any: a few tries, in case another program holds one on ::1.
  for (const wanted of loopback.ports ?? [0, 0, 0, 0, 0]) {
    const v4 = http.createServer();
    const taken = await listen(v4, wanted, '127.0.0.1');
    if (taken && !loopback.ports) throw new Error(`no port on 127.0.0.1 is free (${taken.message})`);
    if (taken) continue;
    const port = (v4.address() as AddressInfo).port;
    const servers = [v4];
    if (loopback.host === 'localhost') {
      const v6 = http.createServer();
      const error = await listen(v6, port, '::1');
      if (!error) servers.push(v6);
      else if (error.code === 'EADDRINUSE') {
        // Another program holds this port on IPv6: a browser going there would not reach Cadence.
        v4.close();
        continue;
      }
    }
    for (const server of servers)
      server.on('clientError', (_error, socket) => {
        if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
        else socket.destroy();
      });
    return { servers, redirectUri: redirectUriOf(loopback, port), port };
  }
  if (!loopback.ports)
    throw new Error(
      'another program holds every port Cadence tried on ::1 (IPv6 localhost), where a browser could be sent instead of Cadence',
    );
  throw new LoopbackPortsBusy(loopback.ports);
}
