// Whitespace grid: offering (rows) × entity / subsidiary / region (columns); each cell says who
// serves it today (ours / competitor / in-house / nothing / unknown) and what it is worth.
import { useState } from 'react';
import { WHITESPACE_STATUSES, type WhitespaceCell } from '@/lib/db/model';
import { formatMoney, type MessageKey } from '@/lib/i18n';
import { newId } from '@/lib/db/repo';
import { useI18n } from '../../i18n';
import { Button, cx } from '../../ui';
import { TextInput, inputCls } from '../fields';

const CELL_STYLE: Record<WhitespaceCell['status'], string> = {
  ours: 'bg-emerald-100 dark:bg-emerald-900/60',
  competitor: 'bg-red-100 dark:bg-red-900/50',
  in_house: 'bg-amber-100 dark:bg-amber-900/50',
  none: 'bg-blue-50 dark:bg-blue-950/60',
  unknown: 'bg-slate-100 dark:bg-slate-800',
};

export function WhitespaceGrid({ cells, currency, onChange }: { cells: WhitespaceCell[]; currency: string; onChange: (v: WhitespaceCell[]) => void }) {
  const { t, lang } = useI18n();
  const [offering, setOffering] = useState('');
  const [entity, setEntity] = useState('');
  const offerings = [...new Set(cells.map((c) => c.offering))];
  const entities = [...new Set(cells.map((c) => c.entity))];
  const at = (o: string, e: string) => cells.find((c) => c.offering === o && c.entity === e);
  const upd = (id: string, patch: Partial<WhitespaceCell>) => onChange(cells.map((c) => (c.id === id ? { ...c, ...patch } : c)));
  const open = cells.filter((c) => c.status !== 'ours').reduce((n, c) => n + (c.value ?? 0), 0);
  const add = (o: string, e: string) => {
    if (!o.trim() || !e.trim() || at(o.trim(), e.trim())) return;
    onChange([...cells, { id: newId(), offering: o.trim(), entity: e.trim(), status: 'unknown' }]);
  };
  return (
    <fieldset>
      <legend className="sr-only">{t('wsGrid')}</legend>
      <div className="mb-1 flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">{t('wsGrid')}</h3>
        <span className="text-xs text-slate-600 dark:text-slate-300">{t('wsOpenTotal', { value: formatMoney(open, currency, lang) })}</span>
      </div>
      {cells.length > 0 && (
        <div className="overflow-x-auto">
          <table className="text-xs" data-testid="whitespace-grid">
            <thead>
              <tr>
                <th scope="col" className="p-1 text-left">{t('offering')} \ {t('entity')}</th>
                {entities.map((e) => (
                  <th key={e} scope="col" className="p-1 text-left font-semibold">{e}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {offerings.map((o) => (
                <tr key={o}>
                  <th scope="row" className="p-1 text-left font-semibold">{o}</th>
                  {entities.map((e) => {
                    const c = at(o, e);
                    if (!c)
                      return (
                        <td key={e} className="p-1">
                          <Button variant="ghost" aria-label={t('wsEmptyCell', { offering: o, entity: e })} onClick={() => add(o, e)}>
                            +
                          </Button>
                        </td>
                      );
                    return (
                      <td key={e} className={cx('min-w-36 rounded p-1 align-top', CELL_STYLE[c.status])}>
                        <select aria-label={`${o} × ${e}: ${t('status')}`} className={cx(inputCls, 'py-0.5 text-xs')} value={c.status} onChange={(ev) => upd(c.id, { status: ev.target.value as WhitespaceCell['status'] })}>
                          {WHITESPACE_STATUSES.map((s) => (
                            <option key={s} value={s}>{t(`ws_${s}` as MessageKey)}</option>
                          ))}
                        </select>
                        <input
                          type="number"
                          min={0}
                          aria-label={`${o} × ${e}: ${t('value')}`}
                          placeholder={t('value')}
                          className={cx(inputCls, 'mt-0.5 py-0.5 text-xs')}
                          value={c.value ?? ''}
                          onChange={(ev) => upd(c.id, { value: ev.target.value === '' ? undefined : Math.max(0, Number(ev.target.value)) })}
                        />
                        {c.status === 'competitor' && (
                          <input aria-label={`${o} × ${e}: ${t('competitor')}`} placeholder={t('competitor')} className={cx(inputCls, 'mt-0.5 py-0.5 text-xs')} value={c.competitor ?? ''} onChange={(ev) => upd(c.id, { competitor: ev.target.value || undefined })} />
                        )}
                        <button type="button" className="mt-0.5 text-[11px] text-red-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-red-300" aria-label={t('removeItem', { name: `${o} × ${e}` })} onClick={() => onChange(cells.filter((x) => x.id !== c.id))}>
                          {t('remove')}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="mt-2 flex flex-wrap items-end gap-2">
        <TextInput label={t('offering')} value={offering} onChange={(e) => setOffering(e.target.value)} list="ws-offerings" />
        <TextInput label={t('entity')} value={entity} onChange={(e) => setEntity(e.target.value)} list="ws-entities" />
        <datalist id="ws-offerings">{offerings.map((o) => <option key={o} value={o} />)}</datalist>
        <datalist id="ws-entities">{entities.map((e) => <option key={e} value={e} />)}</datalist>
        <Button
          disabled={!offering.trim() || !entity.trim()}
          onClick={() => {
            add(offering, entity);
            setOffering('');
            setEntity('');
          }}
        >
          + {t('addWhitespace')}
        </Button>
      </div>
    </fieldset>
  );
}
