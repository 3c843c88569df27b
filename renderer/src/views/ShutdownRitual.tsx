import { useCallback, useEffect, useRef, useState } from 'react';
import { openRitual, run, useCadence } from '../store/store';
import { clockTime, dayName, durationText, whenText } from '../../../shared/words';
import { EARLY_CLOSE_MINUTES, earlyCloseWords, UNDO_CLOSE_MINUTES } from '../../../shared/closing';
import { MAX_PRIORITIES } from '../../../shared/wireWords';
import { statusShownIn } from '../../../shared/integrationView';
import { useNow } from './useNow';
import { ErrorText } from './ErrorText';
import { PriorityList } from './Priorities';
import { ModalFrame } from './ModalFrame';
import { useDialog } from './useDialog';

const STEPS = ['Done today', 'Carry over', 'Tomorrow', 'Wrap up'] as const;

/** Under the carried priorities: how many new ones tomorrow's three still has room for. */
function roomWords(room: number): string {
  if (room === 0) return "That makes tomorrow's three; to add another, let one go in the step before.";
  return room === 1 ? 'Add one more.' : `Add up to ${room === 2 ? 'two' : room} more.`;
}

export function ShutdownRitual() {
  const open = useCadence((s) => s.ritualOpen);
  const plan = useCadence((s) => s.plan);
  const zone = useCadence((s) => s.status?.timeZone ?? 'UTC');
  const prompt = useCadence((s) => s.status?.prompts.find((p) => p.kind === 'shutdown') ?? null);
  const integrations = useCadence((s) => s.integrations);
  const now = useNow(30_000);
  const [step, setStep] = useState(0);
  const [done, setDone] = useState('');
  const [carryOver, setCarryOver] = useState('');
  const [priorities, setPriorities] = useState(['', '', '']);
  /** Today's priorities, not done, that the user chose to let go instead of carrying. */
  const [letGo, setLetGo] = useState<ReadonlySet<string>>(new Set());
  const [offUntil, setOffUntil] = useState<string | null>(null);
  const [closedAt, setClosedAt] = useState<number | null>(null);
  const [closedEarly, setClosedEarly] = useState(0);
  // What is typed belongs to the day it is typed for: opened for another day (a window left open
  // overnight), the ritual starts empty.
  const day = prompt?.workday ?? plan?.date ?? null;
  const [draftDay, setDraftDay] = useState(day);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open && day !== draftDay) {
      setDraftDay(day);
      setDone('');
      setCarryOver('');
      setPriorities(['', '', '']);
    }
  }
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const priorityInputs = useRef<(HTMLInputElement | null)[]>([]);
  const close = useCallback(() => openRitual(false), []);
  useDialog(dialog, open, close);

  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open, step]);
  useEffect(() => {
    if (!open) {
      setStep(0);
      setOffUntil(null);
      setError(null);
      setLetGo(new Set());
    }
  }, [open]);
  if (!open) return null;

  const focusDone = (plan?.items ?? []).filter((item) => item.kind === 'focus' && item.state !== 'planned');
  const agenda = plan?.agenda ?? { items: [], setOn: null, meantFor: null, notes: '', nextWorkday: null };
  const openItems = agenda.items.filter((item) => !item.done);
  const carry = openItems.filter((item) => !letGo.has(item.text)).map((item) => item.text);
  // Tomorrow's top three: the carried ones count, the boxes offer what is left.
  const room = Math.max(0, MAX_PRIORITIES - carry.length);
  const complete = async () => {
    const result = await run('shutdown.complete', {
      done,
      carryOver,
      priorities: priorities
        .slice(0, room)
        .map((p) => p.trim())
        .filter(Boolean),
      carry,
    });
    if (result.ok) {
      setOffUntil(result.value.offUntil ?? '');
      setClosedAt(Date.now());
      setClosedEarly(result.value.earlyMinutes);
    } else setError(result.message);
  };
  const reopen = async () => {
    const result = await run('shutdown.undo');
    if (result.ok) openRitual(false);
    else setError(result.message);
  };
  // Closing hours early, or with nothing written down, is allowed — but said before it happens.
  const endOfDay = prompt?.endOfDay ?? plan?.endOfDay ?? null;
  const earlyBy = endOfDay ? Math.round((Date.parse(endOfDay) - now) / 60_000) : 0;
  const early = earlyBy >= EARLY_CLOSE_MINUTES;
  // Focus the user planned for later today still starts after an early close: said, with where to cancel it.
  const laterFocus = (plan?.items ?? []).find(
    (item) => item.kind === 'focus' && item.state === 'planned' && Date.parse(item.start) > now,
  );
  const shownIn = statusShownIn(integrations);
  const empty = !done.trim() && !carryOver.trim() && !priorities.some((p) => p.trim()) && !carry.length;
  const snooze = async () => {
    const result = await run('shutdown.snooze', { minutes: 10 });
    if (result.ok) openRitual(false);
    else setError(result.message);
  };
  const pastEnd = prompt?.endOfDay ? Math.round((now - Date.parse(prompt.endOfDay)) / 60_000) : null;

  return (
    <ModalFrame className="ritual" titleId="ritual-title" frame={dialog}>
      {offUntil !== null ? (
        <>
          <h2 id="ritual-title" ref={heading} tabIndex={-1}>
            {earlyCloseWords(closedEarly) ? 'Day closed early.' : 'Day closed. Well done.'}
          </h2>
          <p className="lead">
            {offUntil ? `You are off until ${whenText(offUntil, zone, now)}.` : 'You are off.'}
            {shownIn ? ` Your status in ${shownIn} says so too.` : ''}
          </p>
          {earlyCloseWords(closedEarly) ? (
            <p className="hint" role="note">
              {earlyCloseWords(closedEarly)}
              {laterFocus
                ? ` Focus planned at ${clockTime(laterFocus.start, zone)} still starts: cancel it on the timeline if you are done.`
                : ''}
            </p>
          ) : null}
          <ErrorText message={error} />
          <div className="button-row dialog-actions">
            <button type="button" className="primary" onClick={() => openRitual(false)}>
              Done
            </button>
            {closedAt !== null && Date.now() - closedAt < UNDO_CLOSE_MINUTES * 60_000 ? (
              <button type="button" className="quiet" onClick={() => void reopen()}>
                Undo: reopen the day
              </button>
            ) : null}
          </div>
        </>
      ) : (
        <>
          <ol className="steps" aria-label="Shutdown steps">
            {STEPS.map((name, index) => (
              <li
                key={name}
                aria-current={index === step ? 'step' : undefined}
                className={index < step ? 'done' : ''}
              >
                {name}
              </li>
            ))}
          </ol>
          {pastEnd !== null && pastEnd > 0 ? (
            <p className="hint">It is {pastEnd} minutes past the end of your day.</p>
          ) : null}
          {step === 0 ? (
            <>
              <h2 id="ritual-title" ref={heading} tabIndex={-1}>
                What got done today?
              </h2>
              {agenda.items.length && plan ? (
                <PriorityList
                  agenda={agenda}
                  today={plan.date}
                  label="Today's priorities: tick what is done"
                />
              ) : null}
              {focusDone.length ? (
                <ul className="focus-list" aria-label="Today's focus blocks">
                  {focusDone.map((item) => (
                    <li key={`${item.start}`}>
                      Focus {clockTime(item.start, zone)}–{clockTime(item.end, zone)}
                    </li>
                  ))}
                </ul>
              ) : null}
              <label className="field">
                Done today
                <textarea
                  dir="auto"
                  rows={4}
                  value={done}
                  onChange={(e) => setDone(e.target.value)}
                  maxLength={4000}
                />
              </label>
            </>
          ) : null}
          {step === 1 ? (
            <>
              <h2 id="ritual-title" ref={heading} tabIndex={-1}>
                What carries over?
              </h2>
              {openItems.length && plan ? (
                <fieldset className="carry">
                  <legend>Not done yet: carry to tomorrow?</legend>
                  {openItems.map((item) => (
                    <label className="check" key={item.text}>
                      <input
                        type="checkbox"
                        checked={!letGo.has(item.text)}
                        onChange={(e) => {
                          const next = new Set(letGo);
                          if (e.target.checked) next.delete(item.text);
                          else next.add(item.text);
                          setLetGo(next);
                        }}
                      />
                      <span>
                        <bdi>{item.text}</bdi>
                        {item.from ? (
                          <span className="origin"> · from {dayName(item.from, plan.date)}</span>
                        ) : null}
                      </span>
                    </label>
                  ))}
                </fieldset>
              ) : null}
              <label className="field">
                Notes for tomorrow
                <textarea
                  dir="auto"
                  rows={4}
                  value={carryOver}
                  onChange={(e) => setCarryOver(e.target.value)}
                  maxLength={4000}
                />
              </label>
            </>
          ) : null}
          {step === 2 ? (
            <>
              <h2 id="ritual-title" ref={heading} tabIndex={-1}>
                Tomorrow's top three
              </h2>
              {carry.length ? (
                <p className="lead">
                  Carried: <bdi>{carry.join(' · ')}</bdi>. {roomWords(room)}
                </p>
              ) : null}
              {priorities.slice(0, room).map((value, index) => (
                <label className="field" key={index}>
                  Priority {index + 1}
                  <input
                    dir="auto"
                    value={value}
                    maxLength={200}
                    ref={(input) => {
                      priorityInputs.current[index] = input;
                    }}
                    onChange={(e) =>
                      setPriorities(priorities.map((p, i) => (i === index ? e.target.value : p)))
                    }
                    onKeyDown={(e) => {
                      // Enter takes a priority and moves on: to the next box, then to the last step.
                      if (e.key !== 'Enter') return;
                      e.preventDefault();
                      const next = priorityInputs.current[index + 1];
                      if (next) next.focus();
                      else setStep(3);
                    }}
                  />
                </label>
              ))}
            </>
          ) : null}
          {step === 3 ? (
            <>
              <h2 id="ritual-title" ref={heading} tabIndex={-1}>
                Ready to close the day?
              </h2>
              <p className="lead">
                Cadence will set you off until your next working period, and tomorrow's Today view will show
                your priorities and notes.
              </p>
              {early && endOfDay ? (
                <p className="hint" role="note">
                  Your day ends at {clockTime(endOfDay, zone)}: this closes it {durationText(earlyBy)} early,
                  and the rest of today is yours, with no lunch or end-of-day prompts.
                  {laterFocus
                    ? ` Focus planned at ${clockTime(laterFocus.start, zone)} still starts: cancel it on the timeline if you are done.`
                    : ''}
                </p>
              ) : null}
              {empty ? (
                <p className="hint" role="note">
                  Nothing is written down: the day closes all the same, and tomorrow starts without
                  priorities.
                </p>
              ) : null}
            </>
          ) : null}
          <ErrorText message={error} />
          <div className="button-row dialog-actions">
            {step > 0 ? (
              <button type="button" onClick={() => setStep(step - 1)}>
                Back
              </button>
            ) : null}
            {step < 3 ? (
              <button type="button" className="primary" onClick={() => setStep(step + 1)}>
                Next
              </button>
            ) : (
              <button type="button" className="primary" onClick={() => void complete()}>
                {early ? 'Close the day early' : 'Close the day'}
              </button>
            )}
            {prompt ? (
              <button type="button" className="quiet" onClick={() => void snooze()}>
                Snooze 10 min
              </button>
            ) : null}
            <button type="button" className="quiet" onClick={() => openRitual(false)}>
              Not now
            </button>
          </div>
        </>
      )}
    </ModalFrame>
  );
}
