// Account page → Share with your team (README "Team sync"; lib/sync/share.ts). Shown only while
// team sync is on. The owner invites teammates by e-mail as editor or viewer, sees who was
// invited and who accepted, revokes a member or stops sharing; a member may leave. The account
// page is read-only for a viewer (useCanEdit).
import { useEffect, useState } from 'react';
import type { Account } from '@/lib/db/model';
import { syncingDb } from '@/lib/sync/connection';
import { canEdit, isRealmOwner, leaveAccount, membersOf, revokeMember, roleOf, shareAccount, stopSharing, type ShareRole } from '@/lib/sync/share';
import { useDbQuery } from '../useDbQuery';
import { useI18n } from '../i18n';
import { Button } from '../ui';
import { useWrite, ALL_TABLES } from '../dashboard/write';
import { Card, Select, TextInput } from '../dashboard/fields';

/** Whether the user may edit `account` (always true while sync is off). */
export function useCanEdit(account: Account): boolean {
  const [ok, setOk] = useState(true);
  const db = syncingDb();
  const { realmId, owner } = account as Account & { realmId?: string; owner?: string };
  const { data: members } = useDbQuery(() => (db ? membersOf(db, account.id) : Promise.resolve([])), [account.id, !!db]);
  useEffect(() => {
    if (!db) return setOk(true);
    let live = true;
    void canEdit(db, { realmId, owner }).then((v) => live && setOk(v), () => live && setOk(true));
    return () => {
      live = false;
    };
  }, [db, realmId, owner, members]);
  return ok;
}

export function ShareSection({ account }: { account: Account }) {
  const { t } = useI18n();
  const write = useWrite();
  const db = syncingDb();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ShareRole>('editor');
  const { data: members } = useDbQuery(() => (db ? membersOf(db, account.id) : Promise.resolve([])), [account.id, !!db]);
  const { data: owner } = useDbQuery(() => (db ? isRealmOwner(db, account.id) : Promise.resolve(true)), [account.id, !!db]);
  if (!db) return null;
  const loggedIn = !!db.cloud.currentUser.value?.isLoggedIn;
  const shared = (account as Account & { realmId?: string }).realmId?.startsWith('rlm~') ?? false;
  return (
    <Card title={t('shareH')} id="sec-share">
      <p className="text-sm text-slate-700 dark:text-slate-300">{t('shareHelp')}</p>
      {!loggedIn ? (
        <p className="mt-2 text-sm">
          {t('shareLoginFirst')}{' '}
          <a href="#/settings" className="text-blue-700 underline dark:text-blue-300">
            {t('navSettings')}
          </a>
        </p>
      ) : (
        <>
          <ul className="mt-2 space-y-1 text-sm" data-testid="share-members">
            {(members ?? []).length === 0 && <li className="text-slate-600 dark:text-slate-400">{t('shareNoMembers')}</li>}
            {(members ?? []).map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-2">
                <span>{m.email ?? m.name ?? m.userId}</span>
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  {t(roleOf(m) === 'editor' ? 'role_editor' : 'role_viewer')} · {t(m.accepted ? 'shareAccepted' : 'shareInvitedStatus')}
                </span>
                {owner && (
                  <Button type="button" onClick={() => void write((d) => revokeMember(d as never, m.id), ALL_TABLES, { ok: t('shareRevoked', { email: m.email ?? '' }) })}>
                    {t('shareRemove')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
          {owner ? (
            <form
              className="mt-3 flex flex-wrap items-end gap-2"
              onSubmit={async (e) => {
                e.preventDefault();
                const done = await write((d) => shareAccount(d as never, account.id, [{ email, role }]), ALL_TABLES, { ok: t('shareInvited', { email: email.trim() }) });
                if (done) setEmail('');
              }}
            >
              <TextInput label={t('shareEmail')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
              <Select label={t('shareRole')} value={role} options={[{ value: 'editor', label: t('role_editor') }, { value: 'viewer', label: t('role_viewer') }]} onChange={setRole} />
              <Button type="submit" variant="primary" size="md">
                {t('shareInvite')}
              </Button>
              {shared && (
                <Button type="button" onClick={() => void write((d) => stopSharing(d as never, account.id), ALL_TABLES, { ok: t('shareStopped') })}>
                  {t('shareStop')}
                </Button>
              )}
            </form>
          ) : (
            <Button type="button" className="mt-3" onClick={() => void write((d) => leaveAccount(d as never, account.id), ALL_TABLES, { ok: t('shareLeft') })}>
              {t('shareLeave')}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
