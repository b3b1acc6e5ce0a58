// Handed inputs, in their own format: test/fixtures/real-structures/ (anonymised real LinkedIn
// pages + cases.json, copied unchanged from the users' real-structures/ folder). Every case is a
// test with its expected values (dotted paths, exact match).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectPage } from '../../lib/detect';
import { closeInert, parseInert } from './detect-inert';

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
