import { useEffect, useMemo, useRef, useState } from 'react';
import type { Settings } from '../../../shared/settings';
import { withExplicitNights } from '../../../shared/workSpans';
import { editSettings, run, settingsSaved, useCadence } from '../store/store';
import { IntegrationsSettings } from './IntegrationsSettings';
import {
  ListField,
  NumberField,
  SelectField,
  TextField,
  TimeSettingField,
  type Issues,
} from './SettingsFields';
import { pickedZone, ZonePicker, zoneProblem } from './ZonePicker';
import { sameZone } from '../../../shared/zoneNames';
import { TeamSettings } from './TeamSettings';
import { WorkingWeekSettings } from './WorkingWeekSettings';

const ZONE_FIELDS = ['homeTimeZone', 'workTimeZone'] as const;

/** The zone pickers' own words win over the service's for their fields. */
function zoneIssues(draft: Settings): Issues {
  return Object.fromEntries(
    ZONE_FIELDS.flatMap((field) => {
      const problem = pickedZone(draft[field]) ? null : zoneProblem(draft[field]);
      return problem ? [[field, problem]] : [];
    }),
  );
}

const valueAt = (settings: Settings, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], settings);

/**
 * The problems still true after an edit: one whose value was edited goes (the next save says it
 * again if it still holds). A span's problems go with any edit of the span, its tick box included.
 */
function stillStanding(issues: Issues, before: Settings, after: Settings): Issues {
  const watched = (path: string) => path.replace(/^(week\.\d\.\d+)\..*$/, '$1');
  return Object.fromEntries(
    Object.entries(issues).filter(
      ([path]) =>
        JSON.stringify(valueAt(before, watched(path))) === JSON.stringify(valueAt(after, watched(path))),
    ),
  );
}

const fixWords = (count: number): string =>
  count === 1 ? 'One field needs a fix; it is marked.' : `${count} fields need a fix; they are marked.`;

export function SettingsView() {
  const saved = useCadence((s) => s.settings);
  const kept = useCadence((s) => s.settingsDraft);
  const systemZone = useCadence((s) => s.status?.systemTimeZone ?? null);
  const activitySource = useCadence((s) => s.status?.activitySource ?? '');
  const shown = useMemo(() => (saved ? withExplicitNights(saved) : null), [saved]);
  const [issues, setIssues] = useState<Issues>({});
  const [message, setMessage] = useState<{ text: string; refused: boolean } | null>(null);
  // A refused save, said once its problems are on screen: the first one gets the keyboard.
  const [refusal, setRefusal] = useState<{ message: string } | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!refusal || !form.current) return;
    const marked = form.current.querySelectorAll<HTMLElement>('[aria-invalid="true"]');
    marked[0]?.focus();
    // Clear of the sticky save bar, which could otherwise cover a field near the bottom.
    marked[0]?.scrollIntoView({ block: 'center' });
    setMessage({ text: `${refusal.message} ${fixWords(marked.length)}`, refused: true });
  }, [refusal]);
  const draft = kept ?? shown;
  if (!draft || !saved) return <p className="loading">Loading settings…</p>;
  const unsaved = kept !== null && JSON.stringify(kept) !== JSON.stringify(shown);
  const update = (patch: Partial<Settings>) => {
    const next = { ...draft, ...patch };
    editSettings(next);
    setIssues(stillStanding(issues, draft, next));
    if (message && !message.refused) setMessage(null); // "saved" no longer true
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const { version: _version, ...edited } = draft;
    // A city typed into a zone field ("lisbon") is taken as the one zone it names.
    const patch = {
      ...edited,
      homeTimeZone: pickedZone(edited.homeTimeZone) ?? edited.homeTimeZone,
      workTimeZone: pickedZone(edited.workTimeZone) ?? edited.workTimeZone,
    };
    const result = await run('settings.update', { patch });
    if (result.ok) {
      settingsSaved(result.value);
      setIssues({});
      setMessage({ text: 'Settings saved.', refused: false });
      // Wherever the save came from, the keyboard stays in the form (never on the page body).
      if (!form.current?.contains(document.activeElement)) saveButton.current?.focus();
      return;
    }
    const found = {
      ...Object.fromEntries((result.issues ?? []).map((issue) => [issue.path, issue.message])),
      ...zoneIssues(draft),
    };
    setIssues(found);
    setRefusal({ message: result.message });
  };

  const discard = () => {
    editSettings(null);
    setIssues({});
    setMessage(null);
  };

  const moveWorkingDay = async (zone: string) => {
    const result = await run('settings.update', { patch: { workTimeZone: zone } });
    if (result.ok && kept) editSettings({ ...kept, workTimeZone: zone });
  };

  return (
    <form className="settings" ref={form} onSubmit={(e) => void save(e)} noValidate>
      <h1>Settings</h1>
      {systemZone && !sameZone(systemZone, saved.workTimeZone) ? (
        <div className="banner info" role="status">
          <p>
            Your computer is set to <strong>{systemZone}</strong>, but your working day runs on{' '}
            <strong>{saved.workTimeZone}</strong> time.
          </p>
          <button type="button" onClick={() => void moveWorkingDay(systemZone)}>
            Move my working day to {systemZone}
          </button>
        </div>
      ) : null}

      <fieldset>
        <legend>Working week</legend>
        <WorkingWeekSettings draft={draft} issues={issues} update={update} />
        <TextField
          label="Public holidays of (country code)"
          path="holidays.country"
          issues={issues}
          value={draft.holidays.country ?? ''}
          maxLength={2}
          placeholder="DE"
          onChange={(text) =>
            update({ holidays: { ...draft.holidays, country: text.toUpperCase() || null } })
          }
        />
        <TextField
          label="Region (optional)"
          path="holidays.region"
          issues={issues}
          value={draft.holidays.region ?? ''}
          maxLength={10}
          placeholder="BE"
          onChange={(text) => update({ holidays: { ...draft.holidays, region: text.toUpperCase() || null } })}
        />
        <ListField
          label="Days off (dates, comma-separated)"
          path="daysOff"
          issues={issues}
          value={draft.daysOff}
          item={String}
          placeholder="2026-12-24, 2026-12-31"
          onChange={(daysOff) => update({ daysOff: [...daysOff] })}
        />
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
        <TimeSettingField
          label="Earliest start"
          path="lunch.earliestStart"
          issues={issues}
          value={draft.lunch.earliestStart}
          onChange={(earliestStart) => update({ lunch: { ...draft.lunch, earliestStart } })}
        />
        <TimeSettingField
          label="Latest start"
          path="lunch.latestStart"
          issues={issues}
          value={draft.lunch.latestStart}
          onChange={(latestStart) => update({ lunch: { ...draft.lunch, latestStart } })}
        />
        <NumberField
          label="Length (minutes)"
          path="lunch.minutes"
          issues={issues}
          value={draft.lunch.minutes}
          onChange={(minutes) => update({ lunch: { ...draft.lunch, minutes } })}
        />
      </fieldset>

      <fieldset>
        <legend>End of day</legend>
        <NumberField
          label="Prompt this many minutes before the end"
          path="shutdown.promptMinutesBefore"
          issues={issues}
          value={draft.shutdown.promptMinutesBefore}
          onChange={(promptMinutesBefore) => update({ shutdown: { ...draft.shutdown, promptMinutesBefore } })}
        />
        <NumberField
          label="Allow snoozing up to (minutes past the end)"
          path="shutdown.maxSnoozeMinutes"
          issues={issues}
          value={draft.shutdown.maxSnoozeMinutes}
          onChange={(maxSnoozeMinutes) => update({ shutdown: { ...draft.shutdown, maxSnoozeMinutes } })}
        />
      </fieldset>

      <fieldset>
        <legend>Time zones</legend>
        <ZonePicker
          label="Home time zone"
          value={draft.homeTimeZone}
          error={issues.homeTimeZone ?? null}
          onChange={(homeTimeZone) => update({ homeTimeZone })}
        />
        <ZonePicker
          label="Working day runs on"
          value={draft.workTimeZone}
          error={issues.workTimeZone ?? null}
          onChange={(workTimeZone) => update({ workTimeZone })}
        />
      </fieldset>

      <fieldset>
        <legend>Focus</legend>
        <ListField
          label="Lengths offered (minutes, comma-separated)"
          path="focus.lengths"
          issues={issues}
          value={draft.focus.lengths}
          item={Number}
          onChange={(lengths) => update({ focus: { ...draft.focus, lengths: [...lengths] } })}
        />
        <NumberField
          label="Default length (minutes)"
          path="focus.defaultMinutes"
          issues={issues}
          value={draft.focus.defaultMinutes}
          onChange={(defaultMinutes) => update({ focus: { ...draft.focus, defaultMinutes } })}
        />
        <SelectField
          label="Calendar focus blocks"
          path="focus.autoDecline"
          value={draft.focus.autoDecline}
          options={[
            ['declineNone', 'Do not decline invitations'],
            ['declineOnlyNewConflictingInvitations', 'Decline new conflicting invitations'],
            ['declineAllConflictingInvitations', 'Decline all conflicting invitations'],
          ]}
          onChange={(autoDecline) => update({ focus: { ...draft.focus, autoDecline } })}
        />
      </fieldset>

      <fieldset>
        <legend>Weekly focus goal</legend>
        <p className="lead">
          Cadence plans this much focus into the free time of your working week, never over lunch or meetings.
          Planned blocks go on your connected calendars ahead of time; skip any of them from Today or the
          Week. 0 turns the goal off.
        </p>
        <NumberField
          label="Focus hours a week"
          path="focusGoal.weeklyHours"
          issues={issues}
          value={draft.focusGoal.weeklyHours}
          onChange={(weeklyHours) => update({ focusGoal: { ...draft.focusGoal, weeklyHours } })}
        />
        <NumberField
          label="Shortest block worth having (minutes)"
          path="focusGoal.minBlockMinutes"
          issues={issues}
          value={draft.focusGoal.minBlockMinutes}
          onChange={(minBlockMinutes) => update({ focusGoal: { ...draft.focusGoal, minBlockMinutes } })}
        />
        <NumberField
          label="Longest block (minutes)"
          path="focusGoal.maxBlockMinutes"
          issues={issues}
          value={draft.focusGoal.maxBlockMinutes}
          onChange={(maxBlockMinutes) => update({ focusGoal: { ...draft.focusGoal, maxBlockMinutes } })}
        />
        <SelectField
          label="Preferred time of day"
          path="focusGoal.preferred"
          value={draft.focusGoal.preferred}
          options={[
            ['morning', 'Mornings'],
            ['afternoon', 'Afternoons'],
            ['any', 'Any time'],
          ]}
          onChange={(preferred) => update({ focusGoal: { ...draft.focusGoal, preferred } })}
        />
        <SelectField
          label="When a planned block's time comes"
          path="focusGoal.start"
          value={draft.focusGoal.start}
          options={[
            ['auto', 'Start it by itself'],
            ['prompt', 'Ask me first (one click to start)'],
          ]}
          onChange={(start) => update({ focusGoal: { ...draft.focusGoal, start } })}
        />
      </fieldset>

      <fieldset>
        <legend>After hours</legend>
        <p className="lead">
          Outside your working hours Cadence can notice time at the computer, so the week's review tells how
          long your days really were. It looks once a minute, only while you are off, and nothing leaves this
          machine.
        </p>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.afterHours.measure}
            onChange={(e) => update({ afterHours: { ...draft.afterHours, measure: e.target.checked } })}
          />{' '}
          Notice time at the computer outside working hours
        </label>
        <p className="hint" id="activity-source">
          {activitySource}
        </p>
        <NumberField
          label="Ask me to close down after this many minutes (0: never ask)"
          path="afterHours.nudgeAfterMinutes"
          issues={issues}
          value={draft.afterHours.nudgeAfterMinutes}
          disabled={!draft.afterHours.measure}
          onChange={(nudgeAfterMinutes) => update({ afterHours: { ...draft.afterHours, nudgeAfterMinutes } })}
        />
      </fieldset>

      <fieldset>
        <legend>Urgency</legend>
        <TextField
          label="Your team's rule for urgent matters (shown to teammates)"
          path="urgency.rule"
          issues={issues}
          value={draft.urgency.rule}
          maxLength={200}
          onChange={(rule) => update({ urgency: { ...draft.urgency, rule } })}
        />
        <ListField
          label="Words that make a message urgent"
          path="urgency.keywords"
          issues={issues}
          value={draft.urgency.keywords}
          item={String}
          onChange={(keywords) => update({ urgency: { ...draft.urgency, keywords: [...keywords] } })}
        />
        <ListField
          label="Always let through messages from"
          path="urgency.alwaysFrom"
          issues={issues}
          value={draft.urgency.alwaysFrom}
          item={String}
          onChange={(alwaysFrom) => update({ urgency: { ...draft.urgency, alwaysFrom: [...alwaysFrom] } })}
        />
      </fieldset>

      <TeamSettings draft={draft} saved={saved} issues={issues} update={update} />

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
      <label className="check contact-record">
        <input
          type="checkbox"
          checked={draft.contactRecord}
          onChange={(e) => update({ contactRecord: e.target.checked })}
        />{' '}
        Keep a record of contacts outside my hours, on this computer only: when, through which channel, from
        whom, and whether it was urgent by the team’s rule — never the text, which is read only to see whether
        it is urgent. Slack asks once for permission to read your direct messages and find the ones that
        mention you, and Microsoft 365 to list your Outlook inbox (never a message’s body) and, for a work
        account, your Teams chats (read once a day); Google Calendar’s invitations need nothing more. See it
        in Week and with <code>cadence contacts</code>. Turned off, nothing more is read, and what was kept
        stays until you delete it: <code>cadence contacts --delete</code>.
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
        <TextField
          label="Shortcut that toggles focus (desktop app)"
          path="focusShortcut"
          issues={issues}
          value={draft.focusShortcut}
          onChange={(focusShortcut) => update({ focusShortcut })}
        />
        <SelectField
          label="Clock"
          path="clock"
          value={draft.clock}
          options={[
            ['locale', 'As my language writes it'],
            ['24h', '24-hour (17:30)'],
            ['12h', '12-hour (5:30 PM)'],
          ]}
          onChange={(clock) => update({ clock })}
        />
      </fieldset>

      <div className="save-bar">
        {unsaved ? <p className="unsaved">Unsaved changes</p> : null}
        <button type="submit" className="primary" ref={saveButton}>
          Save settings
        </button>
        <button type="button" className="quiet" onClick={discard}>
          Discard changes
        </button>
        <p className="save-message ok" role="status">
          {message?.refused ? null : message?.text}
        </p>
        <p className="save-message error" role="alert">
          {message?.refused ? message.text : null}
        </p>
      </div>
    </form>
  );
}
