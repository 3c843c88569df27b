import { useState } from 'react';
import { openRitual, run, showNotice, useCadence } from '../store/store';
import { clockTime, minutesLeft, minutesWords } from '../../../shared/words';
import { sameZone } from '../../../shared/zoneNames';
import { lunchIfStartedAt } from '../../../shared/availability';
import { statusShownIn } from '../../../shared/integrationView';
import { skipPlannedFocus } from './FocusWeek';
import { useNow } from './useNow';

export function LunchBanner() {
  const due = useCadence((s) => s.status?.prompts.some((p) => p.kind === 'lunch') ?? false);
  const lunchUntil = useCadence((s) => s.status?.lunch?.endsAt ?? null);
  const zone = useCadence((s) => s.status?.timeZone ?? 'UTC');
  const minutes = useCadence((s) => s.settings?.lunch.minutes ?? 45);
  // A block planned into lunch, said while it can still be moved.
  const cutting = useCadence(
    (s) =>
      s.plan?.items.find((item) => item.kind === 'focus' && item.state === 'planned' && item.overlapsLunch)
        ?.start ?? null,
  );
  const integrations = useCadence((s) => s.integrations);
  const shownIn = statusShownIn(integrations);
  const now = useNow(15_000);
  const overLunch = cutting ? (
    <span className="hint">
      {' '}
      Focus is planned at {clockTime(cutting, zone)}, before you are back: move it on the timeline?
    </span>
  ) : null;
  if (lunchUntil) {
    return (
      <section className="banner lunch" aria-label="Lunch">
        <p>
          <strong>Enjoy your lunch.</strong> Back at {clockTime(lunchUntil, zone)}.{overLunch}
        </p>
        <button type="button" onClick={() => void run('lunch.done')}>
          I'm back
        </button>
      </section>
    );
  }
  if (!due) return null;
  return (
    <section className="banner lunch" role="alert" aria-label="Lunch prompt">
      <p>
        <strong>Time for lunch.</strong> Step away for {minutesWords(minutes)}, until{' '}
        {clockTime(lunchIfStartedAt(now, minutes).end, zone)}
        {shownIn ? `; your status in ${shownIn} will say so.` : '.'}
        {overLunch}
      </p>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void run('lunch.start')}>
          Start lunch
        </button>
        <button
          type="button"
          onClick={() =>
            void run('lunch.snooze', { minutes: 15 }).then((result) => {
              if (result.ok)
                showNotice({
                  kind: 'info',
                  text: `Lunch later: Cadence asks again at ${clockTime(result.value.until, zone)}.`,
                });
            })
          }
        >
          In 15 min
        </button>
        <button type="button" className="quiet" onClick={() => void run('lunch.skip')}>
          Skip today
        </button>
      </div>
    </section>
  );
}

export function ShutdownBanner() {
  const prompt = useCadence((s) => s.status?.prompts.find((p) => p.kind === 'shutdown') ?? null);
  const zone = useCadence((s) => s.status?.timeZone ?? 'UTC');
  const now = useNow(30_000);
  if (!prompt?.endOfDay) return null;
  const past = Math.round((now - Date.parse(prompt.endOfDay)) / 60_000);
  return (
    <section className="banner shutdown" role="alert" aria-label="End of day">
      <p>
        <strong>
          {past > 0
            ? `${minutesWords(past)} past the end of your day.`
            : `Your day ends at ${clockTime(prompt.endOfDay, zone)}.`}
        </strong>{' '}
        Take five minutes to wrap up.
      </p>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => openRitual(true)}>
          Close the day
        </button>
        {prompt.snoozeLimit && minutesLeft(prompt.snoozeLimit, now) >= 10 ? (
          <button type="button" onClick={() => void run('shutdown.snooze', { minutes: 10 })}>
            10 more minutes
          </button>
        ) : null}
      </div>
    </section>
  );
}

/** Once an evening after closing, or on a day off: at the machine a while, so a gentle question. */
export function AfterHoursBanner() {
  const prompt = useCadence((s) => s.status?.prompts.find((p) => p.kind === 'afterHours') ?? null);
  const reason = useCadence((s) => s.status?.reason ?? null);
  if (!prompt) return null;
  const answer = (choice: 'closing' | 'urgent') =>
    void run('nudge.answer', { answer: choice }).then((result) => {
      if (result.ok)
        showNotice({
          kind: 'info',
          text:
            choice === 'urgent'
              ? "Noted as urgent. Cadence won't ask again until your next workday; the week's review will say it was."
              : 'Time to close it down. Cadence stays quiet until your next workday.',
        });
    });
  const since =
    reason === 'dayClosed'
      ? 'since you closed the day'
      : reason === 'holiday'
        ? 'on a holiday'
        : 'on your day off';
  return (
    <section className="banner after-hours" role="alert" aria-label="Working after hours">
      <p>
        <strong>You're working after hours.</strong> About {minutesWords(prompt.activeMinutes ?? 0)} at the
        computer {since}. Close it down?
      </p>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => answer('closing')}>
          Close it down
        </button>
        <button type="button" onClick={() => answer('urgent')}>
          Urgent — I'm on it
        </button>
      </div>
    </section>
  );
}

/** A block of the focus goal whose time has come, waiting for one click (when blocks do not start by themselves). */
export function GoalStartBanner() {
  const prompt = useCadence((s) => s.status?.prompts.find((p) => p.kind === 'goalStart') ?? null);
  const zone = useCadence((s) => s.status?.timeZone ?? 'UTC');
  if (!prompt?.goalKey || !prompt.goalStart || !prompt.windowEnd) return null;
  const key = prompt.goalKey;
  const when = `${clockTime(prompt.goalStart, zone)}–${clockTime(prompt.windowEnd, zone)}`;
  return (
    <section className="banner goal-start" role="alert" aria-label="Planned focus">
      <p>
        <strong>Time for planned focus, {when}.</strong> A block for your weekly goal: your status, Do Not
        Disturb and calendar follow when you start.
      </p>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void run('goal.start', { key })}>
          Start focus
        </button>
        <button type="button" className="quiet" onClick={() => skipPlannedFocus(key, false, when)}>
          Skip
        </button>
      </div>
    </section>
  );
}

const KEPT_ZONE = 'cadence.keptZone';

/** The working day stays where it is while the computer is on this zone: the travel banner does not ask. */
export function keepWorkZoneWhileOn(systemZone: string): void {
  try {
    localStorage.setItem(KEPT_ZONE, systemZone);
  } catch {
    // no storage (a private window): the banner may ask again, which is all that is lost
  }
}

function keptZone(): string | null {
  return typeof localStorage === 'undefined' ? null : localStorage.getItem(KEPT_ZONE);
}

/** After travel: asks once per new zone whether the working day should move with you. */
export function TravelBanner() {
  const systemZone = useCadence((s) => s.status?.systemTimeZone ?? null);
  const workZone = useCadence((s) => s.status?.timeZone ?? null);
  const [, setKeeps] = useState(0);
  const kept = keptZone();
  // Two names of one zone (Etc/UTC and UTC) are no travel.
  if (!systemZone || !workZone || sameZone(systemZone, workZone) || (kept && sameZone(kept, systemZone)))
    return null;
  const keep = () => {
    keepWorkZoneWhileOn(systemZone);
    setKeeps((n) => n + 1);
  };
  return (
    <section className="banner info" role="alert" aria-label="Time zone changed">
      <p>
        <strong>Your computer is now on {systemZone} time.</strong> Move your working day there too? Connected
        calendars and Microsoft 365 follow; Slack shows the zone in your status.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          onClick={() => void run('settings.update', { patch: { workTimeZone: systemZone } })}
        >
          Move to {systemZone}
        </button>
        <button type="button" className="quiet" onClick={keep}>
          Keep {workZone}
        </button>
      </div>
    </section>
  );
}
