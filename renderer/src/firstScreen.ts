import { FIRST_SCREEN_ID, type FirstScreen } from '../../shared/firstScreen';

/**
 * The first screen's data the page came with (written by Cadence itself when it served the page), or
 * null when the page has none or it cannot be read: the store then asks for the day as usual.
 */
export function readFirstScreen(document: Document): FirstScreen | null {
  const element = document.getElementById(FIRST_SCREEN_ID);
  if (!element?.textContent) return null;
  element.remove();
  try {
    const first = JSON.parse(element.textContent) as Partial<FirstScreen> | null;
    return first?.status && first.plan && first.settings && Array.isArray(first.integrations)
      ? (first as FirstScreen)
      : null;
  } catch {
    return null;
  }
}
