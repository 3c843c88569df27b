import { useState } from 'react';
import type { Settings, WeekdayKey, WorkSpan } from '../../../shared/settings';
import { sharedWorkdayHours, spanProblem, WEEKDAYS, withWorkdayHours } from '../../../shared/workSpans';
import { describedBy, fieldId, type Issues, Problem, problemAt, SelectField } from './SettingsFields';
import { useTimeField } from './TimeField';

const DAY_NAMES: Record<WeekdayKey, string> = {
  '1': 'Monday',
  '2': 'Tuesday',
  '3': 'Wednesday',
  '4': 'Thursday',
  '5': 'Friday',
  '6': 'Saturday',
  '7': 'Sunday',
};
const MAX_SPANS = 6;
const NEW_SPAN: WorkSpan = { start: '09:00', end: '17:00', nextDay: false };

function SpanRow({
  name,
  path,
  span,
  issues,
  onChange,
  onRemove,
}: {
  name: string;
  path: string;
  span: WorkSpan;
  issues: Issues;
  onChange: (span: WorkSpan) => void;
  onRemove: () => void;
}) {
  const start = useTimeField(span.start, (time) => onChange({ ...span, start: time }));
  const end = useTimeField(span.end, (time) => onChange({ ...span, end: time }));
  const startProblem = problemAt(issues, `${path}.start`) ?? start.problem;
  // The night-shift rule is said as soon as the times break it, not only after a save.
  const endProblem = problemAt(issues, `${path}.end`) ?? end.problem ?? spanProblem(span);
  return (
    <div className="span">
      <span className="span-times">
        <input
          {...start.input}
          id={fieldId(`${path}.start`)}
          aria-label={`${name} start`}
          {...describedBy(startProblem, `${path}.start`)}
        />
        –
        <input
          {...end.input}
          id={fieldId(`${path}.end`)}
          aria-label={`${name} end`}
          {...describedBy(endProblem, `${path}.end`)}
        />
      </span>
      <label className="check">
        <input
          type="checkbox"
          aria-label={`${name} ends the next day`}
          checked={span.nextDay === true}
          onChange={(e) => onChange({ ...span, nextDay: e.target.checked })}
        />
        ends the next day
      </label>
      <button type="button" className="quiet small" aria-label={`Remove ${name}`} onClick={onRemove}>
        ×
      </button>
      <Problem problem={startProblem} path={`${path}.start`} />
      <Problem problem={endProblem} path={`${path}.end`} />
    </div>
  );
}

function SpansEditor({
  name,
  path,
  spans,
  issues,
  onChange,
}: {
  name: string;
  path: string;
  spans: WorkSpan[];
  issues: Issues;
  onChange: (spans: WorkSpan[]) => void;
}) {
  // A problem with the day as a whole (too many spans); a span's own problems are said by the span.
  const dayProblem = issues[path] ?? null;
  return (
    <div className="day-spans" role="group" aria-label={name}>
      <span className="day-name">{name}</span>
      <div className="day-span-list">
        {spans.length === 0 ? <span className="muted">No working hours</span> : null}
        {spans.map((span, index) => (
          <SpanRow
            key={index}
            name={`${name} span ${index + 1}`}
            path={`${path}.${index}`}
            span={span}
            issues={issues}
            onChange={(next) => onChange(spans.map((s, i) => (i === index ? next : s)))}
            onRemove={() => onChange(spans.filter((_, i) => i !== index))}
          />
        ))}
        {spans.length < MAX_SPANS ? (
          <button
            type="button"
            className="quiet small add-span"
            aria-label={`Add a span to ${name}`}
            onClick={() => onChange([...spans, NEW_SPAN])}
          >
            + span
          </button>
        ) : null}
        <Problem problem={dayProblem} path={path} />
      </div>
    </div>
  );
}

/** The working days and their hours: one set of hours for every working day, or each day its own. */
export function WorkingWeekSettings({
  draft,
  issues,
  update,
}: {
  draft: Settings;
  issues: Issues;
  update: (patch: Partial<Settings>) => void;
}) {
  const { week, weekendDays } = draft;
  const [sameHours, setSameHours] = useState(() => sharedWorkdayHours(week, weekendDays) !== null);
  const firstWorkday = WEEKDAYS.find((day) => !weekendDays.includes(Number(day)));
  const commonHours = (firstWorkday && week[firstWorkday]) || [NEW_SPAN];

  const setWorkingDay = (day: WeekdayKey, working: boolean) => {
    const weekend = working
      ? weekendDays.filter((d) => d !== Number(day))
      : [...weekendDays, Number(day)].sort((a, b) => a - b);
    // With the same hours everywhere, a new working day gets them at once.
    update(
      sameHours
        ? { weekendDays: weekend, week: withWorkdayHours(week, weekend, commonHours) }
        : { weekendDays: weekend },
    );
  };

  return (
    <>
      <div className="checks" role="group" aria-label="Working days">
        <span>Working days:</span>
        {WEEKDAYS.map((day) => (
          <label key={day} className="check">
            <input
              type="checkbox"
              aria-label={DAY_NAMES[day]}
              checked={!weekendDays.includes(Number(day))}
              onChange={(e) => setWorkingDay(day, e.target.checked)}
            />
            {DAY_NAMES[day].slice(0, 3)}
          </label>
        ))}
      </div>
      <SelectField
        label="Weeks start on (the focus goal, the review and the charts)"
        path="weekStart"
        value={String(draft.weekStart) as WeekdayKey}
        options={WEEKDAYS.map((day) => [day, DAY_NAMES[day]] as const)}
        onChange={(day) => update({ weekStart: Number(day) })}
      />
      <label className="check same-hours">
        <input
          type="checkbox"
          checked={sameHours}
          onChange={(e) => {
            setSameHours(e.target.checked);
            if (e.target.checked) update({ week: withWorkdayHours(week, weekendDays, commonHours) });
          }}
        />
        Same hours every working day
      </label>
      {sameHours && firstWorkday ? (
        <SpansEditor
          name="Every working day"
          path={`week.${firstWorkday}`}
          spans={commonHours}
          issues={issues}
          onChange={(spans) => update({ week: withWorkdayHours(week, weekendDays, spans) })}
        />
      ) : null}
      {!sameHours
        ? WEEKDAYS.filter((day) => !weekendDays.includes(Number(day))).map((day) => (
            <SpansEditor
              key={day}
              name={DAY_NAMES[day]}
              path={`week.${day}`}
              spans={week[day] ?? []}
              issues={issues}
              onChange={(spans) => update({ week: { ...week, [day]: spans } })}
            />
          ))
        : null}
    </>
  );
}
