import { useEffect, useRef, useState } from 'react';
import type { Teammate } from '../../../shared/intents';
import type { TeammateView } from '../../../shared/statusView';
import { refreshTeammates, run, useCadence } from '../store/store';
import { TimeField, timeProblem } from './TimeField';
import { pickedZone, UNKNOWN_ZONE, ZonePicker } from './ZonePicker';

/**
 * What the form is for: someone new (empty), a connected service's teammate whose hours were assumed
 * (`replaces`), or a teammate you added, to change (`edit`: the form starts with what was entered).
 */
export interface Draft {
  name: string;
  timeZone: string;
  replaces?: string;
  edit?: { id: string; week?: Teammate['week']; email?: string };
}

/** The form for a teammate you added, filled in with what you entered. */
export function editDraft(teammate: TeammateView): Draft {
  return {
    name: teammate.name,
    timeZone: teammate.timeZone,
    edit: {
      id: teammate.id,
      ...(teammate.entered ? { week: teammate.entered.week } : {}),
      ...(teammate.entered?.email ? { email: teammate.entered.email } : {}),
    },
  };
}

const NINE_TO_FIVE = { start: '09:00', end: '17:00' };
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** The hours the form shows for a week: its first working span (the form gives one span, Monday to Friday). */
function shownHours(week: Teammate['week'] | undefined): { start: string; end: string } {
  const first = week ? WEEKDAYS.map((day) => week[day]?.[0]).find((span) => span !== undefined) : undefined;
  return first ? { start: first.start, end: first.end } : NINE_TO_FIVE;
}

/** What the core's refusal says, in words for the field it is about. */
function refusalWords(result: { message: string; issues?: { path: string; message: string }[] }): {
  zone: string | null;
  form: string | null;
} {
  const zoneIssue = result.issues?.some((issue) => issue.path === 'timeZone');
  const others = result.issues?.filter((issue) => issue.path !== 'timeZone') ?? [];
  return {
    zone: zoneIssue ? UNKNOWN_ZONE : null,
    form: others.length ? others.map((issue) => issue.message).join(' ') : zoneIssue ? null : result.message,
  };
}

/** Each form's accessible name (for the teammate it is about), and its two buttons. */
const FORM_NAMES = {
  add: { label: () => 'Add a teammate', submit: 'Add', close: 'Done' },
  hours: { label: (name: string) => `Set ${name}’s working hours`, submit: 'Save hours', close: 'Cancel' },
  edit: { label: (name: string) => `Edit ${name}`, submit: 'Save changes', close: 'Cancel' },
} as const;

export function TeammateForm({
  draft,
  onSaved,
  onClose,
}: {
  draft: Draft;
  /** After a save; a new teammate's form stays open for the next person, the others close. */
  onSaved: (teammate: Teammate) => void;
  onClose: () => void;
}) {
  const kind = draft.edit ? 'edit' : draft.replaces ? 'hours' : 'add';
  const hours = shownHours(draft.edit?.week);
  const [name, setName] = useState(draft.name);
  const [timeZone, setTimeZone] = useState(draft.timeZone);
  const [start, setStart] = useState(hours.start);
  const [end, setEnd] = useState(hours.end);
  const [email, setEmail] = useState(draft.edit?.email ?? '');
  const [zoneError, setZoneError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const nameField = useRef<HTMLInputElement>(null);
  const zoneField = useRef<HTMLInputElement>(null);
  // A name already in the list is said (two people can share a name, so it is not refused).
  const existing = useCadence((s) => s.teammates);
  const duplicate =
    kind !== 'hours' &&
    name.trim() !== '' &&
    existing.some(
      (teammate) =>
        teammate.id !== draft.edit?.id && teammate.name.trim().toLowerCase() === name.trim().toLowerCase(),
    );
  useEffect(() => nameField.current?.focus(), []);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const unreadable = timeProblem(start) ?? timeProblem(end);
    if (unreadable) {
      setError(unreadable);
      return;
    }
    const zone = pickedZone(timeZone);
    if (!zone) {
      setZoneError(UNKNOWN_ZONE);
      zoneField.current?.focus();
      return;
    }
    const spans = [{ start, end }];
    const week = { '1': spans, '2': spans, '3': spans, '4': spans, '5': spans, '6': [], '7': [] };
    // An edit leaves a week of other shapes (entered in the CLI, say) as it was unless the hours changed.
    const hoursChanged = start !== hours.start || end !== hours.end;
    const result = draft.edit
      ? await run('teammates.edit', {
          id: draft.edit.id,
          name,
          timeZone: zone,
          ...(hoursChanged ? { week } : {}),
          email: email.trim() || null,
        })
      : await run('teammates.add', {
          name,
          timeZone: zone,
          week,
          ...(email.trim() ? { email: email.trim() } : {}),
          ...(draft.replaces ? { replaces: draft.replaces } : {}),
        });
    if (!result.ok) {
      const words = refusalWords(result);
      setZoneError(words.zone);
      setError(words.form);
      (words.zone ? zoneField : nameField).current?.focus();
      return;
    }
    await refreshTeammates();
    onSaved(result.value);
    if (kind !== 'add') return;
    setError(null);
    setZoneError(null);
    // Ready for the next person: nothing of the one just added stays, hours included.
    setName('');
    setTimeZone('');
    setStart(NINE_TO_FIVE.start);
    setEnd(NINE_TO_FIVE.end);
    setEmail('');
    setAdded(`${name.trim()} was added.`);
    nameField.current?.focus();
  };
  const words = FORM_NAMES[kind];
  return (
    <form
      id="add-teammate"
      className="add-teammate"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
      aria-label={words.label(draft.name)}
    >
      <label>
        Name
        <input
          dir="auto"
          ref={nameField}
          required
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setAdded(null);
          }}
          maxLength={80}
        />
      </label>
      <ZonePicker
        label="Time zone"
        required
        value={timeZone}
        inputRef={zoneField}
        error={zoneError}
        onChange={(zone) => {
          setTimeZone(zone);
          setZoneError(null);
        }}
      />
      <label>
        Email (optional, for calendars)
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={254} />
      </label>
      <label>
        From
        <TimeField value={start} onChange={setStart} required />
      </label>
      <label>
        To
        <TimeField value={end} onChange={setEnd} required />
      </label>
      <div className="button-row">
        <button type="submit" className="primary">
          {words.submit}
        </button>
        <button type="button" className="quiet" onClick={onClose}>
          {words.close}
        </button>
      </div>
      {duplicate ? (
        <p className="hint" role="note">
          There is already a teammate called {name.trim()};{' '}
          {kind === 'edit' ? 'two people may share a name.' : 'add them again only if this is someone else.'}
        </p>
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="added" role="status">
        {added}
      </p>
    </form>
  );
}
