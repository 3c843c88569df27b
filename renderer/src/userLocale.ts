/** The locale the user chose in settings, else the browser's. */
export function userLocale(preferred: string | null | undefined): string | undefined {
  return preferred ?? (typeof navigator !== 'undefined' ? navigator.language : undefined);
}
