import { describe, expect, it } from 'vitest';
import { plannedChanges } from '../../../../main/providers/plannedChanges';

const H = 3_600_000;
const now = 10 * H;
const block = (id: string, start: number, end: number) => ({ id, start, end });
const event = (id: string, key: string, start: number, end: number) => ({ id, key, start, end });

describe('what a calendar needs to hold the plan ahead', () => {
  it('makes what is missing, moves what moved, and keeps what is in place', () => {
    const changes = plannedChanges(
      [block('a', 11 * H, 12 * H), block('b', 13 * H, 14 * H), block('c', 15 * H, 16 * H)],
      [event('ea', 'a', 11 * H, 12 * H), event('eb', 'b', 13 * H, 13.5 * H)],
      now,
      null,
    );
    expect(changes).toEqual({
      create: [block('c', 15 * H, 16 * H)],
      move: [{ eventId: 'eb', block: block('b', 13 * H, 14 * H) }],
      remove: [],
    });
  });

  it('removes what is no longer planned, an event under way included, but not one that ended or is running', () => {
    const changes = plannedChanges(
      [],
      [
        event('later', 'x', 12 * H, 13 * H),
        event('underway', 'y', 9.5 * H, 10.5 * H),
        event('ended', 'z', 8 * H, 9 * H),
        event('running', 'r', 9.5 * H, 11 * H),
      ],
      now,
      'r',
    );
    expect(changes.remove).toEqual(['later', 'underway']);
  });

  it('keeps the first of two events for one block and removes the later copy', () => {
    const changes = plannedChanges(
      [block('a', 11 * H, 12 * H)],
      [event('first', 'a', 11 * H, 12 * H), event('copy', 'a', 11 * H, 12 * H)],
      now,
      null,
    );
    expect(changes).toEqual({ create: [], move: [], remove: ['copy'] });
  });

  it('leaves blocks that have ended off the calendar plan', () => {
    expect(plannedChanges([block('old', 8 * H, 9 * H)], [], now, null).create).toEqual([]);
  });
});
