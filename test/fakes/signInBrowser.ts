/**
 * A browser's way through a sign-in, for tests without one: opens Cadence's start page and follows every
 * redirect by hand, keeping the cookies each host sets (fetch alone drops them between redirects), as the
 * user's browser does. Resolves with the last page.
 */
export async function browseSignIn(startUrl: string, maxRedirects = 10): Promise<Response> {
  const jar = new Map<string, Map<string, string>>();
  let url = startUrl;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    const host = new URL(url).hostname;
    const cookies = jar.get(host);
    const response = await fetch(url, {
      redirect: 'manual',
      headers: cookies?.size ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {},
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      if (!jar.has(host)) jar.set(host, new Map());
      jar.get(host)!.set(name!.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return response;
    await response.body?.cancel();
    url = new URL(location, url).toString();
  }
  throw new Error(`more than ${maxRedirects} redirects from ${startUrl}`);
}

/** Opens only Cadence's start page, as the user's browser does first: the cookie it sets, as a header. */
export async function startInBrowser(startUrl: string): Promise<string> {
  const start = await fetch(startUrl, { redirect: 'manual' });
  await start.body?.cancel();
  return start.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}
