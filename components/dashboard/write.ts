// Every dashboard write goes through here: run a repo.ts function on the page's own database,
// then tell open sidebars (iframes in LinkedIn/Gmail tabs) and the background that these tables
// changed. Errors are shown, never swallowed.
import { useCallback } from 'react';
import { getDb, type KalDb } from '@/lib/db/db';
import { broadcast } from '@/lib/messaging/client';
import { conflictOf } from '@/lib/errors';
import type { ConflictData } from '@/lib/types';
import { useI18n } from '../i18n';
import { useToast } from './Toast';
import { errorText } from '../ui/errorText';

export type Table = 'accounts' | 'plans' | 'planRevisions' | 'stakeholders' | 'actions' | 'notes' | 'links';
export const ALL_TABLES: Table[] = ['accounts', 'plans', 'planRevisions', 'stakeholders', 'actions', 'notes', 'links'];

/** Runs `fn`, broadcasts the change; throws what `fn` throws. */
export async function write<R>(fn: (db: KalDb) => Promise<R>, tables: Table[]): Promise<R> {
  const r = await fn(getDb());
  broadcast({ kalEvent: 'changed', tables });
  return r;
}

export interface WriteOpts<R> {
  ok?: string | ((r: R) => string);
  undo?: (r: R) => () => Promise<unknown>;
  /** a field-level edit refused ("changed elsewhere"): the form shows the review instead of an error toast */
  onConflict?: (c: ConflictData) => void;
  /** another refusal the form handles itself (it returns true: no error toast), e.g. a question to ask */
  onRefused?: (e: unknown) => boolean;
}

/** `write` for components: success message (with optional Undo) and error surfaced as a toast. */
export function useWrite() {
  const { t } = useI18n();
  const { notify } = useToast();
  return useCallback(
    async <R,>(fn: (db: KalDb) => Promise<R>, tables: Table[], opts: WriteOpts<R> = {}): Promise<R | undefined> => {
      try {
        const r = await write(fn, tables);
        const text = typeof opts.ok === 'function' ? opts.ok(r) : opts.ok;
        if (text) {
          const undo = opts.undo?.(r);
          notify({
            text,
            undo: undo
              ? async () => {
                  try {
                    await undo();
                    broadcast({ kalEvent: 'changed', tables });
                  } catch (e) {
                    notify({ kind: 'error', text: t('notSaved', { error: errorText(t, e) }) });
                  }
                }
              : undefined,
          });
        }
        return r;
      } catch (e) {
        const c = conflictOf(e);
        if (c && opts.onConflict) opts.onConflict(c);
        else if (opts.onRefused?.(e)) return undefined;
        else notify({ kind: 'error', text: t('notSaved', { error: errorText(t, e) }) });
        return undefined;
      }
    },
    [notify, t],
  );
}
