import { useId, useState } from 'react';
import type { DayPlanView, PlanItemView } from '../../../shared/statusView';
import { run, showNotice } from '../store/store';
import { clockTime, durationText } from '../../../shared/words';
import { skipPlannedFocus } from './FocusWeek';
import { useTimeField } from './TimeField';
import { goalProgressText } from '../../../shared/goalWords';
import {
  atLocalTime,
  isHourMinute,
  localDate,
  minutesOfDay,
  offsetMinutes,
  wallClock,
} from '../../../shared/clockTime';

const HOUR_PX = 44;

interface Gap {
  start: number;
  end: number;
}

/** Free time inside working spans, from now on: where a focus block could go. */
export function freeGaps(plan: DayPlanView, now: number, minimumMinutes = 20): Gap[] {
  const busy = plan.items
    .filter(
      (item) =>
        item.kind !== 'work' &&
        !(item.kind === 'lunch' && (item.state === 'skipped' || item.state === 'missed')),
    )
    .map((item) => [Date.parse(item.start), Date.parse(item.end)] as const)
    .sort((a, b) => a[0] - b[0]);
  const gaps: Gap[] = [];
  // Free time starts on a whole five minutes: "11:20–12:00, 40 min", never 39 and some seconds.
  const from = Math.ceil(now / 300_000) * 300_000;
  for (const work of plan.items.filter((item) => item.kind === 'work')) {
    let cursor = Math.max(Date.parse(work.start), from);
    const end = Date.parse(work.end);
    for (const [start, stop] of busy) {
      if (stop <= cursor || start >= end) continue;
      if (start > cursor) gaps.push({ start: cursor, end: start });
      cursor = Math.max(cursor, stop);
    }
    if (end > cursor) gaps.push({ start: cursor, end });
  }
  return gaps.filter((gap) => gap.end - gap.start >= minimumMinutes * 60_000);
}

function label(item: PlanItemView): string {
  switch (item.kind) {
    case 'work':
      return 'Working hours';
    case 'meeting':
      return item.title;
    case 'goal':
      return 'Focus for your goal (planned)';
    case 'focus':
      return item.state === 'running'
        ? 'Focus (now)'
        : item.state === 'planned'
          ? item.overlapsLunch
            ? 'Focus (planned, over lunch)'
            : 'Focus (planned)'
          : item.state === 'stopped'
            ? 'Focus (stopped early)'
            : 'Focus';
    case 'lunch':
      return item.state === 'skipped'
        ? 'Lunch (skipped)'
        : item.state === 'missed'
          ? 'Lunch (not taken)'
          : item.state === 'planned'
            ? 'Lunch (planned)'
            : 'Lunch';
  }
}

export function Timeline({
  plan,
  now,
  defaultMinutes,
}: {
  plan: DayPlanView;
  now: number;
  defaultMinutes: number;
}) {
  const zone = plan.timeZone;
  if (!plan.items.length) return <p className="empty">No working hours today.</p>;
  const starts = plan.items.map((item) => Date.parse(item.start));
  const ends = plan.items.map((item) => Date.parse(item.end));
  // Lines on the zone's whole hours (Kolkata's are at :30 past UTC's), not on UTC's.
  const offset = offsetMinutes(Math.min(...starts), zone) * 60_000;
  const first = Math.floor((Math.min(...starts) + offset) / 3_600_000) * 3_600_000 - offset;
  const last = Math.ceil((Math.max(...ends) + offset) / 3_600_000) * 3_600_000 - offset;
  const px = (at: number) => ((at - first) / 3_600_000) * HOUR_PX;
  const hours: number[] = [];
  for (let at = first; at <= last; at += 3_600_000) hours.push(at);
  const gaps = freeGaps(plan, now);
  return (
    <div className="timeline-wrap">
      <div className="timeline" style={{ height: px(last) + 8 }} aria-label="Today's timeline" role="list">
        {hours.map((at) => (
          <div className="hour" key={at} style={{ top: px(at) }} aria-hidden="true">
            <span>{clockTime(at, zone)}</span>
          </div>
        ))}
        {plan.items.map((item, index) => {
          const start = Date.parse(item.start);
          const end = Date.parse(item.end);
          const minutes = Math.round((end - start) / 60_000);
          return (
            <div
              role="listitem"
              key={`${item.kind}-${index}`}
              className={`block block-${item.kind}${'state' in item ? ` state-${item.state}` : ''}`}
              style={{ top: px(start), height: Math.max(14, px(end) - px(start)) }}
              title={`${label(item)} ${clockTime(start, zone)}–${clockTime(end, zone)}`}
            >
              {item.kind === 'work' ? null : (
                <span>
                  <bdi>{label(item)}</bdi> · {clockTime(start, zone)}–{clockTime(end, zone)} ·{' '}
                  {durationText(minutes)}
                </span>
              )}
            </div>
          );
        })}
        {now >= first && now <= last ? (
          <div className="now-line" style={{ top: px(now) }} aria-hidden="true" />
        ) : null}
      </div>
      <div className="side">
        <PlannedBlocks plan={plan} />
        {gaps.length ? (
          <div className="gaps">
            <h3>Free time</h3>
            <ul>
              {gaps.slice(0, 6).map((gap) => {
                const minutes = Math.min(defaultMinutes, Math.floor((gap.end - gap.start) / 60_000));
                return (
                  <li key={gap.start}>
                    <span>
                      {clockTime(gap.start, zone)}–{clockTime(gap.end, zone)}
                    </span>
                    <button
                      type="button"
                      onClick={() =>
                        void run(
                          'focus.start',
                          gap.start <= now + 60_000
                            ? { minutes }
                            : { at: new Date(gap.start).toISOString(), minutes },
                        )
                      }
                    >
                      Plan {minutes} min focus
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
      </div>
    </div>
  );
}

type PlannedFocus = Extract<PlanItemView, { kind: 'focus' }>;

/** The blocks planned for later today, each with a way to move or cancel it. */
function PlannedBlocks({ plan }: { plan: DayPlanView }) {
  const planned = plan.items.filter(
    (item): item is PlannedFocus => item.kind === 'focus' && item.state === 'planned',
  );
  const goal = plan.items.filter((item) => item.kind === 'goal');
  if (!planned.length && !goal.length) return null;
  const zone = plan.timeZone;
  return (
    <div className="planned">
      <h3>Planned focus</h3>
      <ul>
        {planned.map((item) => (
          <PlannedBlock key={item.id} item={item} zone={zone} />
        ))}
        {goal.map((item) => {
          const span = `${clockTime(item.start, zone)}–${clockTime(item.end, zone)}`;
          return (
            <li key={item.key}>
              <span>
                {span} <span className="origin">for your goal</span>
              </span>
              <button
                type="button"
                className="quiet"
                aria-label={`Skip focus ${span}`}
                onClick={() => skipPlannedFocus(item.key, false, span)}
              >
                Skip
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Where the weekly focus goal stands, in one line. */
export function GoalLine({ plan }: { plan: DayPlanView }) {
  const goal = plan.goal;
  if (!goal) return null;
  return (
    <p className="goal-line">
      {goalProgressText(goal)}
      {goal.shortMinutes > 0 ? (
        <strong className="hint"> · the week's free time is {durationText(goal.shortMinutes)} short</strong>
      ) : null}
      .
    </p>
  );
}

function PlannedBlock({ item, zone }: { item: PlannedFocus; zone: string }) {
  const start = Date.parse(item.start);
  const [moving, setMoving] = useState(false);
  const [time, setTime] = useState(() => wallClock(start, zone));
  const newStart = useTimeField(time, setTime);
  const problemId = useId();
  const span = `${clockTime(start, zone)}–${clockTime(item.end, zone)}`;
  const move = async () => {
    if (!newStart.check() || !isHourMinute(time)) return;
    const at = atLocalTime(localDate(start, zone), minutesOfDay(time), zone);
    const result = await run('focus.move', { id: item.id, at: new Date(at).toISOString() });
    if (result.ok) {
      setMoving(false);
      showNotice({ kind: 'info', text: `Focus moved to ${clockTime(result.value.startAt, zone)}.` });
    }
  };
  return (
    <li>
      <span>
        {span}
        {item.overlapsLunch ? <span className="hint"> · over lunch: move it?</span> : null}
      </span>
      {moving ? (
        <form
          className="move-form"
          onSubmit={(e) => {
            e.preventDefault();
            void move();
          }}
        >
          <label className="field">
            New start
            <input
              {...newStart.input}
              required
              autoFocus
              {...(newStart.problem ? { 'aria-invalid': true, 'aria-describedby': problemId } : {})}
            />
          </label>
          <button type="submit">Move</button>
          <button type="button" className="quiet" onClick={() => setMoving(false)}>
            Keep
          </button>
          {newStart.problem ? (
            <span id={problemId} className="field-error">
              {newStart.problem}
            </span>
          ) : null}
        </form>
      ) : (
        <span className="button-row">
          <button type="button" onClick={() => setMoving(true)} aria-label={`Move focus ${span}`}>
            Move…
          </button>
          <button
            type="button"
            className="quiet"
            aria-label={`Cancel focus ${span}`}
            onClick={() =>
              void run('focus.cancel', { id: item.id }).then((result) => {
                if (result.ok) showNotice({ kind: 'info', text: `Focus ${span} cancelled.` });
              })
            }
          >
            Cancel
          </button>
        </span>
      )}
    </li>
  );
}
