import type { Review, Unknown, WeekFigures } from '../../../shared/review';
import { durationText } from '../../../shared/words';

/** What a "—" stands for, in words, for the tooltip and for a screen reader. */
const UNKNOWN_WORDS: Record<Unknown, string> = {
  'not measured': 'not measured before this version',
  'none seen': 'no activity seen',
  'no workday': 'no workday yet',
  'before Cadence': 'before Cadence first ran',
};

type Cell = string | { unknown: Unknown };

interface Row {
  figure: string;
  cell: (figures: WeekFigures, usual: boolean) => Cell;
}

const minutes = (value: number): string => durationText(Math.round(value));
/** "3 of 5": the usual's averages rounded to whole days, as a person would say them. */
const of = (count: number, workdays: number): string => `${Math.round(count)} of ${Math.round(workdays)}`;

function rows(goalHours: number): Row[] {
  return [
    {
      figure: 'Average workday span',
      cell: (f) =>
        f.spanMinutes === null ? { unknown: f.unknown.spanMinutes ?? 'none seen' } : minutes(f.spanMinutes),
    },
    { figure: 'After hours', cell: (f) => minutes(f.afterHoursMinutes) },
    { figure: 'On days off', cell: (f) => minutes(f.weekendMinutes) },
    {
      figure: 'Late evenings',
      cell: (f, usual) =>
        !usual && f.urgentEvenings > 0
          ? `${f.lateEvenings} (${f.urgentEvenings} urgent)`
          : String(Math.round(f.lateEvenings)),
    },
    { figure: 'Lunches taken', cell: (f) => of(f.lunches, f.workdays) },
    {
      figure: 'Closed on time',
      cell: (f) =>
        f.closedOnTime === null
          ? { unknown: f.unknown.closedOnTime ?? 'not measured' }
          : of(f.closedOnTime, f.closingsMeasured),
    },
    {
      figure: 'Focus',
      cell: (f, usual) =>
        !usual && goalHours > 0
          ? `${minutes(f.focusMinutes)} of ${minutes(goalHours * 60)}`
          : minutes(f.focusMinutes),
    },
    { figure: 'Meetings', cell: (f) => minutes(f.meetingMinutes) },
  ];
}

function CellText({ cell }: { cell: Cell }) {
  if (typeof cell === 'string') return <>{cell}</>;
  const words = UNKNOWN_WORDS[cell.unknown];
  return (
    <span title={words}>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{words}</span>
    </span>
  );
}

/** "your last 4 weeks", "your last 2 weeks", "the week before": the weeks the usual is made of. */
function usualWeeks(review: Review): string {
  const count = review.usual?.weeks ?? 0;
  if (review.which === 'this') return count === 1 ? 'your last week' : `your last ${count} weeks`;
  return count === 1 ? 'the week before' : `the ${count} weeks before`;
}

/**
 * The week's figures against the user's usual: figure, this week, the usual. Three short columns, so
 * it fits the tray's narrow window as a table.
 */
export function ReviewTable({
  review,
  goalHours,
  days,
  started,
}: {
  review: Review;
  goalHours: number;
  /** The days the review covers, in words ("Monday to Wednesday"). */
  days: string;
  /** When Cadence first ran ("on Thursday", "today"), when the review covers days before it. */
  started: string | null;
}) {
  const usual = review.usual?.figures;
  const week = review.which === 'this' ? 'This week' : 'Last week';
  // The week under way's column is named by its days: its figures are theirs, not the week's so far.
  const column = review.which === 'this' ? days || week : week;
  // Nothing known of the days (all before Cadence first ran, or none over yet): every figure is a dash.
  const cell = (row: Row, figures: WeekFigures, isUsual: boolean): Cell =>
    figures.knownDays === 0
      ? { unknown: figures.unknown.closedOnTime ?? 'before Cadence' }
      : row.cell(figures, isUsual);
  return (
    <>
      <table className="review-table">
        <caption>{usual ? `${week} against ${usualWeeks(review)}` : week}</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">{column}</th>
            {usual ? <th scope="col">Your usual</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows(goalHours).map((row) => (
            <tr key={row.figure}>
              <th scope="row">{row.figure}</th>
              <td>
                <CellText cell={cell(row, review.figures, false)} />
              </td>
              {usual ? (
                <td>
                  <CellText cell={cell(row, usual, true)} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="review-note">
        {started ? `Cadence first ran ${started}: the days before are unknown (—). ` : ''}
        {review.which === 'this' && !days
          ? 'Today counts once it is closed.'
          : review.which === 'this'
            ? `${days} so far${usual ? ', against the same days of those weeks' : ''}; today counts once it is closed.`
            : usual
              ? (review.usual?.weeks ?? 0) === 1
                ? 'Your usual is that one week until there are more.'
                : 'Your usual is the average of those weeks.'
              : 'No earlier weeks with Cadence to compare with yet.'}
      </p>
    </>
  );
}
