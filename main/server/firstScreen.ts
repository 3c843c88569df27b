import { createHmac, timingSafeEqual } from 'node:crypto';
import { type FirstScreen, firstScreenLocale, withFirstScreen } from '../../shared/firstScreen';
import type { CadenceService } from '../core/cadenceService';

/**
 * The window's cookie: it says the browser holding it has opened the window with the key before, so the
 * page can come with the user's first screen written in. The window's address carries the key in its
 * fragment, which a browser never sends, so the page itself cannot be authenticated by its address.
 */
export const WINDOW_COOKIE = 'cadence-window';

/**
 * 400 days: the longest a browser keeps a cookie; a longer Max-Age is cut to it
 * (https://www.ietf.org/archive/id/draft-ietf-httpbis-rfc6265bis-15.html#section-5.5).
 */
const COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;

/**
 * The cookie's value, derived from the API token: a new token voids every cookie given before. It is
 * not the token: a cookie that reached someone else (cookies are not kept apart by port, RFC 6265 §8.5)
 * reads the first screen at most, and drives nothing.
 */
export function windowCookieValue(token: string): string {
  return createHmac('sha256', token).update('cadence-window').digest('base64url');
}

/** The Set-Cookie header for a browser that has just proved it holds the token. */
export function windowCookie(token: string): string {
  return `${WINDOW_COOKIE}=${windowCookieValue(token)}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${COOKIE_MAX_AGE_S}`;
}

/** True when a request's Cookie header carries this token's window cookie. */
export function holdsWindowCookie(cookieHeader: string | undefined, token: string): boolean {
  if (!cookieHeader) return false;
  const expected = Buffer.from(windowCookieValue(token));
  return cookieHeader.split(';').some((pair) => {
    const at = pair.indexOf('=');
    if (at < 0 || pair.slice(0, at).trim() !== WINDOW_COOKIE) return false;
    const given = Buffer.from(pair.slice(at + 1).trim());
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** What the window's first screen shows, as the queries the window would ask answer it; null if any fails. */
export function firstScreenOf(service: Pick<CadenceService, 'query'>): FirstScreen | null {
  const status = service.query('status');
  const plan = service.query('plan');
  const settings = service.query('settings');
  const integrations = service.query('integrations');
  if (!status.ok || !plan.ok || !settings.ok || !integrations.ok) return null;
  return {
    status: status.value,
    plan: plan.value,
    settings: settings.value,
    integrations: integrations.value,
  };
}

/**
 * The window's page with its first screen written in, for a request that carries this token's window
 * cookie; null for any other (it gets the page as it is, with nothing of the user's in it).
 */
export function pageWithFirstScreen(
  page: string,
  request: { cookie: string | undefined; acceptLanguage: string | undefined },
  token: string,
  service: Pick<CadenceService, 'query'>,
): string | null {
  if (!holdsWindowCookie(request.cookie, token)) return null;
  const first = firstScreenOf(service);
  if (!first) return null;
  return withFirstScreen(page, first, firstScreenLocale(first.settings, request.acceptLanguage));
}
