import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazySchema, once } from '../../lib/lazy-schema';
import { accountSchema, RECORD_SCHEMAS, stakeholderSchema } from '../../lib/db/model';
import { requestSchemas } from '../../lib/messaging/schemas';

describe('lazySchema', () => {
  it('builds on first use, once, and behaves as the built schema', () => {
    let builds = 0;
    const s = lazySchema(() => {
      builds++;
      return z.object({ a: z.string().max(3), b: z.number().default(7) });
    });
    expect(builds).toBe(0);
    expect(s.parse({ a: 'x' })).toEqual({ a: 'x', b: 7 });
    expect(s.safeParse({ a: 'long' }).success).toBe(false);
    expect(Object.keys(s.shape)).toEqual(['a', 'b']);
    expect(s instanceof z.ZodObject).toBe(true);
    expect('parse' in s).toBe(true);
    expect(s.omit({ b: true }).parse({ a: 'y', b: 1 })).toEqual({ a: 'y' });
    expect(builds).toBe(1);
  });

  it('once runs its builder a single time', () => {
    let n = 0;
    const f = once(() => ++n);
    expect([f(), f(), f()]).toEqual([1, 1, 1]);
  });

  it('the record and request schemas still validate through their stand-ins', () => {
    expect(accountSchema.safeParse({ id: 'a1', name: '', nameKey: 'x', createdAt: 1, updatedAt: 1 }).success).toBe(false);
    const s = stakeholderSchema.parse({ id: 's1', accountId: 'a1', name: 'Claire', nameKey: 'claire', emails: [' C@Acme.FR '], createdAt: 1, updatedAt: 2 });
    expect(s.emails).toEqual(['c@acme.fr']);
    expect(s.role).toBe('unknown');
    expect(RECORD_SCHEMAS.stakeholders.safeParse(s).success).toBe(true);
    expect(requestSchemas['sidebar.view']!.safeParse({ tabId: -1 }).success).toBe(false);
    expect(requestSchemas['detector.load']!.safeParse({ name: 'linkedin-profile' }).success).toBe(true);
  });
});
