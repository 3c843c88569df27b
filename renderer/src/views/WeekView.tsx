import { useCadence } from '../store/store';
import { FocusWeek } from './FocusWeek';
import { later } from './later';

/**
 * The week review, whose code (and its charts') is loaded the first time it is opened. The service
 * serves that code: if it is gone then, the load fails, and it is tried again when the service is back,
 * instead of leaving the view blank until the window reloads (see later.tsx).
 */
const WeekReview = later(
  () => import('./WeekReview').then((m) => m.default),
  'The week review',
  <p className="loading">Loading charts…</p>,
);

/** The record of contacts outside hours (#25): shown while it is on (its code is not fetched before). */
const ContactRecord = later(() => import('./ContactRecord').then((m) => m.default), 'The record of contacts');

export function WeekView() {
  const recording = useCadence((s) => s.settings?.contactRecord ?? false);
  return (
    <>
      <WeekReview.View />
      {recording ? <ContactRecord.View /> : null}
      <FocusWeek />
    </>
  );
}
