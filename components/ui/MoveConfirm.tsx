// "Did they change company?" — an add that finds the person in ANOTHER account's power map
// (same LinkedIn profile or Sales Navigator lead) is refused by the repository with
// `person_in_other_account` (lib/db/repo.ts UpsertOptions.moveFrom); both add forms (dashboard
// and sidebar) ask here before moving them, naming the account they are in now.
import { KalError } from '@/lib/errors';
import { ConfirmBox } from './ConfirmBox';
import { useI18n } from '../i18n';
import { Button } from './index';

export interface PersonElsewhere {
  name: string;
  /** the account the person is in now: its name and id (the id goes back as `moveFrom`) */
  account: string;
  accountId: string;
  /** the account the user is adding them to */
  target: string;
}

/** The refusal's details when `e` says the person is in another account's power map, else undefined. */
export function personElsewhereOf(e: unknown): PersonElsewhere | undefined {
  if (!(e instanceof KalError) || e.reason !== 'person_in_other_account' || !e.vars) return undefined;
  const { name, account, accountId, target } = e.vars;
  return { name: String(name), account: String(account), accountId: String(accountId), target: String(target) };
}

/** The question, with Move and Cancel (components/ui/ConfirmBox.tsx: focus, Escape, focus back). */
export function MoveConfirm({ who, busy, onMove, onCancel }: { who: PersonElsewhere; busy?: boolean; onMove(): void; onCancel(): void }) {
  const { t } = useI18n();
  return (
    <ConfirmBox
      onCancel={onCancel}
      aria-labelledby="kal-move-ask"
      aria-describedby="kal-move-what"
      data-testid="move-confirm"
      className="space-y-1 rounded border border-amber-400 bg-amber-50 p-2 text-xs text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <p id="kal-move-ask" className="font-semibold">
        {t('moveAsk', { name: who.name, account: who.account, target: who.target })}
      </p>
      <p id="kal-move-what">{t('moveWhat', { account: who.account })}</p>
      <div className="flex gap-2">
        <Button variant="primary" disabled={busy} onClick={onMove} data-testid="move-confirm-yes">
          {t('moveConfirm', { target: who.target })}
        </Button>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </div>
    </ConfirmBox>
  );
}
