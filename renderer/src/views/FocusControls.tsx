import { useId, useState } from 'react';
import type { StatusView } from '../../../shared/statusView';
import { run, useCadence } from '../store/store';
import { countdown } from '../../../shared/words';
import { useTimeField } from './TimeField';
import { useNow } from './useNow';

const DEFAULT_LENGTHS = [25, 50, 90];

function RunningFocus({ focus }: { focus: NonNullable<StatusView['focus']> }) {
  const now = useNow(1000);
  return (
    <div className="focus-running">
      <p className="countdown" role="timer" aria-label="Focus time left">
        {countdown(focus.endsAt, now)}
        <span className="countdown-label"> left</span>
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void run('focus.extend', { minutes: 10 })}>
          +10 min
        </button>
        <button type="button" onClick={() => void run('focus.extend', { minutes: 25 })}>
          +25 min
        </button>
        <button type="button" className="quiet" onClick={() => void run('focus.stop')}>
          Stop focus
        </button>
      </div>
    </div>
  );
}

/** `quiet`: focus is not the thing to do now (lunch, after hours, a closed day): the buttons step back. */
export function FocusControls({ quiet = false }: { quiet?: boolean }) {
  const focus = useCadence((s) => s.status?.focus ?? null);
  const lengths = useCadence((s) => s.settings?.focus.lengths ?? DEFAULT_LENGTHS);
  const [custom, setCustom] = useState('');
  const [until, setUntil] = useState('');
  const untilField = useTimeField(until, setUntil);
  const untilProblem = useId();
  if (focus) return <RunningFocus focus={focus} />;
  const startCustom = (event: React.FormEvent) => {
    event.preventDefault();
    if (!untilField.check()) return;
    if (until) void run('focus.start', { until });
    else if (custom) void run('focus.start', { minutes: Number(custom) });
  };
  return (
    <div className="focus-start">
      <div className="button-row" role="group" aria-label="Start a focus block">
        {lengths.map((minutes) => (
          <button
            type="button"
            className={quiet ? undefined : 'primary'}
            key={minutes}
            onClick={() => void run('focus.start', { minutes })}
          >
            Focus {minutes} min
          </button>
        ))}
      </div>
      <form className="inline-form" onSubmit={startCustom}>
        <label>
          Minutes
          <input
            type="number"
            min={1}
            max={720}
            inputMode="numeric"
            value={custom}
            onChange={(e) => setCustom(e.target.value)}
          />
        </label>
        <span className="or">or until</span>
        <label>
          <span className="visually-hidden">Focus until</span>
          <input
            {...untilField.input}
            aria-label="Focus until"
            {...(untilField.problem ? { 'aria-invalid': true, 'aria-describedby': untilProblem } : {})}
          />
        </label>
        <button type="submit" disabled={!custom && !until}>
          Start
        </button>
        {untilField.problem ? (
          <span id={untilProblem} className="field-error">
            {untilField.problem}
          </span>
        ) : null}
      </form>
    </div>
  );
}
