// Account page: details, plan (with history), power map, actions & notes, delete with undo.
import { useEffect, useState } from 'react';
import { getDb } from '@/lib/db/db';
import { deleteAccount, restoreAccountBundle } from '@/lib/db/repo';
import { redFlags } from '@/lib/kam/red-flags';
import { formatDay } from '@/lib/i18n';
import { useI18n } from '../../i18n';
import { Button, ErrorText } from '../../ui';
import { ConfirmBox } from '../../ui/ConfirmBox';
import { useWrite, ALL_TABLES } from '../write';
import { useAccountData } from './useAccountData';
import { AccountDetails } from './AccountDetails';
import { PlanEditor } from './PlanEditor';
import { PlanHistory } from './PlanHistory';
import { PowerMapSection } from './PowerMapSection';
import { Timeline } from './Timeline';
import { FlagList } from './FlagList';
import { useThresholds } from '../useSettings';
import { Section } from '../Section';
import { ShareSection, useCanEdit } from '../../sync/ShareSection';

const SECTIONS = ['details', 'plan', 'history', 'powermap', 'timeline'] as const;

export function AccountPage({ id, section }: { id: string; section?: string }) {
  const { t, lang } = useI18n();
  const { data, error } = useAccountData(id);
  const thresholds = useThresholds();
  const editable = useCanEdit(data?.account ?? ({ id } as never));
  useEffect(() => {
    if (!data || !section) return;
    const target = section === 'header' ? 'details' : section === 'actions' ? 'timeline' : section;
    document.getElementById(`sec-${target}`)?.scrollIntoView({ block: 'start' });
  }, [section, !!data]); // eslint-disable-line react-hooks/exhaustive-deps
  if (error) return <ErrorText>{error}</ErrorText>;
  if (data === undefined) return <p>{t('loading')}</p>;
  if (data === null)
    return (
      <div className="space-y-2">
        <ErrorText>{t('accountNotFound')}</ErrorText>
        <a href="#/" className="text-blue-700 hover:underline dark:text-blue-300">{t('backToPortfolio')}</a>
      </div>
    );
  const { account } = data;
  const flags = redFlags(account, data.stakeholders, data.plan, Date.now(), thresholds);
  const labels: Record<(typeof SECTIONS)[number], string> = { details: t('accountDetails'), plan: t('plan'), history: t('planHistory'), powermap: t('powerMap'), timeline: t('timeline') };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <a href="#/" className="text-sm text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-blue-300">{t('backToPortfolio')}</a>
        <h1 className="text-2xl font-semibold" data-testid="account-title">
          {account.name}
        </h1>
        <span className="rounded bg-blue-700 px-2 py-0.5 text-xs font-semibold text-white">{t('tier')} {t(`tier_${account.tier}`)}</span>
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {t('nextReview')}: {formatDay(account.nextReviewAt, lang)}
        </span>
        <div className="ml-auto flex gap-2">
          <a href={`#/account/${encodeURIComponent(id)}/print`} className="rounded-md bg-slate-100 px-3 py-1.5 text-sm font-medium hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-500 dark:bg-slate-800 dark:hover:bg-slate-700">
            {t('onePageReview')}
          </a>
          <DeleteAccount id={id} name={account.name} />
        </div>
      </div>
      <nav aria-label={t('sectionsNav')} className="flex flex-wrap gap-1 text-sm">
        {SECTIONS.map((s) => (
          <a key={s} href={`#/account/${encodeURIComponent(id)}/${s}`} className="rounded px-2 py-0.5 text-blue-700 hover:bg-blue-50 focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-blue-300 dark:hover:bg-slate-800">
            {labels[s]}
          </a>
        ))}
      </nav>
      {/* each section in its own boundary: a stored value one of them cannot show leaves the others working */}
      {flags.length > 0 && (
        <Section name="FlagList" resetKey={data}>
          <FlagList flags={flags} accountId={id} />
        </Section>
      )}
      {!editable && (
        <p role="note" data-testid="viewer-banner" className="rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          {t('shareViewerBanner')}
        </p>
      )}
      {/* A viewer of a shared account reads it: every control of the sections is disabled. */}
      <fieldset disabled={!editable} className="m-0 min-w-0 space-y-4 border-0 p-0">
        <Section name="AccountDetails" resetKey={data}>
          <AccountDetails account={account} />
        </Section>
        <Section name="PlanEditor" resetKey={data}>
          <PlanEditor account={account} plan={data.plan} stakeholders={data.stakeholders} />
        </Section>
        <Section name="PlanHistory" resetKey={data}>
          <PlanHistory revisions={data.revisions} plan={data.plan} />
        </Section>
        <Section name="PowerMapSection" resetKey={data}>
          <PowerMapSection account={account} stakeholders={data.stakeholders} />
        </Section>
        <Section name="Timeline" resetKey={data}>
          <Timeline account={account} actions={data.actions} notes={data.notes} stakeholders={data.stakeholders} />
        </Section>
      </fieldset>
      <Section name="ShareSection" resetKey={data}>
        <ShareSection account={account} />
      </Section>
    </div>
  );
}

function DeleteAccount({ id, name }: { id: string; name: string }) {
  const { t } = useI18n();
  const write = useWrite();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button variant="danger" size="md" hidden={asking} onClick={() => setAsking(true)}>
        {t('deleteAccount')}
      </Button>
      {asking && (
    <ConfirmBox onCancel={() => setAsking(false)} aria-labelledby="del-q" className="flex items-center gap-2 rounded-md border border-red-300 bg-red-50 px-2 py-1 dark:border-red-800 dark:bg-red-950">
      <span id="del-q" className="text-sm">{t('confirmDeleteAccount', { name })}</span>
      <Button
        variant="danger"
        onClick={async () => {
          const bundle = await write((db) => deleteAccount(db, id), ALL_TABLES, {
            ok: t('accountDeleted', { name }),
            undo: (b) => async () => {
              await restoreAccountBundle(getDb(), b);
              location.hash = `#/account/${encodeURIComponent(id)}`;
            },
          });
          if (bundle) location.hash = '#/';
        }}
      >
        {t('confirm')}
      </Button>
      {/* the least destructive answer has the focus: Enter does not delete */}
      <Button autoFocus onClick={() => setAsking(false)}>{t('cancel')}</Button>
    </ConfirmBox>
      )}
    </>
  );
}
