import { describe, expect, it } from 'vitest';
import { availabilityAt } from '../../../shared/availability';
import { emptyIntents } from '../../../shared/intents';
import { decide } from '../../../shared/notificationPolicy';
import { at, iso, settingsIn, withFocus } from './domainFixtures';

const ZONE = 'Europe/Berlin';
const settings = settingsIn(ZONE);
const message = { title: 'Build finished', body: 'main is green', kind: 'message' as const };

describe('notification policy', () => {
  it('delivers while working', () => {
    const a = availabilityAt(at('2026-11-25T10:00', ZONE), settings, emptyIntents());
    expect(decide(message, a, settings).action).toBe('deliver');
  });

  it('holds until the next workday when off, and lets urgent through', () => {
    const a = availabilityAt(at('2026-11-27T20:00', ZONE), settings, emptyIntents());
    const held = decide(message, a, settings);
    expect(held.action).toBe('hold');
    expect(held.action === 'hold' && iso(held.until, ZONE)).toBe('2026-11-30T09:00:00+01:00');
    expect(decide({ ...message, body: 'prod is down !urgent' }, a, settings).action).toBe('deliver');
    const boss = { ...settings, urgency: { ...settings.urgency, alwaysFrom: ['Ana'] } };
    expect(decide({ ...message, from: 'ana' }, a, boss).action).toBe('deliver');
  });

  it('holds until a focus block ends, and drops what would be stale by then', () => {
    const now = at('2026-11-25T10:05', ZONE);
    const a = availabilityAt(
      now,
      settings,
      withFocus(new Date(at('2026-11-25T10:00', ZONE)).toISOString(), 50),
    );
    const held = decide(message, a, settings);
    expect(held.action === 'hold' && iso(held.until, ZONE)).toBe('2026-11-25T10:50:00+01:00');
    expect(decide({ ...message, expiresAt: now + 10 * 60_000 }, a, settings).action).toBe('drop');
  });
});
