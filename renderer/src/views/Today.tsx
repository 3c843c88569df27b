import { openRitual, useCadence } from '../store/store';
import { dayTitle } from '../../../shared/words';
import { userLocale } from '../userLocale';
import { FocusControls } from './FocusControls';
import { headline } from '../../../shared/words';
import { AgendaCard } from './Priorities';
import {
  AfterHoursBanner,
  GoalStartBanner,
  LunchBanner,
  ShutdownBanner,
  TravelBanner,
} from './PromptBanners';
import { GoalLine, Timeline } from './Timeline';
import { useNow } from './useNow';
import { coreHoursText } from '../../../shared/team/coreHoursWords';
import { type DayPlanView, withDueLunchFromNow } from '../../../shared/statusView';

export function Today() {
  const status = useCadence((s) => s.status);
  const plan = useCadence((s) => s.plan);
  const locale = useCadence((s) => userLocale(s.settings?.locale));
  const defaultMinutes = useCadence((s) => s.settings?.focus.defaultMinutes ?? 50);
  const now = useNow(30_000);
  if (!status || !plan) return <p className="loading">Loading your day…</p>;
  const working = status.mode !== 'off';
  // After hours with the day still open, closing it is the thing to do; off or at lunch, focus steps back.
  // (Where the end-of-day banner shows, its button is the one.)
  const dayOpenAfterHours =
    status.mode === 'off' &&
    status.reason === 'afterHours' &&
    !plan.closed &&
    !status.prompts.some((prompt) => prompt.kind === 'shutdown');
  const focusStepsBack = status.mode === 'off' || status.mode === 'lunch';
  return (
    <div className="today">
      <section className={`hero mode-${status.mode}`} aria-labelledby="headline">
        <h1 id="headline" tabIndex={-1}>
          {headline(status, now, locale)}
        </h1>
        {dayOpenAfterHours ? (
          <button type="button" className="primary close-day" onClick={() => openRitual(true)}>
            Close the day
          </button>
        ) : null}
        {focusStepsBack ? (
          <details className="focus-anyway">
            <summary>Focus anyway…</summary>
            <FocusControls quiet />
          </details>
        ) : (
          <FocusControls />
        )}
        {working && !plan.closed ? (
          <button type="button" className="quiet close-day" onClick={() => openRitual(true)}>
            Close the day…
          </button>
        ) : null}
      </section>
      <TravelBanner />
      <GoalStartBanner />
      <LunchBanner />
      <ShutdownBanner />
      <AfterHoursBanner />
      <AgendaCard agenda={plan.agenda} today={plan.date} />
      <section className="card" aria-labelledby="plan-title">
        <h2 id="plan-title">
          {dayTitle(plan.date, locale)}
          {plan.holiday ? (
            <>
              {' · '}
              <bdi>{plan.holiday}</bdi>
            </>
          ) : plan.dayKind === 'weekend' ? (
            ' · weekend'
          ) : plan.dayKind === 'dayOff' ? (
            ' · day off'
          ) : (
            ''
          )}
        </h2>
        <CoreHoursLine plan={plan} locale={locale} />
        <GoalLine plan={plan} />
        <Timeline plan={withDueLunchFromNow(plan, now)} now={now} defaultMinutes={defaultMinutes} />
      </section>
    </div>
  );
}

/** The team's core hours this day, on the member's own clock: the hours everyone overlaps (issue #24). */
function CoreHoursLine({ plan, locale }: { plan: DayPlanView; locale: string | undefined }) {
  const text = coreHoursText(plan.coreHours ?? [], plan.timeZone, locale);
  return text ? <p className="core-hours">{text}</p> : null;
}
