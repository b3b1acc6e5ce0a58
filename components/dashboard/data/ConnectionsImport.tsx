// LinkedIn connections → "people you know there", per account; the user ticks who to add as
// stakeholders and confirms (one transaction). Nothing is saved before.
import { useMemo, useState } from 'react';
import { applyImport, newId } from '@/lib/db/repo';
import type { CsvTable, Existing } from '@/lib/io/csv-import';
import { connectionsBatch, isConnectionsTable, planConnections, type Connection } from '@/lib/io/linkedin-connections';
import { formatProblem } from '@/lib/io/errors';
import { problemWords } from './Problems';
import { formatDay } from '@/lib/i18n';
import { useI18n } from '../../i18n';
import { Button } from '../../ui';
import { useWrite } from '../write';

export function ConnectionsImport({ table, existing, onDone }: { table: CsvTable; existing: Existing; onDone: () => void }) {
  const { t, lang } = useI18n();
  const write = useWrite();
  const plan = useMemo(() => planConnections(table, existing.accounts, existing.stakeholders), [table, existing]);
  const key = (accountId: string, c: Connection) => `${accountId}|${c.row}`;
  // New people are pre-selected; people already in the power map are shown, not selectable.
  const [picked, setPicked] = useState<Set<string>>(() => new Set(plan.accounts.flatMap((a) => a.people.filter((p) => !p.stakeholderId).map((p) => key(a.accountId, p.connection)))));
  if (!isConnectionsTable(table.headers)) return <p role="alert" className="mt-3 text-sm text-red-800 dark:text-red-200">{t('liNotConnections')}</p>;
  const matched = plan.accounts.reduce((n, a) => n + a.people.length, 0);
  const toggle = (k: string, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(k);
    else next.delete(k);
    setPicked(next);
  };
  const add = async () => {
    const chosen = plan.accounts.flatMap((a) => a.people.filter((p) => !p.stakeholderId && picked.has(key(a.accountId, p.connection))).map((p) => ({ accountId: a.accountId, connection: p.connection })));
    const batch = connectionsBatch(chosen, existing.stakeholders, { now: Date.now(), newId });
    const r = await write((db) => applyImport(db, batch).then(() => batch.stakeholders.length), ['stakeholders'], { ok: (n) => t('liAdded', { n }) });
    if (r !== undefined && r !== null) onDone();
  };
  const selectable = plan.accounts.reduce((n, a) => n + a.people.filter((p) => !p.stakeholderId && picked.has(key(a.accountId, p.connection))).length, 0);
  return (
    <div className="mt-4 space-y-3" data-testid="connections">
      <p className="text-sm" data-testid="connections-summary">{t('liSummary', { total: plan.total, matched, accounts: plan.accounts.length, unmatched: plan.unmatched })}</p>
      {plan.problems.length > 0 && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <p className="font-semibold">{t('csvBadRows', { n: plan.problems.length })}</p>
          <ul className="list-disc pl-5">
            {plan.problems.slice(0, 50).map((p, i) => (
              <li key={i} className="break-words">{formatProblem(p, problemWords(t))}</li>
            ))}
          </ul>
        </div>
      )}
      {plan.accounts.length === 0 && <p className="text-sm">{t('liNone')}</p>}
      <div className="grid gap-3 lg:grid-cols-2">
        {plan.accounts.map((a) => (
          <section key={a.accountId} aria-label={a.accountName} className="rounded border border-slate-200 p-2 dark:border-slate-700" data-testid="connections-account">
            <h4 className="text-sm font-semibold">
              <a href={`#/account/${encodeURIComponent(a.accountId)}`} className="text-blue-700 hover:underline dark:text-blue-300">{a.accountName}</a>
            </h4>
            <p className="text-xs text-slate-600 dark:text-slate-300">{t('liPeopleYouKnow', { n: a.people.length })}</p>
            <ul className="mt-1 space-y-1 text-sm">
              {a.people.map((p) => {
                const k = key(a.accountId, p.connection);
                const c = p.connection;
                return (
                  <li key={k}>
                    <label className="flex items-start gap-2">
                      <input type="checkbox" className="mt-1" disabled={!!p.stakeholderId} checked={!p.stakeholderId && picked.has(k)} onChange={(e) => toggle(k, e.target.checked)} />
                      <span>
                        <span className="font-medium">{c.name}</span>
                        {c.position && <span> — {c.position}</span>}
                        <span className="block text-xs text-slate-500 dark:text-slate-400">
                          {[c.company, p.matchedBy === 'domain' ? t('liByDomain') : '', c.connectedOn ? t('liConnectedOn', { date: formatDay(c.connectedOn, lang) }) : '', p.stakeholderId ? t('liAlready') : ''].filter(Boolean).join(' · ')}
                        </span>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
      <div className="flex gap-2">
        <Button variant="primary" size="md" disabled={selectable === 0} onClick={() => void add()}>
          {t('liAdd', { n: selectable })}
        </Button>
        <Button size="md" onClick={onDone}>
          {t('cancel')}
        </Button>
      </div>
    </div>
  );
}
