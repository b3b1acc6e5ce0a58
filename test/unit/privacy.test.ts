import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createDb } from '../../lib/db/db';
import { PRIVACY } from '../../lib/i18n/privacy';

const ROOT = join(__dirname, '../..');
const covered = (lang: 'en' | 'fr') => new Set(PRIVACY[lang].sections.flatMap((s) => s.items ?? []).flatMap((i) => i.covers ?? []));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

describe('privacy policy', () => {
  it('English and French say the same things (same sections, same items, same coverage)', () => {
    const shape = (lang: 'en' | 'fr') => PRIVACY[lang].sections.map((s) => [s.paragraphs?.length ?? 0, (s.items ?? []).map((i) => (i.covers ?? []).join(','))]);
    expect(shape('fr')).toEqual(shape('en'));
  });

  it('describes every table of the database', () => {
    const db = createDb('privacy-' + crypto.randomUUID());
    const tables = db.tables.map((t) => t.name).sort();
    db.close();
    expect(tables).toEqual(['accounts', 'actions', 'links', 'notes', 'planRevisions', 'plans', 'stakeholders']);
    for (const t of tables) expect(covered('en').has(t), `table ${t} is described`).toBe(true);
  });

  it('describes every extension-storage key the code writes', () => {
    // Every place that writes extension storage, and the key it writes: a new one must be added
    // here and described in the policy.
    const writers = sources(join(ROOT, 'lib'))
      .concat(sources(join(ROOT, 'components')), sources(join(ROOT, 'entrypoints')))
      .filter((f) => /storage\.(local|session|sync)\.set\(|session\(\)\?\.set\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f))
      .sort();
    const keyOf: Record<string, string> = {
      'lib/settings.ts': 'settings',
      'lib/overlay/mount.ts': 'panel:*',
      'lib/background/reminders.ts': 'reviewsNotified',
      'lib/background/tab-contexts.ts': 'ctx:*',
      'entrypoints/background/index.ts': 'frameTrust',
      'lib/sync/config.ts': 'teamSync',
      'lib/sync/publish.ts': 'teamSyncStatus',
    };
    expect(writers).toEqual(Object.keys(keyOf).sort());
    for (const k of Object.values(keyOf)) expect(covered('en').has(k), `storage key ${k} is described`).toBe(true);
  });

  it('names the six sites the extension may read, and says nothing is sent', () => {
    const text = JSON.stringify(PRIVACY.en);
    for (const host of ['linkedin.com and its subdomains', 'mail.google.com', 'outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft']) expect(text).toContain(host);
    expect(PRIVACY.en.sections.find((s) => s.heading === 'What is sent')?.paragraphs?.[0]).toMatch(/^Nothing\./);
    expect(PRIVACY.fr.sections.find((s) => s.heading === 'Ce qui est envoyé')?.paragraphs?.[0]).toMatch(/^Rien\./);
  });
});
