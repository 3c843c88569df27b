import type { HealthState, IntegrationView } from '../../shared/integrationView';
import type { DayPlanView, TeammateView, TogetherView } from '../../shared/statusView';
import { timeOfDayText } from '../../shared/clockWords';
import { printable } from '../../shared/printable';
import { clockTime, dayName, dayTitle, durationText, TEAMMATE_STATE_WORDS } from '../../shared/words';
import { coreHoursText } from '../../shared/team/coreHoursWords';
import { teamQuietWords, togetherWords } from '../../shared/team/togetherWords';
import { goalProgressText } from '../../shared/goalWords';

// Each text from outside Cadence's own words (a priority, a name, a file's snippet, a service's message)
// is one line in the printable form: it cannot start a line of its own or steer the terminal.

const DAY_KIND_WORDS: Record<DayPlanView['dayKind'], string> = {
  workday: 'a workday',
  weekend: 'weekend',
  holiday: 'public holiday',
  dayOff: 'day off',
};

const STATE_WORDS: Record<Extract<DayPlanView['items'][number], { state: unknown }>['state'], string> = {
  planned: ' (planned)',
  running: ', now',
  done: '',
  taken: '',
  stopped: ' (stopped early)',
  skipped: ' (skipped)',
  missed: ' (not taken)',
};

export function describePlan(plan: DayPlanView): string {
  const zone = plan.timeZone;
  const lines = [
    `${dayTitle(plan.date)} (${plan.timeZone})${plan.holiday ? ` — ${printable(plan.holiday)}` : plan.dayKind !== 'workday' ? ` — ${DAY_KIND_WORDS[plan.dayKind]}` : ''}`,
  ];
  const core = coreHoursText(plan.coreHours ?? [], zone);
  if (core) lines.push(core);
  const { agenda } = plan;
  if (plan.priorities.length) {
    const heading = agenda.nextWorkday ? `Priorities for ${dayTitle(agenda.nextWorkday)}` : 'Top priorities';
    lines.push(`${heading}: ${plan.priorities.map((p, i) => `${i + 1}. ${printable(p)}`).join('  ')}`);
  }
  // Each line of the notes quoted under the heading: none can pass for a line of Cadence's own.
  if (agenda.notes && agenda.setOn)
    lines.push(
      `Notes from ${dayName(agenda.setOn, plan.date)}:`,
      ...agenda.notes.split(/\r?\n/).map((line) => `  > ${printable(line)}`),
    );
  for (const item of plan.items) {
    const span = `${clockTime(item.start, zone)}–${clockTime(item.end, zone)}`;
    const label =
      item.kind === 'work'
        ? 'working hours'
        : item.kind === 'meeting'
          ? `meeting: ${printable(item.title)}`
          : item.kind === 'goal'
            ? 'focus for your weekly goal (planned)'
            : item.kind === 'focus' && item.overlapsLunch
              ? 'focus (planned, over lunch: move it?)'
              : `${item.kind}${STATE_WORDS[item.state]}`;
    lines.push(`  ${span}  ${label}`);
  }
  if (plan.endOfDay)
    lines.push(`  End of day: ${clockTime(plan.endOfDay, zone)}${plan.closed ? ' (closed)' : ''}`);
  if (plan.items.length === 0) lines.push('  No work planned.');
  if (plan.goal)
    lines.push(
      `${goalProgressText(plan.goal)}${plan.goal.shortMinutes > 0 ? `; the week's free time is ${durationText(plan.goal.shortMinutes)} short` : ''}.`,
    );
  return lines.join('\n');
}

export function describeTeammates(
  teammates: readonly TeammateView[],
  together: TogetherView | null = null,
  now = Date.now(),
): string {
  if (!teammates.length)
    return 'No teammates yet: cadence teammates add NAME CITY, e.g. cadence teammates add Lena Berlin';
  const times = teammates.map((t) => timeOfDayText(t.localTime));
  const width = Math.max(...times.map((time) => time.length));
  const zone = together?.timeZone;
  const lines = teammates.map((t, i) => {
    // Outside the team's hours (its quiet time in their zone), said after their state.
    const quiet = t.teamQuiet && zone ? ` · ${teamQuietWords(t.teamQuiet, zone, now)}` : '';
    return `${times[i]!.padStart(width)}  ${printable(t.name)} (${t.timeZone}) — ${TEAMMATE_STATE_WORDS[t.state]}${quiet}  [${printable(t.id)}]`;
  });
  if (together && zone) lines.push('', togetherWords(together, zone, now));
  return lines.join('\n');
}

/** A service's health in a few words; a missing permission and an expired sign-in are told apart. */
const HEALTH_WORDS: Record<HealthState, string> = {
  ok: 'ok',
  syncing: 'syncing',
  waiting: 'waiting',
  offline: 'offline',
  reconnect: 'sign-in expired, reconnect',
  permission: 'missing a permission, sign in again and allow it',
  error: 'error',
};

export function describeIntegrations(integrations: readonly IntegrationView[]): string {
  return integrations
    .map(
      (i) =>
        `${i.name}: ${i.connected ? `${HEALTH_WORDS[i.health?.state ?? 'ok']} — ${printable(i.health?.message ?? '')}` : i.configured ? 'not connected' : 'not set up (cadence configure)'}${
          i.account ? `\n  ${printable(i.account)}` : ''
        }${
          // The app in use, so that it can be checked against the provider's console; never the secret.
          i.client
            ? `\n  ${i.managed ? 'set by your organisation: ' : ''}client ID ${printable(i.client.id)}${i.client.secret ? ' (client secret saved)' : ''}`
            : ''
        }${
          i.signIn?.state === 'failed'
            ? `\n  ${printable(i.signIn.message)}`
            : i.signIn?.state === 'pending'
              ? '\n  signing in…'
              : ''
        }`,
    )
    .join('\n');
}
