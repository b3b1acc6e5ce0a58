// How the file was read: encoding and separator (each changeable, saying where it came from),
// header row, lines skipped as not data, and column names to check.
import { ENCODINGS, SEPARATORS, type CsvEncoding, type CsvTable, type Decoded, type Separator } from '@/lib/io/csv-import';
import { formatProblem } from '@/lib/io/errors';
import { problemWords } from './Problems';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../../i18n';
import { cx } from '../../ui';
import { inputCls } from '../fields';

const ENC_KEY: Record<CsvEncoding, MessageKey> = { 'utf-8': 'enc_utf8', 'utf-16le': 'enc_utf16le', 'utf-16be': 'enc_utf16be', 'windows-1252': 'enc_windows1252', macintosh: 'enc_macintosh', ibm850: 'enc_ibm850', 'windows-1250': 'enc_windows1250' };
const SEP_KEY: Record<Separator, MessageKey> = { ',': 'sep_comma', ';': 'sep_semicolon', '\t': 'sep_tab', '|': 'sep_pipe' };
const SEP_SOURCE: Record<CsvTable['separatorSource'], MessageKey> = { 'sep-line': 'sepSource_sepline', detected: 'sepSource_detected', user: 'sepSource_user' };

export function CsvFileSummary(p: { decoded: Decoded; table: CsvTable | null; encoding?: CsvEncoding; separator?: Separator; onEncoding: (e: CsvEncoding) => void; onSeparator: (s: Separator) => void }) {
  const { t } = useI18n();
  const { decoded, table } = p;
  return (
    <div className="space-y-2 text-sm" data-testid="csv-file-summary">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <label className="flex items-center gap-2">
          <span className="text-xs font-medium text-slate-600 dark:text-slate-300">{t('csvEncoding')}</span>
          <select className={cx(inputCls, 'w-auto py-0.5')} value={decoded.encoding} onChange={(e) => p.onEncoding(e.target.value as CsvEncoding)} data-testid="csv-encoding">
            {ENCODINGS.map((e) => (
              <option key={e} value={e}>{t(ENC_KEY[e])}</option>
            ))}
          </select>
          <span className="text-xs text-slate-500 dark:text-slate-400">{t(`encSource_${decoded.source}` as MessageKey)}</span>
        </label>
        {table && (
          <label className="flex items-center gap-2">
            <span className="text-xs font-medium text-slate-600 dark:text-slate-300">{t('csvSeparator')}</span>
            <select className={cx(inputCls, 'w-auto py-0.5')} value={table.separator} onChange={(e) => p.onSeparator(e.target.value as Separator)} data-testid="csv-separator">
              {SEPARATORS.map((s) => (
                <option key={s} value={s}>{t(SEP_KEY[s])}</option>
              ))}
            </select>
            <span className="text-xs text-slate-500 dark:text-slate-400">{t(SEP_SOURCE[table.separatorSource])}</span>
          </label>
        )}
        {table && <span className="text-xs">{t('csvFileRead', { rows: table.rows.length + table.problems.length, header: table.headerRow })}</span>}
      </div>
      {decoded.lossy && <p role="alert" className="text-amber-800 dark:text-amber-200">{t('encLossy')}</p>}
      {table && table.skipped.length > 0 && (
        <details className="text-xs" data-testid="csv-skipped">
          <summary className="cursor-pointer">{t('csvSkipped', { n: table.skipped.length })}</summary>
          <ul className="mt-1 list-disc pl-5">
            {table.skipped.map((s) => (
              <li key={s.row}>
                {s.row} ({t(`skip_${s.why}` as MessageKey)}): <span className="font-mono">{s.text}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {table && table.headerNotes.length > 0 && (
        <div className="rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100" data-testid="csv-header-notes">
          <p className="font-medium">{t('csvHeaderNotes')}</p>
          <ul className="list-disc pl-5">
            {table.headerNotes.slice(0, 10).map((n, i) => (
              <li key={i} className="break-words">{formatProblem(n, problemWords(t))}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
