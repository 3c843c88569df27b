import { useState } from 'react';
import type { Settings } from '../../../shared/settings';
import { run, useCadence } from '../store/store';
import { ErrorText } from './ErrorText';

/** The locale's weekend (e.g. Friday–Saturday in much of the Middle East), where the browser knows it. */
export function localeWeekend(locale: string | undefined): number[] {
  try {
    const info = new Intl.Locale(locale ?? 'en-US') as Intl.Locale & {
      getWeekInfo?: () => { weekend: number[] };
      weekInfo?: { weekend: number[] };
    };
    return info.getWeekInfo?.().weekend ?? info.weekInfo?.weekend ?? [6, 7];
  } catch {
    return [6, 7];
  }
}

export function Onboarding() {
  const settings = useCadence((s) => s.settings);
  const systemZone = useCadence((s) => s.status?.systemTimeZone ?? 'UTC');
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('17:30');
  const [lunchAt, setLunchAt] = useState('12:00');
  const [lunchMinutes, setLunchMinutes] = useState(45);
  const [chosenZone, setZone] = useState<string | null>(null);
  const zone = chosenZone ?? systemZone;
  const [error, setError] = useState<string | null>(null);
  if (!settings || settings.onboarded) return null;
  const weekend = localeWeekend(typeof navigator === 'undefined' ? undefined : navigator.language);

  const finish = async (event: React.FormEvent) => {
    event.preventDefault();
    const spans = [{ start, end }];
    const week = Object.fromEntries(
      ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, weekend.includes(Number(d)) ? [] : spans]),
    ) as Settings['week'];
    const [h = 12, m = 0] = lunchAt.split(':').map(Number);
    const latest = `${String(Math.min(23, h + 1)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    const result = await run('settings.update', {
      patch: {
        onboarded: true,
        week,
        weekendDays: weekend,
        homeTimeZone: zone,
        workTimeZone: zone,
        lunch: { ...settings.lunch, earliestStart: lunchAt, latestStart: latest, minutes: lunchMinutes },
      },
    });
    if (!result.ok)
      setError(result.issues?.map((i) => `${i.path}: ${i.message}`).join('; ') || result.message);
  };

  return (
    <div className="overlay">
      <form
        className="dialog onboarding"
        role="dialog"
        aria-modal="true"
        aria-labelledby="welcome"
        onSubmit={(e) => void finish(e)}
      >
        <h1 id="welcome">Welcome to Cadence</h1>
        <p className="lead">
          Three questions, and your boundaries run on autopilot. You can change all of it later in Settings.
        </p>
        <fieldset>
          <legend>When do you work?</legend>
          <label className="field">
            Start
            <input type="time" value={start} onChange={(e) => setStart(e.target.value)} required />
          </label>
          <label className="field">
            End
            <input type="time" value={end} onChange={(e) => setEnd(e.target.value)} required />
          </label>
        </fieldset>
        <fieldset>
          <legend>Lunch</legend>
          <label className="field">
            Around
            <input type="time" value={lunchAt} onChange={(e) => setLunchAt(e.target.value)} required />
          </label>
          <label className="field">
            For (minutes)
            <input
              type="number"
              min={10}
              max={180}
              value={lunchMinutes}
              onChange={(e) => setLunchMinutes(Number(e.target.value))}
            />
          </label>
        </fieldset>
        <label className="field">
          Your time zone
          <input value={zone} onChange={(e) => setZone(e.target.value)} required />
        </label>
        <ErrorText message={error} />
        <button type="submit" className="primary">
          Start using Cadence
        </button>
      </form>
    </div>
  );
}
