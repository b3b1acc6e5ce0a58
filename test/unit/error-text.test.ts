// Refusals and repository errors reach the user in their language (lib/errors.ts ErrorReason →
// i18n `error_<reason>`; a refused field value → its label + `problem_<code>`), over the
// messaging wire too; an error without a reason keeps its English message.
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type KalDb } from '../../lib/db/db';
import { addAction, createAccount, patchAccount, patchStakeholder, upsertStakeholder } from '../../lib/db/repo';
import { ERROR_REASONS, KalError, toErrorData } from '../../lib/errors';
import { en } from '../../lib/i18n/en';
import { fr } from '../../lib/i18n/fr';
import { makeT } from '../../lib/i18n';
import { createHandlers } from '../../lib/background/handlers';
import { DEFAULT_THRESHOLDS } from '../../lib/kam/red-flags';
import { errorText } from '../../components/ui/errorText';

const NOW = Date.UTC(2026, 10, 26);
const tEn = makeT('en');
const tFr = makeT('fr');
let db: KalDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});
/** What a rejected promise throws, as the other side of the messaging wire receives it. */
const wire = (p: Promise<unknown>) => p.then(() => undefined, (e) => KalError.from(JSON.parse(JSON.stringify(toErrorData(e)))));

describe('error reasons', () => {
  it('every reason has an English and a French message', () => {
    for (const r of ERROR_REASONS) {
      const k = `error_${r}` as keyof typeof en;
      expect(en[k], r).toBeTypeOf('string');
      expect(fr[k], r).toBeTypeOf('string');
      expect(fr[k], r).not.toBe(en[k]);
    }
  });

  it('the viewer refusal, in English and French', async () => {
    db = createDb(`err-${crypto.randomUUID()}`);
    const h = createHandlers({ db, getTabContext: async () => undefined, setTabContext: async () => {}, broadcast: () => {}, sendToTab: async () => undefined, activeTabId: async () => 1, injectFile: async () => {}, openExtensionTab: async () => {}, thresholds: async () => DEFAULT_THRESHOLDS, canEditAccount: async () => false });
    const a = await createAccount(db, { name: 'Shared SA' }, NOW);
    const e = await wire(Promise.resolve(h['note.add']({ accountId: a.id, body: 'hi' } as never, {} as never)));
    expect(errorText(tEn, e)).toBe('You can view this shared account but not change it: ask its owner to make you an editor.');
    expect(errorText(tFr, e)).toBe('Vous pouvez consulter ce compte partagé mais pas le modifier : demandez à son propriétaire de vous nommer éditeur.');
  });

  it('repository errors: a missing record, an emptied field, a refused value, a taken profile', async () => {
    db = createDb(`err-${crypto.randomUUID()}`);
    const a = await createAccount(db, { name: 'Acme SAS' }, NOW);
    const gone = await wire(addAction(db, { accountId: 'no-such-account', title: 'x' }, NOW));
    expect([errorText(tEn, gone), errorText(tFr, gone)]).toEqual([
      'This account no longer exists (deleted in another tab, or by a teammate).',
      'Ce compte n’existe plus (supprimé dans un autre onglet, ou par un coéquipier).',
    ]);
    const empty = await wire(patchAccount(db, a.id, { set: { name: null } } as never, NOW));
    expect([errorText(tEn, empty), errorText(tFr, empty)]).toEqual(['Name cannot be empty.', 'Nom ne peut pas être vide.']);
    const bad = await wire(upsertStakeholder(db, { accountId: a.id, name: 'Ana', emails: ['not-an-email'] }, NOW));
    expect([errorText(tEn, bad), errorText(tFr, bad)]).toEqual(['Emails (comma separated): “not-an-email” is not an email address.', 'E-mails (séparés par des virgules) : « not-an-email » n’est pas une adresse e-mail.']);
    const key = await wire(createAccount(db, { name: 'B', domains: ['com'] }, NOW));
    expect(errorText(tFr, key)).toBe('Domaines (séparés par des virgules) : « com » n’est ni un domaine, ni un site, ni une adresse e-mail.');
    const { stakeholder: ana } = await upsertStakeholder(db, { accountId: a.id, name: 'Ana Silva', linkedinUrl: 'https://www.linkedin.com/in/ana-silva/' }, NOW);
    const { stakeholder: bo } = await upsertStakeholder(db, { accountId: a.id, name: 'Bo Berg' }, NOW);
    const taken = await wire(patchStakeholder(db, bo.id, { set: { linkedinUrl: 'https://www.linkedin.com/in/ana-silva/' } }, NOW));
    expect([errorText(tEn, taken), errorText(tFr, taken)]).toEqual(['This LinkedIn profile already belongs to Ana Silva.', 'Ce profil LinkedIn appartient déjà à Ana Silva.']);
    void ana;
  });

  it('an error without a reason, or with one this version does not know, keeps its message', () => {
    expect(errorText(tFr, new Error('boom'))).toBe('boom');
    expect(errorText(tFr, KalError.from({ code: 'internal', message: 'odd', reason: 'from_the_future' as never }))).toBe('odd');
  });
});
