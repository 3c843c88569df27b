import net from 'node:net';
import fc from 'fast-check';

/** Sends bytes as they are on a fresh connection and reads the status line of the answer, if any. */
export function sendRaw(port: number, request: string, waitMs = 400): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      const line = answer.split('\r\n')[0] ?? '';
      resolve(line.startsWith('HTTP/') ? line : null);
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(request, 'latin1');
  });
}

const printable = fc.stringMatching(/^[\x21-\x7e]{0,30}$/);

/** Request targets that have stopped HTTP servers: protocol-relative, bad escapes, absolute, huge. */
const targets = fc.oneof(
  fc.constantFrom(
    '//',
    '//evil.example/x',
    '/%',
    '/%E0%A4%A',
    '/%00',
    '/..%2f..%2fetc%2fpasswd',
    'http://evil.example/',
    '*',
    '/api/command/focus.start',
    '/api/query/status?token=%',
    '/api/events?token=%ZZ',
    '/callback?state=%&code=%',
    '/callback',
    '/\u0000',
  ),
  printable.map((text) => `/${text}`),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }).map((text) => `/${text}`),
);

const headerLines = (port: number) =>
  fc.array(
    fc.oneof(
      fc.constant(`Host: 127.0.0.1:${port}`),
      fc.constant('Host: evil.example'),
      fc.constant('Origin: http://evil.example'),
      fc.constant('Authorization: Bearer not-the-token'),
      fc.constant('Content-Type: application/json'),
      fc.constant(
        'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      ),
      fc.nat({ max: 100_000 }).map((n) => `Content-Length: ${n}`),
      fc.constant('Transfer-Encoding: chunked'),
      fc.tuple(printable, fc.string({ maxLength: 60 })).map(([name, value]) => `${name}: ${value}`),
      fc.string({ maxLength: 40 }),
    ),
    { maxLength: 7 },
  );

/** Whole raw requests: method, target, version, headers and body, well-formed or not. */
export function rawRequests(port: number): fc.Arbitrary<string> {
  return fc
    .record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'OPTIONS', 'HEAD', 'DELETE', 'BREW', 'G\u00c9T', ''),
      target: targets,
      version: fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9', ''),
      headers: headerLines(port),
      body: fc.oneof(
        fc.constant(''),
        fc.constant('null'),
        fc.constant('{"minutes":25}'),
        fc.string({ maxLength: 200 }),
      ),
    })
    .map(
      ({ method, target, version, headers, body }) =>
        `${method} ${target} ${version}\r\n${headers.join('\r\n')}${headers.length ? '\r\n' : ''}\r\n${body}`,
    );
}
