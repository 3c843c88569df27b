import { useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { localDate } from '../../../shared/clockTime';
import { daysToCsv } from '../../../shared/exportCsv';
import type { DaySummary } from '../../../shared/history';
import {
  daysText,
  known,
  type Review as ReviewOfWeek,
  reviewSentences,
  reviewWeek,
  USUAL_WEEKS,
} from '../../../shared/review';
import {
  type CalendarWeek,
  calendarWeeks,
  missedDays,
  missedSentences,
  weeksRange,
  weekTotals,
} from '../../../shared/weekReview';
import { ISO_FIRST_DAY } from '../../../shared/weekStart';
import { clockTime, durationText, shortDate, shortDayTitle, weekdayName } from '../../../shared/words';
import { refreshHistory, useCadence } from '../store/store';
import { userLocale } from '../userLocale';
import { ReviewTable } from './ReviewTable';
import { useNow } from './useNow';

/** The weeks the charts and the table show. */
const WEEKS = 4;
/**
 * The weeks asked for: the week in review (this or last), the usual weeks before it, and two more so
 * that a week or two away (with no data) still leaves four usual weeks.
 */
const HISTORY_WEEKS = USUAL_WEEKS + 4;
const DARK = '(prefers-color-scheme: dark)';

/** Whether the system is in dark mode, followed as it changes: a canvas does not restyle itself. */
function usePrefersDark(): boolean {
  const [dark, setDark] = useState(() => matchMedia(DARK).matches);
  useEffect(() => {
    const query = matchMedia(DARK);
    const onChange = () => setDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return dark;
}

interface Series {
  label: string;
  /** The CSS variable of the theme colour it is drawn in. */
  colour: string;
  value: (day: DaySummary) => number;
}

const AXIS_FONT = '12px system-ui, sans-serif';
/** The room between the y-axis labels and the plot (uPlot's tick of 10 px and gap of 5 px) and a margin. */
const AXIS_ROOM = 24;

/** A round top for a scale that holds `value` in about four steps of 1, 2, 2.5 or 5 times a power of ten. */
function roundTop(value: number): number {
  const rough = value / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => rough <= m * magnitude) ?? 10) * magnitude;
  return Math.ceil(value / step) * step;
}

/** How wide the y-axis must be for its widest label ("100 min"), in CSS pixels: never cut off. */
function axisWidth(labels: readonly string[] | null): number {
  const context = document.createElement('canvas').getContext('2d');
  if (!context || !labels?.length) return 60;
  context.font = AXIS_FONT;
  return Math.ceil(Math.max(...labels.map((label) => context.measureText(label).width))) + AXIS_ROOM;
}

function BarChart({
  title,
  days,
  series,
  unit,
  least,
  weekStarts,
  locale,
}: {
  title: string;
  days: DaySummary[];
  series: Series[];
  unit: string;
  /** The smallest top of the scale: an empty week shows a small scale (the goal's day, an hour), not 100 h. */
  least: number;
  weekStarts: string[];
  locale: string | undefined;
}) {
  const host = useRef<HTMLDivElement>(null);
  const dark = usePrefersDark();
  const top = useMemo(
    () =>
      roundTop(
        Math.max(least, ...days.flatMap((day) => (known(day) ? series.map((s) => s.value(day)) : []))),
      ),
    [days, series, least],
  );
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const style = getComputedStyle(element);
    const colour = (name: string) => style.getPropertyValue(name).trim();
    const axis = {
      stroke: colour('--muted'),
      font: AXIS_FONT,
      ticks: { stroke: colour('--line') },
    };
    // Days by their index: the bars need no time scale, and the ticks fall on the weeks' first days.
    const ticks = weekStarts
      .map((start) => days.findIndex((day) => day.date === start))
      .filter((i) => i >= 0);
    // The two series side by side at each day, the first to the left of it, the second to the right.
    const bars = (index: number) => uPlot.paths.bars?.({ size: [0.4, 9], align: index === 0 ? -1 : 1 });
    const plot = new uPlot(
      {
        width: element.clientWidth || 640,
        height: 180,
        // The legend names the colours; the figures are in the table below.
        legend: { show: true, live: false },
        cursor: { points: { show: false } },
        scales: {
          x: { time: false, range: [-0.5, days.length - 0.5] },
          y: { range: [0, top] },
        },
        axes: [
          {
            ...axis,
            grid: { show: false },
            splits: () => ticks,
            values: (_, splits) => splits.map((i) => shortDate(days[i]?.date ?? '', locale)),
          },
          {
            ...axis,
            grid: { stroke: colour('--line') },
            size: (_, labels) => axisWidth(labels),
            values: (_, splits) => splits.map((v) => `${v} ${unit}`),
          },
        ],
        series: [
          {},
          ...series.map((s, index) => {
            const paths = bars(index);
            return {
              label: s.label,
              stroke: colour(s.colour),
              fill: `${colour(s.colour)}cc`,
              ...(paths ? { paths } : {}),
              points: { show: false },
            };
          }),
        ],
      },
      // A day before Cadence first ran has no bar: it is unknown, not zero.
      [days.map((_, i) => i), ...series.map((s) => days.map((day) => (known(day) ? s.value(day) : null)))],
      element,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height: 180 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [days, series, unit, top, weekStarts, locale, dark]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={host} role="img" aria-label={`${title}, on a scale up to ${top} ${unit}`} />
    </figure>
  );
}

const focusSeries: Series[] = [
  { label: 'Focus', colour: '--mode-focus', value: (d) => d.focusMinutes / 60 },
  { label: 'Meetings', colour: '--mode-meeting', value: (d) => d.meetingMinutes / 60 },
];
const afterSeries: Series[] = [
  { label: 'After hours', colour: '--danger', value: (d) => d.afterHoursMinutes },
  { label: 'Days off', colour: '--mode-off', value: (d) => d.weekendMinutes },
];

function weekLabel(index: number, count: number, start: string, locale: string | undefined): string {
  if (index === count - 1) return 'This week';
  if (index === count - 2) return 'Last week';
  return `Week of ${shortDayTitle(start, locale)}`;
}

/** The middle of the times the days were closed ("17:45"), in the locale's clock. */
function usualShutdown(days: DaySummary[], locale: string | undefined): string {
  const times = days
    .map((d) => d.shutdownAt)
    .filter((t): t is string => t !== null)
    .sort();
  const middle = times[Math.floor(times.length / 2)];
  return middle ? clockTime(`2000-01-01T${middle}:00Z`, 'UTC', locale) : '—';
}

function WeekTable({ weeks, locale }: { weeks: CalendarWeek[]; locale: string | undefined }) {
  const columns = ['Focus', 'Meetings', 'Lunches', 'After hours', 'Usual shutdown'];
  return (
    <table className="week-table" role="table">
      <caption>Week by week</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">
            Week
          </th>
          {columns.map((column) => (
            <th scope="col" role="columnheader" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {weeks.map((week, index) => {
          const days = week.days.filter(known);
          const totals = weekTotals(days);
          // A week wholly before Cadence first ran is unknown, not a week of zeros.
          const cells = days.length
            ? [
                durationText(totals.focusMinutes),
                durationText(totals.meetingMinutes),
                String(totals.lunches),
                durationText(totals.afterHoursMinutes + totals.weekendMinutes),
                usualShutdown(days, locale),
              ]
            : columns.map(() => '—');
          return (
            <tr key={week.start} role="row">
              <th scope="row" role="rowheader">
                {weekLabel(index, weeks.length, week.start, locale)}
              </th>
              {cells.map((cell, column) => (
                <td key={columns[column]} role="cell" data-label={columns[column]}>
                  {cell}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** When Cadence first ran ("on Thursday", "today"), when the reviewed days reach back before it; else null. */
function startedWords(review: ReviewOfWeek, dayName: (date: string) => string): string | null {
  if (!review.days.some((day) => !known(day))) return null;
  const first = review.days.find(known);
  return first ? `on ${dayName(first.date)}` : 'today';
}

function Review({ weeks, today, history }: { weeks: CalendarWeek[]; today: string; history: DaySummary[] }) {
  const locale = useCadence((s) => userLocale(s.settings?.locale));
  const lunchEnabled = useCadence((s) => s.settings?.lunch.enabled ?? true);
  const goalHours = useCadence((s) => s.settings?.focusGoal.weeklyHours ?? 0);
  const review = useMemo(() => reviewWeek(weeks, today), [weeks, today]);
  if (!review) return null;
  const dayName = (date: string) => weekdayName(date, locale);
  const missed = missedDays(review.days, today, history, lunchEnabled);
  return (
    <section className="week-in-review" aria-labelledby="week-in-review">
      <h2 id="week-in-review">{review.which === 'this' ? 'This week so far' : 'Last week'}</h2>
      {reviewSentences(review, goalHours, dayName).map((sentence) => (
        <p key={sentence} className="review-sentence">
          {sentence}
        </p>
      ))}
      {missedSentences(missed, dayName).map((sentence) => (
        <p key={sentence} className="missed">
          {sentence}
        </p>
      ))}
      <ReviewTable
        review={review}
        goalHours={goalHours}
        days={daysText(review, dayName)}
        started={startedWords(review, dayName)}
      />
    </section>
  );
}

/** Today in the work zone by the core's clock (which a test, or another machine, may set apart). */
function useToday(): string | null {
  const zone = useCadence((s) => (s.status ? s.settings?.workTimeZone : undefined));
  const now = useNow(60_000);
  return zone ? localDate(now, zone) : null;
}

export default function WeekReview() {
  const history = useCadence((s) => s.history);
  const connected = useCadence((s) => s.connection === 'open');
  const locale = useCadence((s) => userLocale(s.settings?.locale));
  const today = useToday();
  // The week the focus goal plans too: one week for the goal, the review and the charts.
  const firstDay = useCadence((s) => s.settings?.weekStart ?? ISO_FIRST_DAY);
  const range = today ? weeksRange(today, firstDay, HISTORY_WEEKS) : null;
  const from = range?.from;
  const to = range?.to;
  // Asked again whenever the service comes back: what it says may have changed while it was gone.
  useEffect(() => {
    if (connected && from && to) void refreshHistory(from, to);
  }, [connected, from, to]);
  if (!history || !today)
    return (
      <p className="loading" role="status">
        {connected ? 'Loading your weeks…' : 'Your weeks show here once Cadence is connected again.'}
      </p>
    );
  return <Weeks history={history} today={today} firstDay={firstDay} locale={locale} connected={connected} />;
}

function Weeks({
  history,
  today,
  firstDay,
  locale,
  connected,
}: {
  history: DaySummary[];
  today: string;
  firstDay: number;
  locale: string | undefined;
  connected: boolean;
}) {
  // Kept from render to render, so that the charts are drawn again only when the days change.
  const weeks = useMemo(() => calendarWeeks(history, firstDay), [history, firstDay]);
  const shown = useMemo(() => weeks.slice(-WEEKS), [weeks]);
  const shownDays = useMemo(() => shown.flatMap((week) => week.days), [shown]);
  const weekStarts = useMemo(() => shown.map((week) => week.start), [shown]);
  // At least two hours, or a workday's share of the focus goal where that is more.
  const focusScale = useCadence((s) =>
    Math.max(
      2,
      (s.settings?.focusGoal.weeklyHours ?? 0) / Math.max(1, 7 - (s.settings?.weekendDays.length ?? 2)),
    ),
  );
  return (
    <div className="week">
      <h1>Your last {WEEKS} weeks</h1>
      {connected ? null : (
        <p className="stale-note" role="status">
          These are your weeks as they were last shown; they update when Cadence is back.
        </p>
      )}
      <Review weeks={weeks} today={today} history={history} />
      <BarChart
        title="Focus and meetings per day"
        days={shownDays}
        series={focusSeries}
        unit="h"
        least={focusScale}
        weekStarts={weekStarts}
        locale={locale}
      />
      <BarChart
        title="Work after hours and on days off, per day"
        days={shownDays}
        series={afterSeries}
        unit="min"
        least={60}
        weekStarts={weekStarts}
        locale={locale}
      />
      <WeekTable weeks={shown} locale={locale} />
      <p>
        <a
          className="button-link"
          download={`cadence-days-${shownDays[0]?.date ?? ''}-${shownDays.at(-1)?.date ?? ''}.csv`}
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(daysToCsv(shownDays))}`}
        >
          Export these days as CSV
        </a>{' '}
        <span className="lead">for your own records; it stays on this computer.</span>
      </p>
    </div>
  );
}
