import { useEffect, useRef, useState } from 'react';
import type { Settings } from '../../../shared/settings';
import { spanProblem, WEEKDAYS } from '../../../shared/workSpans';
import { run, useCadence } from '../store/store';
import { ErrorText } from './ErrorText';
import { describedBy, type Issues, Problem } from './SettingsFields';
import { pickedZone, UNKNOWN_ZONE, ZonePicker, zoneProblem } from './ZonePicker';
import { keepWorkZoneWhileOn } from './PromptBanners';
import { sameZone } from '../../../shared/zoneNames';
import { timeProblem, useTimeField } from './TimeField';
import { firstDayOfWeek } from '../../../shared/weekStart';
import { userLocale } from '../userLocale';
import { useDialog } from './useDialog';

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

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const NO_WORKING_DAY = 'Pick at least one working day';

/** The onboarding field a problem from the service is about. */
function fieldOf(path: string): string | null {
  if (path.startsWith('week.')) return path.endsWith('.start') ? 'start' : 'end';
  if (path === 'lunch.minutes') return 'lunchMinutes';
  if (path.startsWith('lunch.')) return 'lunchAt';
  if (path === 'homeTimeZone' || path === 'workTimeZone') return 'zone';
  if (path.startsWith('weekendDays')) return 'days';
  return null;
}

/** A labelled time of day on the user's clock, with its problem said below it. */
function LabelledTime({
  id,
  label,
  value,
  onChange,
  problem,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem: string | null;
}) {
  const time = useTimeField(value, onChange);
  const shown = problem ?? time.problem;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...time.input} required {...describedBy(shown, id)} />
      <Problem problem={shown} path={id} />
    </div>
  );
}

export function Onboarding() {
  const settings = useCadence((s) => s.settings);
  const systemZone = useCadence((s) => s.status?.systemTimeZone ?? 'UTC');
  const [workingDays, setWorkingDays] = useState<number[] | null>(null);
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('17:30');
  const [nextDay, setNextDay] = useState(false);
  const [lunchAt, setLunchAt] = useState('12:00');
  const [lunchMinutes, setLunchMinutes] = useState(45);
  const [chosenZone, setZone] = useState<string | null>(null);
  const zone = chosenZone ?? systemZone;
  const [issues, setIssues] = useState<Issues>({});
  const [error, setError] = useState<string | null>(null);
  const [checked, setChecked] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const endTime = useTimeField(end, setEnd);
  const showing = Boolean(settings && !settings.onboarded);
  // A first start: the keyboard begins in the dialog and stays there until it is done (no Escape).
  useDialog(form, showing, null);
  useEffect(() => {
    if (showing) form.current?.querySelector<HTMLElement>('input')?.focus();
  }, [showing]);
  useEffect(() => {
    if (checked) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [checked]);
  if (!settings || settings.onboarded) return null;
  const weekend = localeWeekend(typeof navigator === 'undefined' ? undefined : navigator.language);
  const days = workingDays ?? [1, 2, 3, 4, 5, 6, 7].filter((day) => !weekend.includes(day));
  const span = { start, end, nextDay };
  // Said as soon as the choice breaks the rule, not only when finishing.
  const daysProblem = days.length ? null : NO_WORKING_DAY;

  const refuse = (found: Issues, message: string | null) => {
    setIssues(found);
    setError(message);
    setChecked((n) => n + 1);
  };

  const finish = async (event: React.FormEvent) => {
    event.preventDefault();
    const local: Issues = {};
    if (daysProblem) local.days = daysProblem;
    for (const [field, text] of [
      ['start', start],
      ['end', end],
      ['lunchAt', lunchAt],
    ] as const) {
      const unreadable = timeProblem(text);
      if (unreadable) local[field] = unreadable;
    }
    const endProblem = spanProblem(span);
    if (endProblem) local.end = endProblem;
    // A city is enough where it names one zone ("lisbon" → Europe/Lisbon).
    const picked = pickedZone(zone);
    if (!picked) local.zone = zoneProblem(zone) ?? UNKNOWN_ZONE;
    if (Object.keys(local).length) return refuse(local, null);
    // A zone chosen here other than the computer's is a choice already made: no banner offers to undo it.
    if (picked && !sameZone(picked, systemZone)) keepWorkZoneWhileOn(systemZone);
    const week = Object.fromEntries(
      WEEKDAYS.map((d) => [d, days.includes(Number(d)) ? [span] : []]),
    ) as Settings['week'];
    const [h = 12, m = 0] = lunchAt.split(':').map(Number);
    const latest = `${String(Math.min(23, h + 1)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    const result = await run('settings.update', {
      patch: {
        onboarded: true,
        week,
        weekendDays: [1, 2, 3, 4, 5, 6, 7].filter((day) => !days.includes(day)),
        homeTimeZone: picked ?? zone.trim(),
        workTimeZone: picked ?? zone.trim(),
        // The week of the language the window speaks (the service knows only the system's, if any).
        weekStart: firstDayOfWeek(userLocale(settings.locale)),
        lunch: { ...settings.lunch, earliestStart: lunchAt, latestStart: latest, minutes: lunchMinutes },
      },
    });
    if (result.ok) {
      // The dialog is gone: the keyboard goes to the view now shown, not the page body.
      document.querySelector<HTMLElement>('nav [aria-current="page"]')?.focus();
      return;
    }
    const found: Issues = {};
    const unplaced: string[] = [];
    for (const issue of result.issues ?? []) {
      const field = fieldOf(issue.path);
      if (field) found[field] ??= issue.message;
      else unplaced.push(issue.message);
    }
    refuse(found, unplaced.length ? unplaced.join('; ') : result.message);
  };

  const problem = (field: string) => issues[field] ?? null;
  const endProblem = problem('end') ?? endTime.problem ?? spanProblem(span);

  return (
    <div className="overlay">
      <form
        ref={form}
        className="dialog onboarding"
        role="dialog"
        aria-modal="true"
        aria-labelledby="welcome"
        onSubmit={(e) => void finish(e)}
        noValidate
      >
        <h1 id="welcome">Welcome to Cadence</h1>
        <p className="lead">
          A few questions, and your boundaries run on autopilot. You can change all of it later in Settings.
        </p>
        <fieldset className="working-days">
          <legend>Which days do you work?</legend>
          {DAY_NAMES.map((name, index) => (
            <label key={name} className="check">
              <input
                type="checkbox"
                aria-label={name}
                checked={days.includes(index + 1)}
                {...describedBy(daysProblem, 'onboarding-days')}
                onChange={(e) =>
                  setWorkingDays(
                    e.target.checked
                      ? [...days, index + 1].sort((a, b) => a - b)
                      : days.filter((d) => d !== index + 1),
                  )
                }
              />
              {name.slice(0, 3)}
            </label>
          ))}
          <Problem problem={daysProblem} path="onboarding-days" />
        </fieldset>
        <fieldset>
          <legend>When do you work?</legend>
          <LabelledTime
            id="onboarding-start"
            label="Start"
            value={start}
            onChange={setStart}
            problem={problem('start')}
          />
          <div className="field">
            <label htmlFor="onboarding-end">End</label>
            <input
              id="onboarding-end"
              {...endTime.input}
              required
              {...describedBy(endProblem, 'onboarding-end')}
            />
          </div>
          <label className="check next-day">
            <input type="checkbox" checked={nextDay} onChange={(e) => setNextDay(e.target.checked)} />
            ends the next day
          </label>
          <Problem problem={endProblem} path="onboarding-end" />
        </fieldset>
        <fieldset>
          <legend>Lunch</legend>
          <LabelledTime
            id="onboarding-lunch"
            label="Around"
            value={lunchAt}
            onChange={setLunchAt}
            problem={problem('lunchAt')}
          />
          <div className="field">
            <label htmlFor="onboarding-lunch-minutes">For (minutes)</label>
            <input
              id="onboarding-lunch-minutes"
              type="number"
              min={10}
              max={180}
              value={Number.isNaN(lunchMinutes) ? '' : lunchMinutes}
              onChange={(e) => setLunchMinutes(e.target.value === '' ? Number.NaN : Number(e.target.value))}
              {...describedBy(problem('lunchMinutes'), 'onboarding-lunch-minutes')}
            />
            <Problem problem={problem('lunchMinutes')} path="onboarding-lunch-minutes" />
          </div>
        </fieldset>
        <ZonePicker label="Your time zone" value={zone} error={problem('zone')} onChange={setZone} />
        <ErrorText message={error} />
        <button type="submit" className="primary">
          Start using Cadence
        </button>
      </form>
    </div>
  );
}
