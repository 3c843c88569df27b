import { run, showNotice, useCadence } from '../store/store';
import { clockTime, dayTitle, durationText } from '../../../shared/words';
import { localDate } from '../../../shared/clockTime';

/**
 * Skips a block the focus goal planned: one not yet written down is left out of the plan, one written
 * down is cancelled (which skips it too). Says so, with the block's times.
 */
export function skipPlannedFocus(id: string, written: boolean, span: string): void {
  void (written ? run('focus.cancel', { id }) : run('goal.skip', { key: id })).then((result) => {
    if (result.ok) showNotice({ kind: 'info', text: `Focus ${span} skipped; its time is free.` });
  });
}

/**
 * The focus planned for the rest of the week, day by day: the goal's blocks (skipped with one click)
 * and blocks already written down (cancelled). Shown when the weekly focus goal is on.
 */
export function FocusWeek() {
  const plan = useCadence((s) => s.plan);
  const goal = plan?.goal;
  if (!plan || !goal) return null;
  const zone = plan.timeZone;
  const days = new Map<string, typeof goal.ahead>();
  for (const block of goal.ahead) {
    const date = localDate(Date.parse(block.start), zone);
    days.set(date, [...(days.get(date) ?? []), block]);
  }
  return (
    <section className="card focus-week" aria-labelledby="focus-week-title">
      <h2 id="focus-week-title">Focus planned {goal.coming ? 'for next week' : 'this week'}</h2>
      <p className="lead">
        {goal.coming
          ? `No workday is left this week, so your ${durationText(goal.goalMinutes)} goal is planned for the week from ${dayTitle(goal.from)}.`
          : `${durationText(goal.doneMinutes)} of ${durationText(goal.goalMinutes)} done.`}
        {goal.shortMinutes > 0 ? ` The week's free time is ${durationText(goal.shortMinutes)} short.` : ''}
      </p>
      {days.size ? (
        <ul className="focus-week-days">
          {[...days].map(([date, blocks]) => (
            <li key={date}>
              <h3>{dayTitle(date)}</h3>
              <ul>
                {blocks.map((block) => {
                  const span = `${clockTime(block.start, zone)}–${clockTime(block.end, zone)}`;
                  const skip = () => skipPlannedFocus(block.id, block.written, span);
                  return (
                    <li key={block.id}>
                      <span>{span}</span>
                      <button
                        type="button"
                        className="quiet"
                        aria-label={`Skip focus ${span}, ${dayTitle(date)}`}
                        onClick={skip}
                      >
                        Skip
                      </button>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">Nothing more is planned {goal.coming ? 'for next week' : 'this week'}.</p>
      )}
    </section>
  );
}
