import { printable } from './printable';
import type { StatusView } from './statusView';
import { clockTime, headline } from './words';
import { sameZone } from './zoneNames';

// `cadence status` in words. The service writes them (it holds the settings, the clock and the zone data), so
// the CLI prints them without loading a date library or asking the platform's time formats.
// Each text from outside Cadence's own words (a priority, a problem's record) is one line in the printable
// form: it cannot start a line of its own or steer the terminal.

function minutesBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));
}

/** What a prompt asks, and the command that answers it. */
function promptLine(prompt: StatusView['prompts'][number], zone: string): string {
  switch (prompt.kind) {
    case 'lunch':
      return 'Lunch is due: cadence lunch start | snooze | skip.';
    case 'shutdown':
      return 'Time to close the day: cadence shutdown --note "…".';
    case 'afterHours':
      return `You're working after hours (about ${prompt.activeMinutes ?? 0} min). Close it down? cadence nudge close | urgent.`;
    case 'goalStart':
      return `Planned focus is waiting${prompt.windowEnd ? ` (until ${clockTime(prompt.windowEnd, zone)})` : ''}: cadence goal start | skip.`;
    case 'focusEnded':
      return 'A focus block ended.';
  }
}

/** A few plain lines for `cadence status`, in the user's clock. */
export function describeStatus(status: StatusView): string {
  const zone = status.timeZone;
  const now = Date.parse(status.now);
  const left = status.focus ? ` ${minutesBetween(status.now, status.focus.endsAt)} min left.` : '';
  const lines = [`${printable(headline(status, now))}${left}`];
  for (const prompt of status.prompts) {
    lines.push(promptLine(prompt, zone));
  }
  lines.push(
    `Time zone: ${zone}${!sameZone(status.systemTimeZone, zone) ? ` (this computer is in ${status.systemTimeZone})` : ''}.`,
  );
  for (const problem of status.problems) lines.push(`! ${printable(problem)}`);
  return lines.join('\n');
}
