import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { intentsSchema } from '../../../../shared/intents';
import { FakeClock } from '../../../fakes/fakeClock';
import { type Harness, seedSettings, startService, tempDir } from '../../../fakes/serviceHarness';
import { at } from '../../shared/domainFixtures';

const ZONE = 'Europe/Berlin';
let harness: Harness | null = null;
afterEach(() => {
  harness?.service.dispose();
  harness = null;
});

const minutes = fc.integer({ min: 1, max: 720 });
const step = fc.oneof(
  fc.record({ name: fc.constant('focus.start'), input: fc.record({ minutes }) }),
  fc.record({ name: fc.constant('focus.extend'), input: fc.record({ minutes }) }),
  fc.record({ name: fc.constant('focus.stop'), input: fc.constant({}) }),
  fc.record({ name: fc.constant('lunch.start'), input: fc.record({ minutes }) }),
  fc.record({
    name: fc.constant('lunch.snooze'),
    input: fc.record({ minutes: fc.integer({ min: 5, max: 90 }) }),
  }),
  fc.record({ name: fc.constant('lunch.done'), input: fc.constant({}) }),
  fc.record({
    name: fc.constant('shutdown.snooze'),
    input: fc.record({ minutes: fc.integer({ min: 5, max: 120 }) }),
  }),
  fc.record({
    name: fc.constant('shutdown.complete'),
    input: fc.record({
      done: fc.string({ maxLength: 50 }),
      priorities: fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 3 }),
    }),
  }),
  fc.record({
    name: fc.constant('notify'),
    input: fc.record({ title: fc.string({ minLength: 1, maxLength: 20 }) }),
  }),
  fc.record({ name: fc.constant('advance'), input: fc.integer({ min: 1, max: 36 * 60 }) }),
);

describe('what a command accepts, the store reads back', () => {
  it('holds for generated sequences of commands: the saved document stays valid and reopens unchanged', () => {
    const dir = tempDir();
    seedSettings(dir, ZONE);
    harness = startService(dir, new FakeClock(at('2026-11-23T09:00', ZONE), ZONE));
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const h = harness!;
        for (const { name, input } of steps) {
          if (name === 'advance') h.clock.advance(Number(input) * 60_000);
          else h.service.handleCommand(name, input);
          expect(intentsSchema.safeParse(h.service.intents).success).toBe(true);
        }
        const saved = JSON.stringify(h.service.intents);
        harness = h.reopen();
        expect(harness.service.problems()).toEqual([]);
        expect(JSON.stringify(harness.service.intents)).toBe(saved);
      }),
      { numRuns: 60, seed: 20261126 },
    );
  });
});
