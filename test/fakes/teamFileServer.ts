import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A static web server on 127.0.0.1 holding one team file, as any static host serves a file (a repository's
 * raw file, an intranet page): GET answers the file with its ETag, or 304 when the request's If-None-Match
 * names the file's current ETag.
 */
export class TeamFileServer {
  /** The If-None-Match of each request, in order (null when the request had none). */
  readonly conditions: (string | null)[] = [];
  private text: string | null;
  private readonly server = http.createServer((request, response) => this.answer(request, response));
  private readonly sockets = new Set<import('node:net').Socket>();
  url = '';

  constructor(text: string | null) {
    this.text = text;
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/team.json`;
    return this;
  }

  /** The file as the team publishes it next; null takes it away (404). */
  publish(text: string | null): void {
    this.text = text;
  }

  get requests(): number {
    return this.conditions.length;
  }

  /** A strong validator of the current bytes: a quoted string that changes with them. */
  private etag(text: string): string {
    return `"${createHash('sha256').update(text).digest('hex').slice(0, 16)}"`;
  }

  private answer(request: http.IncomingMessage, response: http.ServerResponse): void {
    const condition = request.headers['if-none-match'] ?? null;
    this.conditions.push(condition);
    if (request.url !== '/team.json' || this.text === null) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    const etag = this.etag(this.text);
    // "The server returns the requested resource in GET and HEAD methods with a 200 status, only if it doesn't
    // have an ETag matching the ones in the If-None-Match header … the server must return a 304 Not Modified
    // and any of the following header fields that would have been sent in a 200 response … ETag"; "The
    // comparison with the stored ETag uses the weak comparison algorithm" (a W/ prefix does not matter), and
    // the header may list several tags or "*" (https://developer.mozilla.org/docs/Web/HTTP/Headers/If-None-Match).
    const listed = (condition ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    if (condition !== null && (listed.includes('*') || listed.includes(etag))) {
      response.writeHead(304, { etag }).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json', etag }).end(this.text);
  }

  /** Stops serving: what follows is the network gone (connection refused). */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
