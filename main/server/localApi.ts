import { randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { WebSocket, WebSocketServer } from 'ws';
import { type ApiResult, COMMAND_HEADERS, type ErrorCode } from '../../shared/contract';
import type { CadenceService } from '../core/cadenceService';
import { type IDisposable, onUnexpectedError } from '../base/lifetime';
import { decodedPath, requestTarget } from '../net/requestTarget';
import { CommandOutcomes } from './commandOutcomes';
import { holdsWindowCookie, pageWithFirstScreen, windowCookie } from './firstScreen';
import { CHALLENGE_PATTERN, healthProof } from './healthProof';
import { WINDOW_LINK_PATH, WindowLinks } from './windowLinks';

export const MAX_BODY_BYTES = 64 * 1024;

/** How many bytes of events may wait for one reader; a reader further behind is dropped. */
export const MAX_EVENT_BACKLOG = 1024 * 1024;
/** The close code of a reader dropped for falling behind: the window reconnects and loads everything again. */
export const BEHIND_CLOSE_CODE = 4000;
/** How long a dropped reader has to take its close before its connection (and what waits for it) goes. */
const CLOSE_GRACE_MS = 5_000;
// ws 8 takes closeTimeout on the server too (websocket-server.js); its type declarations lag behind.
const SOCKET_OPTIONS = { noServer: true, maxPayload: 4096, closeTimeout: CLOSE_GRACE_MS };

export interface LocalApiOptions {
  service: CadenceService;
  token: string;
  port?: number;
  /** A port to try first (so the window's address stays the same between runs); any free one if taken. */
  preferredPort?: number;
  /** The built renderer to serve at /, if any. */
  rendererDir?: string | null;
  /** Extra origins allowed to call the API (a renderer dev server). */
  allowedOrigins?: readonly string[];
}

const STATUS_BY_ERROR: Partial<Record<ErrorCode, number>> = {
  unknown_command: 404,
  unknown_query: 404,
  not_found: 404,
  not_configured: 409,
  not_available: 501,
  invalid_input: 400,
  invalid_settings: 422,
  conflict: 409,
  snooze_limit: 409,
  storage: 503,
  outcome_unknown: 409,
  permission_needed: 403,
  provider: 502,
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws://127.0.0.1:* ws://localhost:*; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** What a used or stale opening link shows: no script, nothing from the request. */
const USED_LINK_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cadence</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<main><h1>This link has expired</h1>
<p>A link from <code>cadence open</code> opens the window once, within a minute. Run <code>cadence open</code> again
(from the Cadence folder: <code>npx cadence open</code>) for a new one.</p></main></body></html>`;

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function refuse(res: http.ServerResponse, status: number, error: ErrorCode, message: string): void {
  send(res, status, { ok: false, error, message });
}

function readBody(
  req: http.IncomingMessage,
): Promise<{ ok: true; text: string } | { ok: false; status: number; message: string }> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      resolve({ ok: false, status: 413, message: `The request body is over ${MAX_BODY_BYTES / 1024} KB.` });
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve({ ok: false, status: 413, message: `The request body is over ${MAX_BODY_BYTES / 1024} KB.` });
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () =>
      resolve({ ok: false, status: 400, message: 'The request body could not be read.' }),
    );
  });
}

/**
 * The local API: HTTP for commands and queries, a WebSocket for events, on 127.0.0.1 only. Every
 * call needs the per-install token; the Host and Origin checks keep web pages (and DNS rebinding)
 * from driving it.
 */
export class LocalApi implements IDisposable {
  private readonly server: http.Server;
  /** Loaded on the first event subscriber: ws costs memory that a CLI-only user never needs. */
  private sockets: Promise<WebSocketServer> | null = null;
  private readonly clients = new Set<WebSocket>();
  private readonly subscription: IDisposable;
  private port = 0;
  private readonly windowLinks: WindowLinks;
  private readonly outcomes = new CommandOutcomes(randomUUID());

  constructor(private readonly options: LocalApiOptions) {
    this.windowLinks = new WindowLinks();
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => this.failed(error, res));
    });
    this.server.requestTimeout = 10_000;
    this.server.on('clientError', (_error, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      else socket.destroy();
    });
    this.server.on('upgrade', (req, socket, head) => {
      socket.on('error', () => socket.destroy());
      try {
        this.upgrade(req, socket, head);
      } catch (error) {
        onUnexpectedError(error);
        socket.destroy();
      }
    });
    this.subscription = options.service.onEvent((event) => {
      const text = JSON.stringify(event);
      const bytes = Buffer.byteLength(text);
      for (const client of this.clients) this.deliver(client, text, bytes);
    });
  }

  /**
   * Sends an event, or drops a reader that has fallen too far behind (a paused or stuck window): what
   * waits for each reader stays under MAX_EVENT_BACKLOG, whatever the readers do. The window reconnects
   * and loads everything again, so a dropped event is never a lost state.
   */
  private deliver(client: WebSocket, text: string, bytes: number): void {
    if (client.readyState !== client.OPEN) return;
    if (client.bufferedAmount + bytes > MAX_EVENT_BACKLOG)
      client.close(BEHIND_CLOSE_CODE, 'too far behind: reconnect and load again');
    else client.send(text);
  }

  private upgrade(req: http.IncomingMessage, socket: import('node:stream').Duplex, head: Buffer): void {
    const target = requestTarget(req.url);
    const problem = target ? this.check(req, target.searchParams.get('token')) : null;
    if (!target || problem || target.pathname !== '/api/events') {
      const status = !target ? 400 : (problem?.status ?? 404);
      socket.end(
        `HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : 'Refused'}\r\nConnection: close\r\n\r\n`,
      );
      return;
    }
    this.sockets ??= import('ws').then(({ WebSocketServer: Server }) => new Server(SOCKET_OPTIONS));
    this.sockets
      .then((sockets) => sockets.handleUpgrade(req, socket, head, (ws) => this.welcome(ws)))
      .catch((error: unknown) => {
        onUnexpectedError(error);
        socket.destroy();
      });
  }

  /** A request that failed inside Cadence: reported, answered 500 when still possible, never fatal. */
  private failed(error: unknown, res: http.ServerResponse): void {
    onUnexpectedError(error);
    if (!res.headersSent) refuse(res, 500, 'internal', 'Cadence could not handle that request.');
    else res.destroy();
  }

  /** Listens on the chosen port; a preferred port that is taken falls back to a free one. */
  async listen(): Promise<number> {
    const attempt = (port: number) =>
      new Promise<void>((resolve, reject) => {
        this.server.once('error', reject);
        this.server.listen(port, '127.0.0.1', () => {
          this.server.off('error', reject);
          resolve();
        });
      });
    try {
      await attempt(this.options.port ?? this.options.preferredPort ?? 0);
    } catch (error) {
      if (this.options.port !== undefined || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE')
        throw error;
      await attempt(0);
    }
    this.port = (this.server.address() as AddressInfo).port;
    return this.port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private welcome(ws: WebSocket): void {
    this.clients.add(ws);
    ws.on('close', () => this.clients.delete(ws));
    ws.send(JSON.stringify({ name: 'availability.changed', data: this.options.service.status() }));
    this.options.service.clientArrived();
    ws.on('message', () => ws.close(1003, 'events only'));
  }

  private allowedOrigins(): string[] {
    return [
      `http://127.0.0.1:${this.port}`,
      `http://localhost:${this.port}`,
      ...(this.options.allowedOrigins ?? []),
    ];
  }

  /** The Host, Origin and token checks every API request passes. */
  private check(
    req: http.IncomingMessage,
    token: string | null,
  ): { status: number; error: ErrorCode; message: string } | null {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${this.port}` && host !== `localhost:${this.port}`) {
      return {
        status: 421,
        error: 'bad_host',
        message: `Requests must be addressed to 127.0.0.1:${this.port}.`,
      };
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !this.allowedOrigins().includes(origin)) {
      return {
        status: 403,
        error: 'bad_origin',
        message: 'Web pages from other origins may not use the Cadence API.',
      };
    }
    if (!token || !sameToken(token, this.options.token)) {
      return { status: 401, error: 'unauthorized', message: 'Missing or wrong API token.' };
    }
    return null;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = requestTarget(req.url);
    if (!url) return refuse(res, 400, 'bad_request', 'The request target is not a path.');
    const link = WINDOW_LINK_PATH.exec(url.pathname);
    if (link) return this.openWindow(link[1] ?? '', req, res);
    if (!url.pathname.startsWith('/api/')) return this.serveStatic(url.pathname, req, res);
    if (url.pathname === '/api/health') return this.health(url, req, res);
    res.setHeader(COMMAND_HEADERS.instance, this.outcomes.instance);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;
    const problem = this.check(req, bearer);
    if (problem) return refuse(res, problem.status, problem.error, problem.message);
    this.rememberWindow(req, res);
    if (url.pathname === '/api/window') return this.windowLink(req, res);
    const match = /^\/api\/(command|query)\/([a-z.]+)$/.exec(url.pathname);
    if (!match) return refuse(res, 404, 'not_found', `No such API path: ${url.pathname}`);
    if (req.method !== 'POST') return refuse(res, 405, 'method_not_allowed', 'Use POST with a JSON body.');
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
      return refuse(res, 415, 'unsupported_media_type', 'Send the body as application/json.');
    }
    const body = await readBody(req);
    if (!body.ok)
      return refuse(res, body.status, body.status === 413 ? 'too_large' : 'bad_request', body.message);
    let input: unknown = {};
    if (body.text.trim()) {
      try {
        input = JSON.parse(body.text);
      } catch {
        return refuse(res, 400, 'malformed_json', 'The request body is not valid JSON.');
      }
    }
    const [, kind, name = ''] = match;
    const header = (key: string) => {
      const value = req.headers[key];
      return typeof value === 'string' ? value : undefined;
    };
    const result: ApiResult<unknown> =
      kind === 'command'
        ? await this.outcomes.run(name, header(COMMAND_HEADERS.request), header(COMMAND_HEADERS.sentTo), () =>
            this.options.service.handleCommand(name, input),
          )
        : this.options.service.handleQuery(name, input);
    send(res, result.ok ? 200 : (STATUS_BY_ERROR[result.error] ?? 400), result);
  }

  /**
   * A window (a browser page of this origin) that has just proved it holds the token gets the window
   * cookie, so that the next time its page is asked for, the page comes with its first screen written in.
   */
  private rememberWindow(req: http.IncomingMessage, res: http.ServerResponse): void {
    const origin = req.headers.origin;
    if (origin === undefined || !this.allowedOrigins().includes(origin)) return;
    if (!holdsWindowCookie(req.headers.cookie, this.options.token))
      res.setHeader('set-cookie', windowCookie(this.options.token));
  }

  /** Says it is Cadence; proves it holds this folder's token when challenged; the pid only to a caller with the token. */
  private health(url: URL, req: http.IncomingMessage, res: http.ServerResponse): void {
    const challenge = url.searchParams.get('challenge');
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;
    const trusted = bearer !== null && this.check(req, bearer) === null;
    send(res, 200, {
      ok: true,
      value: {
        name: 'cadence',
        ...(challenge !== null && CHALLENGE_PATTERN.test(challenge)
          ? { proof: healthProof(this.options.token, challenge) }
          : {}),
        ...(trusted ? { pid: process.pid } : {}),
      },
    });
  }

  /** A one-time address that opens the window, for `cadence open` (the caller holds the token). */
  private windowLink(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method !== 'POST') return refuse(res, 405, 'method_not_allowed', 'Use POST.');
    if (!this.options.rendererDir)
      return refuse(
        res,
        501,
        'not_available',
        'This Cadence shows its window itself: click its tray icon, or start Cadence again to bring the window forward.',
      );
    send(res, 200, { ok: true, value: { url: `${this.url}/open/${this.windowLinks.issue()}` } });
  }

  /** Redeems a one-time link: the window, handed the token in the fragment; a used or old link says what to do. */
  private openWindow(nonce: string, req: http.IncomingMessage, res: http.ServerResponse): void {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${this.port}` && host !== `localhost:${this.port}`)
      return refuse(res, 421, 'bad_host', `Requests must be addressed to 127.0.0.1:${this.port}.`);
    const headers = {
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'content-security-policy': CONTENT_SECURITY_POLICY,
    };
    if (req.method === 'GET' && this.windowLinks.redeem(nonce)) {
      res.writeHead(303, {
        ...headers,
        location: `/#token=${this.options.token}`,
        'set-cookie': windowCookie(this.options.token),
      });
      res.end();
      return;
    }
    res.writeHead(410, { ...headers, 'content-type': 'text/html; charset=utf-8' });
    res.end(USED_LINK_PAGE);
  }

  private serveStatic(pathname: string, req: http.IncomingMessage, res: http.ServerResponse): void {
    const root = this.options.rendererDir;
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${this.port}` && host !== `localhost:${this.port}`) {
      return refuse(res, 421, 'bad_host', `Requests must be addressed to 127.0.0.1:${this.port}.`);
    }
    if (!root) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The Cadence window is not built. Run "npm run build", then start Cadence again.');
      return;
    }
    const decoded = decodedPath(pathname);
    if (decoded === null) return refuse(res, 400, 'bad_request', 'The path is not a valid address.');
    const relative = pathname === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const file = path.resolve(root, relative);
    const inside = file.startsWith(path.resolve(root) + path.sep);
    const target =
      inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(root, 'index.html');
    const headers = {
      'content-type': MIME[path.extname(target)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': target.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
    };
    if (target.endsWith('index.html') && req.method === 'GET') {
      const page = pageWithFirstScreen(
        fs.readFileSync(target, 'utf8'),
        { cookie: req.headers.cookie, acceptLanguage: req.headers['accept-language'] },
        this.options.token,
        this.options.service,
      );
      if (page !== null) {
        // The user's own day: never stored by the browser, and told apart from the page without it.
        res.writeHead(200, { ...headers, 'cache-control': 'no-store', vary: 'Cookie' });
        res.end(page);
        return;
      }
    }
    const stream = fs.createReadStream(target);
    stream.on('error', () => res.destroy());
    res.writeHead(200, headers);
    stream.pipe(res);
  }

  dispose(): void {
    this.subscription.dispose();
    for (const client of this.clients) client.terminate();
    void this.sockets?.then((sockets) => sockets.close());
    this.server.closeAllConnections();
    this.server.close();
  }
}
