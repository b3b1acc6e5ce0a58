import { describe, expect, it } from 'vitest';
import { accountMarkdown, mdEscape } from '../../lib/kam/markdown';
import { makeT } from '../../lib/i18n';
import { samplePortfolio } from '../../lib/sample/portfolio';

const NOW = Date.UTC(2026, 2, 16, 9, 30);

describe('markdown review', () => {
  const s = samplePortfolio(NOW);
  const id = 'sample-acc-hexagone';
  const doc = {
    account: s.accounts.find((a) => a.id === id)!,
    plan: s.plans.find((p) => p.accountId === id),
    stakeholders: s.stakeholders.filter((x) => x.accountId === id),
    actions: s.actions.filter((x) => x.accountId === id),
  };
  it('has the account, plan, power map and open actions', () => {
    const md = accountMarkdown(doc, makeT('en'), 'en', NOW);
    expect(md.startsWith('# Groupe Hexagone Distribution\n')).toBe(true);
    expect(md).toContain('## Account plan');
    expect(md).toContain('## Power map');
    expect(md).toContain('**Claire Martin**, Directrice des Achats — Economic buyer · Supporter · High influence · Reports to Philippe Renaud');
    expect(md).toContain('## Next actions');
    const open = doc.actions.filter((a) => a.status === 'open');
    for (const a of open) expect(md).toContain(mdEscape(a.title));
    for (const a of doc.actions.filter((x) => x.status !== 'open')) expect(md).not.toContain(`- [ ] ${mdEscape(a.title)}`);
    expect(md).toMatch(/### Whitespace\n\n- /);
  });
  it('is translated', () => {
    const md = accountMarkdown(doc, makeT('fr'), 'fr', NOW);
    expect(md).toContain('## Carte');
  });
  it('escapes markdown in user text and handles an empty account', () => {
    expect(mdEscape('a *b* [c](d) # | <x>')).toBe('a \\*b\\* \\[c\\](d) \\# \\| \\<x\\>');
    const md = accountMarkdown({ account: { ...doc.account, name: '**Evil** <script>' }, stakeholders: [], actions: [] }, makeT('en'), 'en', NOW);
    expect(md).toContain('# \\*\\*Evil\\*\\* \\<script\\>');
    expect(md).toContain('_No plan yet.');
    expect(md).toContain('_No open action._');
  });
});
