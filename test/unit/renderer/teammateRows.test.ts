import { describe, expect, it } from 'vitest';
import { type Row, teammateRows } from '../../../renderer/src/views/teammateRows';
import type { TeammateView } from '../../../shared/statusView';

const t = (name: string, timeZone: string, inWorkingHours: boolean, offsetFromYou: number): TeammateView => ({
  id: name,
  name,
  source: 'manual',
  hoursAssumed: false,
  timeZone,
  localTime: '12:00',
  offsetFromYou,
  inWorkingHours,
  state: inWorkingHours ? 'available' : 'off',
  nextAvailable: null,
  nextOverlap: null,
  todayBar: [],
  dayFraction: 0.5,
  yourDayBar: [],
});

const team = [
  t('Ken', 'Asia/Tokyo', false, 480),
  t('Ana', 'America/New_York', true, -360),
  t('Bo', 'America/New_York', false, -360),
  t('Lea', 'Europe/Berlin', true, 0),
  t('Pia', 'Europe/Paris', false, 0),
  t('Zoe', 'Europe/Zurich', true, 0),
  t('Petr', 'Europe/Prague', true, 0),
];

const names = (rows: Row[]) =>
  rows.map((r) => (r.kind === 'teammate' ? r.teammate.name : `${r.cities.join('+')}:${r.count}`));

describe('teammate rows', () => {
  it('sorts those working now first, then by name', () => {
    expect(names(teammateRows(team, '', 'available', false))).toEqual([
      'Ana',
      'Lea',
      'Petr',
      'Zoe',
      'Bo',
      'Ken',
      'Pia',
    ]);
  });

  it('filters by name, by zone and by city typed with a space', () => {
    expect(names(teammateRows(team, 'ke', 'name', false))).toEqual(['Ken']);
    expect(names(teammateRows(team, 'EUROPE', 'name', false))).toEqual(['Lea', 'Petr', 'Pia', 'Zoe']);
    expect(names(teammateRows(team, 'new york', 'name', false))).toEqual(['Ana', 'Bo']);
    expect(names(teammateRows(team, 'zurich', 'name', false))).toEqual(['Zoe']);
  });

  it('groups by the offset their clocks show now: Berlin, Paris, Prague and Zurich are one group', () => {
    expect(names(teammateRows(team, '', 'name', true))).toEqual([
      'New York:2',
      'Ana',
      'Bo',
      'Berlin+Paris+Prague+Zurich:4',
      'Lea',
      'Petr',
      'Pia',
      'Zoe',
      'Tokyo:1',
      'Ken',
    ]);
  });

  it('groups only what the filter keeps', () => {
    expect(names(teammateRows(team, 'paris', 'name', true))).toEqual(['Paris:1', 'Pia']);
  });

  // Its speed is a figure of `npm run bench` (Renderer), not a timed test.
  it('filters and groups 10,000 teammates: one heading and every match', () => {
    const zones = ['Europe/Berlin', 'Europe/Paris', 'Asia/Tokyo', 'America/New_York', 'Asia/Kolkata'];
    const offsets = [0, 0, 480, -360, 270];
    const many = Array.from({ length: 10_000 }, (_, i) =>
      t(`Person ${i}`, zones[i % 5]!, i % 2 === 0, offsets[i % 5]!),
    );
    const rows = teammateRows(many, 'kolkata', 'available', true);
    expect(rows).toHaveLength(2001);
  });
});
