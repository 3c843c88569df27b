import { useState } from 'react';
import type { Agenda } from '../../../shared/agenda';
import { dayName, shortDayTitle, weekdayName } from '../../../shared/words';
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

/** A day ahead in words: its weekday within the week, else its date. */
function dayAhead(date: string, today: string): string {
  const days = Math.round((Date.parse(`${date}T12:00:00Z`) - Date.parse(`${today}T12:00:00Z`)) / 86_400_000);
  return days === 1 ? 'tomorrow' : days < 7 ? weekdayName(date) : shortDayTitle(date);
}

/**
 * Today's card of what the last closing left: the priorities, and the notes written for tomorrow. On a
 * weekend or day off the list is the next workday's, and says so.
 */
export function AgendaCard({ agenda, today }: { agenda: Agenda; today: string }) {
  if (!agenda.items.length && !agenda.notes) return null;
  const notesTitle = agenda.setOn ? `Notes from ${dayName(agenda.setOn, today)}` : 'Notes';
  const title = !agenda.items.length
    ? notesTitle
    : agenda.nextWorkday
      ? `Priorities for ${dayAhead(agenda.nextWorkday, today)}`
      : "Today's priorities";
  return (
    <section className="card priorities" aria-labelledby="priorities-title">
      <h2 id="priorities-title">{title}</h2>
      <PriorityList agenda={agenda} today={today} label={title} />
      {agenda.notes ? (
        <div className="day-notes">
          {agenda.items.length ? <h3>{notesTitle}</h3> : null}
          <p dir="auto">
            <bdi>{agenda.notes}</bdi>
          </p>
        </div>
      ) : null}
    </section>
  );
}
