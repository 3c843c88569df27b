import type { IntegrationView } from './integrationView';
import type { Settings } from './settings';
import type { DayPlanView, StatusView } from './statusView';
import { countdown, headline, pillWords } from './words';

/**
 * The window's first screen, written into its page by the one who serves it (the local service for a
 * window that has proved its key, the desktop app for its own window): the Today headline shows as soon
 * as the page is parsed, and the data it was written from rides along, so the window's script shows the
 * same day at once instead of asking for it first.
 */
export interface FirstScreen {
  status: StatusView;
  plan: DayPlanView;
  settings: Settings;
  integrations: IntegrationView[];
}

/** The id of the page's `<script type="application/json">` that carries the first screen's data. */
export const FIRST_SCREEN_ID = 'cadence-first';

/** Where the window's script renders: the first screen goes inside it, the data right after it. */
const ROOT = '<div id="root"></div>';

/** The view tabs, as the window's top bar shows them (App.tsx lists the same four). */
const TABS = ['Today', 'Teammates', 'Week', 'Settings'];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/**
 * JSON that a `<script type="application/json">` holds safely: no `<` (so no `</script>` or `<!--`
 * inside ends or bends the element); JSON.parse reads `\u003c` back as `<`.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The locale the window writes in: the one chosen in settings, else the browser's (its first language). */
export function firstScreenLocale(
  settings: Settings,
  browserLanguages: string | undefined,
): string | undefined {
  if (settings.locale) return settings.locale;
  const first = browserLanguages?.split(',')[0]?.split(';')[0]?.trim();
  if (!first || first === '*') return undefined;
  try {
    return Intl.getCanonicalLocales(first)[0];
  } catch {
    return undefined;
  }
}

/**
 * The markup the window's first render starts with (App, StatusPill and Today's hero): the top bar with
 * the status and the tabs, and the headline in the same words the window writes. The script then renders
 * the full window over it in place.
 */
export function firstScreenMarkup(first: FirstScreen, locale: string | undefined): string {
  const { status } = first;
  const now = Date.parse(status.now);
  const left = status.focus ? ` · ${countdown(status.focus.endsAt, now)}` : '';
  const pill = escapeHtml(pillWords(status.mode, status.reason));
  const tabs = TABS.map(
    (label) =>
      `<button type="button" class="tab"${label === 'Today' ? ' aria-current="page"' : ''}>${label}</button>`,
  ).join('');
  const words = escapeHtml(headline(status, now, locale));
  return (
    `<div class="app"><header class="topbar"><span class="brand">Cadence</span>` +
    `<span class="pill mode-${status.mode}" role="img" aria-label="Status: ${pill}"><span class="dot" aria-hidden="true"></span>${pill}${escapeHtml(left)}</span>` +
    `<nav aria-label="Views">${tabs}</nav></header>` +
    `<main><fieldset class="view"><div class="today"><section class="hero mode-${status.mode}" aria-labelledby="headline">` +
    `<h1 id="headline" tabindex="-1">${words}</h1></section></div></fieldset></main></div>`
  );
}

/**
 * The window's page with its first screen and data written in; the page unchanged when it has no place
 * for them. The data is JSON in a non-executable script element, so the page's CSP (script-src 'self')
 * stands as it is.
 */
export function withFirstScreen(page: string, first: FirstScreen, locale: string | undefined): string {
  const at = page.indexOf(ROOT);
  if (at < 0) return page;
  const filled =
    `<div id="root">${firstScreenMarkup(first, locale)}</div>` +
    `<script type="application/json" id="${FIRST_SCREEN_ID}">${scriptJson(first)}</script>`;
  return page.slice(0, at) + filled + page.slice(at + ROOT.length);
}
