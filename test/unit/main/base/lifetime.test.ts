import { afterEach, describe, expect, it } from 'vitest';
import {
  Disposable,
  DisposableStore,
  Emitter,
  type IDisposable,
  setUnexpectedErrorHandler,
  toDisposable,
} from '../../../../main/base/lifetime';
import { FakeClock } from '../../../fakes/fakeClock';
import { type Harness, seedSettings, startService, tempDir } from '../../../fakes/serviceHarness';
import { at } from '../../shared/domainFixtures';

const reported: unknown[] = [];
let restore: IDisposable | null = null;
let harness: Harness | null = null;

afterEach(() => {
  restore?.dispose();
  restore = null;
  reported.length = 0;
  harness?.service.dispose();
  harness = null;
});

function collectErrors(): void {
  restore = setUnexpectedErrorHandler((error) => reported.push(error));
}

describe('Emitter', () => {
  it('delivers to every listener even when one throws, and reports the error', () => {
    collectErrors();
    const emitter = new Emitter<number>();
    const heard: string[] = [];
    emitter.event((n) => heard.push(`first ${n}`));
    emitter.event(() => {
      throw new Error('listener bug');
    });
    emitter.event((n) => heard.push(`third ${n}`));
    emitter.fire(1);
    expect(heard).toEqual(['first 1', 'third 1']);
    expect(reported).toEqual([new Error('listener bug')]);
  });

  it('stops delivering to a listener once its subscription is disposed', () => {
    const emitter = new Emitter<number>();
    const heard: number[] = [];
    const subscription = emitter.event((n) => heard.push(n));
    emitter.fire(1);
    subscription.dispose();
    emitter.fire(2);
    expect(heard).toEqual([1]);
    expect(emitter.size).toBe(0);
  });
});

describe('DisposableStore and Disposable', () => {
  it('disposes children last-first, once, and disposes what is added after it was disposed', () => {
    const order: string[] = [];
    const store = new DisposableStore();
    store.add(toDisposable(() => order.push('a')));
    store.add(toDisposable(() => order.push('b')));
    store.dispose();
    store.dispose();
    store.add(toDisposable(() => order.push('late')));
    expect(order).toEqual(['b', 'a', 'late']);
  });

  it('keeps disposing the others when one child throws', () => {
    collectErrors();
    const order: string[] = [];
    class Owner extends Disposable {
      constructor() {
        super();
        this.register(toDisposable(() => order.push('kept')));
        this.register(
          toDisposable(() => {
            throw new Error('dispose bug');
          }),
        );
      }
    }
    new Owner().dispose();
    expect(order).toEqual(['kept']);
    expect(reported).toHaveLength(1);
  });
});

describe('the service with a listener that throws', () => {
  it('keeps its clock: the next deadline still fires and the others still hear every event', () => {
    collectErrors();
    const zone = 'Europe/Berlin';
    const dir = tempDir();
    seedSettings(dir, zone);
    harness = startService(dir, new FakeClock(at('2026-11-25T10:00', zone), zone));
    const h = harness;
    h.service.onEvent(() => {
      throw new Error('a broken window');
    });
    const modes: string[] = [];
    h.service.onEvent((event) => {
      if (event.name === 'availability.changed') modes.push(event.data.mode);
    });
    expect(h.service.execute('focus.start', { minutes: 25 }).ok).toBe(true);
    h.clock.advanceTo(at('2026-11-25T10:26', zone));
    expect(modes).toEqual(['focus', 'working']);
    expect(h.notifier.shown.map((n) => n.title)).toEqual(['Focus block finished']);
    expect(h.service.nextDeadline).not.toBeNull();
    expect(reported.length).toBeGreaterThan(0);
  });
});
