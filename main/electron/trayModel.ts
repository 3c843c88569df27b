import type { StatusView } from '../../shared/statusView';
import { clockTime, MODE_WORDS } from '../../shared/words';

/** A menu as data, so it can be tested without Electron; `main.ts` turns it into a real Menu. */
export type TrayAction =
  | { type: 'focus.start'; minutes?: number }
  | { type: 'focus.extend'; minutes: number }
  | { type: 'focus.stop' }
  | { type: 'lunch.start' }
  | { type: 'ritual.open' }
  | { type: 'window.open' }
  | { type: 'update.install' }
  | { type: 'quit' };

export type TrayMenuItem = { label: string; enabled: boolean; action?: TrayAction } | { separator: true };

/** Minutes left, shown whole: the tray updates once a minute, not every second. */
export function minutesLeft(status: StatusView, now: number): number | null {
  const end = status.focus?.endsAt ?? status.lunch?.endsAt ?? null;
  return end ? Math.max(0, Math.ceil((Date.parse(end) - now) / 60_000)) : null;
}

/** The macOS menu-bar title: the time left of a focus block or lunch, else nothing. */
export function trayTitle(status: StatusView, now: number): string {
  const left = minutesLeft(status, now);
  return left === null ? '' : `${left}m`;
}

/** The tooltip elsewhere: state, time left, and what comes next. */
export function trayTooltip(status: StatusView, now: number, locale?: string): string {
  const left = minutesLeft(status, now);
  const zone = status.timeZone;
  const parts = [`Cadence — ${MODE_WORDS[status.mode]}`];
  if (left !== null) parts.push(`${left} min left`);
  else if (status.mode === 'off' && status.nextWorkStart)
    parts.push(`back ${clockTime(status.nextWorkStart, zone, locale)}`);
  else if (status.mode === 'working' && status.until)
    parts.push(`until ${clockTime(status.until, zone, locale)}`);
  return parts.join(' · ');
}

/** What the next deadline is, in words, for the menu. */
export function nextDeadlineText(status: StatusView, locale?: string): string {
  const zone = status.timeZone;
  if (status.focus) return `Focus ends at ${clockTime(status.focus.endsAt, zone, locale)}`;
  if (status.lunch) return `Lunch ends at ${clockTime(status.lunch.endsAt, zone, locale)}`;
  if (status.mode === 'off')
    return status.nextWorkStart
      ? `Work resumes ${new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(new Date(status.nextWorkStart))}`
      : 'Off';
  return status.until ? `Workday ends at ${clockTime(status.until, zone, locale)}` : 'Working';
}

export function trayMenu(
  status: StatusView,
  lengths: readonly number[],
  locale?: string,
  platform: NodeJS.Platform = process.platform,
  /** The length a one-click block has (settings.focus.defaultMinutes). */
  defaultMinutes: number = lengths[0] ?? 25,
  /** A downloaded update's version, offered as "Restart to update". */
  updateReady: string | null = null,
): TrayMenuItem[] {
  const focusing = status.mode === 'focus';
  const items: TrayMenuItem[] = [];
  // On Linux a click on the tray usually opens this menu: its first item is the one-click toggle.
  if (platform === 'linux')
    items.push(
      focusing
        ? { label: 'Stop focus', enabled: true, action: { type: 'focus.stop' } }
        : { label: `Start focus (${defaultMinutes} min)`, enabled: true, action: { type: 'focus.start' } },
    );
  items.push({ label: nextDeadlineText(status, locale), enabled: false }, { separator: true });
  if (focusing) {
    items.push({ label: 'Extend 10 minutes', enabled: true, action: { type: 'focus.extend', minutes: 10 } });
    items.push({ label: 'Extend 25 minutes', enabled: true, action: { type: 'focus.extend', minutes: 25 } });
    if (platform !== 'linux')
      items.push({ label: 'Stop focus', enabled: true, action: { type: 'focus.stop' } });
  } else {
    for (const minutes of lengths)
      items.push({
        label: `Start focus ${minutes} min`,
        enabled: true,
        action: { type: 'focus.start', minutes },
      });
    items.push({ label: 'Focus until…', enabled: true, action: { type: 'window.open' } });
  }
  items.push({ separator: true });
  items.push({ label: 'Start lunch', enabled: status.mode === 'working', action: { type: 'lunch.start' } });
  items.push({
    label: 'Close the day…',
    enabled: status.mode !== 'off' || status.reason === 'afterHours',
    action: { type: 'ritual.open' },
  });
  items.push({ separator: true });
  if (updateReady)
    items.push({
      label: `Restart to update (${updateReady})`,
      enabled: true,
      action: { type: 'update.install' },
    });
  items.push({ label: 'Open Cadence', enabled: true, action: { type: 'window.open' } });
  items.push({ label: 'Quit Cadence', enabled: true, action: { type: 'quit' } });
  return items;
}

/** Left-click on the tray: the one-click focus toggle. */
export function clickAction(status: StatusView): TrayAction {
  return status.mode === 'focus' ? { type: 'focus.stop' } : { type: 'focus.start' };
}
