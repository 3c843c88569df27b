import type { Teammate } from '../../shared/intents';

const DAY = [{ start: '09:00', end: '17:00' }];
const WEEK: Teammate['week'] = { '1': DAY, '2': DAY, '3': DAY, '4': DAY, '5': DAY, '6': [], '7': [] };
export const TEAM_ZONES = [
  'America/New_York',
  'Asia/Tokyo',
  'Europe/Lisbon',
  'Australia/Sydney',
  'Asia/Kolkata',
];

/** `count` teammates added by hand, "Person 0" … spread over `zones`, working 09:00–17:00 on weekdays. */
export function manyTeammates(
  count: number,
  zones: readonly string[] = TEAM_ZONES,
  week: Teammate['week'] = WEEK,
): Teammate[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `t${i}`,
    name: `Person ${i}`,
    timeZone: zones[i % zones.length]!,
    week,
    weekendDays: [6, 7],
    source: 'manual' as const,
  }));
}

/** Four teammates added by hand around the world (ids p0…p3), working 09:00–17:00 on weekdays. */
export const FOUR_TEAMMATES: readonly Teammate[] = manyTeammates(4, [
  'Europe/Lisbon',
  'Asia/Kolkata',
  'America/New_York',
  'Australia/Sydney',
]).map((teammate, i) => ({
  ...teammate,
  id: `p${i}`,
  name: ['Ana Souza', 'Priya Raman', 'Maya Cohen', 'Olivia Brown'][i] ?? teammate.name,
}));
