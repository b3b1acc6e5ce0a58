// Every "are you sure?" question in the UI (delete an account, wipe, restore a backup or a plan
// revision, turn team sync off, move a person between accounts) behaves the same for a keyboard
// user: it takes the focus when it opens (its own autoFocus'd control, else the box), Escape
// cancels it without reaching the page or panel around it (the sidebar closes on Escape), and the
// focus goes back to what opened it (keep that control mounted, `hidden`, while asking).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { cx } from './index';

/**
 * Focus comes back to what opened a part of the page (`box`: a question, an editor opened in
 * place) when that part goes — if the focus was inside it or fell to <body> — instead of being lost
 * to the top of the page. Returns nothing; call it in the part's component.
 */
export function useFocusReturn(box: { current: HTMLElement | null }): void {
  // What had the focus when the part opened (read while rendering: an autoFocus'd control inside
  // takes the focus before effects run).
  const [before] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(
    () => () => {
      const lost = !document.activeElement || document.activeElement === document.body || !!box.current?.contains(document.activeElement);
      if (lost && before && before !== document.body && before.isConnected) before.focus();
    },
    [], // eslint-disable-line react-hooks/exhaustive-deps
  );
}

export function ConfirmBox({ onCancel, children, className, inline, ...rest }: { onCancel(): void; children: ReactNode; className?: string; inline?: boolean; 'aria-labelledby'?: string; 'aria-label'?: string; 'aria-describedby'?: string; 'data-testid'?: string }) {
  const box = useRef<HTMLElement | null>(null);
  useFocusReturn(box);
  useEffect(() => {
    if (!box.current?.contains(document.activeElement)) box.current?.focus();
  }, []);
  const props = {
    ref: (el: HTMLElement | null) => void (box.current = el),
    tabIndex: -1,
    role: 'alertdialog',
    className: cx('focus-visible:outline-2 focus-visible:outline-blue-500', className),
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    },
    ...rest,
  };
  return inline ? <span {...props}>{children}</span> : <div {...props}>{children}</div>;
}
