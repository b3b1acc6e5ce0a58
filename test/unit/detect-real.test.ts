// Handed inputs, in their own format: test/fixtures/real-structures/ (anonymised real LinkedIn
// pages + cases.json, copied unchanged from the users' real-structures/ folder). Every case is a
// test with its expected values (dotted paths, exact match).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectPage } from '../../lib/detect';
import { closeInert, parseInert } from './detect-inert';
import { createDb } from '../../lib/db/db';
import { createAccount } from '../../lib/db/repo';
import { matchAccounts, pageKeys } from '../../lib/match/match';

const REAL = join(__dirname, '..', 'fixtures', 'real-structures');
interface Case {
  file: string;
  url: string;
  expect: Record<string, string>;
}
const cases = JSON.parse(readFileSync(join(REAL, 'cases.json'), 'utf8')) as Case[];
afterAll(closeInert);
const parse = parseInert;
const get = (o: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);

describe('real LinkedIn pages (real-structures/cases.json)', () => {
  it('has the five handed cases', () => expect(cases.map((c) => c.file).sort()).toEqual([
    'profile-classic-ember.html',
    'profile-guest-company-nolink.html',
    'profile-sdui-a.html',
    'profile-sdui-emoji-name.html',
    'profile-sdui-legal-form.html',
  ]));

  it.each(cases.map((c) => [c.file, c] as const))('%s', (_f, c) => {
    const ctx = detectPage(parse(readFileSync(join(REAL, c.file), 'utf8')), new URL(c.url));
    const got = Object.fromEntries(Object.keys(c.expect).map((k) => [k, get(ctx, k)]));
    expect(got).toEqual(c.expect);
    expect(ctx.partial).toBeUndefined();
  });
});

// Handed mail cases 15 and 16 (test/fixtures/mail-cases/<case>/input.html, EXPECTED.md), and
// variants written here (other language, other quoting, other host) to prove the rule, not the page.
const MAIL = join(__dirname, '..', 'fixtures', 'mail-cases');
const page = (c: string) => readFileSync(join(MAIL, c, 'input.html'), 'utf8');
const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJtGdWkLwPtxkqHqVbNzTz';
const OUTLOOK_URL = 'https://outlook.office.com/mail/inbox/id/AAQkADk2MzE0ZjQ1LTgxYz';

describe('mail through lists and relays (cases 15, 16)', () => {
  it('15 Gmail: "\'Anne Moreau\' via Acheteurs Umbrella <list@googlegroups.com>" — Anne wrote, the list is nobody', async () => {
    const ctx = detectPage(parse(page('15-gmail-google-group-via-sender')), new URL(GMAIL_URL));
    expect(ctx.person).toEqual({ name: 'Anne Moreau' });
    expect(ctx.company).toEqual({ domain: 'umbrella-group.com' });
    expect(ctx.thread).toEqual({
      id: '1923bb44cc55dd66',
      subject: 'Appel d\'offres 2027 – questions',
      participants: [{ name: 'Thomas Leroy', email: 'thomas.leroy@umbrella-group.com' }, { name: 'Anne Moreau' }],
    });
    // the matcher: the Umbrella account, never a googlegroups.com suggestion
    const k = pageKeys(ctx);
    expect(k.domains).toEqual(['umbrella-group.com']);
    const db = createDb('t-' + crypto.randomUUID());
    try {
      await createAccount(db, { name: 'Umbrella', domains: ['umbrella-group.com'] });
      expect((await matchAccounts(db, ctx)).map((c) => c.account.name)).toEqual(['Umbrella']);
    } finally {
      db.close();
    }
  });

  it('15 variant: double quotes, another connector word, the list also in Cc: same result', () => {
    const html = page('15-gmail-google-group-via-sender')
      .replaceAll('&#39;Anne Moreau&#39; via Acheteurs Umbrella', '&quot;Anne Moreau&quot; über Acheteurs Umbrella');
    const ctx = detectPage(parse(html), new URL(GMAIL_URL));
    expect(ctx.person).toEqual({ name: 'Anne Moreau' });
    expect(ctx.company).toEqual({ domain: 'umbrella-group.com' });
    expect(ctx.thread?.participants.map((p) => p.email ?? p.name)).toEqual(['thomas.leroy@umbrella-group.com', 'Anne Moreau']);
  });

  it.each([
    ['French, outlook.office.com', OUTLOOK_URL, (h: string) => h],
    ['French, outlook.cloud.microsoft', OUTLOOK_URL.replace('outlook.office.com', 'outlook.cloud.microsoft'), (h: string) => h],
    ['English "on behalf of"', OUTLOOK_URL, (h: string) => h.replaceAll('de la part de', 'on behalf of').replaceAll('De :', 'From:').replaceAll('À :', 'To:').replace('lang="fr"', 'lang="en-GB"')],
  ])('16 Outlook %s: the author of the latest message, not the relay or the assistant', (_n, url, edit) => {
    const ctx = detectPage(parse(edit(page('16-outlook-on-behalf-of-relay-sender'))), new URL(url));
    expect(ctx.person).toEqual({ name: 'Élodie Fournier', email: 'elodie.fournier@fabrikam.fr' });
    expect(ctx.company).toEqual({ domain: 'fabrikam.fr' });
    expect(ctx.thread?.subject).toBe('Invitation : comité de pilotage Fabrikam');
    expect(ctx.thread?.participants).toEqual([
      { name: 'Paul Martin', email: 'paul.martin@fabrikam.fr' },
      { name: 'Élodie Fournier', email: 'elodie.fournier@fabrikam.fr' },
      { name: 'Claire Dubois', email: 'claire.dubois@fabrikam.fr' },
    ]);
    expect(JSON.stringify(ctx)).not.toContain('relay-mailer');
  });

  it('one address = one participant with the best name seen (a bare address, then the full name)', () => {
    const html = `<div role="main"><span id="C_SUBJECT" role="heading">Devis</span>
      <div id="M1_FROM"><span title="elodie.fournier@fabrikam.fr">elodie.fournier</span></div><div id="M1_TO"><span title="lucas@mycompany.io">Lucas</span></div>
      <div id="M2_FROM"><span role="button"><span>Élodie Fournier</span><span title="elodie.fournier@fabrikam.fr">&lt;elodie.fournier@fabrikam.fr&gt;</span></span></div></div>`;
    const ctx = detectPage(parse(html), new URL(OUTLOOK_URL));
    expect(ctx.thread?.participants.find((p) => p.email === 'elodie.fournier@fabrikam.fr')).toEqual({ name: 'Élodie Fournier', email: 'elodie.fournier@fabrikam.fr' });
  });
});
