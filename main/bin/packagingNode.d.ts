/** The oldest Node.js [major, minor] that electron-builder's native rebuild step supports. */
export const PACKAGING_NODE: readonly [number, number];
/** Words saying why packaging cannot run on this Node version, or null when it can. */
export function packagingRefusal(version: string): string | null;
