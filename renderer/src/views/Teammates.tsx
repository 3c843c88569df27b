import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { TeammateView } from '../../../shared/statusView';
import { refreshTeammates, run, showNotice, useCadence } from '../store/store';
import { clockTime, offsetText, TEAMMATE_STATE_WORDS, whenText } from '../../../shared/words';
import { type SortKey, teammateRows } from './teammateRows';
import { useNow } from './useNow';
import { ErrorText } from './ErrorText';

const ROW_HEIGHT = 64;
const ZONES: string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

function DayBar({ teammate }: { teammate: TeammateView }) {
  return (
    <div className="daybar" aria-hidden="true">
      {teammate.todayBar.map((span, index) => (
        <span
          key={index}
          className="daybar-work"
          style={{ left: `${span.from * 100}%`, width: `${(span.to - span.from) * 100}%` }}
        />
      ))}
      <span className="daybar-now" style={{ left: `${teammate.dayFraction * 100}%` }} />
    </div>
  );
}

/** Removes a teammate you added, and offers to bring them back as they were. */
async function removeWithUndo(teammate: TeammateView): Promise<void> {
  const result = await run('teammates.remove', { id: teammate.id });
  await refreshTeammates();
  if (!result.ok) return;
  const { id: _id, source: _source, presence: _presence, hoursAssumed: _assumed, ...again } = result.value;
  showNotice({
    kind: 'info',
    text: `${teammate.name} was removed.`,
    action: {
      label: 'Undo',
      run: () => void run('teammates.add', again).then(refreshTeammates),
    },
  });
}

/** A teammate to add, perhaps standing for a connected service's teammate whose hours were assumed. */
interface Draft {
  name: string;
  timeZone: string;
  replaces?: string;
}

function TeammateRow({
  teammate,
  zone,
  now,
  onSetHours,
}: {
  teammate: TeammateView;
  zone: string;
  now: number;
  onSetHours: (draft: Draft) => void;
}) {
  const next =
    teammate.state === 'available'
      ? 'now'
      : teammate.nextAvailable
        ? whenText(teammate.nextAvailable, zone, now)
        : '—';
  return (
    <div className="teammate-row" role="row">
      <div role="cell" className="teammate-name">
        <strong>{teammate.name}</strong>
        <span className="muted">{teammate.timeZone}</span>
      </div>
      <div role="cell" className="teammate-time">
        <strong>{clockTime(now, teammate.timeZone)}</strong>
        <span className="muted">{offsetText(teammate.offsetFromYou)}</span>
      </div>
      <div role="cell" className="teammate-bar">
        <DayBar teammate={teammate} />
      </div>
      <div role="cell" className="teammate-state">
        <span className={`pill state-${teammate.state}`}>{TEAMMATE_STATE_WORDS[teammate.state]}</span>
        <span className="muted">{teammate.state === 'available' ? '' : `back ${next}`}</span>
      </div>
      <div role="cell" className="teammate-overlap muted">
        {teammate.nextOverlap
          ? `Overlap ${whenText(teammate.nextOverlap.start, zone, now)}–${clockTime(teammate.nextOverlap.end, zone)}`
          : 'No overlap soon'}
        {teammate.hoursAssumed ? (
          <span
            className="assumed"
            title="Slack does not share working hours: nine to five, Monday to Friday, is assumed."
          >
            hours assumed
          </span>
        ) : null}
      </div>
      <div role="cell">
        {teammate.source === 'manual' ? (
          <button
            type="button"
            className="quiet small"
            aria-label={`Remove ${teammate.name}`}
            onClick={() => void removeWithUndo(teammate)}
          >
            Remove
          </button>
        ) : teammate.hoursAssumed ? (
          <button
            type="button"
            className="quiet small"
            aria-label={`Set ${teammate.name}’s working hours`}
            onClick={() =>
              onSetHours({ name: teammate.name, timeZone: teammate.timeZone, replaces: teammate.id })
            }
          >
            Set hours
          </button>
        ) : null}
      </div>
    </div>
  );
}

function AddTeammate({ draft, onDone }: { draft: Draft | null; onDone: () => void }) {
  const [name, setName] = useState(draft?.name ?? '');
  const [timeZone, setTimeZone] = useState(draft?.timeZone ?? '');
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('17:00');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  // A name already in the list is said (two people can share a name, so it is not refused).
  const existing = useCadence((s) => s.teammates);
  const duplicate =
    !draft?.replaces &&
    name.trim() !== '' &&
    existing.some((teammate) => teammate.name.trim().toLowerCase() === name.trim().toLowerCase());
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const spans = [{ start, end }];
    const week = { '1': spans, '2': spans, '3': spans, '4': spans, '5': spans, '6': [], '7': [] };
    const result = await run('teammates.add', {
      name,
      timeZone,
      week,
      ...(email.trim() ? { email: email.trim() } : {}),
      ...(draft?.replaces ? { replaces: draft.replaces } : {}),
    });
    if (!result.ok) {
      setError(result.issues?.map((i) => `${i.path}: ${i.message}`).join('; ') || result.message);
      return;
    }
    setError(null);
    setName('');
    setEmail('');
    await refreshTeammates();
    onDone();
  };
  return (
    <form
      className="add-teammate"
      onSubmit={(e) => void submit(e)}
      aria-label={draft?.replaces ? `Set ${draft.name}’s working hours` : 'Add a teammate'}
    >
      <label>
        Name
        <input
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={80}
          autoFocus={Boolean(draft)}
        />
      </label>
      <label>
        Time zone
        <input
          required
          list="zones"
          value={timeZone}
          onChange={(e) => setTimeZone(e.target.value)}
          placeholder="Europe/Lisbon"
        />
      </label>
      <label>
        Email (optional, for calendars)
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={254} />
      </label>
      <datalist id="zones">
        {ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <label>
        From
        <input type="time" value={start} onChange={(e) => setStart(e.target.value)} />
      </label>
      <label>
        To
        <input type="time" value={end} onChange={(e) => setEnd(e.target.value)} />
      </label>
      <button type="submit" className="primary">
        {draft?.replaces ? 'Save hours' : 'Add'}
      </button>
      {draft ? (
        <button type="button" className="quiet" onClick={onDone}>
          Cancel
        </button>
      ) : null}
      {duplicate ? (
        <p className="hint" role="note">
          There is already a teammate called {name.trim()}; add them again only if this is someone else.
        </p>
      ) : null}
      <ErrorText message={error} />
    </form>
  );
}

export function Teammates() {
  const teammates = useCadence((s) => s.teammates);
  const zone = useCadence((s) => s.status?.timeZone ?? 'UTC');
  const now = useNow(30_000);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<SortKey>('available');
  const [group, setGroup] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  const rows = useMemo(() => teammateRows(teammates, filter, sort, group), [teammates, filter, sort, group]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (rows[index]?.kind === 'header' ? 36 : ROW_HEIGHT),
    overscan: 8,
  });
  return (
    <div className="teammates">
      <h1>Teammates</h1>
      <AddTeammate key={draft?.replaces ?? 'new'} draft={draft} onDone={() => setDraft(null)} />
      <div className="toolbar">
        <label>
          Filter
          <input
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="Name"
          />
        </label>
        <label>
          Sort by
          <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            <option value="available">Available now</option>
            <option value="zone">Time zone</option>
            <option value="name">Name</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={group} onChange={(e) => setGroup(e.target.checked)} /> Group by zone
        </label>
        <span className="muted" aria-live="polite">
          {rows.filter((r) => r.kind === 'teammate').length} of {teammates.length}
        </span>
      </div>
      {teammates.length === 0 ? (
        <p className="empty">
          No teammates yet. Add them above, or connect Slack, Google or Microsoft 365 in Settings.
        </p>
      ) : (
        <div
          className="teammate-list"
          ref={scroller}
          role="table"
          aria-label="Teammates"
          aria-rowcount={rows.length}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              return (
                <div
                  key={item.key}
                  className="virtual-row"
                  style={{ transform: `translateY(${item.start}px)`, height: item.size }}
                >
                  {row.kind === 'header' ? (
                    <div className="zone-header" role="row">
                      <span role="cell">
                        {row.zone} · {row.count}
                      </span>
                    </div>
                  ) : (
                    <TeammateRow teammate={row.teammate} zone={zone} now={now} onSetHours={setDraft} />
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
