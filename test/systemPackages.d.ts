/** The Debian packages `npm test` needs that are missing. */
export function missingPackages(env?: Record<string, string | undefined>): string[];
/** Installs the missing packages where possible (Debian, as root); true when all are present. */
export function ensureSystemPackages(): boolean;
