export interface AppLike {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: () => void): unknown;
  quit(): void;
}

/** A second launch hands over to the first (which shows its window) and quits. Returns whether this one runs. */
export function claimSingleInstance(app: AppLike, showFirst: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', showFirst);
  return true;
}
