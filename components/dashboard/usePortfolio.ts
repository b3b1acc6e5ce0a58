import { getDb } from '@/lib/db/db';
import { loadPortfolio } from '@/lib/kam/portfolio';
import { useDbQuery } from '../useDbQuery';

/** All portfolio rows, live (re-read on local writes and on broadcasts from other views). */
export function usePortfolio() {
  return useDbQuery(() => loadPortfolio(getDb(), Date.now()), []);
}
