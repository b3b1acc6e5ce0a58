// Page-wide status messages (saved, deleted — with Undo, errors). One live region, so screen
// readers hear every outcome; nothing is shown with innerHTML.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Button, cx } from '../ui';

export interface ToastInput {
  text: string;
  kind?: 'ok' | 'error';
  undo?: () => void | Promise<void>;
  /** the label of the `undo` button when it does something else (e.g. "Apply mine") */
  actionLabel?: string;
}
interface ToastItem extends ToastInput {
  id: number;
}
interface ToastApi {
  notify(t: ToastInput): void;
}
const Ctx = createContext<ToastApi>({ notify: () => {} });
export const useToast = () => useContext(Ctx);

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [items, setItems] = useState<ToastItem[]>([]);
  const seq = useRef(0);
  const dismiss = useCallback((id: number) => setItems((xs) => xs.filter((x) => x.id !== id)), []);
  const notify = useCallback(
    (input: ToastInput) => {
      const id = ++seq.current;
      setItems((xs) => [...xs.slice(-3), { ...input, id }]);
      setTimeout(() => dismiss(id), input.undo ? 12_000 : input.kind === 'error' ? 15_000 : 5_000);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ notify }), [notify]);
  return (
    <Ctx.Provider value={api}>
      {children}
      <div aria-live="polite" role="status" className="fixed right-4 bottom-4 z-50 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2 print:hidden">
        {items.map((x) => (
          <div
            key={x.id}
            data-testid="toast"
            className={cx(
              'flex items-start gap-2 rounded-md px-3 py-2 text-sm shadow-lg',
              x.kind === 'error' ? 'bg-red-700 text-white' : 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900',
            )}
          >
            <span className="flex-1 whitespace-pre-wrap">{x.text}</span>
            {x.undo && (
              <Button
                variant="subtle"
                onClick={() => {
                  dismiss(x.id);
                  void x.undo?.();
                }}
              >
                {x.actionLabel ?? t('undo')}
              </Button>
            )}
            <button type="button" className="rounded px-1 focus-visible:outline-2 focus-visible:outline-blue-400" aria-label={t('dismiss')} onClick={() => dismiss(x.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </Ctx.Provider>
  );
}
