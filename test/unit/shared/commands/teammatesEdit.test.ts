import { describe, expect, it } from 'vitest';
import { teammatesAdd } from '../../../../shared/commands/teammatesAdd';
import { teammatesEdit } from '../../../../shared/commands/teammatesEdit';
import { commandSchemas } from '../../../../shared/contract';
import { accepted, apply, contextAt } from './commandFixtures';

const EARLY = [{ start: '07:00', end: '15:00' }];
const earlyWeek = { '1': EARLY, '2': EARLY, '3': EARLY, '4': EARLY, '5': EARLY, '6': [], '7': [] };

function withAna() {
  return accepted(
    apply(teammatesAdd, 'teammates.add', contextAt('2026-11-25T10:00'), {
      name: 'Ana',
      timeZone: 'Europe/Lisbon',
      email: 'ana@example.com',
    }),
  ).intents!;
}

describe('teammates.edit', () => {
  it('changes what is given and keeps the rest, in the same place of the list', () => {
    const intents = withAna();
    const edited = accepted(
      apply(teammatesEdit, 'teammates.edit', contextAt('2026-11-25T10:00', { intents }), {
        id: 'id1',
        name: 'Ana Silva',
        timeZone: 'Asia/Calcutta',
        week: earlyWeek,
      }),
    );
    expect(edited.value).toEqual({
      id: 'id1',
      name: 'Ana Silva',
      // one canonical name stored, as when adding
      timeZone: 'Asia/Kolkata',
      week: earlyWeek,
      weekendDays: [6, 7],
      email: 'ana@example.com',
      source: 'manual',
    });
    expect(edited.intents?.teammates).toEqual([edited.value]);
  });

  it('takes the email away when it is given as null', () => {
    const intents = withAna();
    const edited = accepted(
      apply(teammatesEdit, 'teammates.edit', contextAt('2026-11-25T10:00', { intents }), {
        id: 'id1',
        email: null,
      }),
    );
    expect(edited.value).not.toHaveProperty('email');
  });

  it('refuses a teammate no longer in the list, and checks fields as adding does', () => {
    const outcome = apply(teammatesEdit, 'teammates.edit', contextAt('2026-11-25T10:00'), { id: 'gone' });
    expect(outcome).toMatchObject({ ok: false, error: 'not_found' });
    for (const input of [
      { id: 'id1', name: ' ' },
      { id: 'id1', timeZone: 'Mars/Olympus' },
      { id: 'id1', email: 'not an email' },
      { id: 'id1', source: 'slack' },
    ])
      expect(commandSchemas['teammates.edit'].safeParse(input).success).toBe(false);
  });
});
