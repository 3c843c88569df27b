import { describe, expect, it } from 'vitest';
import { addDays, weekdayOf } from '../../../shared/clockTime';
import type { DaySummary } from '../../../shared/history';
import { reviewSentences, reviewWeek, weekFigures } from '../../../shared/review';
import { calendarWeeks } from '../../../shared/weekReview';
import { weekdayName } from '../../../shared/words';

/**
 * An ordinary day measured by this version: on a workday an hour of focus, half an hour of meetings,
 * lunch, 8 h 30 min from first to last activity and closed on time; a weekend day untouched.
 */
function day(date: string, patch: Partial<DaySummary> = {}): DaySummary {
  const workday = weekdayOf(date) <= 5;
  return {
    date,
    workday,
    focusMinutes: workday ? 60 : 0,
    meetingMinutes: workday ? 30 : 0,
    meetings: workday ? 1 : 0,
    lunchTaken: workday,
    afterHoursMinutes: 0,
    weekendMinutes: 0,
    shutdownAt: workday ? '17:30' : null,
    closedOnTime: workday ? true : null,
    firstActive: workday ? '09:00' : null,
    lastActive: workday ? '17:30' : null,
    spanMinutes: workday ? 510 : null,
    urgent: false,
    ...patch,
  };
}

/** The days from `from` to `to`, each ordinary but for what `patch` says of it. */
function days(from: string, to: string, patch: (date: string) => Partial<DaySummary> = () => ({})) {
  const list: DaySummary[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) list.push(day(date, patch(date)));
  return list;
}

const name = (date: string) => weekdayName(date, 'en-GB');
/** Monday 19 October 2026: six calendar weeks (Monday first) before the week of Monday 23 November. */
const START = '2026-10-19';

/** The review on `today`, mid-morning: the day is not closed yet. */
function sentencesOn(today: string, history: DaySummary[], goalHours = 0) {
  const morning = history.map((d) =>
    d.date === today ? { ...d, shutdownAt: null, closedOnTime: null, lunchTaken: false } : d,
  );
  const review = reviewWeek(calendarWeeks(morning, 1), today);
  if (!review) throw new Error('no week to review');
  return { review, sentences: reviewSentences(review, goalHours, name) };
}

describe('the figures of a week', () => {
  it('count what matters for a sustainable week', () => {
    const week = days(
      '2026-11-16',
      '2026-11-22',
      (date) =>
        ({
          '2026-11-17': { afterHoursMinutes: 45, urgent: true, spanMinutes: 690, lunchTaken: false },
          '2026-11-18': { afterHoursMinutes: 20, closedOnTime: false },
          '2026-11-21': { weekendMinutes: 40 },
        })[date] ?? {},
    );
    const figures = weekFigures(week);
    expect(figures).toMatchObject({
      workdays: 5,
      spanMinutes: 546,
      afterHoursMinutes: 65,
      weekendMinutes: 40,
      lunches: 4,
      closedOnTime: 4,
      focusMinutes: 300,
      meetingMinutes: 150,
      // Wednesday's 20 minutes are not a late evening.
      lateEvenings: 1,
      urgentEvenings: 1,
    });
  });

  it('leave unknown what older days did not measure, and say why', () => {
    const old = {
      closedOnTime: undefined,
      spanMinutes: undefined,
      firstActive: undefined,
      urgent: undefined,
    };
    const stored = weekFigures(days('2026-11-16', '2026-11-20', () => old));
    expect([stored.spanMinutes, stored.closedOnTime]).toEqual([null, null]);
    expect(stored.unknown).toEqual({ spanMinutes: 'not measured', closedOnTime: 'not measured' });
    // Measured, but nothing was seen: no span, and a day not closed is not closed on time.
    const quiet = weekFigures(
      days('2026-11-16', '2026-11-20', () => ({ spanMinutes: null, closedOnTime: null })),
    );
    expect([quiet.spanMinutes, quiet.closedOnTime, quiet.unknown]).toEqual([
      null,
      0,
      { spanMinutes: 'none seen' },
    ]);
    expect(weekFigures(days('2026-11-21', '2026-11-22')).unknown).toEqual({
      spanMinutes: 'no workday',
      closedOnTime: 'no workday',
    });
  });
});

describe('the week in review against the usual', () => {
  it('is a quiet week like the others: said so, with the focus goal', () => {
    const { review, sentences } = sentencesOn('2026-11-26', days(START, '2026-11-26'), 8);
    expect(review.which).toBe('this');
    // Thursday is still under way: Monday to Wednesday against Monday to Wednesday.
    expect(review.days.map((d) => d.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
    expect(review.usual?.weeks).toBe(4);
    expect(review.usual?.figures).toMatchObject({ focusMinutes: 180, workdays: 3, spanMinutes: 510 });
    expect(sentences).toEqual([
      'A steady week so far, close to your usual, with no work after hours.',
      'Monday to Wednesday: 3 h of your 8 h focus goal.',
    ]);
  });

  it('reviews last week, whole, while this week has no workday over yet', () => {
    // Weeks from Sunday: on Monday 23 November only a Sunday off is behind.
    const history = days('2026-11-01', '2026-11-23', (date) =>
      date === '2026-11-23' ? { shutdownAt: null, closedOnTime: null } : {},
    );
    const review = reviewWeek(calendarWeeks(history, 7), '2026-11-23');
    expect([review?.which, review?.days[0]?.date, review?.days.length]).toEqual(['last', '2026-11-15', 7]);
    expect(review?.usual?.weeks).toBe(2);
  });

  it('counts today once the day was closed', () => {
    const history = days(START, '2026-11-26', (date) => (date === '2026-11-26' ? { spanMinutes: 200 } : {}));
    const closed = reviewWeek(calendarWeeks(history, 1), '2026-11-26');
    expect(closed?.days.at(-1)?.date).toBe('2026-11-26');
    const open = history.map((d) => (d.date === '2026-11-26' ? { ...d, shutdownAt: null } : d));
    expect(reviewWeek(calendarWeeks(open, 1), '2026-11-26')?.days.at(-1)?.date).toBe('2026-11-25');
  });

  it('names a week of late evenings, all marked urgent, and the next most notable change', () => {
    const late = ['2026-11-16', '2026-11-17', '2026-11-19'];
    const history = days(START, '2026-11-23', (date) =>
      late.includes(date)
        ? { afterHoursMinutes: 95, urgent: true, spanMinutes: 720, closedOnTime: false }
        : {},
    );
    // Monday 23 November: this week has no workday behind it, so last week is reviewed, whole.
    const { review, sentences } = sentencesOn('2026-11-23', history, 8);
    expect(review.which).toBe('last');
    expect(review.usual?.weeks).toBe(4);
    expect(sentences).toEqual([
      'Three late evenings last week, on Monday, Tuesday, and Thursday, all marked urgent.',
      // The after-hours time is told by the late evenings: the next change is the longer days.
      'Your workdays ran 2 h 6 min longer than in a usual week: 10 h 36 min from first to last activity, against 8 h 30 min.',
    ]);
  });

  it('says how many late evenings were urgent, in the right number', () => {
    const history = days(
      START,
      '2026-11-23',
      (date) =>
        ({
          '2026-11-17': { afterHoursMinutes: 40, urgent: true },
          '2026-11-18': { afterHoursMinutes: 40 },
        })[date] ?? {},
    );
    expect(sentencesOn('2026-11-23', history).sentences[0]).toBe(
      'Two late evenings last week, on Tuesday and Wednesday, one of them marked urgent.',
    );
    const one = days(START, '2026-11-23', (date) => (date === '2026-11-20' ? { afterHoursMinutes: 30 } : {}));
    expect(sentencesOn('2026-11-23', one).sentences[0]).toBe(
      'One late evening last week, on Friday, not marked urgent.',
    );
  });

  it('makes no comparison for a new user, and says when it will come', () => {
    const { review, sentences } = sentencesOn('2026-11-26', days('2026-11-23', '2026-11-26'), 8);
    expect(review.usual).toBeNull();
    expect(sentences).toEqual([
      'Your usual shows here once a full week with Cadence is behind you.',
      'Monday to Wednesday: 3 h of your 8 h focus goal.',
    ]);
    expect(sentences.join(' ')).not.toMatch(/usual week|against/);
  });

  it('on the second day of a week compares the Monday with the usual Mondays', () => {
    // Mondays are usually light on meetings; this Monday had four hours of them.
    const history = days(START, '2026-11-24', (date) =>
      date === '2026-11-23' ? { meetingMinutes: 270, meetings: 4 } : {},
    );
    const { review, sentences } = sentencesOn('2026-11-24', history, 8);
    expect(review.days.map((d) => d.date)).toEqual(['2026-11-23']);
    expect(review.usual?.figures).toMatchObject({ workdays: 1, meetingMinutes: 30, focusMinutes: 60 });
    expect(sentences).toEqual([
      'Meetings took 4 h 30 min, against 30 min on the same days of a usual week.',
      'Monday: 1 h of your 8 h focus goal.',
    ]);
  });

  it('says nothing of a goal when there is none, and says when one was met', () => {
    const history = days(START, '2026-11-23', (date) =>
      date < '2026-11-16' || weekdayOf(date) > 5 ? {} : { focusMinutes: 110 },
    );
    expect(sentencesOn('2026-11-23', history, 0).sentences).toEqual([
      'Focus time came to 9 h 10 min, against 5 h in a usual week.',
    ]);
    expect(sentencesOn('2026-11-23', history, 8).sentences).toEqual([
      'Focus time came to 9 h 10 min, against 5 h in a usual week.',
      'You met your 8 h focus goal last week, with 9 h 10 min of focus.',
    ]);
  });

  it('takes the usual from fewer weeks when there are fewer, skipping weeks without any use', () => {
    const unused = {
      ...{ focusMinutes: 0, meetingMinutes: 0, meetings: 0, lunchTaken: false, shutdownAt: null },
      ...{ closedOnTime: null, firstActive: null, lastActive: null, spanMinutes: null },
    };
    const history = days(START, '2026-11-26', (date) =>
      date < '2026-11-02' ? unused : date >= '2026-11-09' && date < '2026-11-16' ? unused : {},
    );
    const { review } = sentencesOn('2026-11-26', history);
    expect(review.usual?.weeks).toBe(2);
    // A week in which Cadence only saw the user at the machine is a week with data too.
    const seen = history.map((d) => (d.date === '2026-11-10' ? { ...d, spanMinutes: 30 } : d));
    expect(sentencesOn('2026-11-26', seen).review.usual?.weeks).toBe(3);
  });

  it('never states a change that rounds away, nor one from nothing to nothing', () => {
    const none = { focusMinutes: 0, meetingMinutes: 0, meetings: 0, lunchTaken: false };
    const history = days(START, '2026-11-23', () => none);
    const sentences = sentencesOn('2026-11-23', history).sentences;
    expect(sentences).toEqual(['A steady week, close to your usual, with no work after hours.']);
    const slightly = days(START, '2026-11-23', (date) =>
      date >= '2026-11-16' && weekdayOf(date) <= 5 ? { focusMinutes: 70 } : {},
    );
    expect(sentencesOn('2026-11-23', slightly).sentences[0]).toMatch(/^A steady week/);
  });

  it('says "none" of a usual without any, never "0 min"', () => {
    const history = days(START, '2026-11-23', (date) =>
      date === '2026-11-18'
        ? { afterHoursMinutes: 20, weekendMinutes: 0 }
        : date === '2026-11-21'
          ? { weekendMinutes: 70 }
          : {},
    );
    expect(sentencesOn('2026-11-23', history).sentences).toEqual([
      'You worked 1 h 30 min after hours and on days off, against none in a usual week.',
    ]);
  });

  it('tells of no work after hours against the usual evenings', () => {
    const history = days(START, '2026-11-23', (date) =>
      date < '2026-11-16' && weekdayOf(date) === 2 ? { afterHoursMinutes: 40 } : {},
    );
    expect(sentencesOn('2026-11-23', history).sentences).toEqual([
      'No work after hours or on days off, against 40 min in a usual week.',
    ]);
  });
});

describe('closings out of what was measured', () => {
  it('counts days closed on time out of the workdays whose closing was measured, not all of them', () => {
    // Monday and Tuesday were stored before closing was measured.
    const week = days('2026-11-23', '2026-11-27', (date) =>
      date < '2026-11-25'
        ? { closedOnTime: undefined }
        : date === '2026-11-27'
          ? { closedOnTime: false }
          : {},
    );
    expect(weekFigures(week)).toMatchObject({ workdays: 5, closedOnTime: 2, closingsMeasured: 3 });
  });
});
