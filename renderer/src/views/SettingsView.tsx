import { useEffect, useState } from 'react';
import type { Settings, WeekdayKey, WorkSpan } from '../../../shared/settings';
import { run, useCadence } from '../store/store';
import { IntegrationsSettings } from './IntegrationsSettings';

const DAY_NAMES: Record<WeekdayKey, string> = {
  '1': 'Monday',
  '2': 'Tuesday',
  '3': 'Wednesday',
  '4': 'Thursday',
  '5': 'Friday',
  '6': 'Saturday',
  '7': 'Sunday',
};
const DAYS = Object.keys(DAY_NAMES) as WeekdayKey[];

type Issues = Record<string, string>;

function FieldError({ issues, path }: { issues: Issues; path: string }) {
  const message = Object.entries(issues).find(([key]) => key === path || key.startsWith(`${path}.`))?.[1];
  return message ? (
    <span className="field-error" role="alert">
      {message}
    </span>
  ) : null;
}

const list = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

function SpansEditor({
  day,
  spans,
  onChange,
  weekend,
}: {
  day: WeekdayKey;
  spans: WorkSpan[];
  onChange: (spans: WorkSpan[]) => void;
  weekend: boolean;
}) {
  return (
    <div className="day-spans">
      <span className="day-name">{DAY_NAMES[day]}</span>
      {weekend ? <span className="muted">Weekend</span> : null}
      {!weekend &&
        spans.map((span, index) => (
          <span className="span" key={index}>
            <input
              type="time"
              aria-label={`${DAY_NAMES[day]} span ${index + 1} start`}
              value={span.start}
              onChange={(e) =>
                onChange(spans.map((s, i) => (i === index ? { ...s, start: e.target.value } : s)))
              }
            />
            –
            <input
              type="time"
              aria-label={`${DAY_NAMES[day]} span ${index + 1} end`}
              value={span.end}
              onChange={(e) =>
                onChange(spans.map((s, i) => (i === index ? { ...s, end: e.target.value } : s)))
              }
            />
            <button
              type="button"
              className="quiet small"
              aria-label={`Remove ${DAY_NAMES[day]} span ${index + 1}`}
              onClick={() => onChange(spans.filter((_, i) => i !== index))}
            >
              ×
            </button>
          </span>
        ))}
      {!weekend ? (
        <button
          type="button"
          className="quiet small"
          onClick={() => onChange([...spans, { start: '09:00', end: '17:00' }])}
        >
          + span
        </button>
      ) : null}
    </div>
  );
}

export function SettingsView() {
  const saved = useCadence((s) => s.settings);
  const systemZone = useCadence((s) => s.status?.systemTimeZone ?? null);
  const [draft, setDraft] = useState<Settings | null>(saved);
  const [issues, setIssues] = useState<Issues>({});
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => setDraft(saved), [saved]);
  if (!draft || !saved) return <p className="loading">Loading settings…</p>;
  const update = (patch: Partial<Settings>) => setDraft({ ...draft, ...patch });

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const { version: _version, ...patch } = draft;
    const result = await run('settings.update', { patch });
    if (result.ok) {
      setIssues({});
      setMessage('Settings saved.');
    } else {
      setIssues(Object.fromEntries((result.issues ?? []).map((issue) => [issue.path, issue.message])));
      setMessage(result.message);
    }
  };

  return (
    <form className="settings" onSubmit={(e) => void save(e)} noValidate>
      <h1>Settings</h1>
      {systemZone && systemZone !== saved.workTimeZone ? (
        <div className="banner info" role="status">
          <p>
            Your computer is set to <strong>{systemZone}</strong>, but your working day runs on{' '}
            <strong>{saved.workTimeZone}</strong> time.
          </p>
          <button
            type="button"
            onClick={() => void run('settings.update', { patch: { workTimeZone: systemZone } })}
          >
            Move my working day to {systemZone}
          </button>
        </div>
      ) : null}

      <fieldset>
        <legend>Working week</legend>
        {DAYS.map((day) => (
          <SpansEditor
            key={day}
            day={day}
            weekend={draft.weekendDays.includes(Number(day))}
            spans={draft.week[day] ?? []}
            onChange={(spans) => update({ week: { ...draft.week, [day]: spans } })}
          />
        ))}
        <FieldError issues={issues} path="week" />
        <div className="checks" role="group" aria-label="Weekend days">
          <span>Weekend:</span>
          {DAYS.map((day) => (
            <label key={day} className="check">
              <input
                type="checkbox"
                checked={draft.weekendDays.includes(Number(day))}
                onChange={(e) =>
                  update({
                    weekendDays: e.target.checked
                      ? [...draft.weekendDays, Number(day)].sort()
                      : draft.weekendDays.filter((d) => d !== Number(day)),
                  })
                }
              />
              {DAY_NAMES[day].slice(0, 3)}
            </label>
          ))}
        </div>
        <label className="field">
          Public holidays of (country code)
          <input
            value={draft.holidays.country ?? ''}
            maxLength={2}
            placeholder="DE"
            onChange={(e) =>
              update({ holidays: { ...draft.holidays, country: e.target.value.toUpperCase() || null } })
            }
          />
          <FieldError issues={issues} path="holidays" />
        </label>
        <label className="field">
          Region (optional)
          <input
            value={draft.holidays.region ?? ''}
            maxLength={10}
            placeholder="BE"
            onChange={(e) =>
              update({ holidays: { ...draft.holidays, region: e.target.value.toUpperCase() || null } })
            }
          />
        </label>
        <label className="field">
          Days off (dates, comma-separated)
          <input
            value={draft.daysOff.join(', ')}
            placeholder="2026-12-24, 2026-12-31"
            onChange={(e) => update({ daysOff: list(e.target.value) })}
          />
          <FieldError issues={issues} path="daysOff" />
        </label>
      </fieldset>

      <fieldset>
        <legend>Lunch</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.lunch.enabled}
            onChange={(e) => update({ lunch: { ...draft.lunch, enabled: e.target.checked } })}
          />{' '}
          Remind me to take lunch
        </label>
        <label className="field">
          Earliest start
          <input
            type="time"
            value={draft.lunch.earliestStart}
            onChange={(e) => update({ lunch: { ...draft.lunch, earliestStart: e.target.value } })}
          />
          <FieldError issues={issues} path="lunch.earliestStart" />
        </label>
        <label className="field">
          Latest start
          <input
            type="time"
            value={draft.lunch.latestStart}
            onChange={(e) => update({ lunch: { ...draft.lunch, latestStart: e.target.value } })}
          />
          <FieldError issues={issues} path="lunch.latestStart" />
        </label>
        <label className="field">
          Length (minutes)
          <input
            type="number"
            value={draft.lunch.minutes}
            onChange={(e) => update({ lunch: { ...draft.lunch, minutes: Number(e.target.value) } })}
          />
          <FieldError issues={issues} path="lunch.minutes" />
        </label>
      </fieldset>

      <fieldset>
        <legend>End of day</legend>
        <label className="field">
          Prompt this many minutes before the end
          <input
            type="number"
            value={draft.shutdown.promptMinutesBefore}
            onChange={(e) =>
              update({ shutdown: { ...draft.shutdown, promptMinutesBefore: Number(e.target.value) } })
            }
          />
          <FieldError issues={issues} path="shutdown.promptMinutesBefore" />
        </label>
        <label className="field">
          Allow snoozing up to (minutes past the end)
          <input
            type="number"
            value={draft.shutdown.maxSnoozeMinutes}
            onChange={(e) =>
              update({ shutdown: { ...draft.shutdown, maxSnoozeMinutes: Number(e.target.value) } })
            }
          />
          <FieldError issues={issues} path="shutdown.maxSnoozeMinutes" />
        </label>
      </fieldset>

      <fieldset>
        <legend>Time zones</legend>
        <label className="field">
          Home time zone
          <input value={draft.homeTimeZone} onChange={(e) => update({ homeTimeZone: e.target.value })} />
          <FieldError issues={issues} path="homeTimeZone" />
        </label>
        <label className="field">
          Working day runs on
          <input value={draft.workTimeZone} onChange={(e) => update({ workTimeZone: e.target.value })} />
          <FieldError issues={issues} path="workTimeZone" />
        </label>
      </fieldset>

      <fieldset>
        <legend>Focus</legend>
        <label className="field">
          Lengths offered (minutes, comma-separated)
          <input
            value={draft.focus.lengths.join(', ')}
            onChange={(e) => update({ focus: { ...draft.focus, lengths: list(e.target.value).map(Number) } })}
          />
          <FieldError issues={issues} path="focus.lengths" />
        </label>
        <label className="field">
          Default length (minutes)
          <input
            type="number"
            value={draft.focus.defaultMinutes}
            onChange={(e) => update({ focus: { ...draft.focus, defaultMinutes: Number(e.target.value) } })}
          />
          <FieldError issues={issues} path="focus.defaultMinutes" />
        </label>
        <label className="field">
          Calendar focus blocks
          <select
            value={draft.focus.autoDecline}
            onChange={(e) =>
              update({
                focus: { ...draft.focus, autoDecline: e.target.value as Settings['focus']['autoDecline'] },
              })
            }
          >
            <option value="declineNone">Do not decline invitations</option>
            <option value="declineOnlyNewConflictingInvitations">Decline new conflicting invitations</option>
            <option value="declineAllConflictingInvitations">Decline all conflicting invitations</option>
          </select>
        </label>
      </fieldset>

      <fieldset>
        <legend>Urgency</legend>
        <label className="field">
          Your team's rule for urgent matters (shown to teammates)
          <input
            value={draft.urgency.rule}
            maxLength={200}
            onChange={(e) => update({ urgency: { ...draft.urgency, rule: e.target.value } })}
          />
          <FieldError issues={issues} path="urgency.rule" />
        </label>
        <label className="field">
          Words that make a message urgent
          <input
            value={draft.urgency.keywords.join(', ')}
            onChange={(e) => update({ urgency: { ...draft.urgency, keywords: list(e.target.value) } })}
          />
          <FieldError issues={issues} path="urgency.keywords" />
        </label>
        <label className="field">
          Always let through messages from
          <input
            value={draft.urgency.alwaysFrom.join(', ')}
            onChange={(e) => update({ urgency: { ...draft.urgency, alwaysFrom: list(e.target.value) } })}
          />
        </label>
      </fieldset>

      <IntegrationsSettings />
      <label className="check auto-reply">
        <input
          type="checkbox"
          checked={draft.offHoursAutoReply}
          onChange={(e) => update({ offHoursAutoReply: e.target.checked })}
        />{' '}
        Microsoft 365: reply automatically while I am off, saying when I am back and how to reach me if it is
        urgent
      </label>

      <fieldset>
        <legend>App</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.launchAtLogin}
            onChange={(e) => update({ launchAtLogin: e.target.checked })}
          />{' '}
          Launch Cadence at login (desktop app)
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.autoUpdate}
            onChange={(e) => update({ autoUpdate: e.target.checked })}
          />{' '}
          Look for updates daily and install them when Cadence quits (installed desktop app)
        </label>
        <label className="field">
          Shortcut that toggles focus (desktop app)
          <input value={draft.focusShortcut} onChange={(e) => update({ focusShortcut: e.target.value })} />
          <FieldError issues={issues} path="focusShortcut" />
        </label>
        <label className="field">
          Clock
          <select
            value={draft.clock}
            onChange={(e) => update({ clock: e.target.value as Settings['clock'] })}
          >
            <option value="locale">As my language writes it</option>
            <option value="24h">24-hour (17:30)</option>
            <option value="12h">12-hour (5:30 PM)</option>
          </select>
        </label>
      </fieldset>

      <div className="save-bar">
        <button type="submit" className="primary">
          Save settings
        </button>
        <button
          type="button"
          className="quiet"
          onClick={() => (setDraft(saved), setIssues({}), setMessage(null))}
        >
          Discard changes
        </button>
        {message ? (
          <span role="status" className={Object.keys(issues).length ? 'error' : 'ok'}>
            {message}
          </span>
        ) : null}
      </div>
    </form>
  );
}
