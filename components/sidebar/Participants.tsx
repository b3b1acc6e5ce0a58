import { useState } from 'react';
import type { MessageKey } from '@/lib/i18n';
import type { SidebarView } from '@/lib/messaging/protocol';
import { useI18n } from '../i18n';
import { Button, STANCE_STYLE, Section, cx } from '../ui';
import { AddStakeholder, SavedNotice } from './PersonCard';
import { VIEWER_BANNER_ID, useCanEditAccount } from './ReadOnly';

export function Participants({ view }: { view: SidebarView }) {
  const { t } = useI18n();
  const canEdit = useCanEditAccount();
  const [adding, setAdding] = useState<string | null>(null);
  // what the last add did (its form closes): "Already in the power map — updated email"
  const [notice, setNotice] = useState<string | null>(null);
  const ctx = view.ctx!;
  if (!view.participants.length) return null;
  return (
    <Section title={t('participants')} id="kal-participants">
      {notice && (
        <div className="-mx-3">
          <SavedNotice text={notice} />
        </div>
      )}
      <ul className="space-y-1" data-testid="participants">
        {view.participants.map((p) => {
          const key = p.email ?? p.name ?? '';
          const s = p.stakeholder;
          return (
            <li key={key} className="text-xs">
              <div className="flex items-center justify-between gap-1">
                <span className="min-w-0 truncate">
                  <span className={cx(s && 'font-semibold')}>{p.name ?? p.email}</span>
                  {p.name && p.email && <span className="ml-1 text-slate-500 dark:text-slate-400">{p.email}</span>}
                </span>
                {s ? (
                  <span className={cx('shrink-0 rounded px-1.5 py-0.5', STANCE_STYLE[s.stance])}>
                    {t(`role_${s.role}` as MessageKey)} · {t(`stance_${s.stance}` as MessageKey)}
                  </span>
                ) : (
                  <Button aria-label={t('addParticipant', { name: p.name ?? p.email ?? '' })} aria-expanded={adding === key} disabled={!canEdit} aria-describedby={canEdit ? undefined : VIEWER_BANNER_ID} onClick={() => setAdding(adding === key ? null : key)}>
                    + {t('add')}
                  </Button>
                )}
              </div>
              {adding === key && !s && view.account && canEdit && (
                <div className="mt-1 -mx-3">
                  <AddStakeholder ctx={ctx} account={view.account.account} tabId={view.tabId} prefill={{ name: p.name ?? p.email?.split('@')[0], email: p.email }} onDone={(_, text) => {
                      setAdding(null);
                      setNotice(text);
                    }} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
