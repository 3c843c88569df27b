import { describe, expect, it } from 'vitest';
import { agendaOn } from '../../../shared/agenda';
import { emptyIntents, type Intents } from '../../../shared/intents';
import { patternOf } from '../../../shared/workPattern';
import { at, settingsIn } from './domainFixtures';

const ZONE = 'Europe/Berlin';
const pattern = patternOf(settingsIn(ZONE));

/** Friday 27 November closed with a priority and notes for Monday. */
function closedFriday(): Intents {
  const intents = emptyIntents();
  intents.shutdowns.push({
    date: '2026-11-27',
    completedAt: new Date(at('2026-11-27T17:30', ZONE)).toISOString(),
    done: '',
    carryOver: '  Call the bank before ten.\n',
    priorities: ['Ship the importer'],
  });
  return intents;
}

describe('the agenda a closing leaves', () => {
  it('carries the notes for tomorrow to the next day', () => {
    const monday = agendaOn('2026-11-30', closedFriday(), pattern);
    expect(monday.notes).toBe('Call the bank before ten.');
    expect(monday.nextWorkday).toBeNull();
  });

  it('is for the next workday when seen on a weekend, not for the weekend day itself', () => {
    const saturday = agendaOn('2026-11-28', closedFriday(), pattern);
    expect(saturday.nextWorkday).toBe('2026-11-30');
    expect(saturday.meantFor).toBeNull();
    expect(saturday.items.map((item) => item.text)).toEqual(['Ship the importer']);
  });

  it('says the next workday on a weekend even with no list', () => {
    expect(agendaOn('2026-11-29', emptyIntents(), pattern)).toMatchObject({
      items: [],
      nextWorkday: '2026-11-30',
      notes: '',
    });
  });
});
