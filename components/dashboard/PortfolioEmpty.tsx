import { useRef, useState } from 'react';
import { call } from '@/lib/messaging/client';
import { createAccount } from '@/lib/db/repo';
import { getSettings } from '@/lib/settings';
import { useI18n } from '../i18n';
import { Button } from '../ui';
import { useToast } from './Toast';
import { useWrite } from './write';
import { inputCls } from './fields';
import { KeyPreview } from '../ui/KeyPreview';
import { useKeyPreview } from './account/useKeyPreview';
import { errorText } from '@/components/ui/errorText';

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
          (e) => notify({ kind: 'error', text: errorText(t, e) }),
        )
      }
    >
      {t('loadSample')}
    </Button>
  );
}

/**
 * New account: its name, then how its pages will be recognised (domain, website, LinkedIn page —
 * pasted URLs, addresses and tracking accepted), with the keys it will match on. An account that
 * already holds one of those keys is flagged (open it, or create anyway: groups share domains).
 */
export function CreateAccountForm() {
  const { t } = useI18n();
  const write = useWrite();
  const [name, setName] = useState('');
  const [domain, setDomain] = useState('');
  const [website, setWebsite] = useState('');
  const [liPage, setLiPage] = useState('');
  const [confirmDup, setConfirmDup] = useState(false);
  // One id per draft (and one request at a time): a double click creates one account.
  const draftId = useRef(crypto.randomUUID());
  const busy = useRef(false);
  const fields = { domains: domain.trim() ? [domain.trim()] : [], website: website.trim() || undefined, linkedinUrls: liPage.trim() ? [liPage.trim()] : [] };
  const preview = useKeyPreview(name.trim() ? fields : null);
  const edit = (f: (v: string) => void) => (e: { target: { value: string } }) => (f(e.target.value), setConfirmDup(false));
  return (
    <form
      className="flex flex-wrap items-start gap-1"
      aria-label={t('createAccount')}
      onSubmit={async (e) => {
        e.preventDefault();
        if (!name.trim() || busy.current) return;
        if (preview?.owners.length && !confirmDup) return setConfirmDup(true);
        busy.current = true;
        const id = draftId.current;
        const cadence = (await getSettings().catch(() => undefined))?.reviewCadenceDays;
        const a = await write((db) => createAccount(db, { name, ...fields, ...(cadence ? { reviewCadenceDays: cadence } : {}) }, Date.now(), { id }), ['accounts']).finally(() => (busy.current = false));
        if (a) {
          draftId.current = crypto.randomUUID();
          setName('');
          setDomain('');
          setWebsite('');
          setLiPage('');
          location.hash = `#/account/${encodeURIComponent(a.id)}`;
        }
      }}
    >
      <input className={`${inputCls} w-56`} value={name} onChange={(e) => setName(e.target.value)} placeholder={t('newAccountName')} aria-label={t('newAccountName')} />
      <Button type="submit" variant="primary" size="md" disabled={!name.trim() || !!preview?.problems.length} className="whitespace-nowrap">
        {confirmDup ? t('createAnyway') : t('createAccount')}
      </Button>
      {name.trim() && (
        <fieldset className="basis-full rounded border border-slate-200 p-2 text-left dark:border-slate-700">
          <legend className="px-1 text-xs font-semibold">{t('recogniseTitle')}</legend>
          <p className="mb-1 text-xs text-slate-500 dark:text-slate-400">{t('recogniseHint')}</p>
          <div className="grid gap-1 sm:grid-cols-3">
            <input className={inputCls} value={domain} onChange={edit(setDomain)} placeholder={t('fieldDomain')} aria-label={t('fieldDomain')} />
            <input className={inputCls} value={website} onChange={edit(setWebsite)} placeholder={t('website')} aria-label={t('website')} />
            <input className={inputCls} value={liPage} onChange={edit(setLiPage)} placeholder={t('fieldLinkedinPage')} aria-label={t('fieldLinkedinPage')} />
          </div>
          <KeyPreview preview={preview} onOpen={(id) => (location.hash = `#/account/${encodeURIComponent(id)}`)} />
        </fieldset>
      )}
    </form>
  );
}

/** No account yet: what to do first. `title`: the page it stands in for (Segmentation shows it too). */
export function PortfolioEmpty({ title }: { title?: string } = {}) {
  const { t } = useI18n();
  return (
    <div className="mx-auto mt-10 max-w-xl space-y-4 rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
      <h1 className="text-xl font-semibold">{title ?? t('navPortfolio')}</h1>
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
