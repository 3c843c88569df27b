/**
 * The path and query of a request, or null when the request target is not a path that can be read:
 * "//", "http://elsewhere/", a lone "%" and the like answer 400 instead of throwing.
 */
export function requestTarget(raw: string | undefined): URL | null {
  if (!raw || raw[0] !== '/') return null;
  try {
    return new URL(`http://127.0.0.1${raw}`);
  } catch {
    return null;
  }
}

/** A URL path segment decoded, or null when its escapes are malformed or it holds a NUL. */
export function decodedPath(pathname: string): string | null {
  try {
    const decoded = decodeURIComponent(pathname);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}
