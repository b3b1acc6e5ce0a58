// Power map: the org-chart picture (select a person → edit their stance/role/reports-to right
// there) and the stakeholder table with the full form.
import { useRef, useState, type ReactNode } from 'react';
import { getDb } from '@/lib/db/db';
import type { Account, Stakeholder } from '@/lib/db/model';
import { patchStakeholder, removeStakeholder, undoRemoveStakeholder } from '@/lib/db/repo';
import { formatDate, type MessageKey } from '@/lib/i18n';
import { useI18n } from '../../i18n';
import { Button, InfluenceDots, STANCE_STYLE, cx } from '../../ui';
import { useFocusReturn } from '../../ui/ConfirmBox';
import { useWrite } from '../write';
import { useQuickEdit } from '../useQuickEdit';
import { Card } from '../fields';
import { OrgChart, OrgLegend } from './OrgChart';
import { StakeholderForm } from './StakeholderForm';

export function PowerMapSection({ account, stakeholders }: { account: Account; stakeholders: Stakeholder[] }) {
  const { t, lang } = useI18n();
  const write = useWrite();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const byId = new Map(stakeholders.map((s) => [s.id, s]));
  const current = editing && editing !== 'new' ? byId.get(editing) : undefined;
  const quick = useQuickEdit();
  // with the value shown as base: a contact recorded elsewhere meanwhile keeps the later one
  const contacted = (s: Stakeholder) => quick(s, 'lastContactAt', Date.now(), (p, onConflict) => write((db) => patchStakeholder(db, s.id, p), ['stakeholders'], { ok: t('stakeholderSaved'), onConflict }));
  const remove = (s: Stakeholder) =>
    write((db) => removeStakeholder(db, s.id), ['stakeholders', 'actions', 'notes'], {
      ok: t('stakeholderDeleted', { name: s.name }),
      // Undo puts back the person AND the links the delete cleared (reports, actions, notes)
      undo: (removed) => async () => {
        if (removed) await undoRemoveStakeholder(getDb(), removed);
      },
    }).then(() => setEditing(null));

  return (
    <Card title={t('powerMap')} id="sec-powermap" right={<Button variant="primary" size="md" onClick={() => setEditing('new')}>+ {t('addStakeholder')}</Button>}>
      {stakeholders.length === 0 && editing !== 'new' && <p className="text-sm text-slate-500 dark:text-slate-400">{t('noStakeholders')}</p>}
      {stakeholders.length > 0 && (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">{t('orgChart')}</h3>
          <p className="text-xs text-slate-600 dark:text-slate-400">{t('orgChartHelp')}</p>
          <OrgLegend />
          <div className="rounded border border-slate-200 bg-slate-50 p-2 dark:border-slate-700 dark:bg-slate-950">
            <OrgChart stakeholders={stakeholders} selected={editing} onSelect={(id) => setEditing(id)} />
          </div>
        </div>
      )}
      {editing && <EditorPanel key={editing}>
          <StakeholderForm key={editing} accountId={account.id} stakeholder={current} all={stakeholders} onDone={() => setEditing(null)} onDelete={current ? () => void remove(current) : undefined} />
        </EditorPanel>}
      {stakeholders.length > 0 && (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="stakeholders-table">
            <caption className="mb-1 text-left text-sm font-semibold">{t('stakeholdersTable')}</caption>
            <thead className="text-xs text-slate-600 uppercase dark:text-slate-300">
              <tr>
                <th scope="col" className="p-1">{t('name')}</th>
                <th scope="col" className="p-1">{t('role')}</th>
                <th scope="col" className="p-1">{t('stance')}</th>
                <th scope="col" className="p-1">{t('influence')}</th>
                <th scope="col" className="p-1">{t('relationship')}</th>
                <th scope="col" className="p-1">{t('reportsToLabel')}</th>
                <th scope="col" className="p-1">{t('lastContact')}</th>
                <th scope="col" className="p-1"><span className="sr-only">{t('edit')}</span></th>
              </tr>
            </thead>
            <tbody>
              {stakeholders.map((s) => (
                <tr key={s.id} className={cx('border-t border-slate-100 dark:border-slate-800', editing === s.id && 'bg-blue-50 dark:bg-blue-950/40')}>
                  <td className="p-1">
                    <button type="button" className="text-left font-medium text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-blue-300" onClick={() => setEditing(s.id)} aria-label={t('editStakeholder', { name: s.name })}>
                      {s.name}
                    </button>
                    {s.title && <span className="block text-xs text-slate-500 dark:text-slate-400">{s.title}</span>}
                  </td>
                  <td className="p-1">{t(`role_${s.role}` as MessageKey)}</td>
                  <td className="p-1"><span className={cx('rounded px-1.5 py-0.5 text-xs', STANCE_STYLE[s.stance])}>{t(`stance_${s.stance}` as MessageKey)}</span></td>
                  <td className="p-1"><InfluenceDots level={s.influence} label={t(`influence_${s.influence}` as MessageKey)} /></td>
                  <td className="p-1">{t(`rel_${s.relationship}` as MessageKey)}</td>
                  <td className="p-1">{s.reportsTo ? (byId.get(s.reportsTo)?.name ?? '—') : '—'}</td>
                  <td className="p-1">{s.lastContactAt ? formatDate(s.lastContactAt, lang) : t('never')}</td>
                  <td className="p-1 text-right">
                    <Button onClick={() => void contacted(s)}>{t('markContacted')}</Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

/** The stakeholder editor opened in place: once saved or cancelled, the focus goes back to what opened it ("+ Add stakeholder", the person in the chart or table). */
function EditorPanel({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useFocusReturn(box);
  return (
    <div ref={box} className="mt-3 rounded border border-blue-300 bg-blue-50/50 p-3 dark:border-blue-800 dark:bg-blue-950/30">
      {children}
    </div>
  );
}
