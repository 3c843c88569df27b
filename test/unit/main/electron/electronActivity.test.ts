import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { electronActivitySource } from '../../../../main/electron/electronActivity';
import type { PresenceEvent } from '../../../../main/core/ports';

/** Electron's powerMonitor, played by the test: an idle time it sets, and the OS's events it emits. */
class FakePowerMonitor extends EventEmitter {
  idle: number | (() => number) = 0;
  getSystemIdleTime(): number {
    return typeof this.idle === 'function' ? this.idle() : this.idle;
  }
}

describe("the desktop app's activity source", () => {
  it("reads the system's idle seconds afresh each time", async () => {
    const power = new FakePowerMonitor();
    const source = electronActivitySource(power);
    expect(source.description).toBe("Electron's idle time");
    power.idle = 0;
    expect(await source.idleSeconds()).toBe(0);
    power.idle = 420;
    expect(await source.idleSeconds()).toBe(420);
  });

  it('says "cannot tell" (null) when Electron cannot read it, without throwing', async () => {
    const power = new FakePowerMonitor();
    const source = electronActivitySource(power);
    power.idle = () => {
      throw new Error('not ready');
    };
    expect(await source.idleSeconds()).toBeNull();
    power.idle = Number.NaN;
    expect(await source.idleSeconds()).toBeNull();
    power.idle = -1;
    expect(await source.idleSeconds()).toBeNull();
  });

  it('reports lock, unlock, suspend and resume as they happen, and stops when disposed', () => {
    const power = new FakePowerMonitor();
    const source = electronActivitySource(power);
    const seen: PresenceEvent[] = [];
    const subscription = source.onPresence?.((event) => seen.push(event));
    power.emit('lock-screen');
    power.emit('suspend');
    power.emit('resume');
    power.emit('unlock-screen');
    power.emit('on-battery');
    expect(seen).toEqual(['lock', 'suspend', 'resume', 'unlock']);
    subscription?.dispose();
    power.emit('lock-screen');
    expect(seen).toHaveLength(4);
    expect(power.eventNames()).toEqual([]);
  });

  it('leaves no listener on powerMonitor once the source is disposed', () => {
    const power = new FakePowerMonitor();
    const source = electronActivitySource(power);
    const seen: PresenceEvent[] = [];
    source.onPresence?.((event) => seen.push(event));
    source.onPresence?.((event) => seen.push(event));
    power.emit('resume');
    expect(seen).toEqual(['resume', 'resume']);
    source.dispose?.();
    power.emit('resume');
    expect(seen).toHaveLength(2);
    expect(power.eventNames()).toEqual([]);
  });
});
