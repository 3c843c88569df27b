import { randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { callbackPage } from './loopbackListener';

/**
 * Binds a sign-in to the browser that starts it. The address Cadence hands to the system (xdg-open's
 * command line, which every local user can read in /proc) is a local start page, never the service's
 * authorize address with its `state`. The start page works once: it sets a cookie and sends the browser
 * on to the service; the callback is taken only from a browser that shows that cookie. A start page
 * opened twice means someone else opened it too: the sign-in is stopped rather than risk linking their
 * account (RFC 9700 §4.7, CSRF: the state must be bound to the user agent; RFC 8252 §8.6).
 */
export interface BrowserBinding {
  /** The path of the start page on the loopback listener. */
  readonly startPath: string;
  /**
   * Answers the start page. The first time it sets the cookie and redirects to `authorizeUrl` and answers
   * true; any later time it says the sign-in was stopped and answers false.
   */
  start(res: http.ServerResponse, authorizeUrl: string): boolean;
  /** Whether the request comes from the browser that opened the start page. */
  holds(req: http.IncomingMessage): boolean;
}

export function bindToBrowser(port: number): BrowserBinding {
  const startPath = `/cadence-sign-in/${randomBytes(16).toString('base64url')}`;
  // Cookies are shared by every port of a host: the name carries the port, so two sign-ins never collide.
  const name = `cadence_sign_in_${port}`;
  const value = randomBytes(32).toString('base64url');
  let started = false;
  return {
    startPath,
    start(res, authorizeUrl) {
      if (started) {
        res
          .writeHead(400, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
          .end(
            callbackPage(
              'Sign-in stopped',
              'This sign-in page was opened twice, so Cadence stopped the sign-in to be safe. Nothing was changed: press Connect again in Cadence.',
            ),
          );
        return false;
      }
      started = true;
      res
        .writeHead(302, {
          location: authorizeUrl,
          'set-cookie': `${name}=${value}; HttpOnly; SameSite=Lax; Path=/`,
          'cache-control': 'no-store',
          'referrer-policy': 'no-referrer',
        })
        .end();
      return true;
    },
    holds(req) {
      const header = req.headers.cookie ?? '';
      const presented = header
        .split(';')
        .map((pair) => pair.trim().split('='))
        .find(([key]) => key === name)?.[1];
      if (!presented) return false;
      const a = Buffer.from(presented);
      const b = Buffer.from(value);
      return a.length === b.length && timingSafeEqual(a, b);
    },
  };
}
