import { clockTime } from '../timeWriting';

/**
 * Today's line: "Team core hours: 15:00–17:00 your time", on the member's clock (12 or 24 hours, as their
 * settings write times); null on a day without core hours.
 */
export function coreHoursText(
  spans: readonly { start: string | number; end: string | number }[],
  zone: string,
  locale?: string,
): string | null {
  if (!spans.length) return null;
  const times = spans.map(
    (span) => `${clockTime(span.start, zone, locale)}–${clockTime(span.end, zone, locale)}`,
  );
  return `Team core hours: ${times.join(' and ')} your time`;
}
