import type { DayPlanView, StatusView } from '../../shared/statusView';

function clock(iso: string, zone: string): string {
  return new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

function when(iso: string, zone: string, now: string): string {
  const sameDay = iso.slice(0, 10) === now.slice(0, 10);
  if (sameDay) return clock(iso, zone);
  const day = new Intl.DateTimeFormat(undefined, {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(new Date(iso));
  return `${day} ${clock(iso, zone)}`;
}

function minutesBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));
}

const OFF_WORDS: Record<string, string> = {
  afterHours: 'Off: your workday is over',
  beforeHours: 'Off: your workday has not started',
  betweenSpans: 'Off: between working hours',
  weekend: 'Off: weekend',
  holiday: 'Off: public holiday',
  dayOff: 'Off: day off',
  dayClosed: 'Off: you closed the day',
  away: 'Away',
};

/** One or two plain lines for `cadence status`. */
export function describeStatus(status: StatusView): string {
  const zone = status.timeZone;
  const lines: string[] = [];
  if (status.mode === 'focus' && status.focus) {
    lines.push(
      `Focusing until ${clock(status.focus.endsAt, zone)} (${minutesBetween(status.now, status.focus.endsAt)} min left).`,
    );
  } else if (status.mode === 'meeting' && status.meeting) {
    lines.push(`In a meeting (${status.meeting.title}) until ${clock(status.meeting.endsAt, zone)}.`);
  } else if (status.mode === 'lunch' && status.until) {
    lines.push(`At lunch until ${clock(status.until, zone)}.`);
  } else if (status.mode === 'working') {
    lines.push(status.until ? `Working, until ${when(status.until, zone, status.now)}.` : 'Working.');
  } else {
    const back = status.nextWorkStart ? ` Back ${when(status.nextWorkStart, zone, status.now)}.` : '';
    lines.push(`${OFF_WORDS[status.reason] ?? 'Off'}.${back}`);
  }
  for (const prompt of status.prompts) {
    lines.push(
      prompt.kind === 'lunch'
        ? 'Lunch is due: cadence lunch start | snooze | skip.'
        : 'Time to close the day: cadence shutdown --note "…".',
    );
  }
  lines.push(
    `Time zone: ${zone}${status.systemTimeZone !== zone ? ` (this computer is in ${status.systemTimeZone})` : ''}.`,
  );
  for (const problem of status.problems) lines.push(`! ${problem}`);
  return lines.join('\n');
}

export function describePlan(plan: DayPlanView): string {
  const zone = plan.timeZone;
  const lines = [
    `${plan.date} (${plan.timeZone})${plan.holiday ? ` — ${plan.holiday}` : ''}${plan.dayKind !== 'workday' ? ` — ${plan.dayKind}` : ''}`,
  ];
  if (plan.priorities.length)
    lines.push(`Top priorities: ${plan.priorities.map((p, i) => `${i + 1}. ${p}`).join('  ')}`);
  for (const item of plan.items) {
    const span = `${clock(item.start, zone)}–${clock(item.end, zone)}`;
    const label =
      item.kind === 'work'
        ? 'working hours'
        : item.kind === 'meeting'
          ? `meeting: ${item.title}`
          : `${item.kind} (${item.state})`;
    lines.push(`  ${span}  ${label}`);
  }
  if (plan.endOfDay)
    lines.push(`  End of day: ${clock(plan.endOfDay, zone)}${plan.closed ? ' (closed)' : ''}`);
  if (plan.items.length === 0) lines.push('  No work planned.');
  return lines.join('\n');
}
