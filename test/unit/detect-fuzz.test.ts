// Property-based robustness: detectPage on randomly damaged fixtures and on pathological pages
// never throws, always returns a well-formed PageContext, and caps every string (speed is measured by `npm run bench`, not asserted here).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPage, detectPageStrict } from '../../lib/detect';
import type { PageContext } from '../../lib/types';

const ROOT = join(__dirname, '..', 'fixtures');
const fixtures = readdirSync(ROOT).filter((dir) => !['real-structures', 'mail-cases'].includes(dir)).flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({
      name: `${dir}/${f}`,
      html: readFileSync(join(ROOT, dir, f), 'utf8'),
      url: (JSON.parse(readFileSync(join(ROOT, dir, f.replace(/\.html$/, '.expected.json')), 'utf8')) as { url: string }).url,
    })),
);
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

const SITES = ['linkedin', 'gmail', 'outlook', 'web'];
const KINDS = ['profile', 'company', 'thread', 'other'];

function assertValid(ctx: PageContext, url: URL): void {
  expect(SITES).toContain(ctx.site);
  expect(KINDS).toContain(ctx.kind);
  expect(ctx.url).toBe(url.href);
  const strings = (o: object | undefined, max: number) => {
    if (!o) return;
    for (const v of Object.values(o)) {
      if (v === undefined) continue;
      expect(typeof v).toBe('string');
      expect((v as string).length).toBeLessThanOrEqual(max);
    }
  };
  strings(ctx.person, 500);
  strings(ctx.company, 500);
  if (ctx.thread) {
    expect(Array.isArray(ctx.thread.participants)).toBe(true);
    strings({ id: ctx.thread.id, subject: ctx.thread.subject }, 500);
    for (const p of ctx.thread.participants) strings(p, 300);
  }
  if (ctx.kind === 'other') expect(ctx.person ?? ctx.company ?? ctx.thread).toBeUndefined();
  expect(() => JSON.stringify(ctx)).not.toThrow();
}

/**
 * detectPage must not throw (detectPage's safety net would hide it). Speed is not asserted here:
 * timings on a loaded CI machine are noise, and `npm run bench` (detectMsMedian) judges speed.
 * A pathological page that made detection hang or go quadratic still fails, by the test timeout.
 */
function strict(doc: Document, url: URL): PageContext {
  return detectPageStrict(doc, url);
}

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  "javascript:alert('kal')",
  '{{constructor.constructor("alert(1)")()}}',
  '\u202e\u0000\ud800 ',
  'a@b.c <x@y.z>; "Evil, Name" <evil@attacker.example>',
  '(3) ',
  ' | LinkedIn',
  'Current company: ',
  '__proto__',
];

type Mutation =
  | { op: 'delete'; pick: number }
  | { op: 'duplicate'; pick: number; where: number }
  | { op: 'huge'; pick: number }
  | { op: 'text'; pick: number; text: string }
  | { op: 'attr'; pick: number; name: string; value: string }
  | { op: 'nest'; pick: number; depth: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), pick: fc.nat(), where: fc.nat() }),
  fc.record({ op: fc.constant('huge' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('text' as const), pick: fc.nat(), text: fc.oneof(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 40 })) }),
  fc.record({
    op: fc.constant('attr' as const),
    pick: fc.nat(),
    name: fc.constantFrom('aria-label', 'title', 'email', 'name', 'href', 'id', 'componentkey', 'data-anonymize', 'class', 'style', 'hidden'),
    value: fc.oneof(fc.constantFrom(...PAYLOADS, 'x_FROM', 'Topcard', 'person-name', 'gD', 'hP', 'display:none', '/company/%E0%A4%A/'), fc.string({ maxLength: 30 })),
  }),
  fc.record({ op: fc.constant('nest' as const), pick: fc.nat(), depth: fc.integer({ min: 50, max: 2000 }) }),
);

const MB = 'x'.repeat(1 << 20);

function apply(doc: Document, els: ArrayLike<Element>, m: Mutation): void {
  if (!els.length) return;
  const el = els[m.pick % els.length];
  switch (m.op) {
    case 'delete':
      el.remove();
      break;
    case 'duplicate': {
      const target = els[m.where % els.length];
      if (!el.contains(target)) target.parentNode?.insertBefore(el.cloneNode(true), target);
      break;
    }
    case 'huge':
      el.appendChild(doc.createTextNode(MB));
      break;
    case 'text':
      el.textContent = m.text;
      break;
    case 'attr':
      el.setAttribute(m.name, m.value);
      break;
    case 'nest': {
      let inner = el;
      for (let i = 0; i < m.depth; i++) {
        const d = doc.createElement(i % 3 ? 'div' : 'span');
        inner.appendChild(d);
        inner = d;
      }
      inner.innerHTML = '<h1>Deep Name</h1><h2 class="hP">Deep</h2><span class="gD" email="deep@x.fr">Deep</span>';
      break;
    }
  }
}

describe('detectPage on damaged pages (fast-check)', () => {
  it('random mutations of every fixture: never throws, valid shape', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: fixtures.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (i, muts) => {
        const f = fixtures[i];
        const doc = parse(f.html);
        const els = Array.from(doc.querySelectorAll('body *'));
        // at most one deep nest per page: 2,000 levels is the pathological case we bound
        const nests = muts.filter((m) => m.op === 'nest');
        for (const m of muts)
          if (m.op !== 'nest' || m === nests[0])
            try {
              apply(doc, els, m);
            } catch {
              // happy-dom recurses in cloneNode/innerHTML: a mutation it cannot perform is skipped
            }
        const url = new URL(f.url);
        assertValid(strict(doc, url), url);
        expect(detectPage(doc, url)).toEqual(detectPageStrict(doc, url));
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('any URL on any fixture (wrong page for the URL): never throws', () => {
    const urlArb = fc.oneof(
      fc.constantFrom(...fixtures.map((f) => f.url)),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc
        .tuple(
          fc.constantFrom('www.linkedin.com/in/', 'www.linkedin.com/company/', 'www.linkedin.com/sales/lead/', 'mail.google.com/mail/u/0/#inbox/', 'outlook.office.com/mail/id/'),
          fc.string({ maxLength: 30 }),
        )
        .map(([p, s]) => 'https://' + p + encodeURIComponent(s)),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: fixtures.length - 1 }), urlArb, (i, u) => {
        const url = new URL(u);
        assertValid(strict(parse(fixtures[i].html), url), url);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('pathological pages', () => {
  it('2,000 levels of nesting around a profile top card', () => {
    const doc = parse('<main></main>');
    let el: Element = doc.querySelector('main')!;
    for (let i = 0; i < 2000; i++) el = el.appendChild(doc.createElement('div'));
    el.innerHTML =
      '<section><h1>Claire Martin</h1><div class="text-body-medium">Directrice des Achats chez Groupe Hexagone Distribution</div></section>';
    const url = new URL('https://www.linkedin.com/in/claire-martin-achats/');
    const ctx = strict(doc, url);
    assertValid(ctx, url);
    expect(ctx.person?.name).toBe('Claire Martin');
  });

  it('a 1 MB name, headline and subject are capped', () => {
    const big = 'A'.repeat(1 << 20);
    const doc = parse(`<main><section><h1>${big}</h1><div class="text-body-medium">${big} at ${big}</div></section></main>`);
    const url = new URL('https://www.linkedin.com/in/x/');
    const ctx = strict(doc, url);
    assertValid(ctx, url);
    expect(ctx.person!.name!.length).toBeLessThanOrEqual(300);
  });

  it('a Gmail thread with 5,000 participants', () => {
    const rec = Array.from({ length: 5000 }, (_, i) => `<span class="g2" email="p${i}@client${i % 50}.fr" name="Person ${i}">P${i}</span>`).join(', ');
    const html = `<title>Big - sam.kam@ourcompany.fr - Gmail</title><div role="main"><h2 class="hP" data-legacy-thread-id="abc">Big</h2>
      <div class="adn" data-message-id="1"><span class="gD" email="boss@client1.fr" name="Boss">Boss</span><span class="hb">to ${rec}</span><div class="a3s">${'body@noise.fr '.repeat(2000)}</div></div></div>`;
    const url = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTxyz');
    const ctx = strict(parse(html), url);
    assertValid(ctx, url);
    expect(ctx.thread!.participants.length).toBe(5001);
    expect(ctx.person).toEqual({ name: 'Boss', email: 'boss@client1.fr' });
  }, 30_000);

  it('an Outlook thread with 2,000 recipients in one header line', () => {
    const to = Array.from({ length: 2000 }, (_, i) => `Person ${i} &lt;p${i}@client.se&gt;`).join('; ');
    const html = `<div role="main"><span id="s_SUBJECT" role="heading">Big</span><div id="m_FROM"><span title="a@client.se">A</span></div><div id="m_TO">To: ${to}</div></div>`;
    const url = new URL('https://outlook.office.com/mail/inbox/id/AAQk');
    const ctx = strict(parse(html), url);
    assertValid(ctx, url);
    expect(ctx.person?.email).toBe('a@client.se');
  });

  it('an Outlook conversation of 300 messages, each to 100 name-only colleagues', () => {
    const names = Array.from({ length: 100 }, (_, i) => `Colleague ${i}`).join('; ');
    const msgs = Array.from(
      { length: 300 },
      (_, m) => `<div id="m${m}_FROM">From: Client ${m % 7} &lt;c${m % 7}@client.se&gt;</div><div id="m${m}_TO">To: ${names}</div>`,
    ).join('');
    const url = new URL('https://outlook.cloud.microsoft/mail/inbox/id/AAQk');
    const ctx = strict(parse(`<div role="main"><span id="s_SUBJECT" role="heading">Big</span>${msgs}</div>`), url);
    assertValid(ctx, url);
    expect(ctx.thread!.participants.length).toBe(107);
  }, 30_000);

  it('an empty document and a document without body', () => {
    for (const u of fixtures.map((f) => f.url)) {
      const url = new URL(u);
      assertValid(strict(parse(''), url), url);
      const d = parse('<p>x</p>');
      d.documentElement.remove();
      assertValid(strict(d, url), url);
    }
  });
});
