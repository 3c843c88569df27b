import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyIntents, INTENT_LIMITS } from '../../../../shared/intents';
import { manyTeammates } from '../../../fakes/teammateFixtures';
import { FakeClock } from '../../../fakes/fakeClock';
import { type Harness, seedSettings, startService, tempDir } from '../../../fakes/serviceHarness';
import { at } from '../../shared/domainFixtures';

const ZONE = 'Europe/Berlin';
let harness: Harness | null = null;
afterEach(() => {
  harness?.service.dispose();
  harness = null;
});

function open(local = '2026-11-25T10:00', intents?: unknown): Harness {
  const dir = tempDir();
  seedSettings(dir, ZONE);
  if (intents) fs.writeFileSync(path.join(dir, 'intents.json'), JSON.stringify(intents));
  harness = startService(dir, new FakeClock(at(local, ZONE), ZONE));
  return harness;
}

describe('the dates a query accepts', () => {
  it('answers the last day Cadence can write with that one day, never rows dated past 9999', () => {
    const h = open();
    const last = h.service.query('history', { from: '9999-12-31', to: '9999-12-31' });
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

describe('the problems list', () => {
  const marsTeam = () =>
    manyTeammates(20_000).map((teammate, i) => ({
      ...teammate,
      name: i === 0 ? 'Ana' : i === 1 ? 'Bo' : teammate.name,
      timeZone: 'Mars/Base',
    }));

  it('summarises 20,000 teammates in an unknown zone in one short line, with every status and event', () => {
    const h = open('2026-11-25T10:00', { ...emptyIntents(), teammates: marsTeam() });
    const problems = h.service.status().problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(
      '20,000 teammates have a time zone Cadence does not know (set aside): Ana (Mars/Base), Bo (Mars/Base) and 19,998 more',
    );
    expect(problems[0]).toContain('`cadence problems` lists them');
    expect(problems[0]!.length).toBeLessThan(1_000);
    const event = h.events.find((e) => e.name === 'availability.changed');
    expect(JSON.stringify(event).length).toBeLessThan(5_000);
  });

  it('gives every record set aside on request, each line and the list bounded', () => {
    const h = open('2026-11-25T10:00', { ...emptyIntents(), teammates: marsTeam() });
    const details = h.service.query('problems');
    expect(details.ok).toBe(true);
    if (!details.ok) return;
    expect(details.value).toContain('saved activity: teammates[0]: not a known IANA time zone; set aside');
    expect(details.value.length).toBeLessThanOrEqual(1_000);
    expect(details.value.at(-1)).toMatch(/^[\d,]+ more problems: `cadence problems` lists them\.$/);
    expect(Math.max(...details.value.map((line) => line.length))).toBeLessThanOrEqual(1_000);
  });

  it('shows a few problems and counts the rest, however many there are', () => {
    const h = open();
    for (let i = 0; i < 30; i++) h.service.reportHostProblem(`k${i}`, `problem ${i} ${'x'.repeat(5_000)}`);
    const problems = h.service.status().problems;
    expect(problems.length).toBeLessThanOrEqual(8);
    expect(problems.at(-1)).toBe('23 more problems: `cadence problems` lists them.');
    expect(problems.every((line) => line.length <= 1_000)).toBe(true);
  });
});

describe('focus blocks kept', () => {
  const DAY = 86_400_000;
  /** `count` finished one-minute blocks over the last 13 days before `now`. */
  const finished = (count: number, now: number) =>
    Array.from({ length: count }, (_, i) => {
      const start = now - 13 * DAY + Math.floor((i * 12 * DAY) / count);
      return {
        id: `b${i}`,
        startAt: new Date(start).toISOString(),
        plannedMinutes: 1,
        stoppedAt: new Date(start + 30_000).toISOString(),
      };
    });

  it('refuses a new block in words once two weeks hold the most Cadence keeps', () => {
    const now = at('2026-11-25T10:00', ZONE);
    const h = open('2026-11-25T10:00', {
      ...emptyIntents(),
      focus: finished(INTENT_LIMITS.focus, now),
    });
    expect(h.service.status().problems).toEqual([]);
    const refused = h.service.execute('focus.start', { minutes: 25 });
    expect(refused).toMatchObject({ ok: false, error: 'invalid_input' });
    expect(!refused.ok && refused.message).toMatch(
      /Cadence keeps at most 500 focus blocks from the last two weeks.*cancel a planned block to make room/,
    );
    expect(h.service.status().mode).toBe('working');
    expect(h.service.intents.focus).toHaveLength(INTENT_LIMITS.focus);
  });

  it('never loses the running block when a file holds more than the limit', () => {
    const now = at('2026-11-25T10:00', ZONE);
    const running = { id: 'running', startAt: new Date(now - 5 * 60_000).toISOString(), plannedMinutes: 50 };
    const blocks = finished(INTENT_LIMITS.focus + 100, now);
    const h = open('2026-11-25T10:00', {
      ...emptyIntents(),
      focus: [...blocks.slice(0, 10), running, ...blocks.slice(10)],
    });
    expect(h.service.intents.focus).toHaveLength(INTENT_LIMITS.focus);
    expect(h.service.status()).toMatchObject({ mode: 'focus' });
    expect(h.service.intents.focus.some((block) => block.id === 'running')).toBe(true);
    expect(h.service.status().problems[0]).toContain('focus: 101 beyond the 500 kept set aside');
  });
});
