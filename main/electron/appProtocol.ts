import path from 'node:path';
import { firstScreenLocale, withFirstScreen } from '../../shared/firstScreen';
import type { CadenceService } from '../core/cadenceService';
import { firstScreenOf } from '../server/firstScreen';

/** What an app:// request resolves to: a file under the renderer's folder, or a refusal. */
export type AppRequest = { file: string } | { status: 400 | 404; reason: string };

/**
 * Maps a request for app://cadence/… to a file of the built window. Only the host `cadence` is
 * served; the path is decoded once (a malformed escape is a 400, not a crash) and must stay inside the
 * renderer's folder by `path.relative` — a prefix check would also serve a sibling folder whose name
 * starts with the same letters ("renderer-old/…").
 */
export function resolveAppRequest(requestUrl: string, rendererDir: string): AppRequest {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 400, reason: 'not a URL' };
  }
  if (url.protocol !== 'app:' || url.host !== 'cadence') return { status: 404, reason: 'not Cadence’s host' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { status: 400, reason: 'malformed escape' };
  }
  if (pathname.includes('\0')) return { status: 400, reason: 'NUL in path' };
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  const relative = path.relative(root, file);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative))
    return { status: 404, reason: 'outside the window’s folder' };
  return { file };
}

/**
 * The desktop window's page with its first screen written in (the Today headline and the data it was
 * written from, as the local service writes it for a browser window): it is the app's own window, so no
 * cookie is asked for. `locale` is the one the window's browser reports (Electron's app locale).
 */
export function appWindowPage(
  page: string,
  service: Pick<CadenceService, 'query'> | null,
  locale: string | undefined,
): string {
  const first = service ? firstScreenOf(service) : null;
  return first ? withFirstScreen(page, first, firstScreenLocale(first.settings, locale)) : page;
}
