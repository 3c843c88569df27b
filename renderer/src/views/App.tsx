import { useState } from 'react';
import { dismissNotice, showView, useCadence, type View } from '../store/store';
import { clockTime, countdown, pillWords } from '../../../shared/words';
import { later, preloadLater } from './later';
import { TeamNotice } from './TeamNotice';
import { Today } from './Today';
import { useNow } from './useNow';
import { useTabTitle } from './useTabTitle';

// Only Today is on the first screen's path; the other views, the ritual and the first-run form load
// when first used (or once the browser is idle after the first screen).
const loading = <p className="loading">Loading…</p>;
const Teammates = later(() => import('./Teammates').then((m) => m.Teammates), 'The teammates view', loading);
const WeekView = later(() => import('./WeekView').then((m) => m.WeekView), 'The week view', loading);
const SettingsView = later(() => import('./SettingsView').then((m) => m.SettingsView), 'Settings', loading);
const ShutdownRitual = later(() => import('./ShutdownRitual').then((m) => m.ShutdownRitual), 'The ritual');
const Onboarding = later(() => import('./Onboarding').then((m) => m.Onboarding), 'The first-run form');

/** Readies the code of the parts loaded later, so a view opened finds it there. */
export function preloadViews(): void {
  preloadLater([Teammates, WeekView, SettingsView, ShutdownRitual, Onboarding]);
}

/** True from the first time `wanted` is: a part that keeps what was typed into it stays mounted. */
function useOnceWanted(wanted: boolean): boolean {
  const [once, setOnce] = useState(wanted);
  if (wanted && !once) setOnce(true);
  return once || wanted;
}

const VIEWS: { id: View; label: string }[] = [
  { id: 'today', label: 'Today' },
  { id: 'teammates', label: 'Teammates' },
  { id: 'week', label: 'Week' },
  { id: 'settings', label: 'Settings' },
];

const NO_PROBLEMS: string[] = [];
const DISMISSED_KEY = 'cadence.dismissedProblems';

function readDismissed(): ReadonlySet<string> {
  try {
    const stored = JSON.parse(sessionStorage.getItem(DISMISSED_KEY) ?? '[]') as unknown;
    return new Set(
      Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : [],
    );
  } catch {
    return new Set();
  }
}

function StatusPill() {
  const connection = useCadence((s) => s.connection);
  const mode = useCadence((s) => s.status?.mode ?? null);
  const reason = useCadence((s) => s.status?.reason ?? null);
  const endsAt = useCadence((s) => s.status?.focus?.endsAt ?? null);
  const now = useNow(1000);
  if (connection === 'lost')
    return (
      <span className="pill offline" role="img" aria-label="Status: Not connected">
        <span className="dot" aria-hidden="true" />
        Not connected
      </span>
    );
  if (!mode || !reason) return null;
  const words = pillWords(mode, reason);
  return (
    <span className={`pill mode-${mode}`} role="img" aria-label={`Status: ${words}`}>
      <span className="dot" aria-hidden="true" />
      {words}
      {endsAt ? ` · ${countdown(endsAt, now)}` : ''}
    </span>
  );
}

function Notices() {
  const connection = useCadence((s) => s.connection);
  const lastSeen = useCadence((s) => s.status?.now ?? null);
  const zone = useCadence((s) => s.status?.timeZone ?? 'UTC');
  const notice = useCadence((s) => s.notice);
  const focusEnded = useCadence((s) => s.focusEnded);
  const problems = useCadence((s) => s.status?.problems ?? NO_PROBLEMS);
  // A problem the user dismissed stays dismissed for this session (it is still in `cadence status`).
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => readDismissed());
  const dismiss = (problem: string) => {
    const next = new Set(dismissed).add(problem);
    setDismissed(next);
    try {
      sessionStorage.setItem(DISMISSED_KEY, JSON.stringify([...next]));
    } catch {
      // storage refused: dismissed until the window reloads
    }
  };
  return (
    <>
      {connection === 'lost' ? (
        <div className="banner warning" role="alert">
          <span>
            Lost the connection to Cadence. Reconnecting…{' '}
            {lastSeen
              ? `What you see is as of ${clockTime(lastSeen, zone)}; buttons come back with the connection.`
              : 'Buttons come back with the connection.'}
          </span>
        </div>
      ) : null}
      {problems
        .filter((problem) => !dismissed.has(problem))
        .map((problem) => (
          <div className="banner warning" role="status" key={problem}>
            <span>{problem}</span>
            <button type="button" className="quiet small" onClick={() => dismiss(problem)}>
              Dismiss
            </button>
          </div>
        ))}
      <TeamNotice />
      {focusEnded ? (
        <div className="banner info" role="status">
          <span>Focus block finished. Stand up, stretch, look away from the screen.</span>
          <button type="button" className="quiet small" onClick={dismissNotice}>
            Dismiss
          </button>
        </div>
      ) : null}
      {notice ? (
        <div className={`banner ${notice.kind === 'error' ? 'error-banner' : 'info'}`} role="alert">
          <span>{notice.text}</span>
          {notice.action ? (
            <button
              type="button"
              className="small"
              onClick={() => {
                notice.action?.run();
                dismissNotice();
              }}
            >
              {notice.action.label}
            </button>
          ) : null}
          <button type="button" className="quiet small" onClick={dismissNotice}>
            Dismiss
          </button>
        </div>
      ) : null}
    </>
  );
}

export function App() {
  const view = useCadence((s) => s.view);
  // Without the service nothing can be done: every control of the views is disabled (a disabled
  // fieldset disables all it holds), the content stays, marked as the last known.
  const offline = useCadence((s) => s.connection === 'lost');
  const ritual = useOnceWanted(useCadence((s) => s.ritualOpen));
  const onboarding = useOnceWanted(useCadence((s) => s.settings !== null && !s.settings.onboarded));
  useTabTitle();
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Cadence</span>
        <StatusPill />
        <nav aria-label="Views">
          {VIEWS.map((item) => (
            <button
              type="button"
              key={item.id}
              className="tab"
              aria-current={view === item.id ? 'page' : undefined}
              onClick={() => showView(item.id)}
            >
              {item.label}
            </button>
          ))}
        </nav>
      </header>
      <main>
        <Notices />
        <fieldset className={`view${offline ? ' stale' : ''}`} disabled={offline}>
          {view === 'today' ? <Today /> : null}
          {view === 'teammates' ? <Teammates.View /> : null}
          {view === 'week' ? <WeekView.View /> : null}
          {view === 'settings' ? <SettingsView.View /> : null}
        </fieldset>
      </main>
      {ritual ? <ShutdownRitual.View /> : null}
      {onboarding ? <Onboarding.View /> : null}
    </div>
  );
}
