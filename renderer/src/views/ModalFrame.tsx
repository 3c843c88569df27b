import type { ReactNode, RefObject } from 'react';

/**
 * A modal dialog over the window: the dimmed page behind, and the box a screen reader announces by its
 * title (`titleId`). `frame` is the box, for the keyboard contract of useDialog.
 */
export function ModalFrame({
  className,
  titleId,
  frame,
  children,
}: {
  className: string;
  titleId: string;
  frame: RefObject<HTMLDivElement | null>;
  children: ReactNode;
}) {
  return (
    <div className="overlay" role="presentation">
      <div
        className={`dialog ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        ref={frame}
      >
        {children}
      </div>
    </div>
  );
}
