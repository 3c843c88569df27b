import type { ApiResult } from '../../shared/contract';
import { weeksRange } from '../../shared/weekReview';
import type { ApiClient } from './apiClient';

/** The calendar weeks `cadence export` writes when no dates are given: the four the window's charts show. */
const EXPORT_WEEKS = 4;

/**
 * The days `cadence export` writes: those asked for; else up to today in the work zone (not the machine's
 * zone), from the start of the last four calendar weeks, which start on the user's first day of the week.
 */
export async function exportRange(
  client: ApiClient,
  from: string | undefined,
  to: string | undefined,
): Promise<ApiResult<{ from: string; to: string }>> {
  if (from !== undefined && to !== undefined) return { ok: true, value: { from, to } };
  const [plan, settings] = await Promise.all([client.query('plan', {}), client.query('settings', {})]);
  if (!plan.ok) return plan;
  if (!settings.ok) return settings;
  const last = to ?? plan.value.date;
  return {
    ok: true,
    value: { from: from ?? weeksRange(last, settings.value.weekStart, EXPORT_WEEKS).from, to: last },
  };
}
