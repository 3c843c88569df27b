// Types for processLeaks.js (plain JavaScript so that test/run-all.js can use it without a build).

export interface MarkedProcess {
  pid: number;
  command: string;
}

export interface ScanOptions {
  /** Pids to leave out; the caller itself by default. */
  exclude?: number[];
  /** The environment variable holding the marker; CADENCE_TEST_RUN by default. */
  variable?: string;
}

export const MARKER_VARIABLE: 'CADENCE_TEST_RUN';
export function newMarker(): string;
export function canScan(): boolean;
export function findMarkedProcesses(marker: string, options?: ScanOptions): MarkedProcess[];
export function waitForMarkedProcesses(
  marker: string,
  options?: ScanOptions & { graceMs?: number },
): Promise<MarkedProcess[]>;
export function killMarkedProcesses(
  marker: string,
  options?: ScanOptions & { graceMs?: number },
): Promise<MarkedProcess[]>;
export function describeLeaks(leaks: MarkedProcess[]): string[];
