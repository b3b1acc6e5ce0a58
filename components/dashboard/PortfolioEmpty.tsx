import { useState } from 'react';
import { call } from '@/lib/messaging/client';
import { createAccount } from '@/lib/db/repo';
import { getSettings } from '@/lib/settings';
import { useI18n } from '../i18n';
import { Button } from '../ui';
import { useToast } from './Toast';
import { useWrite } from './write';
import { inputCls } from './fields';

export function SampleButton({ primary }: { primary?: boolean }) {
  const { t } = useI18n();
  const { notify } = useToast();
  return (
    <Button
      size="md"
      variant={primary ? 'primary' : 'subtle'}
      onClick={() =>
        call('sample.load', {}).then(
          (r) => notify({ text: t('sampleLoaded', { n: r.accounts }) }),
          (e) => notify({ kind: 'error', text: (e as Error).message }),
        )
      }
    >
      {t('loadSample')}
    </Button>
  );
}

export function CreateAccountForm() {
  const { t } = useI18n();
  const write = useWrite();
  const [name, setName] = useState('');
  return (
    <form
      className="flex gap-1"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!name.trim()) return;
        const cadence = (await getSettings().catch(() => undefined))?.reviewCadenceDays;
        const a = await write((db) => createAccount(db, { name, ...(cadence ? { reviewCadenceDays: cadence } : {}) }), ['accounts']);
        if (a) {
          setName('');
          location.hash = `#/account/${encodeURIComponent(a.id)}`;
        }
      }}
    >
      <input className={`${inputCls} w-56`} value={name} onChange={(e) => setName(e.target.value)} placeholder={t('newAccountName')} aria-label={t('newAccountName')} />
      <Button type="submit" variant="primary" size="md" disabled={!name.trim()} className="whitespace-nowrap">
        {t('createAccount')}
      </Button>
    </form>
  );
}

export function PortfolioEmpty() {
  const { t } = useI18n();
  return (
    <div className="mx-auto mt-10 max-w-xl space-y-4 rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
      <h1 className="text-xl font-semibold">{t('navPortfolio')}</h1>
      <p className="text-slate-600 dark:text-slate-300">{t('emptyPortfolio')}</p>
      <div className="flex flex-wrap justify-center gap-2">
        <SampleButton primary />
        <a href="#/data" className="rounded-md bg-slate-100 px-3 py-1.5 text-sm font-medium hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-500 dark:bg-slate-800 dark:hover:bg-slate-700">
          {t('importCsv')}
        </a>
      </div>
      <div className="flex justify-center">
        <CreateAccountForm />
      </div>
    </div>
  );
}
