// The restore runs in a dedicated worker (components/dashboard/data/restore.worker.ts). A worker
// has no `browser.*`/`chrome.*` APIs, and webextension-polyfill throws "This script should only
// be loaded in a browser extension" when evaluated there — one value import of `wxt/browser`
// anywhere in the worker's module graph breaks every restore. This walks that graph statically.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const EXTENSION_API_MODULES = ['wxt/browser', 'webextension-polyfill', 'wxt/utils/storage', '#imports'];

/** Module specifiers of value imports/re-exports (`import type` / `export type` are erased). */
function valueImports(source: string): string[] {
  const specs: string[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(re)) if (!m[2]) specs.push(m[3]);
  for (const m of source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]);
  return specs;
}

function resolveLocal(spec: string, from: string): string | null {
  const base = spec.startsWith('@/') ? resolve(ROOT, spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(from), spec) : null;
  if (!base) return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) if (statSync(c, { throwIfNoEntry: false })?.isFile()) return c;
  throw new Error(`unresolved import ${spec} in ${from}`);
}

/** Every package a module graph imports by value, with the local file that imports it. */
function externalImports(entry: string): Map<string, string> {
  const seen = new Set<string>();
  const externals = new Map<string, string>();
  const queue = [resolve(ROOT, entry)];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of valueImports(readFileSync(file, 'utf8'))) {
      const local = resolveLocal(spec, file);
      if (local) queue.push(local);
      else if (!externals.has(spec)) externals.set(spec, file.slice(ROOT.length + 1));
    }
  }
  return externals;
}

describe('the restore worker', () => {
  it('imports no extension-API module, directly or through any local module', () => {
    const externals = externalImports('components/dashboard/data/restore.worker.ts');
    const offending = [...externals].filter(([spec]) => EXTENSION_API_MODULES.includes(spec));
    expect(offending).toEqual([]);
    // The walk reached the write path and the sync-enabled restore (not a vacuous pass).
    expect(externals.has('dexie')).toBe(true);
    expect(externals.has('dexie-cloud-addon')).toBe(true);
  });
});
