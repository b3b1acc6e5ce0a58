// Small shared UI pieces (Tailwind). Focus is always visible; every control has a label.
import type { ComponentProps, ReactNode } from 'react';
import type { Stance, Influence } from '@/lib/db/model';

export function cx(...xs: (string | false | null | undefined)[]): string {
  return xs.filter(Boolean).join(' ');
}

type BtnProps = ComponentProps<'button'> & { variant?: 'primary' | 'ghost' | 'danger' | 'subtle'; size?: 'sm' | 'md' };
export function Button({ variant = 'subtle', size = 'sm', className, ...rest }: BtnProps) {
  return (
    <button
      type="button"
      {...rest}
      className={cx(
        'inline-flex items-center gap-1 rounded-md font-medium focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-500 disabled:opacity-50',
        size === 'sm' ? 'px-2 py-1 text-xs' : 'px-3 py-1.5 text-sm',
        variant === 'primary' && 'bg-blue-700 text-white hover:bg-blue-800',
        variant === 'subtle' && 'bg-slate-100 text-slate-800 hover:bg-slate-200 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700',
        variant === 'ghost' && 'text-blue-700 hover:underline dark:text-blue-300',
        variant === 'danger' && 'bg-red-600 text-white hover:bg-red-700',
        className,
      )}
    />
  );
}

export function Section({ title, children, right, id }: { title: string; children: ReactNode; right?: ReactNode; id?: string }) {
  return (
    <section aria-labelledby={id} className="border-t border-slate-200 px-3 py-2 dark:border-slate-700">
      <div className="mb-1 flex items-center justify-between">
        <h2 id={id} className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
          {title}
        </h2>
        {right}
      </div>
      {children}
    </section>
  );
}

export const STANCE_STYLE: Record<Stance, string> = {
  // 800/700 shades: white text (also at 80% opacity) keeps a WCAG AA contrast (axe color-contrast).
  champion: 'bg-emerald-800 text-white',
  supporter: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
  neutral: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
  skeptic: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  opponent: 'bg-red-700 text-white',
  unknown: 'bg-white text-slate-700 ring-1 ring-slate-300 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-600',
};

export function InfluenceDots({ level, label }: { level: Influence; label: string }) {
  const n = level === 'high' ? 3 : level === 'medium' ? 2 : 1;
  return (
    <span role="img" aria-label={label} title={label} className="inline-flex gap-0.5">
      {[0, 1, 2].map((i) => (
        <span key={i} className={cx('inline-block h-1.5 w-1.5 rounded-full', i < n ? 'bg-current' : 'bg-current opacity-20')} />
      ))}
    </span>
  );
}

export function ErrorText({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="mt-1 rounded bg-red-50 px-2 py-1 text-xs text-red-800 dark:bg-red-950 dark:text-red-200">
      {children}
    </p>
  );
}
