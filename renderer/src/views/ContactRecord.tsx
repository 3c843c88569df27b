import { useCallback, useEffect, useState } from 'react';
import { addDays, localDate } from '../../../shared/clockTime';
import { channelWords, contactsToCsv, hoursLine, policyLine } from '../../../shared/contacts/contactCsv';
import { responseWords } from '../../../shared/contacts/contactResponse';
import type { ContactsView } from '../../../shared/contacts/contactView';
import { dayTitle } from '../../../shared/words';
import { ask, run, showNotice, useCadence } from '../store/store';
import { ErrorText } from './ErrorText';
import { useNow } from './useNow';
import './contactRecord.css';

/** The days the record lists at first: the last four weeks, today included. */
const FIRST_DAYS = 28;

/**
 * Prints the record alone: the rest of the window is hidden while the browser prints (print.css reads the
 * class), and the class goes once printing is over.
 */
function printRecord(): void {
  document.body.classList.add('printing-record');
  const done = () => document.body.classList.remove('printing-record');
  window.addEventListener('afterprint', done, { once: true });
  window.print();
}

/**
 * The record of contacts outside the person's hours (#25), in the week view: the weeks in sentences, and the
 * contacts of any days asked for, each with what the person did about it; kept or handed on as a CSV or a
 * printed page with the working hours and the team's policy at the top; any or all of it deleted.
 */
export default function ContactRecord() {
  const settings = useCadence((s) => s.settings);
  const now = useNow(60_000);
  const zone = settings?.workTimeZone ?? 'UTC';
  const today = localDate(now, zone);
  const [range, setRange] = useState(() => ({ from: addDays(today, 1 - FIRST_DAYS), to: today }));
  const [view, setView] = useState<ContactsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const on = settings?.contactRecord ?? false;

  const load = useCallback(async () => {
    const result = await ask('contacts', range);
    if (!result.ok) return setError(result.message);
    setError(null);
    setView(result.value);
  }, [range]);
  useEffect(() => {
    void load();
  }, [load, on]);

  if (!settings || !view || (!view.on && !view.since)) return null;
  const mark = async (key: string, onIt: boolean) => {
    if ((await run('contacts.mark', { key, onIt })).ok) await load();
  };
  const remove = async (keys: string[] | null) => {
    const result = await run('contacts.delete', keys ? { keys } : {});
    setConfirming(false);
    if (!result.ok) return;
    const count = result.value.deleted;
    showNotice({ kind: 'info', text: `Deleted ${count} contact${count === 1 ? '' : 's'} from the record.` });
    await load();
  };
  const contacts = view.contacts;
  const csv = contactsToCsv(contacts, settings);
  const days = `${dayTitle(range.from)} to ${dayTitle(range.to)}`;
  return (
    <section className="card contact-record" aria-labelledby="contact-record-title">
      <h2 id="contact-record-title">Contacts outside your hours</h2>
      <p className="lead">{view.lastWeek}</p>
      <p>{view.thisWeek}</p>
      <p className="muted">
        {view.on ? '' : 'The record is off: nothing new is read. '}
        {view.notRead}
      </p>
      {view.unread.map((line) => (
        <p key={line} role="status" className="record-unread">
          {line}
        </p>
      ))}
      <div className="record-range">
        <label>
          From
          <input
            type="date"
            value={range.from}
            max={range.to}
            onChange={(e) => e.target.value && setRange({ ...range, from: e.target.value })}
          />
        </label>
        <label>
          To
          <input
            type="date"
            value={range.to}
            min={range.from}
            onChange={(e) => e.target.value && setRange({ ...range, to: e.target.value })}
          />
        </label>
      </div>
      <ErrorText message={error} />
      <div className="record-page">
        <p className="print-only">
          <strong>Contacts outside my hours, {days}</strong>
        </p>
        <p className="muted">{hoursLine(settings)}</p>
        <p className="muted">{policyLine(settings)}</p>
        {contacts.length ? (
          <table className="record-table">
            <caption>
              {contacts.length} contact{contacts.length === 1 ? '' : 's'}, {days}
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Through</th>
                <th scope="col">From</th>
                <th scope="col">Urgent</th>
                <th scope="col">What you did</th>
                <th scope="col" className="no-print">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((c) => (
                <tr key={c.key}>
                  <td data-label="When">
                    {c.at.slice(0, 10)} {c.at.slice(11, 16)}
                  </td>
                  <td data-label="Through">{channelWords(c)}</td>
                  <td data-label="From">
                    <bdi>{c.from.name}</bdi>
                  </td>
                  <td data-label="Urgent">{c.urgent ? 'Urgent' : 'No'}</td>
                  <td data-label="What you did">{responseWords(c)}</td>
                  <td className="no-print">
                    <div className="button-row">
                      <button
                        type="button"
                        className="small quiet"
                        aria-pressed={c.onIt === true}
                        onClick={() => void mark(c.key, !c.onIt)}
                      >
                        {c.onIt ? 'Not on it' : 'Urgent — I’m on it'}
                      </button>
                      <button
                        type="button"
                        className="small quiet"
                        aria-label={`Delete the contact from ${c.from.name} at ${c.at.slice(0, 16).replace('T', ' ')}`}
                        onClick={() => void remove([c.key])}
                      >
                        Delete
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>No contacts outside your hours from {days}.</p>
        )}
      </div>
      <div className="button-row no-print">
        <a
          className="button-link"
          download={`cadence-contacts-${range.from}-${range.to}.csv`}
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`}
        >
          Download as CSV
        </a>
        <button type="button" className="quiet" onClick={printRecord}>
          Print
        </button>
        {confirming ? (
          <>
            <button type="button" onClick={() => void remove(null)}>
              Delete the whole record
            </button>
            <button type="button" className="quiet" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" className="quiet" onClick={() => setConfirming(true)}>
            Delete all…
          </button>
        )}
      </div>
      {confirming ? (
        <p className="muted">
          Every contact kept goes, from every day; what was read stays read, so none of it comes back.
        </p>
      ) : null}
    </section>
  );
}
