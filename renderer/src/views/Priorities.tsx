import { useState } from 'react';
import type { Agenda } from '../../../shared/dayPlan';
import { dayName } from '../../../shared/words';
import { run } from '../store/store';

/**
 * A day's priorities with a box to tick each: on Today and in the ritual's first step. A carried one says
 * the day it was first meant for; a list written for a day that was never closed says so.
 */
export function PriorityList({ agenda, today, label }: { agenda: Agenda; today: string; label: string }) {
  const setOn = agenda.setOn;
  // A tick shows at once; the service's answer replaces it.
  const [ticking, setTicking] = useState<ReadonlyMap<string, boolean>>(new Map());
  if (!setOn || !agenda.items.length) return null;
  const tick = (text: string, done: boolean) => {
    setTicking((current) => new Map(current).set(text, done));
    void run('priorities.tick', { setOn, text, done }).then(() =>
      setTicking((current) => {
        const next = new Map(current);
        next.delete(text);
        return next;
      }),
    );
  };
  return (
    <>
      {agenda.meantFor ? (
        <p className="stale-note">
          Written for {dayName(agenda.meantFor, today)}, a day that was never closed. Still the right ones?
        </p>
      ) : null}
      <ul className="agenda" aria-label={label}>
        {agenda.items.map((item) => {
          const done = ticking.get(item.text) ?? item.done;
          return (
            <li key={item.text} className={done ? 'done' : ''}>
              <label className="check">
                <input type="checkbox" checked={done} onChange={(e) => tick(item.text, e.target.checked)} />
                <bdi className="agenda-text">{item.text}</bdi>
              </label>
              {item.from ? <span className="origin">from {dayName(item.from, today)}</span> : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
