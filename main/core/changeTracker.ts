import type { StatusView } from '../../shared/statusView';

/** What changed since it was last asked: the status clients see, the plan ahead, the system's zone. */
export class ChangeTracker {
  private lastStatus = '';
  private lastAhead = '';

  constructor(private lastZone: string) {}

  /** Whether the computer's zone moved (travel, or the user changed it). */
  zone(zone: string): boolean {
    if (zone === this.lastZone) return false;
    this.lastZone = zone;
    return true;
  }

  /** Whether the status differs in anything but the instant it was read at. */
  status(status: StatusView): boolean {
    const { now: _now, ...comparable } = status;
    return this.differs('lastStatus', JSON.stringify(comparable));
  }

  /** Whether the plan ahead (the focus goal's blocks) moved, with the calendar or the settings. */
  ahead(blocks: unknown): boolean {
    return this.differs('lastAhead', JSON.stringify(blocks));
  }

  private differs(field: 'lastStatus' | 'lastAhead', key: string): boolean {
    if (key === this[field]) return false;
    this[field] = key;
    return true;
  }
}
