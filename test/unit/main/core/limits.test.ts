import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../fakes/fakeClock';
import { type Harness, seedSettings, startService, tempDir } from '../../../fakes/serviceHarness';
import { at } from '../../shared/domainFixtures';

const ZONE = 'Europe/Berlin';
let harness: Harness | null = null;
afterEach(() => {
  harness?.service.dispose();
  harness = null;
});

function open(local = '2026-11-25T10:00'): Harness {
  const dir = tempDir();
  seedSettings(dir, ZONE);
  harness = startService(dir, new FakeClock(at(local, ZONE), ZONE));
  return harness;
}

describe('the dates a query accepts', () => {
  it('answers the last day Cadence can write with that one day, never rows dated past 9999', () => {
    const h = open();
    const last = h.service.handleQuery('history', { from: '9999-12-31', to: '9999-12-31' });
    expect(last.ok && last.value.map((day) => day.date)).toEqual(['9999-12-31']);
  });

  it('refuses dates before 1970 in words, for the look-back and the day plan alike', () => {
    const h = open();
    const early = h.service.handleQuery('history', { from: '1969-12-31', to: '1970-01-02' });
    expect(early).toMatchObject({
      ok: false,
      error: 'invalid_input',
      issues: [{ path: 'from', message: 'use a date from 1970-01-01 to 9999-12-31' }],
    });
    expect(h.service.handleQuery('plan', { date: '0001-01-01' })).toMatchObject({
      ok: false,
      issues: [{ path: 'date', message: 'use a date from 1970-01-01 to 9999-12-31' }],
    });
    expect(h.service.handleQuery('history', { from: '+010000-01-01', to: '+010000-01-02' })).toMatchObject({
      ok: false,
      error: 'invalid_input',
    });
  });
});
