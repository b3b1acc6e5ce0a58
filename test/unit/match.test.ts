import { afterEach, describe, expect, it } from 'vitest';
import type { DBCore, DBCoreQueryRequest, DBCoreOpenCursorRequest, DBCoreCountRequest } from 'dexie';
import { createDb, type KalDb } from '../../lib/db/db';
import type { Account } from '../../lib/db/model';
import { createAccount, setLink, upsertStakeholder, type AccountInput } from '../../lib/db/repo';
import { autoPick, linkKeysOf, matchAccounts, pageKeys } from '../../lib/match/match';
import { nameKey } from '../../lib/match/normalize';
import type { PageContext } from '../../lib/types';

let db: KalDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});
const fresh = () => (db = createDb('t-' + crypto.randomUUID()));
const acc = (d: KalDb, input: AccountInput) => createAccount(d, input);
const ids = async (d: KalDb, ctx: PageContext) => (await matchAccounts(d, ctx)).map((c) => c.account.name);

const profile = (p: Partial<PageContext>): PageContext => ({ site: 'linkedin', kind: 'profile', url: 'https://www.linkedin.com/in/x/', ...p });
const companyPage = (company: PageContext['company']): PageContext => ({ site: 'linkedin', kind: 'company', url: 'https://www.linkedin.com/company/x/', company });
const mail = (emails: string[], extra: Partial<PageContext> = {}): PageContext => ({
  site: 'gmail',
  kind: 'thread',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmmqZkVpQdqXx',
  thread: { id: 'thread-1', participants: emails.map((email) => ({ email })) },
  ...extra,
});

describe('matchAccounts rules', () => {
  it('a learned (confirmed) link wins over every other rule', async () => {
    const d = fresh();
    const a = await acc(d, { name: 'Acme', domains: ['acme.fr'], linkedinUrls: ['https://www.linkedin.com/company/acme/'] });
    const b = await acc(d, { name: 'Beta' });
    await upsertStakeholder(d, { accountId: a.id, name: 'Jean Martin', linkedinUrl: 'https://www.linkedin.com/in/jean-martin/', emails: ['jean@acme.fr'] });
    await setLink(d, { kind: 'domain', value: 'acme.fr', accountId: b.id, verdict: 'confirmed' });
    const ctx = profile({
      person: { linkedinUrl: 'https://www.linkedin.com/in/jean-martin/', email: 'jean@acme.fr' },
      company: { name: 'Acme', linkedinUrl: 'https://www.linkedin.com/company/acme/', domain: 'acme.fr' },
    });
    const c = await matchAccounts(d, ctx);
    expect(c[0].account.id).toBe(b.id);
    expect(c[0].reasons).toEqual([{ kind: 'link', key: 'domain:acme.fr' }]);
    expect(c.map((x) => x.account.id)).toContain(a.id); // still offered, but second
  });

  it('finds the account of a known stakeholder by LinkedIn profile URL', async () => {
    const d = fresh();
    const a = await acc(d, { name: 'Acme' });
    await acc(d, { name: 'Other' });
    const { stakeholder } = await upsertStakeholder(d, { accountId: a.id, name: 'Jean Martin', linkedinUrl: 'https://fr.linkedin.com/in/Jean-Martin?trk=x' });
    const c = await matchAccounts(d, profile({ person: { name: 'Jean Martin', linkedinUrl: 'https://www.linkedin.com/in/jean-martin/' } }));
    expect(c.map((x) => x.account.id)).toEqual([a.id]);
    expect(c[0].reasons).toEqual([{ kind: 'stakeholder', stakeholderId: stakeholder.id, via: 'linkedin' }]);
  });

  it('matches a LinkedIn company URL by slug and by numeric id', async () => {
    const d = fresh();
    const a = await acc(d, { name: 'Acme', linkedinUrls: ['https://www.linkedin.com/company/acme-corp/about/', 'https://www.linkedin.com/company/123456'] });
    await acc(d, { name: 'Other', linkedinUrls: ['https://www.linkedin.com/company/other/'] });
    expect(await ids(d, companyPage({ linkedinUrl: 'https://www.linkedin.com/company/acme-corp/' }))).toEqual(['Acme']);
    const byId = await matchAccounts(d, companyPage({ linkedinUrl: 'https://www.linkedin.com/company/123456/' }));
    expect(byId.map((x) => x.account.id)).toEqual([a.id]);
    expect(byId[0].reasons[0]).toEqual({ kind: 'company', linkedinUrl: 'https://www.linkedin.com/company/123456/' });
  });

  it('matches the registrable domain of an email address (mail.acme.co.uk → acme.co.uk)', async () => {
    const d = fresh();
    await acc(d, { name: 'Acme UK', domains: ['acme.co.uk'] });
    await acc(d, { name: 'Other UK', domains: ['other.co.uk'] });
    const c = await matchAccounts(d, mail(['Jane.Doe@Mail.Acme.co.uk']));
    expect(c.map((x) => x.account.name)).toEqual(['Acme UK']);
    expect(c[0].reasons).toEqual([{ kind: 'domain', domain: 'acme.co.uk' }]);
  });

  it('matches the registrable domain of the company website', async () => {
    const d = fresh();
    await acc(d, { name: 'Acme UK', domains: ['acme.co.uk'] });
    expect(await ids(d, companyPage({ name: 'Something else', website: 'https://www.acme.co.uk/en/?utm_source=li' }))).toEqual(['Acme UK']);
  });

  it.each([
    ['Hexagone Distribution SAS', 'hexagone distribution'],
    ['Société Générale', 'SOCIETE GENERALE S.A.'],
    ['Siemens', 'Siemens GmbH'],
    ['Barclays Ltd', 'BARCLAYS'],
    ['Barclays plc', 'Barclays'],
    ['Acme Inc.', 'acme'],
    ['Philips', 'Philips B.V.'],
  ])('matches the normalised name: "%s" ⇔ "%s"', async (stored, seen) => {
    const d = fresh();
    await acc(d, { name: stored });
    await acc(d, { name: 'Unrelated Holdings' });
    const c = await matchAccounts(d, companyPage({ name: seen }));
    expect(c.map((x) => x.account.name)).toEqual([stored]);
    expect(c[0].reasons).toEqual([{ kind: 'name', name: seen }]);
  });

  it('never matches a free-mail or ISP domain, even if an account lists it', async () => {
    const d = fresh();
    const free = ['gmail.com', 'orange.fr', 'free.fr', 'sfr.fr', 'bbox.fr', 'gmx.fr', 'laposte.net'];
    await acc(d, { name: 'Mistaken', domains: free });
    for (const dom of free) {
      expect(await ids(d, mail([`someone@${dom}`])), dom).toEqual([]);
      expect(await ids(d, companyPage({ domain: dom, website: `https://www.${dom}/` })), dom).toEqual([]);
    }
  });

  it('a thread with two external domains matches both accounts', async () => {
    const d = fresh();
    await acc(d, { name: 'Acme', domains: ['acme.fr'] });
    await acc(d, { name: 'Globex', domains: ['globex.com'] });
    await acc(d, { name: 'Initech', domains: ['initech.com'] });
    const names = await ids(d, mail(['a@acme.fr', 'b@globex.com', 'c@gmail.com']));
    expect(names.sort()).toEqual(['Acme', 'Globex']);
  });

  it('"not this account" (a rejected link) removes the account', async () => {
    const d = fresh();
    const a = await acc(d, { name: 'Acme', domains: ['acme.fr'] });
    await acc(d, { name: 'Acme Bis', domains: ['acme.fr'] });
    await setLink(d, { kind: 'domain', value: 'acme.fr', accountId: a.id, verdict: 'rejected' });
    expect(await ids(d, mail(['x@acme.fr']))).toEqual(['Acme Bis']);
  });

  it('after a correction, the confirmed account wins next time', async () => {
    const d = fresh();
    const wrong = await acc(d, { name: 'Hexagone' });
    const right = await acc(d, { name: 'Hexagone Distribution France' });
    const ctx = companyPage({ name: 'Hexagone SAS' });
    expect((await matchAccounts(d, ctx))[0].account.id).toBe(wrong.id);
    await setLink(d, { kind: 'name', value: nameKey('Hexagone SAS'), accountId: right.id, verdict: 'confirmed' });
    const c = await matchAccounts(d, ctx);
    expect(c[0].account.id).toBe(right.id);
    expect(c[0].reasons[0]).toEqual({ kind: 'link', key: 'name:hexagone' });
  });

  it('a .uk.com sender matches its own account, never the other .uk.com one (PSL private suffixes)', async () => {
    const d = fresh();
    const nw = await acc(d, { name: 'Northwind', domains: ['https://www.northwind.uk.com/'] });
    await acc(d, { name: 'Example Trading', domains: ['example-trading.uk.com'] });
    const c = await matchAccounts(d, mail(['Buyer <buyer@mail.northwind.uk.com>', 'me@gmail.com']));
    expect(c.map((x) => x.account.id)).toEqual([nw.id]);
    expect(autoPick(c)?.account.id).toBe(nw.id);
  });

  it('the content script\'s approximate domain ("uk.com") is recomputed from the raw email, not trusted', () => {
    const k = pageKeys({ site: 'gmail', kind: 'thread', url: 'https://mail.google.com/mail/u/0/#inbox/x', person: { email: 'buyer@northwind.uk.com' }, company: { domain: 'uk.com' } });
    expect(k.domains).toEqual(['northwind.uk.com']);
  });

  it('ISP, private-mail and mailing-list hosts give no domain key (9online.fr, hispeed.ch, tutamail.com, googlegroups.com)', async () => {
    const d = fresh();
    const k = pageKeys(mail(['a@9online.fr', 'b@hispeed.ch', 'c@tutamail.com', 'list@googlegroups.com', 'd@umbrella-group.com']));
    expect(k.domains).toEqual(['umbrella-group.com']);
    await acc(d, { name: 'Umbrella', domains: ['umbrella-group.com'] });
    expect(await ids(d, mail(['list@googlegroups.com', 'd@umbrella-group.com']))).toEqual(['Umbrella']);
  });

  it('two accounts on one domain are both candidates and neither is picked; a confirmed link then wins', async () => {
    const d = fresh();
    const fr = await acc(d, { name: 'Umbrella France', domains: ['umbrella-group.example'] });
    await acc(d, { name: 'Umbrella UK', domains: ['umbrella-group.example'] });
    const c = await matchAccounts(d, mail(['someone@umbrella-group.example']));
    expect(c.map((x) => x.account.name)).toEqual(['Umbrella France', 'Umbrella UK']);
    expect(autoPick(c)).toBeUndefined();
    await setLink(d, { kind: 'domain', value: 'umbrella-group.example', accountId: fr.id, verdict: 'confirmed' });
    expect(autoPick(await matchAccounts(d, mail(['someone@umbrella-group.example'])))?.account.id).toBe(fr.id);
  });

  it('a name that folds to a generic word only suggests: "Holding SA" vs "Holding AG"', async () => {
    const d = fresh();
    await acc(d, { name: 'Holding SA' });
    const c = await matchAccounts(d, companyPage({ name: 'Holding AG' }));
    expect(c.map((x) => x.account.name)).toEqual(['Holding SA']);
    expect(c[0].reasons).toEqual([{ kind: 'name', name: 'Holding AG', generic: true }]);
    expect(autoPick(c)).toBeUndefined();
    // and a name link is never learned for it
    expect(pageKeys(companyPage({ name: 'Holding AG' })).nameKey).toBe('holding');
    expect(linkKeysOf(pageKeys(companyPage({ name: 'Holding AG' })))).toEqual([]);
  });

  it('a specific name still matches by itself', async () => {
    const d = fresh();
    await acc(d, { name: 'Hexagone Holding SA' });
    const c = await matchAccounts(d, companyPage({ name: 'HEXAGONE HOLDING' }));
    expect(autoPick(c)?.account.name).toBe('Hexagone Holding SA');
  });

  it('unknown pages match nothing', async () => {
    const d = fresh();
    await acc(d, { name: 'Acme', domains: ['acme.fr'] });
    expect(await ids(d, { site: 'web', kind: 'other', url: 'https://example.com/' })).toEqual([]);
  });
});

describe('matchAccounts uses indexes only', () => {
  /** Records every DBCore read: which index, which kind of range, how many rows came back. */
  function spy(d: KalDb) {
    const reads: { table: string; index: string | null; primary: boolean; rangeType: number; rows: number }[] = [];
    d.use({
      stack: 'dbcore',
      name: 'read-spy',
      create(down: DBCore): DBCore {
        return {
          ...down,
          table(name) {
            const t = down.table(name);
            const log = (req: DBCoreQueryRequest | DBCoreOpenCursorRequest | DBCoreCountRequest, rows: number) =>
              reads.push({ table: name, index: req.query.index.name, primary: !!req.query.index.isPrimaryKey, rangeType: req.query.range.type, rows });
            return {
              ...t,
              async query(req) {
                const res = await t.query(req);
                log(req, res.result.length);
                return res;
              },
              async openCursor(req) {
                log(req, 0);
                return t.openCursor(req);
              },
              async count(req) {
                log(req, 0);
                return t.count(req);
              },
            };
          },
        };
      },
    });
    return reads;
  }

  it('touches a handful of records among 10,000 accounts and never scans a table', async () => {
    const d = fresh();
    const reads = spy(d);
    const now = 1_700_000_000_000;
    const accounts: Account[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: `acc-${i}`,
      name: `Company ${i}`,
      nameKey: nameKey(`Company ${i}`),
      aliases: [],
      domains: [`company${i}.com`],
      linkedinUrls: [`https://www.linkedin.com/company/company-${i}/`],
      tier: 'untiered',
      scores: { revenue: 0, potential: 0, growth: 0, strategicFit: 0, relationship: 0, access: 0 },
      currency: 'EUR',
      currentRevenue: 0,
      potentialRevenue: 0,
      reviewCadenceDays: 30,
      tags: [],
      createdAt: now,
      updatedAt: now,
    }));
    await d.accounts.bulkAdd(accounts);
    await upsertStakeholder(d, { accountId: 'acc-42', name: 'Jean Martin', linkedinUrl: 'https://www.linkedin.com/in/jean-martin/', emails: ['jean@company42.com'] });
    await setLink(d, { kind: 'domain', value: 'company7.com', accountId: 'acc-8', verdict: 'confirmed' });

    // sanity: the spy does see a scan
    reads.length = 0;
    await d.accounts.filter((a) => a.name === 'x').count();
    expect(reads.some((r) => r.primary && r.rangeType === 3)).toBe(true);

    reads.length = 0;
    const c = await matchAccounts(d, {
      site: 'gmail',
      kind: 'thread',
      url: 'https://mail.google.com/mail/u/0/#inbox/abc',
      person: { email: 'jean@company42.com', linkedinUrl: 'https://www.linkedin.com/in/jean-martin/' },
      company: { name: 'Company 99', linkedinUrl: 'https://www.linkedin.com/company/company-5/', domain: 'company7.com' },
      thread: { id: 't1', participants: [{ email: 'jean@company42.com' }, { email: 'x@company3.com' }] },
    });
    expect(c.map((x) => x.account.id).sort()).toEqual(['acc-3', 'acc-42', 'acc-5', 'acc-7', 'acc-8', 'acc-99']);
    expect(reads.length).toBeGreaterThan(0);
    for (const r of reads) {
      expect(r, JSON.stringify(r)).toMatchObject({ primary: false });
      expect(r.rangeType, JSON.stringify(r)).not.toBe(3);
    }
    expect(reads.reduce((n, r) => n + r.rows, 0)).toBeLessThan(20);
  }, 60_000); // loading 10k rows into fake-indexeddb is slow under a parallel run; nothing here is timed
});
