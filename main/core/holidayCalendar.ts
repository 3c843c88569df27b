import { createRequire } from 'node:module';
import type HolidaysType from 'date-holidays';
import type { HolidaySource } from '../../shared/workPattern';

type HolidaysClass = typeof HolidaysType;

let loaded: HolidaysClass | null = null;

/** date-holidays is large (about 20 MB in memory), so it loads only once someone picks a country. */
function holidaysClass(): HolidaysClass {
  loaded ??= createRequire(import.meta.url)('date-holidays') as HolidaysClass;
  return loaded;
}

export const publicHolidays: HolidaySource = (country, region, year) => {
  const Holidays = holidaysClass();
  const calendar = region ? new Holidays(country, region) : new Holidays(country);
  const names = new Map<string, string>();
  for (const holiday of calendar.getHolidays(year) ?? []) {
    if (holiday.type === 'public') names.set(holiday.date.slice(0, 10), holiday.name);
  }
  return names;
};

export function isKnownHolidayCountry(country: string, region: string | null): boolean {
  const calendar = new (holidaysClass())();
  if (!(country in (calendar.getCountries() ?? {}))) return false;
  return !region || region in (calendar.getStates(country) ?? {});
}
