// The handed lookups (../shared/cases 08 and 13, copied to test/fixtures/cases): each lookup,
// given to the matcher as a page would give it, finds exactly its expected accounts.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDb, type KalDb } from '../../lib/db/db';
import { createAccount, type AccountInput } from '../../lib/db/repo';
import { matchAccounts, autoPick } from '../../lib/match/match';
import { findKeyOwners } from '../../lib/match/duplicates';
import { domainKey } from '../../lib/keys';
import type { PageContext } from '../../lib/types';

const load = (name: string) => JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/cases', name, 'input.json'), 'utf8'));

let db: KalDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

/** Seeds the case's accounts; returns case id → stored account id. */
async function seed(accounts: (AccountInput & { id: string })[]): Promise<{ d: KalDb; idOf: Map<string, string>; caseOf: Map<string, string> }> {
  const d = (db = createDb('t-' + crypto.randomUUID()));
  const idOf = new Map<string, string>();
  const caseOf = new Map<string, string>();
  for (const { id, ...a } of accounts) {
    const r = await createAccount(d, a);
    idOf.set(id, r.id);
    caseOf.set(r.id, id);
  }
  return { d, idOf, caseOf };
}

/** A lookup as a page gives it: an email is a thread participant, anything else the company's website. */
function pageOf(value: string): PageContext {
  return value.includes('@')
    ? { site: 'gmail', kind: 'thread', url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmmqZkVpQdqXx', thread: { participants: [{ email: value }] } }
    : { site: 'linkedin', kind: 'company', url: 'https://www.linkedin.com/company/x/', company: { website: value } };
}

describe('case 08: domain spelling variants', () => {
  const input = load('08-domain-spelling-variants');
  it.each(input.lookups as { kind: string; value: string; expect: string[] }[])('$kind $value → $expect', async ({ value, expect: want }) => {
    const { d, caseOf } = await seed(input.accounts);
    const c = await matchAccounts(d, pageOf(value));
    expect(c.map((x) => caseOf.get(x.account.id)).sort()).toEqual([...want].sort());
    if (want.length === 1) {
      expect(c[0].reasons).toEqual([{ kind: 'domain', domain: 'acme-industrie.example' }]);
      expect(autoPick(c)?.account.id).toBe(c[0].account.id);
    }
    // two accounts on one domain: both offered, neither chosen for the user
    if (want.length === 2) expect(autoPick(c)).toBeUndefined();
  });

  it('creating a duplicate of A1 by its website is flagged; a third account on a shared group domain is allowed and flagged with both', async () => {
    const { d, idOf } = await seed(input.accounts);
    const [dup, benelux] = input.create as AccountInput[];
    const owners = await findKeyOwners(d, dup);
    expect(owners.map((o) => [o.account.id, o.key])).toEqual([[idOf.get('A1'), 'domain:acme-industrie.example']]);
    const shared = await findKeyOwners(d, benelux);
    expect(shared.map((o) => o.account.id).sort()).toEqual([idOf.get('A2'), idOf.get('A3')].sort());
    // allowed: the repository does not refuse a shared domain
    const created = await createAccount(d, benelux);
    expect(created.domains).toEqual(['umbrella-group.example']);
  });
});

describe('case 13: registrable domains with private suffixes and IDN', () => {
  const input = load('13-registrable-domain-suffixes-idn');
  const lookups = input.lookups as { value: string; registrable: string | null; expect: string[] }[];
  it.each(lookups)('$value → $registrable → $expect', async ({ value, registrable, expect: want }) => {
    const k = domainKey(value);
    if (registrable === null) expect(k).toBeUndefined();
    else if (registrable.startsWith('müller')) expect(k).toBe('xn--mller-logistik-gsb.de');
    else expect(k).toBe(registrable);
    const { d, caseOf } = await seed(input.accounts);
    const c = await matchAccounts(d, pageOf(value));
    expect(c.map((x) => caseOf.get(x.account.id)).sort()).toEqual(want);
  });

  it('stores the IDN website as one ASCII domain key, the website as typed', async () => {
    const { d, idOf } = await seed(input.accounts);
    const u8 = await d.accounts.get(idOf.get('U8')!);
    expect(u8?.domains).toEqual(['xn--mller-logistik-gsb.de']);
    expect(u8?.website).toBe('https://www.müller-logistik.de/');
  });
});

describe('key preview (what the account forms show)', () => {
  it('pasted values → keys; mail hosts and unusable values called out; other owners listed, except the account itself', async () => {
    const { previewAccountKeys } = await import('../../lib/match/key-preview');
    const input = load('08-domain-spelling-variants');
    const { d, idOf } = await seed(input.accounts);
    const p = await previewAccountKeys(d, { domains: ['HTTPS://WWW.ACME-INDUSTRIE.EXAMPLE/contact?utm_source=x', 'jean@9online.fr', 'co.uk'], linkedinUrls: ['fr.linkedin.com/company/Acme/?trk=x'] });
    expect(p.domains).toEqual(['acme-industrie.example', '9online.fr']);
    expect(p.linkedinUrls).toEqual(['https://www.linkedin.com/company/acme/']);
    expect(p.mailHosts).toEqual(['9online.fr']);
    expect(p.problems.map((x) => x.field)).toEqual(['domains.2']);
    expect(p.owners).toEqual([{ id: idOf.get('A1'), name: 'Acme Industrie', key: 'domain:acme-industrie.example' }]);
    expect((await previewAccountKeys(d, { website: 'acme-industrie.example' }, idOf.get('A1'))).owners).toEqual([]);
  });
});
