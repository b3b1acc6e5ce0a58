// Settings → Team sync (README "Team sync"). Off by default. Turning it on asks the browser for
// the optional host permission of the typed service's origin ONLY (permissions.request, in the
// click), stores the config (the background then swaps to the sync connection), and logs in with
// a one-time code: dexie-cloud-addon's `userInteraction` prompts are rendered here
// (`customLoginGui`), never by the addon. Turning it off keeps every record here, stops all
// requests and gives the permission back.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { createDb, getDb, useDb } from '@/lib/db/db';
import { getSyncConfig, originPattern, setSyncConfig, syncConfigSchema, type SyncConfig } from '@/lib/sync/config';
import { cloudConnection, syncingDb } from '@/lib/sync/connection';
import { faultOf } from '@/lib/sync/status';
import { syncOnce } from '@/lib/sync/sync-once';
import { useI18n } from '../i18n';
import { errorText } from '../ui/errorText';
import { Button, ErrorText } from '../ui';
import { ConfirmBox } from '../ui/ConfirmBox';
import { Card, TextInput } from '../dashboard/fields';
import { SyncStatusLine } from './SyncStatusLine';

/** The part of dexie-cloud-addon's DXCUserInteraction we render (types/DXCUserInteraction.ts). */
interface Prompt {
  type: string;
  title: string;
  alerts: { type: string; message: string }[];
  fields: Record<string, { type: string; label?: string; placeholder?: string }>;
  submitLabel: string;
  cancelLabel: string | null;
  onSubmit: (params: Record<string, string>) => void;
  onCancel: () => void;
}

export function TeamSyncCard() {
  const { t } = useI18n();
  const [config, setConfig] = useState<SyncConfig | null>();
  const [url, setUrl] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [prompt, setPrompt] = useState<Prompt>();
  const [values, setValues] = useState<Record<string, string>>({});
  const [loggedIn, setLoggedIn] = useState(false);
  const [confirmOff, setConfirmOff] = useState(false);

  useEffect(() => {
    void getSyncConfig().then((c) => {
      setConfig(c ?? null);
      if (c) {
        setUrl(c.databaseUrl);
        setEmail(c.email ?? '');
      }
    });
  }, []);

  // Follow the sync connection's login prompts and user.
  useEffect(() => {
    const db = config ? syncingDb() : undefined;
    if (!db) return;
    const subs = [
      db.cloud.userInteraction.subscribe((ui) => {
        setPrompt(ui as Prompt | undefined);
        setValues({});
      }),
      db.cloud.currentUser.subscribe((u) => setLoggedIn(!!u?.isLoggedIn)),
    ];
    return () => subs.forEach((s) => s.unsubscribe());
  }, [config]);

  if (config === undefined) return null;

  async function logIn(c: SyncConfig) {
    const db = syncingDb();
    if (!db) return;
    setError(undefined);
    setBusy(true);
    try {
      // Reach the service first: the addon's login() starts with a sync that waits forever when
      // the very first sync fails (lib/sync/sync-once.ts).
      await syncOnce(db);
      setBusy(false);
      await db.cloud.login({ email: c.email, grant_type: 'otp' });
    } catch (e) {
      setError(t('syncFailed', { error: faultOf(e).message ?? String(e) }));
    } finally {
      setBusy(false);
    }
  }

  async function turnOn() {
    const parsed = syncConfigSchema.safeParse({ databaseUrl: url, email: email || undefined });
    if (!parsed.success) {
      // zod's messages are English: word each field's problem in the user's language.
      setError(parsed.error.issues.map((i) => (i.path[0] === 'databaseUrl' ? t('labelValue', { label: t('syncUrl'), value: t('syncUrlInvalid') }) : t('labelValue', { label: t('syncEmail'), value: t('syncEmailInvalid') }))).join(' '));
      return;
    }
    const c = parsed.data;
    // First thing in the click: browsers grant permissions only during a user gesture.
    const granted = await browser.permissions.request({ origins: [originPattern(c.databaseUrl)] }).catch(() => false);
    if (!granted) {
      setError(t('syncPermissionRefused', { origin: new URL(c.databaseUrl).origin }));
      return;
    }
    setBusy(true);
    try {
      // The plain connection has opened (and upgraded) the database before the addon ever does.
      await getDb().open();
      await setSyncConfig(c);
      const db = await cloudConnection(c);
      await db.open();
      useDb(db);
      setConfig(c);
      void logIn(c);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  }

  async function turnOff() {
    setConfirmOff(false);
    const c = config;
    // Not db.cloud.logout(): the addon's logout deletes the user's synced records from this
    // browser. Off keeps everything and the outbox; turning on again resumes.
    await setSyncConfig(undefined);
    useDb(createDb());
    if (c) await browser.permissions.remove({ origins: [originPattern(c.databaseUrl)] }).catch(() => false);
    setConfig(null);
    setPrompt(undefined);
    setError(undefined);
  }

  async function syncNow() {
    const db = syncingDb();
    if (!db) return;
    setError(undefined);
    try {
      await syncOnce(db);
    } catch (e) {
      setError(t('syncFailed', { error: faultOf(e).message ?? String(e) }));
    }
  }

  return (
    <Card title={t('teamSyncH')} id="team-sync">
      <p className="text-sm text-slate-700 dark:text-slate-300">{t('teamSyncHelp')}</p>
      <SyncStatusLine className="mt-2" />
      {!config ? (
        <div className="mt-3 grid gap-3 sm:grid-cols-2" data-testid="sync-setup">
          <TextInput label={t('syncUrl')} type="url" value={url} placeholder="https://…dexie.cloud" onChange={(e) => setUrl(e.target.value)} />
          <TextInput label={t('syncEmail')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          <p className="text-xs text-slate-600 sm:col-span-2 dark:text-slate-400">
            {t('syncUrlHelp')} {t('syncPermissionAsk')}
          </p>
          <div className="sm:col-span-2">
            <Button type="button" variant="primary" size="md" disabled={busy} onClick={() => void turnOn()}>
              {t('syncTurnOn')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="mt-3 space-y-2 text-sm">
          <p className="break-all text-xs text-slate-600 dark:text-slate-400">
            {config.databaseUrl}
            {config.email ? ` · ${config.email}` : ''}
          </p>
          {prompt && (
            <form
              className="space-y-2 rounded border border-slate-300 p-2 dark:border-slate-600"
              data-testid="sync-prompt"
              onSubmit={(e) => {
                e.preventDefault();
                prompt.onSubmit(values);
              }}
            >
              <p className="font-medium">{prompt.title}</p>
              {prompt.alerts.map((a, i) => (
                <p key={i} className={a.type === 'error' ? 'text-red-700 dark:text-red-300' : ''}>
                  {a.message}
                </p>
              ))}
              {Object.entries(prompt.fields ?? {}).map(([name, f]) => (
                <TextInput
                  key={name}
                  label={name === 'otp' ? t('syncCode') : name === 'email' ? t('syncEmail') : (f.label ?? name)}
                  type={f.type === 'email' ? 'email' : 'text'}
                  autoComplete={name === 'otp' ? 'one-time-code' : undefined}
                  placeholder={f.placeholder}
                  value={values[name] ?? ''}
                  onChange={(e) => setValues({ ...values, [name]: e.target.value })}
                />
              ))}
              <div className="flex gap-2">
                <Button type="submit" variant="primary">
                  {prompt.submitLabel}
                </Button>
                {prompt.cancelLabel && (
                  <Button type="button" onClick={() => prompt.onCancel()}>
                    {prompt.cancelLabel}
                  </Button>
                )}
              </div>
            </form>
          )}
          <div className="flex flex-wrap gap-2">
            {!loggedIn && !prompt && (
              <Button type="button" variant="primary" disabled={busy} onClick={() => void logIn(config)}>
                {t('syncLogIn')}
              </Button>
            )}
            <Button type="button" onClick={() => void syncNow()}>
              {t('syncNow')}
            </Button>
            <Button type="button" hidden={confirmOff} onClick={() => setConfirmOff(true)}>
              {t('syncTurnOff')}
            </Button>
          </div>
          {confirmOff && (
            <ConfirmBox onCancel={() => setConfirmOff(false)} aria-label={t('syncTurnOff')} className="rounded border border-amber-400 bg-amber-50 p-2 dark:bg-amber-950">
              <p>{t('syncTurnOffConfirm', { origin: new URL(config.databaseUrl).origin })}</p>
              <div className="mt-2 flex gap-2">
                <Button type="button" variant="primary" onClick={() => void turnOff()}>
                  {t('syncTurnOff').replace('…', '')}
                </Button>
                <Button type="button" onClick={() => setConfirmOff(false)} autoFocus>
                  {t('cancel')}
                </Button>
              </div>
            </ConfirmBox>
          )}
        </div>
      )}
      {error && <ErrorText>{error}</ErrorText>}
    </Card>
  );
}
