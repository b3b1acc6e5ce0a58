// Each column: its field, an example, and for date and amount columns how they are read
// ("read as DD/MM/YYYY — change"), flagged when nothing in the file decided.
import { ACCOUNT_FIELDS, AMOUNT_FIELDS, CONTACT_FIELDS, DATE_FIELDS, ORDER_PATTERN, type CsvTable, type DateOrder, type DecimalMark, type ImportKind, type Mapping, type Readings, type TargetField } from '@/lib/io/csv-import';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../../i18n';
import { cx } from '../../ui';
import { inputCls } from '../fields';

export function CsvColumns(p: {
  table: CsvTable;
  kind: ImportKind;
  mapping: Mapping;
  readings: Readings;
  onMapping: (m: Mapping) => void;
  onDateOrder: (col: number, o: DateOrder) => void;
  onDecimal: (col: number, d: DecimalMark) => void;
}) {
  const { t } = useI18n();
  const fields: readonly TargetField[] = p.kind === 'accounts' ? ACCOUNT_FIELDS : CONTACT_FIELDS;
  const example = (i: number) => p.table.rows.find((r) => (r.cells[i] ?? '').trim())?.cells[i] ?? '';
  return (
    <div>
      <h3 className="mb-1 text-sm font-semibold">{t('csvMapping')}</h3>
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-slate-600 uppercase dark:text-slate-300">
          <tr>
            <th scope="col" className="p-1">{t('csvColumn')}</th>
            <th scope="col" className="p-1">{t('csvField')}</th>
            <th scope="col" className="p-1">{t('csvExample')}</th>
          </tr>
        </thead>
        <tbody>
          {p.table.headers.map((h, i) => {
            const f = p.mapping[i] ?? '';
            const date = f && DATE_FIELDS.has(f) ? p.readings.dates.get(i) : undefined;
            const amount = f && AMOUNT_FIELDS.has(f) ? p.readings.amounts.get(i) : undefined;
            return (
              <tr key={i} className="border-t border-slate-100 align-top dark:border-slate-800">
                <th scope="row" className="p-1 font-medium break-words">{h}</th>
                <td className="p-1">
                  <select aria-label={t('labelValue', { label: t('csvField'), value: h })} className={cx(inputCls, 'py-0.5')} value={f} onChange={(e) => p.onMapping(p.mapping.map((x, j) => (j === i ? (e.target.value as TargetField | '') : x)))}>
                    <option value="">{t('csvIgnore')}</option>
                    {fields.map((x) => (
                      <option key={x} value={x}>{t(`csvf_${x}` as MessageKey)}</option>
                    ))}
                  </select>
                  {date && (
                    <div className={cx('mt-1 rounded p-1 text-xs', date.ambiguous ? 'bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100' : 'text-slate-600 dark:text-slate-300')} data-testid={`csv-date-reading-${i}`}>
                      <label className="flex flex-wrap items-center gap-1">
                        <span>{t('csvReadAs')}</span>
                        <select aria-label={t('csvChangeReading', { column: h })} className={cx(inputCls, 'w-auto py-0 text-xs')} value={date.order === 'YMD' ? 'DMY' : date.order} onChange={(e) => p.onDateOrder(i, e.target.value as DateOrder)}>
                          {(['DMY', 'MDY'] as const).map((o) => (
                            <option key={o} value={o}>{ORDER_PATTERN[o]}</option>
                          ))}
                        </select>
                      </label>
                      {date.ambiguous && <p>{t('csvDateGuess')}</p>}
                      {date.source === 'file' && <p>{t('csvDateFromFile')}</p>}
                      {date.conflicts > 0 && <p>{t('csvDateConflicts', { n: date.conflicts })}</p>}
                    </div>
                  )}
                  {amount && (
                    <div className={cx('mt-1 rounded p-1 text-xs', amount.ambiguous ? 'bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100' : 'text-slate-600 dark:text-slate-300')} data-testid={`csv-amount-reading-${i}`}>
                      <label className="flex flex-wrap items-center gap-1">
                        <span>{t('csvDecimalMark')}</span>
                        <select aria-label={t('csvChangeReading', { column: h })} className={cx(inputCls, 'w-auto py-0 text-xs')} value={amount.decimal} onChange={(e) => p.onDecimal(i, e.target.value as DecimalMark)}>
                          <option value=",">{t('dec_comma')}</option>
                          <option value=".">{t('dec_point')}</option>
                        </select>
                      </label>
                      {amount.ambiguous && <p>{t('csvDecimalGuess')}</p>}
                    </div>
                  )}
                </td>
                <td className="max-w-48 truncate p-1 text-xs text-slate-600 dark:text-slate-400">{example(i).slice(0, 200)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
