/**
 * The locale a process's environment names, as a language tag ("de_DE.UTF-8" → "de-DE"), from the variables
 * ICU reads for a process's default locale, in its order; null for "C", "POSIX" or none (ICU then takes
 * en-US-POSIX, which Intl calls en-US).
 */
export function posixLocale(env: NodeJS.ProcessEnv = process.env): string | null {
  const posix = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const tag = posix.split(/[.@]/)[0]!.replace(/_/g, '-');
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag) && tag.length <= 35 ? tag : null;
}
