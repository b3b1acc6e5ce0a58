// Property (issue 12, 6b): a restore is exactly as strict as the repository. For generated account
// and stakeholder inputs — good values, other spellings of good values, and hostile ones (foreign
// LinkedIn hosts, public suffixes, 1e308, negative amounts, dates beyond 9999, non-dates…):
//   - what the repository accepts round-trips through export → file → restore unchanged;
//   - what the repository refuses, a backup holding the same record is refused too.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDb, type KalDb } from '../../lib/db/db';
import { createAccount, upsertStakeholder, type AccountInput, type StakeholderInput } from '../../lib/db/repo';
import { exportBackup, parseBackup, serializeBackup, TABLES, type BackupData } from '../../lib/io/backup';
import { restoreValidated } from '../../lib/db/restore';
import { MAX_AMOUNT, MAX_INSTANT_MS, ROLES, TIERS } from '../../lib/db/model';

const NOW = Date.UTC(2026, 10, 26);
const dbs: KalDb[] = [];
afterEach(() => {
  while (dbs.length) dbs.pop()!.close();
});
const fresh = () => {
  const d = createDb('door-prop-' + Math.random());
  dbs.push(d);
  return d;
};
async function dump(db: KalDb): Promise<BackupData> {
  const b = await exportBackup(db, NOW);
  for (const t of TABLES) (b.data[t] as { id: string }[]).sort((x, y) => (x.id < y.id ? -1 : 1));
  return b.data;
}
const empty = (): BackupData => ({ accounts: [], plans: [], planRevisions: [], stakeholders: [], actions: [], notes: [], links: [] });
const file = (data: BackupData) => JSON.stringify({ format: 'key-account-lens-backup', version: 2, exportedAt: NOW, data });

const opt = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
/** Mostly good values (other spellings included), sometimes a hostile one: both verdicts are common. */
const mostly = <T,>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: bad, weight: 1 });
const name = mostly(fc.oneof(fc.constantFrom('Acme SA', 'Müller Logistik GmbH', '  Globex  '), fc.string({ minLength: 1, maxLength: 30 }).filter((x) => x.trim().length > 0)), fc.constantFrom('', '   ', 'x'.repeat(201)));
const domain = mostly(fc.constantFrom('acme.fr', 'www.Acme.FR', 'https://shop.acme.co.uk/x?utm_source=a', 'jane@globex.de', 'müller-logistik.de', 'northwind.uk.com'), fc.constantFrom('uk.com', 'co.uk', 'not a domain'));
const companyUrl = mostly(
  fc.constantFrom('https://www.linkedin.com/company/acme/', 'https://fr.linkedin.com/company/Acme/about/?trk=public_profile', 'linkedin.com/company/globex', 'https://www.linkedin.com/showcase/acme-cloud/'),
  fc.constantFrom('https://evil.example/company/acme/', 'https://linkedin.com.evil.example/company/acme/', 'https://www.linkedin.com/in/jane-doe/', 'javascript:alert(1)'),
);
const website = mostly(fc.constantFrom('acme.fr', 'https://www.acme.fr/?utm_source=news&lang=fr', 'http://globex.com/about'), fc.constantFrom('javascript:alert(1)', 'https://www.linkedin.com/company/acme/', 'not a site', 'https://uk.com/'));
const amount = mostly(fc.integer({ min: 0, max: 1e9 }).map((n) => n / 100), fc.constantFrom(1e308, -1, MAX_AMOUNT * 1.5));
const day = mostly(
  fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('10000-01-01', '2027-02-30', '+275760-09-13', '1899-12-31', '2027-1-5'),
);
const instant = mostly(fc.oneof(fc.integer({ min: 0, max: MAX_INSTANT_MS }), fc.constant(MAX_INSTANT_MS)), fc.constantFrom(MAX_INSTANT_MS + 1, 8.64e15 + 1, -1, 1.5, 1e20));
const profileUrl = mostly(
  fc.constantFrom('https://www.linkedin.com/in/jane-doe/', 'https://fr.linkedin.com/in/Jane-Doe/?miniProfileUrn=x', 'https://www.linkedin.com/in/j%C3%A9r%C3%B4me/', 'https://www.linkedin.com/mwlite/in/jane-doe'),
  fc.constantFrom('https://evil.example/in/x/', 'https://www.linkedin.com/company/acme/', 'https://www.linkedin.com/in/%/'),
);
const email = mostly(fc.constantFrom('Jane.Doe@ACME.fr', 'jane@acme.fr', 'bob@müller-logistik.de'), fc.constantFrom('not an email', 'a@b'));
const defined = (r: object) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));

const accountInput = fc
  .record({
    name,
    domains: opt(fc.array(domain, { maxLength: 3 })),
    linkedinUrls: opt(fc.array(companyUrl, { maxLength: 2 })),
    website: opt(website),
    tier: opt(mostly(fc.constantFrom(...TIERS), fc.constant('Z'))),
    currentRevenue: opt(amount),
    potentialRevenue: opt(amount),
    renewalAt: opt(day),
    reviewCadenceDays: opt(mostly(fc.constantFrom(30, 1, 366), fc.constantFrom(0, 400, 2.5))),
    nameKey: opt(fc.constant('forged-key')),
  })
  .map((r) => defined(r) as unknown as AccountInput);

const stakeholderInput = fc
  .record({
    name,
    linkedinUrl: opt(profileUrl),
    emails: opt(fc.array(email, { maxLength: 2 })),
    role: opt(mostly(fc.constantFrom(...ROLES), fc.constant('boss'))),
    lastContactAt: opt(instant),
    title: opt(mostly(fc.constant('CFO'), fc.constant('x'.repeat(501)))),
  })
  .map((r) => defined(r) as unknown as Omit<StakeholderInput, 'accountId'>);

/** The repository's verdict: the written record, or null when it refused. */
async function through<T>(write: () => Promise<T>): Promise<T | null> {
  try {
    return await write();
  } catch (e) {
    if ((e as { code?: string }).code === 'validation') return null;
    throw e;
  }
}

describe('restore is exactly as strict as the repository', () => {
  it('accepted → round-trips unchanged; refused → the backup is refused', async () => {
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(accountInput, stakeholderInput, async (ai, si) => {
        const db = fresh();
        const account = await through(() => createAccount(db, ai, NOW));
        if (!account) {
          refused++;
          const d = empty();
          d.accounts.push({ ...ai, id: 'acc-x', nameKey: 'forged', createdAt: NOW, updatedAt: NOW } as never);
          expect(parseBackup(file(d)).ok).toBe(false);
          return;
        }
        const up = await through(() => upsertStakeholder(db, { ...si, accountId: account.id }, NOW));
        if (!up) {
          refused++;
          const d = await dump(db);
          d.stakeholders.push({ ...si, id: 'st-x', accountId: account.id, nameKey: 'forged', createdAt: NOW, updatedAt: NOW } as never);
          expect(parseBackup(file(d)).ok).toBe(false);
          return;
        }
        accepted++;
        const before = await dump(db);
        const parsed = parseBackup(serializeBackup(await exportBackup(db, NOW)));
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
        const other = fresh();
        await restoreValidated(other, parsed.backup.data);
        expect(await dump(other)).toEqual(before);
      }),
      { numRuns: 300 },
    );
    // Both branches were exercised (a generator that only ever produced one would prove little).
    if (process.env.DOOR_COUNTS) console.log({ accepted, refused });
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  }, 120_000);
});
