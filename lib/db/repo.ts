// Repository functions: the only code that writes records. Each validates its whole input first,
// then writes in one transaction, so a bad record leaves the database untouched.
// Edits are field-level patches against the revision a form loaded (`patch*`, lib/db/patch.ts):
// fields changed by nobody else are written, fields someone else changed meanwhile merge or are
// refused with a `conflict` error carrying both values — never a silent overwrite. Every write
// bumps the record's `rev` and stamps `revs.<field>` (Dexie key paths: property-level updates).
import Dexie from 'dexie';
import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { KalError, fromZod } from '../errors';
import { nameKey, personKey } from '../keys/names';
import { canonicalAccountKeys, canonicalStakeholderKeys, type KeyProblem } from '../keys/records';
import type { KalDb } from './db';
import { admitOrThrow, problemOfIssue } from './admit';
import type { ConflictData, FieldConflict, RecordPatch } from '../types';
import { mergePatch, same, type MergePolicy } from './patch';
import { planIdOf, stakeholderIdOf } from './ids';
import { deleteOwn, ALL_DATA, type DataScope } from './scope';
import {
  accountSchema,
  actionSchema,
  noteSchema,
  planSchema,
  stakeholderSchema,
  type Account,
  type Action,
  type Link,
  type Note,
  type Plan,
  type PlanRevision,
  type Stakeholder,
  RECORD_SCHEMAS,
  planFieldsSchema,
} from './model';

export const newId = (): string => crypto.randomUUID();

/**
 * Creates are idempotent when the caller names the record: a form generates its id once per draft
 * (newId()), so a double click, a retried message or a second tab sending the same draft writes
 * one record. Ids are 8–64 characters of [A-Za-z0-9_-] (a UUID fits).
 */
export interface CreateOptions {
  id?: string;
}
function clientId(opts: CreateOptions | undefined): string {
  const id = opts?.id;
  if (id === undefined) return newId();
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(id)) throw new KalError('validation', 'id must be 8–64 letters, digits, "-" or "_"', 'id').because('bad_id');
  return id;
}
/** `found`: the record already written under this client id — refused if it is another account's. */
function sameDraft<T extends { id: string; accountId: string }>(found: T | undefined, accountId: string): T | undefined {
  if (found && found.accountId !== accountId) throw new KalError('validation', `id ${found.id} is already used by another record`, 'id').because('id_taken', { id: found.id });
  return found;
}

const SERVER_FIELDS = { id: true, createdAt: true, updatedAt: true, nameKey: true, rev: true, revs: true } as const;

/**
 * Every field optional and NO defaults. Zod 4's `.partial()` still applies `.default()`, so a
 * patch of one field came back with every defaulted field reset (tier, role, status, notes, plan
 * texts…) and wiped them on write.
 */
type PatchShape<T extends z.ZodRawShape> = { [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer I> ? I : T[K]> };
function patchOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>): z.ZodObject<PatchShape<T>> {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([k, f]) => [k, (f instanceof z.ZodDefault ? (f.unwrap() as z.ZodType) : (f as z.ZodType)).optional()]),
  );
  return z.object(shape) as unknown as z.ZodObject<PatchShape<T>>;
}

export const accountInput = lazySchema(() => accountSchema.omit(SERVER_FIELDS));
export const accountPatch = lazySchema(() => patchOf(accountSchema.omit(SERVER_FIELDS)));
export const stakeholderInput = lazySchema(() => stakeholderSchema.omit(SERVER_FIELDS));
export const stakeholderPatch = lazySchema(() => patchOf(stakeholderSchema.omit({ ...SERVER_FIELDS, accountId: true })));
/** upsert input: accountId and name required, nothing defaulted (an update must not reset role, notes…) */
const stakeholderUpsert = lazySchema(() => patchOf(stakeholderInput).extend({ accountId: stakeholderSchema.shape.accountId, name: stakeholderSchema.shape.name }));
const REV_FIELDS = { rev: true, revs: true } as const;
export const actionInput = lazySchema(() => actionSchema.omit({ id: true, createdAt: true, updatedAt: true, ...REV_FIELDS }));
export const actionPatch = lazySchema(() => patchOf(actionSchema.omit({ id: true, createdAt: true, updatedAt: true, accountId: true, ...REV_FIELDS })));
export const noteInput = lazySchema(() => noteSchema.omit({ id: true, createdAt: true, updatedAt: true, ...REV_FIELDS }));
export const planPatch = planFieldsSchema;

export type AccountInput = z.input<typeof accountInput>;
export type StakeholderInput = z.input<typeof stakeholderInput>;
export type ActionInput = z.input<typeof actionInput>;
export type NoteInput = z.input<typeof noteInput>;
export type PlanPatch = z.input<typeof planPatch>;

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw fromZod(r.error, what, problemOfIssue);
  return r.data;
}

/**
 * Key fields (domains, website, LinkedIn URLs) in the canonical form detection and matching use
 * (lib/keys/records.ts), BEFORE validation: a pasted URL or address in "domains" is accepted.
 * A value that gives no key is a validation error naming the field.
 */
function canonicalAccountFields<T extends { linkedinUrls?: string[]; domains?: string[]; website?: string }>(a: T, currentDomains?: string[]): T {
  if (!a || typeof a !== 'object') return a;
  const { value, problems } = canonicalAccountKeys(a, currentDomains);
  throwProblem('Account', problems);
  return value;
}
function canonicalStakeholderFields<T extends { linkedinUrl?: string; emails?: string[] }>(s: T): T {
  if (!s || typeof s !== 'object') return s;
  const { value, problems } = canonicalStakeholderKeys(s);
  throwProblem('Stakeholder', problems);
  return value;
}
function throwProblem(what: string, problems: KeyProblem[]): void {
  const p = problems[0];
  if (p) throw new KalError('validation', `${what}: ${p.field}: ${p.message}`, p.field).because('invalid', undefined, { code: p.code, vars: { value: p.value } });
}
function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/**
 * A record created under an account goes into that account's sync realm (README "Team sync"):
 * a shared account's new stakeholder, action, note or plan revision is shared with it. Without
 * sync the account has no realm and the record is unchanged. (Dexie Cloud puts a record without
 * `realmId` into the writer's private realm.)
 */
export function inRealmOf<T extends object>(record: T, account: object): T {
  const realmId = (account as { realmId?: unknown }).realmId;
  return typeof realmId === 'string' ? { ...record, realmId } : record;
}

async function mustExist(db: KalDb, accountId: string): Promise<Account> {
  const a = await db.accounts.get(accountId);
  if (!a) throw new KalError('not_found', `Account ${accountId} does not exist`, 'accountId').because('account_missing');
  return a;
}

// ---------- field-level patches (issue 12: no lost edits) ----------

type Revised = { id: string; rev?: number; revs?: Record<string, number> };

/** The error a refused patch throws: code `conflict`, the record's revision now and every conflicting field. */
export function conflictError(what: string, rev: number, fields: FieldConflict[]): KalError {
  const data: ConflictData = { rev, fields };
  return new KalError('conflict', `${what}: changed elsewhere since you opened it (${fields.map((f) => f.field).join(', ')}): review`, fields[0]?.field, data).because('changed_elsewhere');
}

/**
 * Splits a patch's `set` into values (undefined dropped: "not in the patch") and fields to clear
 * (`null`), refusing to clear a field that is not optional.
 */
function splitClears(set: Record<string, unknown> | undefined, clearable: readonly string[], what: string): { values: Record<string, unknown>; cleared: string[] } {
  if (!set || typeof set !== 'object' || Array.isArray(set)) throw new KalError('validation', `${what}: nothing to save`).because('nothing_to_save');
  const values: Record<string, unknown> = {};
  const cleared: string[] = [];
  for (const [k, v] of Object.entries(set)) {
    if (v === undefined) continue;
    if (v !== null) values[k] = v;
    else if (clearable.includes(k)) cleared.push(k);
    else throw new KalError('validation', `${what}: ${k} cannot be empty`, k).because('empty_field');
  }
  return { values, cleared };
}

/**
 * Runs the three-way merge of `p` on `current` (values already validated and canonical in
 * `set`); throws the conflict error when a field was changed elsewhere to another value.
 * Returns the changes to write (undefined = clear) and the next revision's stamps.
 */
function merged<T extends Revised>(current: T, set: Record<string, unknown>, p: RecordPatch, what: string, policies?: Record<string, MergePolicy>): { changes: Record<string, unknown>; changed: string[] } {
  const out = mergePatch(current as unknown as Record<string, unknown>, { set, base: p.base, baseRev: p.baseRev }, { revs: current.revs, policies });
  if (out.conflicts.length) throw conflictError(what, current.rev ?? 0, out.conflicts);
  return out;
}

/**
 * The record after `changes` at the next revision, and the Dexie update that writes it: changed
 * fields, `rev`, one `revs.<field>` key path per changed field and `updatedAt`.
 */
function revised<T extends Revised>(current: T, changes: Record<string, unknown>, changed: string[], now: number): { next: T; update: Record<string, unknown> } {
  const rev = (current.rev ?? 0) + 1;
  const stamps = Object.fromEntries(changed.map((f) => [f, rev]));
  const next = { ...current, ...changes, rev, revs: { ...current.revs, ...stamps }, updatedAt: now } as T;
  for (const [k, v] of Object.entries(changes)) if (v === undefined) delete (next as Record<string, unknown>)[k];
  const update: Record<string, unknown> = { ...changes, rev, updatedAt: now };
  for (const f of changed) update[`revs.${f}`] = rev;
  return { next, update };
}

/** `changes` plus the next revision and its stamps for the fields whose value changes (unchanged when none does). */
function withRevision<T extends Revised>(current: T, changes: Partial<T>): Partial<T> {
  const changed = Object.keys(changes).filter((k) => k !== 'updatedAt' && !same((changes as Record<string, unknown>)[k], (current as Record<string, unknown>)[k]));
  if (!changed.length) return changes;
  const rev = (current.rev ?? 0) + 1;
  return { ...changes, rev, revs: { ...current.revs, ...Object.fromEntries(changed.map((f) => [f, rev])) } };
}

/** A blind patch (no base: the caller sets these values whatever is stored), undefined values dropped. */
const blind = (patch: object | undefined): RecordPatch => ({ set: Object.fromEntries(Object.entries(patch ?? {}).filter(([, v]) => v !== undefined)) });

/**
 * A stakeholder reference (an action's or a note's person, a manager) names a person of the same
 * account — the rule a restore checks inside its file (lib/io/backup.ts checkBackupReferences).
 */
async function mustBePersonOf(db: KalDb, accountId: string, id: unknown, what: string, field: string): Promise<void> {
  if (typeof id !== 'string') return;
  const s = await db.stakeholders.get(id);
  if (!s) throw new KalError('validation', `${what}: ${field} refers to a stakeholder that does not exist ("${id}")`, field).because('stakeholder_missing');
  if (s.accountId !== accountId) throw new KalError('validation', `${what}: ${field} refers to stakeholder "${id}" of another account`, field).because('stakeholder_other_account', { name: s.name });
}

// ---------- accounts ----------

export async function createAccount(db: KalDb, input: AccountInput, now = Date.now(), opts?: CreateOptions): Promise<Account> {
  const data = parse(accountInput, canonicalAccountFields(input), 'Account');
  const record = admitOrThrow('accounts', { ...data, id: clientId(opts), nameKey: nameKey(data.name), createdAt: now, updatedAt: now }, 'Account');
  if (!opts?.id) {
    await db.accounts.add(record);
    return record;
  }
  return db.transaction('rw', db.accounts, async () => {
    const found = await db.accounts.get(record.id);
    if (found) return found; // the same draft sent twice
    await db.accounts.add(record);
    return record;
  });
}

/** Blind field update (no base: the caller's values win); see patchAccount for form edits. */
export async function updateAccount(db: KalDb, id: string, patch: z.input<typeof accountPatch>, now = Date.now()): Promise<Account> {
  return patchAccount(db, id, blind(patch), now);
}

/**
 * Field-level edit of an account (lib/types.ts RecordPatch): only the fields the user changed,
 * with the values and revision the form loaded. Key fields are canonicalised first (a pasted URL
 * in domains is accepted); a website alone adds its domain to the stored domains. Throws
 * KalError `validation` (field named), `not_found`, or `conflict` (fields changed elsewhere, with
 * both values; nothing written).
 */
export async function patchAccount(db: KalDb, id: string, p: RecordPatch, now = Date.now()): Promise<Account> {
  const { values, cleared } = splitClears(p?.set, CLEARABLE_ACCOUNT_FIELDS, 'Account');
  // Website only: its domain key joins the domains as stored then (read in the transaction).
  const websiteOnly = values.website !== undefined && values.domains === undefined;
  const data = parse(accountPatch, canonicalAccountFields(values), 'Account') as Record<string, unknown>;
  const websiteDomains = websiteOnly ? ((data.domains as string[] | undefined) ?? []) : [];
  if (websiteOnly) delete data.domains;
  const set = { ...stripUndefined(data), ...Object.fromEntries(cleared.map((k) => [k, null])) };
  return db.transaction('rw', db.accounts, async () => {
    const current = await mustExist(db, id);
    const { changes, changed } = merged(current, set, p, 'Account');
    if (websiteDomains.length) {
      const domains = uniq([...((changes.domains as string[] | undefined) ?? current.domains), ...websiteDomains]);
      if (!same(domains, current.domains)) (changes.domains = domains), changed.includes('domains') || changed.push('domains');
    }
    if (!changed.length) return current;
    if (typeof changes.name === 'string') changes.nameKey = nameKey(changes.name);
    const { next, update } = revised(current, changes, changed, now);
    admitOrThrow('accounts', next, 'Account');
    await db.accounts.update(id, update as never);
    return next;
  });
}

export interface AccountBundle {
  account: Account;
  plan?: Plan;
  planRevisions: PlanRevision[];
  stakeholders: Stakeholder[];
  actions: Action[];
  notes: Note[];
  links: Link[];
}

/** Deletes an account and everything attached; returns it all so the UI can offer undo. */
export async function deleteAccount(db: KalDb, id: string): Promise<AccountBundle> {
  return db.transaction('rw', [db.accounts, db.plans, db.planRevisions, db.stakeholders, db.actions, db.notes, db.links], async () => {
    const account = await mustExist(db, id);
    const bundle: AccountBundle = {
      account,
      plan: await db.plans.where('accountId').equals(id).first(),
      planRevisions: await db.planRevisions.where('accountId').equals(id).toArray(),
      stakeholders: await db.stakeholders.where('accountId').equals(id).toArray(),
      actions: await db.actions.where('accountId').equals(id).toArray(),
      notes: await db.notes.where('accountId').equals(id).toArray(),
      links: await db.links.where('accountId').equals(id).toArray(),
    };
    await Promise.all([
      db.accounts.delete(id),
      db.plans.where('accountId').equals(id).delete(),
      db.planRevisions.where('accountId').equals(id).delete(),
      db.stakeholders.where('accountId').equals(id).delete(),
      db.actions.where('accountId').equals(id).delete(),
      db.notes.where('accountId').equals(id).delete(),
      db.links.where('accountId').equals(id).delete(),
    ]);
    return bundle;
  });
}

/** Undo of deleteAccount. */
export async function restoreAccountBundle(db: KalDb, b: AccountBundle): Promise<void> {
  await db.transaction('rw', [db.accounts, db.plans, db.planRevisions, db.stakeholders, db.actions, db.notes, db.links], async () => {
    await db.accounts.put(b.account);
    if (b.plan) await db.plans.put(b.plan);
    await db.planRevisions.bulkPut(b.planRevisions);
    await db.stakeholders.bulkPut(b.stakeholders);
    await db.actions.bulkPut(b.actions);
    await db.notes.bulkPut(b.notes);
    await db.links.bulkPut(b.links);
  });
}

// ---------- stakeholders ----------

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export interface UpsertResult {
  stakeholder: Stakeholder;
  created: boolean;
  /** an existing person (`created: false`): the fields this save changed */
  updated?: string[];
  /**
   * an existing person saved with `opts.shown`: the fields whose stored value differs from what
   * the page or form showed and was kept (set by the user or a teammate, not by this form)
   */
  kept?: string[];
  /** the person was moved (confirmed with `opts.moveFrom`) out of this account */
  movedFrom?: string;
}

/** Fields an "add" joins to an existing person rather than merging: keys (filled when empty) and the account. */
const PERSON_KEY_FIELDS = new Set(['accountId', 'linkedinUrl', 'salesNavLeadId', 'emails']);

export interface UpsertOptions {
  /**
   * What the adding form showed for each field it sends, before the user touched it (the page's
   * name, title and location, the role/influence/stance defaults). With it, an add that finds the
   * person already saved is a three-way merge against the stored record (lib/db/patch.ts): a value
   * the user did not change in the form never replaces a non-empty stored value (it fills an empty
   * one), a value the user changed replaces a stored value equal to what was shown or empty, and
   * one stored differently (set in the dashboard, by a teammate) is a `conflict` holding both —
   * nothing is written. Without it (imports, tests): every given field is set (blind).
   */
  shown?: Record<string, unknown>;
  /**
   * The account the user confirmed moving the person out of. A person works for one account at a
   * time, so an add that finds them (by profile or lead) in ANOTHER account moves them — but only
   * with this set to that account's id; otherwise it throws `validation` / `person_in_other_account`
   * naming the person and the account they are in now, and writes nothing (the user is asked:
   * changed company, or a mistake?).
   */
  moveFrom?: string;
}

/**
 * Adds a stakeholder, or updates the existing one: the same person is found by canonical
 * LinkedIn URL first (anywhere: a person works for one account at a time), then by name within
 * the account. Saving a profile twice never creates a duplicate. An existing person keeps their
 * stored LinkedIn URL (filled when empty), takes the page's lead id, and gains the given emails (a set union);
 * other fields follow `opts.shown` (see UpsertOptions). Throws `validation`, `not_found`,
 * `conflict` (with `opts.shown`: fields the user changed in the form that were set to another
 * value elsewhere).
 */
export async function upsertStakeholder(db: KalDb, input: StakeholderInput, now = Date.now(), opts: UpsertOptions = {}): Promise<UpsertResult> {
  const raw = parse(stakeholderUpsert, canonicalStakeholderFields(input), 'Stakeholder');
  const linkedinUrl = raw.linkedinUrl; // canonical (lib/keys/records.ts)
  const key = personKey(raw.name);
  // A profile's new record gets the id every teammate's client derives (lib/db/ids.ts).
  // Dexie.waitFor: callers may already be inside a transaction (background stakeholder.save),
  // which would commit while WebCrypto works.
  const derivedId = linkedinUrl ? await Dexie.waitFor(stakeholderIdOf(raw.accountId, linkedinUrl)) : undefined;
  return db.transaction('rw', [db.accounts, db.stakeholders, db.actions, db.notes], async () => {
    const account = await mustExist(db, raw.accountId);
    // No unique index on linkedinUrl (sync): after a merge a profile may be on two records;
    // the one on this account wins, then the derived id, then the oldest.
    let existing = linkedinUrl ? pickSamePerson(await db.stakeholders.where('linkedinUrl').equals(linkedinUrl).toArray(), raw.accountId, derivedId) : undefined;
    // A Sales Navigator lead saved before (its page has no /in/ URL unless it links one): the same
    // person, unless both carry different public profiles.
    if (!existing && raw.salesNavLeadId)
      existing = await db.stakeholders
        .where('salesNavLeadId')
        .equals(raw.salesNavLeadId)
        .filter((s) => !linkedinUrl || !s.linkedinUrl || s.linkedinUrl === linkedinUrl)
        .first();
    // Same name, different LinkedIn profile: a namesake, not the same person.
    existing ??= await db.stakeholders
      .where('[accountId+nameKey]')
      .equals([raw.accountId, key])
      .filter((s) => !linkedinUrl || !s.linkedinUrl || s.linkedinUrl === linkedinUrl)
      .first();
    const moving = existing && existing.accountId !== raw.accountId;
    if (existing && moving && opts.moveFrom !== existing.accountId) {
      const from = await db.accounts.get(existing.accountId);
      const where = from?.name ?? existing.accountId;
      throw new KalError('validation', `Stakeholder: ${existing.name} is in the power map of ${where}; confirm the move to ${account.name}`, 'accountId').because('person_in_other_account', {
        name: existing.name,
        account: where,
        accountId: existing.accountId,
        target: account.name,
      });
    }
    if (existing) {
      const keys = stripUndefined({
        accountId: raw.accountId,
        linkedinUrl: existing.linkedinUrl ?? linkedinUrl,
        salesNavLeadId: raw.salesNavLeadId ?? existing.salesNavLeadId, // the page's lead id: the next visit finds them
        emails: uniq([...existing.emails, ...(raw.emails ?? [])]),
      }) as Record<string, unknown>;
      const given = Object.fromEntries(Object.entries(stripUndefined(raw)).filter(([k]) => !PERSON_KEY_FIELDS.has(k)));
      let fields: Record<string, unknown> = given;
      const kept: string[] = [];
      if (opts.shown) {
        // Three-way: base = what the form showed, except that an empty stored field is filled.
        const current = existing as unknown as Record<string, unknown>;
        const base = Object.fromEntries(Object.keys(given).map((k) => [k, same(current[k], undefined) || same(current[k], '') ? undefined : opts.shown![k]]));
        const out = mergePatch(current, { set: given, base }, { revs: existing.revs, policies: { lastContactAt: 'max' } });
        if (out.conflicts.length) throw conflictError('Stakeholder', existing.rev ?? 0, out.conflicts);
        fields = out.changes;
        for (const k of Object.keys(given)) if (!(k in fields) && !same(given[k], current[k])) kept.push(k);
      }
      const changes = { ...keys, ...fields } as Record<string, unknown>;
      const changed = Object.keys(changes).filter((k) => !same(changes[k], existing[k as keyof Stakeholder]));
      if (!changed.length) return { stakeholder: existing, created: false, updated: [], kept };
      if (changed.includes('name')) {
        changes.nameKey = personKey(changes.name as string);
        if (changes.nameKey !== existing.nameKey) changed.push('nameKey');
      }
      if (moving) {
        // Their manager and reports were people of the old account; its actions and notes stay
        // there, unlinked from them (a link across accounts is refused everywhere, restore too).
        if (existing.reportsTo && !('reportsTo' in changes)) {
          changes.reportsTo = undefined;
          changed.push('reportsTo');
        }
      }
      await mustBePersonOf(db, raw.accountId, changes.reportsTo as string | undefined, 'Stakeholder', 'reportsTo');
      const { next, update } = revised(existing, Object.fromEntries(changed.map((k) => [k, changes[k]])), changed, now);
      admitOrThrow('stakeholders', next, 'Stakeholder');
      // Team sync: the person goes into the new account's realm (shared with it, or private).
      if (moving) Object.assign(update, inRealmOf({}, account));
      await db.stakeholders.update(existing.id, update as never);
      if (moving) await unlinkStakeholder(db, existing.id);
      return { stakeholder: next, created: false, updated: changed.filter((k) => k !== 'nameKey'), kept, ...(moving ? { movedFrom: existing.accountId } : {}) };
    }
    const record = admitOrThrow('stakeholders', { ...raw, linkedinUrl, id: derivedId ?? newId(), nameKey: key, createdAt: now, updatedAt: now }, 'Stakeholder');
    await db.stakeholders.add(inRealmOf(record, account));
    return { stakeholder: record, created: true };
  });
}

/** The record to update among those holding one LinkedIn profile: this account's, the derived id, then the oldest. */
function pickSamePerson(found: Stakeholder[], accountId: string, derivedId: string | undefined): Stakeholder | undefined {
  if (found.length <= 1) return found[0];
  return (
    found.find((s) => s.accountId === accountId && s.id === derivedId) ??
    found.find((s) => s.accountId === accountId) ??
    [...found].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))[0]
  );
}

/** Blind field update (no base); see patchStakeholder for form edits. */
export async function updateStakeholder(db: KalDb, id: string, patch: z.input<typeof stakeholderPatch>, now = Date.now()): Promise<Stakeholder> {
  return patchStakeholder(db, id, blind(patch), now);
}

/**
 * Field-level edit of a stakeholder (see patchAccount). `lastContactAt` changed on both sides
 * keeps the later contact (never a conflict). Throws `validation` (also: reporting to themself,
 * a LinkedIn profile another stakeholder has), `not_found`, `conflict`.
 */
export async function patchStakeholder(db: KalDb, id: string, p: RecordPatch, now = Date.now()): Promise<Stakeholder> {
  const { values, cleared } = splitClears(p?.set, CLEARABLE_STAKEHOLDER_FIELDS, 'Stakeholder');
  const data = parse(stakeholderPatch, canonicalStakeholderFields(values), 'Stakeholder');
  if (data.reportsTo === id) throw new KalError('validation', 'Stakeholder: reportsTo cannot be the person themself', 'reportsTo').because('reports_to_self');
  const set = { ...stripUndefined(data), ...Object.fromEntries(cleared.map((k) => [k, null])) };
  return db.transaction('rw', db.stakeholders, db.accounts, async () => {
    const current = await db.stakeholders.get(id);
    if (!current) throw new KalError('not_found', `Stakeholder ${id} does not exist`, 'id').because('record_missing');
    const { changes, changed } = merged(current, set, p, 'Stakeholder', { lastContactAt: 'max' });
    if (!changed.length) return current;
    await mustBePersonOf(db, current.accountId, changes.reportsTo, 'Stakeholder', 'reportsTo');
    const url = changes.linkedinUrl as string | undefined;
    if (url) {
      const owner = await db.stakeholders.where('linkedinUrl').equals(url).first();
      if (owner && owner.id !== id) {
        // say where they are: in this power map or another account's (a person is in one account)
        const where = owner.accountId === current.accountId ? undefined : (await db.accounts.get(owner.accountId))?.name;
        throw new KalError('validation', `Stakeholder: linkedinUrl already belongs to ${owner.name}${where ? ` (${where})` : ''}`, 'linkedinUrl').because(where ? 'linkedin_taken_elsewhere' : 'linkedin_taken', where ? { name: owner.name, account: where } : { name: owner.name });
      }
    }
    if (typeof changes.name === 'string') changes.nameKey = personKey(changes.name);
    const { next, update } = revised(current, changes, changed, now);
    admitOrThrow('stakeholders', next, 'Stakeholder');
    await db.stakeholders.update(id, update as never);
    return next;
  });
}

export async function deleteStakeholder(db: KalDb, id: string): Promise<Stakeholder | undefined> {
  return (await removeStakeholder(db, id))?.stakeholder;
}

/**
 * A deleted stakeholder and the records that pointed to them (their reports, actions, notes), each
 * with the revision of that link field then: what Undo puts back.
 */
export interface RemovedStakeholder {
  stakeholder: Stakeholder;
  reports: LinkAt[];
  actions: LinkAt[];
  notes: LinkAt[];
}
/** A record id and the revision stamp of its link field (`revs.reportsTo` / `revs.stakeholderId`) when it was unlinked. */
export interface LinkAt {
  id: string;
  rev?: number;
}

/** Deletes a stakeholder (see deleteStakeholder) and says which records were unlinked from them, for `undoRemoveStakeholder`. */
export async function removeStakeholder(db: KalDb, id: string): Promise<RemovedStakeholder | undefined> {
  return db.transaction('rw', db.stakeholders, db.actions, db.notes, async () => {
    const s = await db.stakeholders.get(id);
    if (!s) return undefined;
    const at = (field: string) => (x: { id: string; revs?: Record<string, number> }): LinkAt => ({ id: x.id, rev: x.revs?.[field] });
    const [reports, actions, notes] = await Promise.all([
      db.stakeholders.where('reportsTo').equals(id).toArray().then((xs) => xs.map(at('reportsTo'))),
      db.actions.where('stakeholderId').equals(id).toArray().then((xs) => xs.map(at('stakeholderId'))),
      db.notes.where('stakeholderId').equals(id).toArray().then((xs) => xs.map(at('stakeholderId'))),
    ]);
    await db.stakeholders.delete(id);
    await unlinkStakeholder(db, id);
    return { stakeholder: s, reports, actions, notes };
  });
}

/**
 * Clears every link to stakeholder `id` (deleted, or moved to another account): people who
 * reported to them now report to nobody; their actions and notes stay where they are, nobody's.
 * Call inside a transaction over stakeholders, actions and notes. Indexed where-clauses (schema
 * v6), not JavaScript filters: Dexie Cloud syncs such a modify as one operation that teammates'
 * clients apply to their own matching records too.
 */
async function unlinkStakeholder(db: KalDb, id: string): Promise<void> {
  await db.stakeholders.where('reportsTo').equals(id).modify({ reportsTo: undefined });
  await db.actions.where('stakeholderId').equals(id).modify({ stakeholderId: undefined });
  await db.notes.where('stakeholderId').equals(id).modify({ stakeholderId: undefined });
}

/**
 * Undo of `removeStakeholder`: the person comes back, and so do the links the delete cleared —
 * their reports report to them again, their actions and notes are theirs again — wherever that
 * record still exists in the same account and was not linked to someone else meanwhile (a later
 * edit wins). Their own manager is kept only if still a person of the account. Throws `not_found`
 * when the account is gone.
 */
export async function undoRemoveStakeholder(db: KalDb, r: RemovedStakeholder): Promise<void> {
  const s = r.stakeholder;
  await db.transaction('rw', db.accounts, db.stakeholders, db.actions, db.notes, async () => {
    await mustExist(db, s.accountId);
    if (await db.stakeholders.get(s.id)) return;
    const manager = s.reportsTo ? await db.stakeholders.get(s.reportsTo) : undefined;
    const back = { ...s };
    if (s.reportsTo && manager?.accountId !== s.accountId) delete back.reportsTo;
    admitOrThrow('stakeholders', back, 'Stakeholder');
    await db.stakeholders.add(back);
    // Relinked only if still unlinked and its link field not edited since (same revision stamp).
    const relink = (x: { accountId: string; revs?: Record<string, number> } | undefined, was: LinkAt, field: 'reportsTo' | 'stakeholderId') =>
      !!x && x.accountId === s.accountId && !(x as Record<string, unknown>)[field] && x.revs?.[field] === was.rev;
    const again = async <T extends { accountId: string; revs?: Record<string, number> }>(table: { bulkGet(ids: string[]): Promise<(T | undefined)[]>; update(id: string, c: object): Promise<number> }, links: LinkAt[], field: 'reportsTo' | 'stakeholderId') => {
      const found = await table.bulkGet(links.map((l) => l.id));
      for (const [i, x] of found.entries()) if (relink(x, links[i]!, field)) await table.update(links[i]!.id, { [field]: s.id });
    };
    await again(db.stakeholders as never, r.reports, 'reportsTo');
    await again(db.actions as never, r.actions, 'stakeholderId');
    await again(db.notes as never, r.notes, 'stakeholderId');
  });
}

// ---------- actions ----------

export async function addAction(db: KalDb, input: ActionInput, now = Date.now(), opts?: CreateOptions): Promise<Action> {
  const data = parse(actionInput, input, 'Action');
  const record = admitOrThrow('actions', { ...data, id: clientId(opts), createdAt: now, updatedAt: now }, 'Action');
  return db.transaction('rw', db.accounts, db.actions, db.stakeholders, async () => {
    const account = await mustExist(db, record.accountId);
    await mustBePersonOf(db, record.accountId, record.stakeholderId, 'Action', 'stakeholderId');
    const found = opts?.id ? sameDraft(await db.actions.get(record.id), record.accountId) : undefined;
    if (found) return found;
    await db.actions.add(inRealmOf(record, account));
    return record;
  });
}

/** Blind field update (no base); see patchAction for form edits. */
export async function updateAction(db: KalDb, id: string, patch: z.input<typeof actionPatch>, now = Date.now()): Promise<Action> {
  return patchAction(db, id, blind(patch), now);
}

export const CLEARABLE_ACTION_FIELDS = ['dueAt', 'stakeholderId'] as const;

/**
 * Field-level edit of an action (see patchAccount). Done sets `doneAt`, reopening clears it; a new
 * due date re-arms the reminder. Throws `validation`, `not_found`, `conflict`.
 */
export async function patchAction(db: KalDb, id: string, p: RecordPatch, now = Date.now()): Promise<Action> {
  const { values, cleared } = splitClears(p?.set, CLEARABLE_ACTION_FIELDS, 'Action');
  const data = parse(actionPatch, values, 'Action');
  const set = { ...stripUndefined(data), ...Object.fromEntries(cleared.map((k) => [k, null])) };
  return db.transaction('rw', db.actions, db.stakeholders, async () => {
    const current = await db.actions.get(id);
    if (!current) throw new KalError('not_found', `Action ${id} does not exist`, 'id').because('record_missing');
    const { changes, changed } = merged(current, set, p, 'Action');
    if (!changed.length) return current;
    await mustBePersonOf(db, current.accountId, changes.stakeholderId, 'Action', 'stakeholderId');
    if (changes.status === 'done') changes.doneAt = now;
    if (changes.status === 'open') changes.doneAt = undefined;
    if ('dueAt' in changes) changes.notifiedAt = undefined;
    const { next, update } = revised(current, changes, changed, now);
    admitOrThrow('actions', next, 'Action');
    await db.actions.update(id, update as never);
    return next;
  });
}

export async function deleteAction(db: KalDb, id: string): Promise<Action | undefined> {
  return db.transaction('rw', db.actions, async () => {
    const a = await db.actions.get(id);
    if (a) await db.actions.delete(id);
    return a;
  });
}

// ---------- notes ----------

export async function addNote(db: KalDb, input: NoteInput, now = Date.now(), opts?: CreateOptions): Promise<Note> {
  const data = parse(noteInput, input, 'Note');
  const record = admitOrThrow('notes', { ...data, id: clientId(opts), createdAt: now, updatedAt: now }, 'Note');
  return db.transaction('rw', db.accounts, db.notes, db.stakeholders, async () => {
    const account = await mustExist(db, record.accountId);
    await mustBePersonOf(db, record.accountId, record.stakeholderId, 'Note', 'stakeholderId');
    const found = opts?.id ? sameDraft(await db.notes.get(record.id), record.accountId) : undefined;
    if (found) return found;
    await db.notes.add(inRealmOf(record, account));
    return record;
  });
}

export async function updateNote(db: KalDb, id: string, body: string, now = Date.now()): Promise<Note> {
  return db.transaction('rw', db.notes, async () => {
    const current = await db.notes.get(id);
    if (!current) throw new KalError('not_found', `Note ${id} does not exist`, 'id').because('record_missing');
    if (current.body === body) return current;
    const { next, update } = revised(current, { body }, ['body'], now);
    admitOrThrow('notes', next, 'Note');
    await db.notes.update(id, update as never);
    return next;
  });
}

export async function deleteNote(db: KalDb, id: string): Promise<Note | undefined> {
  return db.transaction('rw', db.notes, async () => {
    const n = await db.notes.get(id);
    if (n) await db.notes.delete(id);
    return n;
  });
}

// ---------- plans ----------

const PLAN_FIELDS = ['context', 'priorities', 'objectives', 'strategy', 'valueProposition', 'whitespace', 'risks', 'productFeedback', 'advocacy'] as const;

export function emptyPlan(accountId: string, now = Date.now()): Plan {
  return planSchema.parse({ id: planIdOf(accountId), accountId, createdAt: now, updatedAt: now });
}

/** Saves plan fields blindly (no base: these values win); every save that changes something keeps a revision of the previous plan. */
export async function savePlan(db: KalDb, accountId: string, patch: PlanPatch, now = Date.now()): Promise<Plan> {
  return patchPlan(db, accountId, blind(patch), now);
}

/**
 * Field-level edit of an account's plan (see patchAccount; the plan's revision counter is
 * `revision`). A change keeps a revision of the plan before it (PlanRevision.before). A refused
 * save is kept too: a PlanRevision with `refused` (the values it carried) and `before` (the plan as
 * it stood), at the plan's unchanged revision — the history holds both versions — then the
 * `conflict` error is thrown. Lists of items (objectives, risks, whitespace, advocacy) merge item
 * by item (lib/db/patch.ts). Throws `validation`, `not_found`, `conflict`.
 */
export async function patchPlan(db: KalDb, accountId: string, p: RecordPatch, now = Date.now()): Promise<Plan> {
  const { values } = splitClears(p?.set, [], 'Plan');
  const set = stripUndefined(parse(planPatch, values, 'Plan')) as Record<string, unknown>;
  const r = await db.transaction('rw', db.accounts, db.plans, db.planRevisions, async (): Promise<Plan | ConflictData> => {
    const account = await mustExist(db, accountId);
    // The derived id first; a plan saved before v6 or merged from a teammate is found by account.
    const stored = (await db.plans.get(planIdOf(accountId))) ?? (await db.plans.where('accountId').equals(accountId).first());
    const current = stored ?? emptyPlan(accountId, now);
    // A revision keeps the plan's fields, not its sync bookkeeping (realm, owner), and goes into
    // the account's realm (shared with it).
    const { realmId: _r, owner: _o, ...before } = current as Plan & { realmId?: string; owner?: string };
    const out = mergePatch(current as unknown as Record<string, unknown>, { set, base: p.base, baseRev: p.baseRev }, { revs: current.revs });
    if (out.conflicts.length) {
      const refused = parse(planFieldsSchema, set, 'Plan');
      await db.planRevisions.add(inRealmOf({ id: newId(), accountId, planId: current.id, revision: current.revision, before, changedFields: out.conflicts.map((c) => c.field), refused, createdAt: now }, account));
      return { rev: current.revision, fields: out.conflicts };
    }
    const changedFields = PLAN_FIELDS.filter((f) => f in out.changes);
    if (changedFields.length === 0) return current;
    const revision = current.revision + 1;
    const next = admitOrThrow('plans', { ...current, ...out.changes, revision, revs: { ...current.revs, ...Object.fromEntries(changedFields.map((f) => [f, revision])) }, updatedAt: now }, 'Plan');
    await db.planRevisions.add(inRealmOf({ id: newId(), accountId, planId: current.id, revision, before, changedFields: [...changedFields], createdAt: now }, account));
    // A stored plan is patched, never replaced: its sync realm and owner stay, and Dexie Cloud
    // merges the changed fields with a teammate's.
    if (stored) await db.plans.update(stored.id, { ...Object.fromEntries(changedFields.map((f) => [f, next[f]])), revision, ...Object.fromEntries(changedFields.map((f) => [`revs.${f}`, revision])), updatedAt: now });
    else await db.plans.add(inRealmOf(next, account));
    return next;
  });
  if ('fields' in r) throw conflictError('Plan', r.rev, r.fields);
  return r;
}

/** Puts the plan back as it was before the given revision; the restore itself is a new revision. */
export async function restorePlanRevision(db: KalDb, revisionId: string, now = Date.now()): Promise<Plan> {
  const rev = await db.planRevisions.get(revisionId);
  if (!rev) throw new KalError('not_found', `Plan revision ${revisionId} does not exist`, 'revisionId').because('record_missing');
  // A refused save's entry restores the version that was refused; any other, the plan before it.
  const fields = rev.refused ?? Object.fromEntries(PLAN_FIELDS.map((f) => [f, rev.before[f]]));
  return savePlan(db, rev.accountId, fields as PlanPatch, now);
}

// ---------- learned links ----------

export async function setLink(db: KalDb, input: { kind: Link['kind']; value: string; accountId: string; verdict: Link['verdict'] }, now = Date.now()): Promise<Link> {
  const record = admitOrThrow('links', { id: newId(), key: `${input.kind}:${input.value}`, kind: input.kind, accountId: input.accountId, verdict: input.verdict, createdAt: now }, 'Link');
  const key = record.key; // canonical (lib/db/admit.ts)
  return db.transaction('rw', db.accounts, db.links, async () => {
    const account = await mustExist(db, input.accountId);
    // A confirmation replaces earlier confirmations of the same key (one key → one account);
    // a rejection only replaces an earlier verdict for the same pair.
    if (input.verdict === 'confirmed') {
      await db.links.where('[key+verdict]').equals([key, 'confirmed']).delete();
    }
    await db.links.where('[key+accountId]').equals([key, input.accountId]).delete();
    await db.links.add(inRealmOf(record, account));
    return record;
  });
}

// ---------- dashboard: whole-database operations (backup restore, wipe, CSV import) ----------

/** Every table's records, as in a backup (lib/io/backup.ts). */
export interface AllData {
  accounts: Account[];
  plans: Plan[];
  planRevisions: PlanRevision[];
  stakeholders: Stakeholder[];
  actions: Action[];
  notes: Note[];
  links: Link[];
}

const allTables = (db: KalDb) => [db.accounts, db.plans, db.planRevisions, db.stakeholders, db.actions, db.notes, db.links];
// Big enough that the request pipeline stays full, small enough for a smooth progress bar.
const CHUNK = 5000;

/**
 * Replaces the whole database with `data` in ONE transaction: if any write fails, nothing changed.
 * The caller validates first (lib/io/backup.ts parseBackup); records are re-checked here anyway.
 */
export async function replaceAllData(db: KalDb, data: AllData, onProgress?: (done: number, total: number) => void, scope: DataScope = ALL_DATA): Promise<void> {
  // Through the one door (lib/db/admit.ts): what is written is the admitted record.
  data = Object.fromEntries((Object.keys(RECORD_SCHEMAS) as (keyof AllData)[]).map((table) => [table, (data[table] as unknown[]).map((r, i) => admitOrThrow(table, r, `${table}[${i}]`))])) as unknown as AllData;
  const total = Object.values(data).reduce((n, rows) => n + rows.length, 0);
  let done = 0;
  await db.transaction('rw', allTables(db), async () => {
    // With sync on only the user's own records are replaced; a shared account's records stay
    // (lib/db/scope.ts) and the backup's copy of them is skipped.
    const kept = new Map<string, Set<string>>();
    for (const t of allTables(db)) kept.set(t.name, await deleteOwn(t, scope));
    for (const t of allTables(db)) {
      const keep = kept.get(t.name)!;
      const rows = (data[t.name as keyof AllData] as { id: string }[]).filter((r) => !keep.has(r.id)) as never[];
      for (let i = 0; i < rows.length; i += CHUNK) {
        await (t as unknown as { bulkAdd(rows: unknown[]): Promise<unknown> }).bulkAdd(rows.slice(i, i + CHUNK));
        done += Math.min(CHUNK, rows.length - i);
        onProgress?.(done, total);
      }
    }
  });
}

/**
 * Deletes every record of every table (one transaction) — with sync on (`scope` own), only the
 * user's own records: a teammate's shared account is never deleted. Returns how many records of
 * shared accounts were kept.
 */
export async function wipeAllData(db: KalDb, scope: DataScope = ALL_DATA): Promise<number> {
  return db.transaction('rw', allTables(db), async () => {
    let kept = 0;
    for (const t of allTables(db)) kept += (await deleteOwn(t, scope)).size;
    return kept;
  });
}

export interface ImportBatch {
  /** complete new records (ids, keys and timestamps set) */
  accounts: Account[];
  stakeholders: Stakeholder[];
  /**
   * field patches of existing records (deduplicated rows); `base`: the values the preview planned
   * them against — fields changed since then keep the newer value (lists merge as sets)
   */
  accountPatches: { id: string; changes: Partial<Account>; base?: Record<string, unknown> }[];
  stakeholderPatches: { id: string; changes: Partial<Stakeholder>; base?: Record<string, unknown> }[];
}

/**
 * An import's patch against the record stored now: without `base`, as planned; with it, field by
 * field (lib/db/patch.ts): a field changed since the preview (another tab, the sidebar) keeps that
 * change — an import fills and adds, it never overwrites an edit — and lists merge as sets.
 */
function importChanges<T extends Revised>(cur: T, p: { changes: Partial<T>; base?: Record<string, unknown> }): Partial<T> {
  if (!p.base) return p.changes;
  const { updatedAt, ...set } = p.changes as Partial<T> & { updatedAt?: number };
  const out = mergePatch(cur as unknown as Record<string, unknown>, { set: set as Record<string, unknown>, base: p.base });
  // conflicts: edited since the preview to another value — the edit stays
  return (out.changed.length ? { ...out.changes, ...(updatedAt !== undefined ? { updatedAt } : {}) } : {}) as Partial<T>;
}

/**
 * Writes a CSV import in ONE transaction. Every record (and every patched record) is validated
 * before the first write; any failure leaves the database as it was.
 */
export async function applyImport(db: KalDb, batch: ImportBatch, onProgress?: (done: number, total: number) => void): Promise<void> {
  batch = {
    ...batch,
    accounts: batch.accounts.map((a, i) => admitOrThrow('accounts', a, `Account ${i + 1}`)),
    stakeholders: batch.stakeholders.map((s, i) => admitOrThrow('stakeholders', s, `Stakeholder ${i + 1}`)),
  };
  const total = batch.accounts.length + batch.stakeholders.length + batch.accountPatches.length + batch.stakeholderPatches.length;
  let done = 0;
  const tick = (n: number) => {
    done += n;
    onProgress?.(done, total);
  };
  await db.transaction('rw', db.accounts, db.stakeholders, async () => {
    // Each patched record moves to its next revision, its changed fields stamped (no lost edits:
    // a form open on it meanwhile sees "changed elsewhere" for those fields).
    const accountPatches: ImportBatch['accountPatches'] = [];
    for (const p of batch.accountPatches) {
      const cur = await mustExist(db, p.id);
      const changes = importChanges(cur, p);
      if (!Object.keys(changes).length) {
        tick(1); // nothing left to write: edited since the preview
        continue;
      }
      admitOrThrow('accounts', { ...cur, ...changes }, `Account ${cur.name}`);
      accountPatches.push({ id: p.id, changes: withRevision(cur, changes) });
    }
    const stakeholderPatches: ImportBatch['stakeholderPatches'] = [];
    for (const p of batch.stakeholderPatches) {
      const cur = await db.stakeholders.get(p.id);
      if (!cur) throw new KalError('not_found', `Stakeholder ${p.id} does not exist`, 'id').because('record_missing');
      const changes = importChanges(cur, p);
      if (!Object.keys(changes).length) {
        tick(1);
        continue;
      }
      admitOrThrow('stakeholders', { ...cur, ...changes }, `Stakeholder ${cur.name}`);
      stakeholderPatches.push({ id: p.id, changes: withRevision(cur, changes) });
    }
    batch = { ...batch, accountPatches, stakeholderPatches };
    for (let i = 0; i < batch.accounts.length; i += CHUNK) {
      await db.accounts.bulkAdd(batch.accounts.slice(i, i + CHUNK));
      tick(Math.min(CHUNK, batch.accounts.length - i));
    }
    if (batch.accountPatches.length) {
      await db.accounts.bulkUpdate(batch.accountPatches.map((p) => ({ key: p.id, changes: p.changes })));
      tick(batch.accountPatches.length);
    }
    for (let i = 0; i < batch.stakeholders.length; i += CHUNK) {
      await db.stakeholders.bulkAdd(batch.stakeholders.slice(i, i + CHUNK));
      tick(Math.min(CHUNK, batch.stakeholders.length - i));
    }
    if (batch.stakeholderPatches.length) {
      await db.stakeholders.bulkUpdate(batch.stakeholderPatches.map((p) => ({ key: p.id, changes: p.changes })));
      tick(batch.stakeholderPatches.length);
    }
  });
}

/**
 * Undo of a single delete (action, note, stakeholder): puts the records back as they were.
 * Each is validated and must still belong to an existing account.
 */
export async function restoreRecords(db: KalDb, r: { actions?: Action[]; notes?: Note[]; stakeholders?: Stakeholder[] }): Promise<void> {
  (r.actions ?? []).forEach((x) => admitOrThrow('actions', x, 'Action'));
  (r.notes ?? []).forEach((x) => admitOrThrow('notes', x, 'Note'));
  (r.stakeholders ?? []).forEach((x) => admitOrThrow('stakeholders', x, 'Stakeholder'));
  await db.transaction('rw', db.accounts, db.actions, db.notes, db.stakeholders, async () => {
    for (const id of new Set([...(r.actions ?? []), ...(r.notes ?? []), ...(r.stakeholders ?? [])].map((x) => x.accountId))) await mustExist(db, id);
    if (r.actions?.length) await db.actions.bulkPut(r.actions);
    if (r.notes?.length) await db.notes.bulkPut(r.notes);
    if (r.stakeholders?.length) await db.stakeholders.bulkPut(r.stakeholders);
  });
}

// ---------- dashboard: clearing optional fields ----------
// updateAccount / updateStakeholder ignore undefined (a patch never erases by accident), so a
// user emptying a date or "reports to" needs an explicit unset of those optional fields.

export const CLEARABLE_ACCOUNT_FIELDS = ['website', 'industry', 'renewalAt', 'nextReviewAt', 'owner'] as const;
export const CLEARABLE_STAKEHOLDER_FIELDS = ['title', 'location', 'linkedinUrl', 'reportsTo', 'lastContactAt'] as const;

export async function clearAccountFields(db: KalDb, id: string, fields: (typeof CLEARABLE_ACCOUNT_FIELDS)[number][], now = Date.now()): Promise<void> {
  const ok = fields.filter((f) => (CLEARABLE_ACCOUNT_FIELDS as readonly string[]).includes(f));
  if (!ok.length) return;
  await patchAccount(db, id, { set: Object.fromEntries(ok.map((f) => [f, null])) }, now);
}

export async function clearStakeholderFields(db: KalDb, id: string, fields: (typeof CLEARABLE_STAKEHOLDER_FIELDS)[number][], now = Date.now()): Promise<void> {
  const ok = fields.filter((f) => (CLEARABLE_STAKEHOLDER_FIELDS as readonly string[]).includes(f));
  if (!ok.length) return;
  await patchStakeholder(db, id, { set: Object.fromEntries(ok.map((f) => [f, null])) }, now);
}
