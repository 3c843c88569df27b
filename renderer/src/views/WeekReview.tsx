import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { DaySummary } from '../../../shared/history';
import { weekChangeSentence, weekTotals } from '../../../shared/weekReview';
import { refreshHistory, useCadence } from '../store/store';
import { durationText } from '../../../shared/words';

const WEEKS = 4;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function BarChart({
  title,
  days,
  series,
}: {
  title: string;
  days: DaySummary[];
  series: { label: string; color: string; value: (d: DaySummary) => number }[];
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const xs = days.map((d) => Date.parse(`${d.date}T12:00:00Z`) / 1000);
    const bars = uPlot.paths.bars?.({ size: [0.7, 18] });
    const plot = new uPlot(
      {
        width: host.current.clientWidth || 640,
        height: 180,
        legend: { show: true },
        cursor: { points: { show: false } },
        scales: { x: { time: true } },
        axes: [
          { stroke: 'currentColor', grid: { show: false } },
          { stroke: 'currentColor', grid: { stroke: 'rgba(127,127,127,0.2)' } },
        ],
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            fill: `${s.color}cc`,
            ...(bars ? { paths: bars } : {}),
            points: { show: false },
          })),
        ],
      },
      [xs, ...series.map((s) => days.map(s.value))],
      host.current,
    );
    return () => plot.destroy();
  }, [days, series]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={host} role="img" aria-label={title} />
    </figure>
  );
}

const focusSeries = [
  { label: 'Focus hours', color: '#6d5bd0', value: (d: DaySummary) => d.focusMinutes / 60 },
  { label: 'Meeting hours', color: '#d08b1f', value: (d: DaySummary) => d.meetingMinutes / 60 },
];
const afterSeries = [
  { label: 'After hours (min)', color: '#c0392b', value: (d: DaySummary) => d.afterHoursMinutes },
  { label: 'Weekend (min)', color: '#7a8599', value: (d: DaySummary) => d.weekendMinutes },
];

export default function WeekReview() {
  const history = useCadence((s) => s.history);
  useEffect(() => {
    const today = new Date();
    void refreshHistory(isoDay(new Date(today.getTime() - (WEEKS * 7 - 1) * 86_400_000)), isoDay(today));
  }, []);
  if (!history) return <p className="loading">Loading your weeks…</p>;
  const weeks = Array.from({ length: WEEKS }, (_, i) => history.slice(i * 7, i * 7 + 7));
  const totals = weeks.map(weekTotals);
  const current = totals.at(-1)!;
  const previous = totals.at(-2)!;
  return (
    <div className="week">
      <h1>Your last {WEEKS} weeks</h1>
      <p className="lead">{weekChangeSentence(previous, current)}</p>
      <BarChart title="Focus and meetings per day" days={history} series={focusSeries} />
      <BarChart title="Work after hours and on weekends per day" days={history} series={afterSeries} />
      <table className="week-table">
        <caption>Week by week</caption>
        <thead>
          <tr>
            <th scope="col">Week from</th>
            <th scope="col">Focus</th>
            <th scope="col">Meetings</th>
            <th scope="col">Lunches</th>
            <th scope="col">After hours</th>
            <th scope="col">Usual shutdown</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((days, index) => {
            const shutdowns = days
              .map((d) => d.shutdownAt)
              .filter((t): t is string => t !== null)
              .sort();
            return (
              <tr key={days[0]?.date ?? index}>
                <th scope="row">{days[0]?.date}</th>
                <td>{durationText(totals[index]!.focusMinutes)}</td>
                <td>{durationText(totals[index]!.meetingMinutes)}</td>
                <td>{totals[index]!.lunches}</td>
                <td>{durationText(totals[index]!.afterHoursMinutes + totals[index]!.weekendMinutes)}</td>
                <td>{shutdowns[Math.floor(shutdowns.length / 2)] ?? '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
