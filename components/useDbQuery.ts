// Runs a Dexie query in a top-level extension page and re-runs it when data changes: on local
// writes (Dexie liveQuery) and on changes announced by the background or another view.
import { useEffect, useState } from 'react';
import { liveQuery } from 'dexie';
import { onEvent } from '@/lib/messaging/client';
import { useI18n } from './i18n';
import { errorText } from './ui/errorText';

export function useDbQuery<T>(query: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: string | null } {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [bump, setBump] = useState(0);
  const { t } = useI18n();
  useEffect(() => onEvent((e) => e.kalEvent === 'changed' && setBump((n) => n + 1)), []);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (v) => {
        setData(v);
        setError(null);
      },
      error: (e) => setError(errorText(t, e)), // a full disk, a blocked database: in the user's language
    });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, bump]);
  return { data, error };
}
