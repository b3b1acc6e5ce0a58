import { useMemo } from 'react';
import { getDb } from '@/lib/db/db';
import { loadAccountRows, loadPortfolioStats, withStats } from '@/lib/kam/portfolio';
import { useDbQuery } from '../useDbQuery';

/**
 * All portfolio rows, live (re-read on local writes and on broadcasts from other views).
 * Two phases: the accounts show at once; counts and coverage fill in when computed.
 */
export function usePortfolio() {
  const rows = useDbQuery(() => loadAccountRows(getDb()), []);
  // Started once the rows are up, so the big reads don't compete with the first paint.
  const ready = rows.data !== undefined;
  const stats = useDbQuery(() => (ready ? loadPortfolioStats(getDb(), Date.now()) : Promise.resolve(undefined)), [ready]);
  const data = useMemo(() => (rows.data && stats.data ? withStats(rows.data, stats.data) : rows.data), [rows.data, stats.data]);
  return { data, error: rows.error ?? stats.error };
}
