// Labelled form controls for the dashboard. Each control has a visible <label>; focus is visible.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { cx } from '../ui';
import { isCalendarDate } from '@/lib/dates/calendar-date';

export const inputCls =
  'w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';

export function Field({ label, children, className, hint }: { label: string; children: (id: string) => ReactNode; className?: string; hint?: string }) {
  const id = useId();
  return (
    <div className={cx('flex flex-col gap-0.5', className)}>
      <label htmlFor={id} className="text-xs font-medium text-slate-600 dark:text-slate-300">
        {label}
      </label>
      {children(id)}
      {hint && <span className="text-xs text-slate-500 dark:text-slate-400">{hint}</span>}
    </div>
  );
}

export function TextInput({ label, className, ...rest }: InputHTMLAttributes<HTMLInputElement> & { label: string }) {
  return <Field label={label} className={className}>{(id) => <input id={id} className={inputCls} {...rest} />}</Field>;
}
export function TextArea({ label, className, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string }) {
  return <Field label={label} className={className}>{(id) => <textarea id={id} className={cx(inputCls, 'min-h-16')} {...rest} />}</Field>;
}
export function Select<T extends string>({
  label,
  value,
  options,
  onChange,
  className,
  ...rest
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & { label: string; value: T; options: { value: T; label: string }[]; onChange: (v: T) => void }) {
  return (
    <Field label={label} className={className}>
      {(id) => (
        <select id={id} className={inputCls} value={value} onChange={(e) => onChange(e.target.value as T)} {...rest}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * A calendar date field. `<input type="date">`'s value is already `YYYY-MM-DD` (HTML's "valid
 * date string"), the stored form: no time zone is involved. '' (cleared) → undefined.
 */
export function DateInput({ label, value, onChange, className }: { label: string; value: string | undefined; onChange: (day: string | undefined) => void; className?: string }) {
  return <TextInput type="date" label={label} className={className} min="1900-01-01" max="2999-12-31" value={value ?? ''} onChange={(e) => onChange(isCalendarDate(e.target.value) ? e.target.value : undefined)} />;
}
export function NumberInput({ label, value, onChange, className, min, max, step }: { label: string; value: number | undefined; onChange: (n: number | undefined) => void; className?: string; min?: number; max?: number; step?: number }) {
  return (
    <TextInput
      type="number"
      inputMode="decimal"
      label={label}
      className={className}
      min={min}
      max={max}
      step={step ?? 'any'}
      value={value === undefined || Number.isNaN(value) ? '' : String(value)}
      onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
    />
  );
}

export const splitList = (s: string, sep: RegExp = /[,;\n]/): string[] => [...new Set(s.split(sep).map((x) => x.trim()).filter(Boolean))];

export function Card({ title, id, children, right, className }: { title: string; id?: string; children: ReactNode; right?: ReactNode; className?: string }) {
  const hid = id ? `${id}-h` : undefined;
  return (
    <section id={id} aria-labelledby={hid} className={cx('scroll-mt-16 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900', className)}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={hid} className="text-base font-semibold">
          {title}
        </h2>
        {right}
      </div>
      {children}
    </section>
  );
}
