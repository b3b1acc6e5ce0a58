// Shared by the CSV tests: run the import pipeline on a fixture file as the dashboard does.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { guessKind, guessMapping, planAccountImport, planContactImport, readColumns, readCsvFile, type ImportKind, type Mapping, type Plan, type ReadFileOptions, type ReadingChoices } from '../../lib/io/csv-import';
import type { Existing } from '../../lib/io/csv-import';
import { newId } from '../../lib/db/repo';
import { formatProblem } from '../../lib/io/errors';

export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(process.cwd(), 'test/fixtures/csv', name)));
export const NOW = Date.UTC(2026, 10, 29, 12);

export function importPlan(bytes: Uint8Array, file: string, o: ReadFileOptions & Partial<ReadingChoices> & { kind?: ImportKind; mapping?: (m: Mapping, headers: string[]) => Mapping; existing?: Existing } = {}) {
  const { decoded, layout } = readCsvFile(bytes, file, o);
  if (!layout.ok) throw new Error(formatProblem(layout.problems[0]));
  const table = layout.table;
  const kind = o.kind ?? guessKind(table.headers);
  let mapping = guessMapping(table.headers, kind);
  if (o.mapping) mapping = o.mapping(mapping, table.headers);
  const readings = readColumns(table, mapping, { locale: o.locale ?? 'en-GB', dateOrders: o.dateOrders, decimals: o.decimals });
  const existing = o.existing ?? { accounts: [], stakeholders: [] };
  const opts = { file, now: NOW, newId };
  const plan = kind === 'accounts' ? planAccountImport(table, mapping, readings, existing, opts) : planContactImport(table, mapping, readings, existing, opts);
  if (!plan.ok) throw new Error(formatProblem(plan.problems[0]));
  return { decoded, table, mapping, readings, plan: plan as Plan };
}
