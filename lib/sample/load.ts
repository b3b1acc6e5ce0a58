// Writes the sample portfolio. Every record has a fixed id, so loading again puts the sample
// records back as shipped (no duplicates); records the user added to sample accounts are kept.
import type { KalDb } from '../db/db';
import type { Stakeholder } from '../db/model';
import { samplePortfolio } from './portfolio';

/** Loads the sample portfolio in one transaction; returns the number of sample accounts. */
export async function loadSamplePortfolio(db: KalDb, now = Date.now()): Promise<number> {
  const data = samplePortfolio(now);
  await db.transaction('rw', [db.accounts, db.plans, db.stakeholders, db.actions, db.notes], async () => {
    // stakeholders.linkedinUrl is unique: a person the user already saved by hand under another id
    // keeps the profile, and the sample copy is written without it (instead of aborting the load).
    const urls = data.stakeholders.flatMap((s) => (s.linkedinUrl ? [s.linkedinUrl] : []));
    const owners = new Map((await db.stakeholders.where('linkedinUrl').anyOf(urls).toArray()).map((s) => [s.linkedinUrl, s.id]));
    const stakeholders = data.stakeholders.map((s): Stakeholder => {
      const owner = s.linkedinUrl ? owners.get(s.linkedinUrl) : undefined;
      if (owner === undefined || owner === s.id) return s;
      const { linkedinUrl: _taken, ...rest } = s;
      return rest;
    });

    // plans.accountId is unique: a plan the user wrote under another id wins. Reloading a sample
    // plan keeps its revision counter, so revision numbers in the history never repeat.
    const existing = await db.plans.where('accountId').anyOf(data.plans.map((p) => p.accountId)).toArray();
    const byAccount = new Map(existing.map((p) => [p.accountId, p]));
    const plans = data.plans.flatMap((p) => {
      const cur = byAccount.get(p.accountId);
      if (!cur) return [p];
      if (cur.id !== p.id) return [];
      return [{ ...p, revision: Math.max(p.revision, cur.revision) }];
    });

    await db.accounts.bulkPut(data.accounts);
    await db.plans.bulkPut(plans);
    await db.stakeholders.bulkPut(stakeholders);
    await db.actions.bulkPut(data.actions);
    await db.notes.bulkPut(data.notes);
  });
  return data.accounts.length;
}
