import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { HOUR, zonedDay } from '../../../shared/clockTime';
import type { DayPlanView, TeammateView, TogetherView } from '../../../shared/statusView';
import { barOn } from '../../../shared/teammateGlance';
import {
  clockTime,
  offsetText,
  offsetWords,
  overlapWords,
  TEAMMATE_STATE_WORDS,
  whenText,
} from '../../../shared/words';
import { refreshTeammates, run, showNotice, useCadence } from '../store/store';
import { type Draft, editDraft, TeammateForm } from './TeammateForm';
import { MessageDialog } from './MessageDialog';
import { userLocale } from '../userLocale';
import { type GroupHeader, type SortKey, teammateRows } from './teammateRows';
import { useNow } from './useNow';
import { teamQuietWords, togetherWords } from '../../../shared/team/togetherWords';
import './teammates.css';

/** Row heights by layout: in a narrow window a teammate takes three lines. */
const ROW_HEIGHT = { wide: 64, narrow: 112 };
const HEADER_HEIGHT = { wide: 36, narrow: 52 };
const NARROW = '(max-width: 640px)';
/** The column heads stay at the top of the list, over the rows scrolled under them. */
const HEADS_HEIGHT = 40;
const CITIES_SHOWN = 4;

type Fractions = readonly { from: number; to: number }[];
const NO_HOURS: Fractions = [];

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW);
    const changed = () => setNarrow(query.matches);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  return narrow;
}

/** Your day as the scale every bar is drawn on: where now is, your working hours and a few hour marks. */
interface YourDay {
  now: number;
  hours: Fractions;
  marks: { at: number; label: string }[];
}

function useYourDay(zone: string, now: number, plan: DayPlanView | null, locale?: string): YourDay {
  const day = zonedDay(now, zone);
  const hours = useMemo(
    () =>
      plan
        ? barOn(
            day,
            plan.items
              .filter((item) => item.kind === 'work')
              .map((item) => ({ start: Date.parse(item.start), end: Date.parse(item.end) })),
          )
        : NO_HOURS,
    // the day's bounds, not the object built afresh each render
    [plan, day.dayStart, day.dayLength],
  );
  const marks = [6, 12, 18].map((hour) => {
    const at = day.dayStart + hour * HOUR;
    // Whole hours over a narrow bar: "6 pm" rather than "6:00 pm" (a 24-hour "18:00" stays as it is).
    const label = clockTime(at, zone, locale).replace(/:00(?=\s*\D)/, '');
    return { at: (at - day.dayStart) / day.dayLength, label };
  });
  return { now: (now - day.dayStart) / day.dayLength, hours, marks };
}

const spanStyle = (span: { from: number; to: number }) => ({
  left: `${span.from * 100}%`,
  width: `${(span.to - span.from) * 100}%`,
});

/** A teammate's working hours on your day, over your own working hours, with a line at now. */
function DayBar({ teammate, yourDay }: { teammate: TeammateView; yourDay: YourDay }) {
  return (
    <div className="daybar" aria-hidden="true">
      {yourDay.hours.map((span, index) => (
        <span key={`you${index}`} className="daybar-you" style={spanStyle(span)} />
      ))}
      {teammate.yourDayBar.map((span, index) => (
        <span key={index} className="daybar-work" style={spanStyle(span)} />
      ))}
      <span className="daybar-now" style={{ left: `${yourDay.now * 100}%` }} />
    </div>
  );
}

/** Their working hours on your day, said for screen readers (the bar itself is a picture). */
function hoursOnYourDay(teammate: TeammateView, zone: string, now: number, locale?: string): string {
  if (teammate.yourDayBar.length === 0) return 'Not working during your day';
  const { dayStart, dayLength } = zonedDay(now, zone);
  const at = (fraction: number) => clockTime(dayStart + fraction * dayLength, zone, locale);
  const spans = teammate.yourDayBar.map(({ from, to }) =>
    from === 0 && to === 1
      ? 'all day'
      : from === 0
        ? `until ${at(to)}`
        : to === 1
          ? `from ${at(from)}`
          : `${at(from)}–${at(to)}`,
  );
  return `Working ${spans.join(' and ')} your time`;
}

function TeammateRow({
  index,
  teammate,
  zone,
  now,
  locale,
  yourDay,
  onRemove,
  onEdit,
  onSetHours,
  onMessage,
}: {
  /** Its place among all rows, counted from the column heads: most rows are not in the page. */
  index: number;
  teammate: TeammateView;
  zone: string;
  now: number;
  locale: string | undefined;
  yourDay: YourDay;
  onRemove: (teammate: TeammateView) => void;
  onEdit: (teammate: TeammateView) => void;
  onSetHours: (draft: Draft) => void;
  onMessage: (teammate: TeammateView) => void;
}) {
  // One small button of the row: what it does (its label and data-action), for this teammate.
  const action = (verb: 'Message' | 'Edit' | 'Remove', run: (teammate: TeammateView) => void) => (
    <button
      type="button"
      className="quiet small"
      data-action={verb.toLowerCase()}
      aria-label={`${verb} ${teammate.name}`}
      onClick={() => run(teammate)}
    >
      {verb}
    </button>
  );
  const message = teammate.messageable ? action('Message', onMessage) : null;
  const back =
    teammate.state === 'available' || !teammate.nextAvailable
      ? ''
      : `back ${whenText(teammate.nextAvailable, zone, now, locale)}`;
  return (
    <div className="teammate-row" role="row" aria-rowindex={index} data-teammate={teammate.id}>
      <div role="cell" className="teammate-name">
        <strong>
          <bdi>{teammate.name}</bdi>
        </strong>
        <span className="muted">{teammate.timeZone}</span>
      </div>
      <div role="cell" className="teammate-time">
        <strong>{clockTime(now, teammate.timeZone, locale)}</strong>
        <span className="muted">{offsetText(teammate.offsetFromYou)}</span>
      </div>
      <div role="cell" className="teammate-bar">
        <DayBar teammate={teammate} yourDay={yourDay} />
        <span className="visually-hidden">{hoursOnYourDay(teammate, zone, now, locale)}</span>
      </div>
      <div role="cell" className="teammate-state">
        <span className={`pill state-${teammate.state}`}>{TEAMMATE_STATE_WORDS[teammate.state]}</span>
        {teammate.teamQuiet ? (
          // Outside the team's hours: its quiet time is what they are in, and when it ends.
          <span className="muted team-quiet">{teamQuietWords(teammate.teamQuiet, zone, now, locale)}</span>
        ) : back ? (
          <span className="muted">{back}</span>
        ) : null}
      </div>
      <div role="cell" className="teammate-overlap muted">
        {overlapWords(teammate.nextOverlap, zone, now, locale)}
        {teammate.hoursAssumed ? (
          <span
            className="assumed"
            title="Slack does not share working hours: nine to five, Monday to Friday, is assumed."
          >
            hours assumed
          </span>
        ) : null}
      </div>
      <div role="cell" className="teammate-action">
        {teammate.source === 'manual' ? (
          <span className="teammate-buttons">
            {message}
            {action('Edit', onEdit)}
            {action('Remove', onRemove)}
          </span>
        ) : (
          <span className="teammate-buttons">
            {message}
            {teammate.hoursAssumed ? (
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
          </span>
        )}
      </div>
    </div>
  );
}

function GroupRow({ header, index }: { header: GroupHeader; index: number }) {
  const more = header.cities.length - CITIES_SHOWN;
  const cities = header.cities.slice(0, CITIES_SHOWN).join(', ') + (more > 0 ? ` and ${more} more` : '');
  return (
    <div className="zone-header" role="row" aria-rowindex={index}>
      <span role="cell">
        <strong>{cities}</strong> · {offsetWords(header.offset)} · {header.count}{' '}
        {header.count === 1 ? 'person' : 'people'}
      </span>
    </div>
  );
}

/** The row naming the columns, with your day's hour marks above the bars. */
function ColumnHeads({ yourDay }: { yourDay: YourDay }) {
  return (
    <div className="teammate-row teammate-heads" role="row" aria-rowindex={1}>
      <span role="columnheader" className="teammate-name">
        Name
      </span>
      <span role="columnheader" className="teammate-time">
        Their time
      </span>
      <span role="columnheader" className="teammate-bar">
        <span className="visually-hidden">Working hours on </span>Your day
        <span className="daybar-marks" aria-hidden="true">
          {yourDay.marks.map((mark) => (
            <span key={mark.at} style={{ left: `${mark.at * 100}%` }}>
              {mark.label}
            </span>
          ))}
        </span>
      </span>
      <span role="columnheader" className="teammate-state">
        Now
      </span>
      <span role="columnheader" className="teammate-overlap">
        Together
      </span>
      <span role="columnheader" className="teammate-action">
        <span className="visually-hidden">Actions</span>
      </span>
    </div>
  );
}

/** The whole team at a glance: who is inside the team's hours now, and when everyone is next together. */
function TeamTogether({
  together,
  teammates,
  zone,
  now,
  locale,
}: {
  together: TogetherView;
  teammates: readonly TeammateView[];
  zone: string;
  now: number;
  locale: string | undefined;
}) {
  // With a team file's quiet time, each teammate is inside the team's hours or in its quiet time.
  const marked = teammates.filter((t) => t.teamQuiet !== undefined);
  const inside = marked.filter((t) => t.teamQuiet === null).length;
  return (
    <p className="team-together">
      {togetherWords(together, zone, now, locale)}
      {marked.length ? (
        <span className="muted">
          {' '}
          {inside} of {marked.length} inside the team’s hours now.
        </span>
      ) : null}
    </p>
  );
}

export function Teammates() {
  const teammates = useCadence((s) => s.teammates);
  const together = useCadence((s) => s.together);
  const zone = useCadence((s) => s.status?.timeZone ?? 'UTC');
  const plan = useCadence((s) => s.plan);
  const locale = userLocale(useCadence((s) => s.settings?.locale));
  const now = useNow(30_000);
  const yourDay = useYourDay(zone, now, plan, locale);
  const narrow = useNarrow();
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<SortKey>('available');
  const [group, setGroup] = useState(false);
  // null: folded; a draft: open, empty for someone new or filled in for a service's teammate
  const [draft, setDraft] = useState<Draft | null>(null);
  const [messaging, setMessaging] = useState<TeammateView | null>(null);
  const rows = useMemo(() => teammateRows(teammates, filter, sort, group), [teammates, filter, sort, group]);
  const shown = useMemo(() => rows.filter((r) => r.kind === 'teammate').length, [rows]);
  const scroller = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const filterField = useRef<HTMLInputElement>(null);
  // Where the focus goes once the list has caught up with an action: a teammate's row, by id
  // (on its button for the same action: Remove after a removal or its undo, Edit after an edit)
  const [focusNext, setFocusNext] = useState<{ id: string; action: 'edit' | 'remove' } | null>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) =>
      rows[index]?.kind === 'header'
        ? HEADER_HEIGHT[narrow ? 'narrow' : 'wide']
        : ROW_HEIGHT[narrow ? 'narrow' : 'wide'],
    overscan: 8,
    scrollMargin: HEADS_HEIGHT,
    scrollPaddingStart: HEADS_HEIGHT,
  });
  useEffect(() => virtualizer.measure(), [narrow, virtualizer]);

  useEffect(() => {
    if (!focusNext) return;
    const index = rows.findIndex((r) => r.kind === 'teammate' && r.teammate.id === focusNext.id);
    if (index < 0) return;
    virtualizer.scrollToIndex(index);
    const frame = requestAnimationFrame(() => {
      const row = scroller.current?.querySelector<HTMLElement>(
        `[data-teammate="${CSS.escape(focusNext.id)}"]`,
      );
      const button =
        row?.querySelector<HTMLElement>(`button[data-action="${focusNext.action}"]`) ??
        row?.querySelector<HTMLElement>('button');
      (button ?? row)?.focus();
      setFocusNext(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [focusNext, rows, virtualizer]);

  const close = () => {
    const row = draft?.edit?.id ?? null;
    setDraft(null);
    // An edit goes back to its teammate's row; adding, to the button that opened the form.
    if (row) setFocusNext({ id: row, action: 'edit' });
    else requestAnimationFrame(() => toggle.current?.focus());
  };
  const adding = draft !== null && !draft.edit && !draft.replaces;

  /** Removes a teammate you added, and offers to bring them back as they were. */
  const remove = async (teammate: TeammateView) => {
    const index = rows.findIndex((r) => r.kind === 'teammate' && r.teammate.id === teammate.id);
    const neighbour = [...rows.slice(index + 1), ...rows.slice(0, index).reverse()].find(
      (r) => r.kind === 'teammate',
    );
    const result = await run('teammates.remove', { id: teammate.id });
    await refreshTeammates();
    if (!result.ok) return;
    // the focus moves on to the next teammate, not to the page
    if (neighbour?.kind === 'teammate') setFocusNext({ id: neighbour.teammate.id, action: 'remove' });
    else filterField.current?.focus();
    const { id: _id, source: _source, presence: _presence, hoursAssumed: _assumed, ...again } = result.value;
    showNotice({
      kind: 'info',
      text: `${teammate.name} was removed.`,
      action: {
        label: 'Undo',
        run: () =>
          void run('teammates.add', again).then(async (added) => {
            await refreshTeammates();
            if (added.ok) setFocusNext({ id: added.value.id, action: 'remove' });
          }),
      },
    });
  };

  return (
    <div className="teammates">
      <div className="teammates-head">
        <h1>Teammates</h1>
        <button
          type="button"
          ref={toggle}
          aria-expanded={adding}
          aria-controls="add-teammate"
          onClick={() => (adding ? close() : setDraft({ name: '', timeZone: '' }))}
        >
          Add a teammate
        </button>
      </div>
      {draft ? (
        <TeammateForm
          key={draft.edit?.id ?? draft.replaces ?? 'new'}
          draft={draft}
          onSaved={(saved) => {
            if (!draft.edit && !draft.replaces) return;
            setDraft(null);
            // Back to the teammate's row, and a word that it was saved.
            setFocusNext({ id: saved.id, action: 'edit' });
            if (draft.edit) showNotice({ kind: 'info', text: `${saved.name} was saved.` });
          }}
          onClose={close}
        />
      ) : null}
      <div className="toolbar">
        <label>
          Filter
          <input
            ref={filterField}
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="Name, zone or city"
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
          <input type="checkbox" checked={group} onChange={(e) => setGroup(e.target.checked)} /> Group by
          local time
        </label>
        <span className="muted" role="status">
          {shown} of {teammates.length}
        </span>
      </div>
      {teammates.length === 0 ? (
        <p className="empty">
          No teammates yet. Add them with “Add a teammate”, or connect Slack, Google or Microsoft 365 in
          Settings.
        </p>
      ) : (
        <>
          {together ? (
            <TeamTogether together={together} teammates={teammates} zone={zone} now={now} locale={locale} />
          ) : null}
          <p className="legend muted">
            Each day on your clock:
            <span>
              <i className="swatch-work" aria-hidden="true" /> their working hours
            </span>
            <span>
              <i className="swatch-you" aria-hidden="true" /> yours
            </span>
            <span>
              <i className="swatch-now" aria-hidden="true" /> now
            </span>
          </p>
          <div
            className="teammate-list"
            ref={scroller}
            role="table"
            aria-label="Teammates"
            aria-rowcount={rows.length + 1}
          >
            <div role="rowgroup" className="teammate-heads-group">
              <ColumnHeads yourDay={yourDay} />
            </div>
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
              {virtualizer.getVirtualItems().map((item) => {
                const row = rows[item.index]!;
                return (
                  <div
                    key={item.key}
                    className="virtual-row"
                    style={{ transform: `translateY(${item.start - HEADS_HEIGHT}px)`, height: item.size }}
                  >
                    {row.kind === 'header' ? (
                      <GroupRow header={row} index={item.index + 2} />
                    ) : (
                      <TeammateRow
                        index={item.index + 2}
                        teammate={row.teammate}
                        zone={zone}
                        now={now}
                        locale={locale}
                        yourDay={yourDay}
                        onRemove={(t) => void remove(t)}
                        onEdit={(t) => setDraft(editDraft(t))}
                        onSetHours={setDraft}
                        onMessage={setMessaging}
                      />
                    )}
                  </div>
                );
              })}
            </div>
          </div>
        </>
      )}
      {messaging ? (
        <MessageDialog teammate={messaging} zone={zone} locale={locale} onClose={() => setMessaging(null)} />
      ) : null}
    </div>
  );
}
