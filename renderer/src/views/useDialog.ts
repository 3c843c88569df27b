import { type RefObject, useEffect } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog's keyboard contract: Tab and Shift+Tab stay inside it, Escape closes it (when it can be
 * closed), and on closing the focus goes back where it was before it opened.
 */
export function useDialog(
  dialog: RefObject<HTMLElement | null>,
  open: boolean,
  onEscape: (() => void) | null,
): void {
  useEffect(() => {
    if (!open) return;
    const active = document.activeElement;
    const before = active instanceof HTMLElement && active !== document.body ? active : null;
    const onKey = (event: KeyboardEvent) => {
      const box = dialog.current;
      if (!box) return;
      if (event.key === 'Escape' && onEscape) {
        event.preventDefault();
        onEscape();
        return;
      }
      if (event.key !== 'Tab') return;
      const items = [...box.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        (el) => el.offsetParent !== null,
      );
      if (!items.length) return;
      const first = items[0]!;
      const last = items[items.length - 1]!;
      const inside = box.contains(document.activeElement);
      if (event.shiftKey && (document.activeElement === first || !inside)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      // Back to where the user was, if that is still on the page, unless the closing action already
      // put the focus somewhere; else the page's main heading.
      const now = document.activeElement;
      if (now && now !== document.body && now.isConnected && !dialog.current?.contains(now)) return;
      if (before?.isConnected) before.focus();
      else document.querySelector<HTMLElement>('h1')?.focus();
    };
  }, [dialog, open, onEscape]);
}
