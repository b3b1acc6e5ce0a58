// CSV import: choose what the file holds and the file; the preview says how the file was read
// (encoding, separator, header row, lines skipped) and how each column is read (field, date
// order, decimal mark — each changeable), lists the bad rows (row, column, why) and the contacts
// to assign, then the user imports the good rows in one transaction, or cancels. Nothing is
// written before that choice.
import { useEffect, useMemo, useState } from 'react';
import { getDb } from '@/lib/db/db';
import { applyImport, newId } from '@/lib/db/repo';
import {
  guessKind,
  guessMapping,
  planAccountImport,
  planContactImport,
  readColumns,
  readCsvFile,
  type CsvEncoding,
  type DateOrder,
  type DecimalMark,
  type Existing,
  type ImportKind,
  type Mapping,
  type PlanResult,
  type Separator,
} from '@/lib/io/csv-import';
import { getSettings } from '@/lib/settings';
import { useI18n } from '../../i18n';
import { Button } from '../../ui';
import { useWrite } from '../write';
import { Card, Field, inputCls } from '../fields';
import { Problems } from './Problems';
import { CsvFileSummary } from './CsvFileSummary';
import { CsvColumns } from './CsvColumns';
import { CsvPreview } from './CsvPreview';
import { ConnectionsImport } from './ConnectionsImport';
import { isConnectionsTable } from '@/lib/io/linkedin-connections';

async function loadExisting(): Promise<Existing> {
  const db = getDb();
  return db.transaction('r', db.accounts, db.stakeholders, async () => ({ accounts: await db.accounts.toArray(), stakeholders: await db.stakeholders.toArray() }));
}
// The free-mail list is large: loaded only when a CSV is actually imported.
let isFreeMail: (d: string) => boolean = () => false;
const loadFreeMail = () => import('@/lib/match/free-mail').then((m) => (isFreeMail = m.isFreeMailDomain));

type Kind = ImportKind | 'connections';
interface Source {
  name: string;
  bytes: Uint8Array;
  /** the first reading (detected encoding and separator), reused until the user changes them */
  first?: ReturnType<typeof readCsvFile>;
}

export function CsvImportSection() {
  const { t } = useI18n();
  const write = useWrite();
  const [kind, setKind] = useState<Kind>('accounts');
  const [source, setSource] = useState<Source | null>(null);
  const [encoding, setEncoding] = useState<CsvEncoding | undefined>();
  const [separator, setSeparator] = useState<Separator | undefined>();
  // The user's mapping, if they changed the guessed one (reset with the file or the kind).
  const [userMapping, setMapping] = useState<Mapping | null>(null);
  const [dateOrders, setDateOrders] = useState<Map<number, DateOrder>>(new Map());
  const [decimals, setDecimals] = useState<Map<number, DecimalMark>>(new Map());
  const [assignments, setAssignments] = useState<Map<number, string>>(new Map());
  const [existing, setExisting] = useState<Existing | null>(null);
  const [cadence, setCadence] = useState<number | undefined>();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [inputKey, setInputKey] = useState(0);
  useEffect(() => {
    void getSettings().then((s) => setCadence(s.reviewCadenceDays), () => {});
  }, []);

  // bytes → text → table (re-run when the user changes the encoding or the separator)
  const read = useMemo(() => (source ? (source.first && !encoding && !separator ? source.first : readCsvFile(source.bytes, source.name, { encoding, separator })) : null), [source, encoding, separator]);
  const table = read?.layout.ok ? read.layout.table : null;
  const importKind: ImportKind = kind === 'connections' ? 'contacts' : kind;
  const guessed = useMemo(() => (table ? guessMapping(table.headers, importKind) : []), [table, importKind]);
  const mapping = userMapping ?? guessed;
  useEffect(() => {
    // Keep the same objects when already empty: a new Map would re-plan the whole file.
    setMapping(null);
    setDateOrders((m) => (m.size ? new Map() : m));
    setDecimals((m) => (m.size ? new Map() : m));
  }, [table, importKind]);
  const readings = useMemo(() => (table ? readColumns(table, mapping, { locale: navigator.language, dateOrders, decimals }) : null), [table, mapping, dateOrders, decimals]);
  const plan = (ex: Existing): PlanResult | null => {
    if (!table || !readings || kind === 'connections') return null;
    const o = { file: table.file, now: Date.now(), newId, reviewCadenceDays: cadence, assignments };
    return importKind === 'accounts' ? planAccountImport(table, mapping, readings, ex, o) : planContactImport(table, mapping, readings, ex, o, isFreeMail);
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const result = useMemo(() => (existing ? plan(existing) : null), [table, readings, existing, mapping, kind, cadence, assignments]);

  const reset = () => {
    setSource(null);
    setEncoding(undefined);
    setSeparator(undefined);
    setAssignments(new Map());
    setExisting(null);
    setInputKey((k) => k + 1);
  };
  const commit = async () => {
    // Re-plan against the database as it is now (another tab may have written meanwhile).
    const now = await loadExisting();
    const fresh = plan(now);
    if (!fresh?.ok) {
      setExisting(now);
      return;
    }
    setProgress({ done: 0, total: 1 });
    const r = await write((db) => applyImport(db, fresh.batch, (done, total) => setProgress({ done, total })).then(() => fresh.summary), ['accounts', 'stakeholders'], {
      ok: (s) => t('csvImported', { create: s.create + s.newAccounts, merge: s.merge }),
    });
    setProgress(null);
    if (r) reset();
  };

  return (
    <Card title={t('csvImportH')} id="csv-import">
      <div className="flex flex-wrap items-end gap-4">
        <fieldset className="text-sm">
          <legend className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-300">{t('csvKind')}</legend>
          <div className="flex flex-wrap gap-3">
            {(['accounts', 'contacts', 'connections'] as const).map((k) => (
              <label key={k} className="flex items-center gap-1">
                <input type="radio" name="csv-kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="focus-visible:outline-2 focus-visible:outline-blue-500" />
                {t(k === 'accounts' ? 'csvKindAccounts' : k === 'contacts' ? 'csvKindContacts' : 'csvKindConnections')}
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t('chooseCsv')}>
          {(id) => (
            <input
              key={inputKey}
              id={id}
              type="file"
              accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
              className={inputCls}
              data-testid="csv-file"
              onChange={async (e) => {
                const f = e.target.files?.[0];
                setSource(null);
                setEncoding(undefined);
                setSeparator(undefined);
                setAssignments(new Map());
                if (!f) return;
                const bytes = new Uint8Array(await f.arrayBuffer());
                await loadFreeMail().catch(() => {});
                setExisting(await loadExisting());
                const first = readCsvFile(bytes, f.name);
                if (first.layout.ok) setKind(isConnectionsTable(first.layout.table.headers) ? 'connections' : guessKind(first.layout.table.headers));
                setSource({ name: f.name, bytes, first });
              }}
            />
          )}
        </Field>
      </div>
      {read && (
        <div className="mt-3">
          <CsvFileSummary decoded={read.decoded} table={table} encoding={encoding} separator={separator} onEncoding={setEncoding} onSeparator={setSeparator} />
        </div>
      )}
      {read && !read.layout.ok && (
        <div className="mt-3">
          <Problems problems={read.layout.problems} title={t('csvNotRead')} />
        </div>
      )}
      {table && table.rows.length === 0 && table.problems.length === 0 && <p className="mt-3 text-sm">{t('csvNoRows')}</p>}
      {table && readings && kind === 'connections' && existing && <ConnectionsImport table={table} existing={existing} onDone={reset} />}
      {table && readings && kind !== 'connections' && (
        <div className="mt-4 grid gap-4 xl:grid-cols-2">
          <CsvColumns
            table={table}
            kind={importKind}
            mapping={mapping}
            readings={readings}
            onMapping={setMapping}
            onDateOrder={(i, o) => setDateOrders(new Map(dateOrders).set(i, o))}
            onDecimal={(i, d) => setDecimals(new Map(decimals).set(i, d))}
          />
          {result && existing && (
            <CsvPreview
              result={result}
              accounts={existing.accounts}
              assignments={assignments}
              onAssign={(row, id) => {
                const next = new Map(assignments);
                if (id) next.set(row, id);
                else next.delete(row);
                setAssignments(next);
              }}
              progress={progress}
              onImport={() => void commit()}
              onCancel={reset}
            />
          )}
        </div>
      )}
    </Card>
  );
}
