import { useState } from 'react';
import { wipeAllData } from '@/lib/db/repo';
import { dataScopeOf } from '@/lib/sync/scope';
import { useI18n } from '../../i18n';
import { Button } from '../../ui';
import { ConfirmBox } from '../../ui/ConfirmBox';
import { useWrite, ALL_TABLES } from '../write';
import { Card, TextInput } from '../fields';

export function WipeSection() {
  const { t } = useI18n();
  const write = useWrite();
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  const word = t('wipeWord');
  return (
    <Card title={t('wipeH')} id="wipe">
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">{t('wipeHelp')}</p>
      <Button variant="danger" size="md" hidden={asking} onClick={() => setAsking(true)}>
        {t('wipeAll')}
      </Button>
      {asking && (
        <ConfirmBox onCancel={() => (setAsking(false), setTyped(''))} aria-label={t('wipeAll')}>
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={async (e) => {
            e.preventDefault();
            if (typed.trim() !== word) return;
            // Team sync on: the user's own records only; a shared account stays (lib/db/scope.ts).
            const ok = await write((db) => wipeAllData(db, dataScopeOf(db)).then((kept) => ({ kept })), ALL_TABLES, { ok: (r) => (r.kept ? t('wipeDoneKept', { n: r.kept }) : t('wipeDone')) });
            if (ok) {
              setAsking(false);
              setTyped('');
            }
          }}
        >
          <TextInput label={t('wipeConfirmLabel', { word })} value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus autoComplete="off" />
          <Button type="submit" variant="danger" size="md" disabled={typed.trim() !== word}>
            {t('wipeNow')}
          </Button>
          <Button size="md" onClick={() => (setAsking(false), setTyped(''))}>
            {t('cancel')}
          </Button>
        </form>
        </ConfirmBox>
      )}
    </Card>
  );
}
