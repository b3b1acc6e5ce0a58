import { useMemo } from 'react';
import { getDb } from '@/lib/db/db';
import { loadAccountRows, loadPortfolioStats, withStats } from '@/lib/kam/portfolio';
import { useDbQuery } from '../useDbQuery';

/** Rows for the first screen, before the whole portfolio is read. */
const FIRST_SCREEN = 60;

/**
 * All portfolio rows, live (re-read on local writes and on broadcasts from other views), in
 * three phases so a large portfolio shows at once: the first screen of accounts by name, then
 * every account, then the per-account counts and coverage. `complete` is false until the second.
 */
export function usePortfolio() {
  const head = useDbQuery(() => loadAccountRows(getDb(), FIRST_SCREEN), []);
  const headReady = head.data !== undefined;
  const rows = useDbQuery(() => (headReady ? loadAccountRows(getDb()) : Promise.resolve(undefined)), [headReady]);
  // Started once the rows are up, so the big reads don't compete with the first paint.
  const ready = rows.data !== undefined;
  const stats = useDbQuery(() => (ready ? loadPortfolioStats(getDb(), Date.now()) : Promise.resolve(undefined)), [ready]);
  const data = useMemo(() => (rows.data && stats.data ? withStats(rows.data, stats.data) : (rows.data ?? head.data)), [head.data, rows.data, stats.data]);
  return { data, complete: ready, error: head.error ?? rows.error ?? stats.error };
}
