// Stored records: zod schemas are the single source of truth; TS types are inferred from them.
// Timestamps (createdAt, lastContactAt…) are epoch milliseconds; calendar dates (renewal, next
// review, due dates) are `YYYY-MM-DD` strings, which index and sort as well.
import { z } from 'zod';
import { isCalendarDate } from '../dates/calendar-date';
import { lazySchema, once } from '../lazy-schema';

import { ACTION_KINDS, ACTION_STATUSES, ADVOCACY_KINDS, INFLUENCES, LINK_KINDS, OBJECTIVE_STATUSES, PRIORITIES, RELATIONSHIPS, ROLES, SEVERITIES, SITES, STANCES, TIERS, WHITESPACE_STATUSES } from './enums';
export * from './enums';

/**
 * The latest instant a timestamp may hold: 9999-12-31T23:59:59.999Z. ISO 8601 and the UI's date
 * formats have four-digit years; `Date` itself stops at ±8.64e15 ms (year 275760), beyond which
 * every formatter throws. Earlier versions accepted any safe integer (issue 12, 6b).
 */
export const MAX_INSTANT_MS = 253_402_300_799_999;
/**
 * The largest amount (revenue, potential, whitespace value) in any currency: 10^15. Why:
 * below 2^53 (9.007e15), so a whole amount is exact and a portfolio's sum of 10,000 of them is
 * still a finite number the formatters print; and high enough for a multi-billion contract in a
 * currency of ~25,000 units per euro (VND, IDR, IRR). 1e308 printed "€∞" (the sum overflowed).
 */
export const MAX_AMOUNT = 1e15;

/** Every record schema, built together on first use (lib/lazy-schema.ts: not at the background's start). */
const build = once(() => {
  const id = z.string().min(1, 'is required').max(64);
  const ms = z.number().int('must be a whole number of milliseconds').nonnegative('must be zero or more').max(MAX_INSTANT_MS, 'is after the year 9999');
  const text = (max: number) => z.string().max(max, `is longer than ${max} characters`);
  const requiredText = (max: number) => z.string().trim().min(1, 'is required').max(max, `is longer than ${max} characters`);
  /** A calendar day, `YYYY-MM-DD` (lib/dates/calendar-date.ts): the same day in every time zone. */
  const calendarDate = z.string().refine(isCalendarDate, { message: 'is not a date (YYYY-MM-DD, years 1900–2999)', params: { code: 'not_day' } });
  const money = z.number().finite().nonnegative('must be zero or more').max(MAX_AMOUNT, 'is larger than 10^15');
  const score = z.number().min(0).max(5);
  const url = z
    .string()
    .max(2048)
    .refine((s) => {
      try {
        const u = new URL(s);
        return u.protocol === 'https:' || u.protocol === 'http:';
      } catch {
        return false;
      }
    }, { message: 'is not a valid http(s) URL', params: { code: 'not_url' } });
  const email = z.string().trim().toLowerCase().pipe(z.email('is not a valid email address'));
  const domain = z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/, 'is not a valid domain');

  /**
   * Revision metadata every editable record carries (issue 12, "no lost edits"; no index, so no
   * schema version): `rev` counts the record's changes (absent = 0, data saved before revisions);
   * `revs` maps each field to the `rev` at which it last changed. A form saves field-level patches
   * against the `rev` it loaded (lib/db/patch.ts). Plans count in `revision` (their history).
   */
  const rev = z.number().int().nonnegative().optional();
  const revs = z.record(z.string().max(64), z.number().int().nonnegative()).optional();

  const scoresSchema = z.object({
    revenue: score.default(0),
    potential: score.default(0),
    growth: score.default(0),
    strategicFit: score.default(0),
    relationship: score.default(0),
    access: score.default(0),
  });

  const accountSchema = z.object({
    id,
    name: requiredText(200),
    /** folded name without legal form, for matching (derived, see lib/match/normalize.ts) */
    nameKey: z.string(),
    aliases: z.array(requiredText(200)).max(50).default([]),
    domains: z.array(domain).max(50).default([]),
    linkedinUrls: z.array(url).max(20).default([]),
    website: url.optional(),
    industry: text(200).optional(),
    tier: z.enum(TIERS).default('untiered'),
    scores: scoresSchema.default({ revenue: 0, potential: 0, growth: 0, strategicFit: 0, relationship: 0, access: 0 }),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code').default('EUR'),
    currentRevenue: money.default(0),
    potentialRevenue: money.default(0),
    renewalAt: calendarDate.optional(),
    reviewCadenceDays: z.number().int().min(1).max(366).default(30),
    nextReviewAt: calendarDate.optional(),
    owner: text(200).optional(),
    tags: z.array(requiredText(50)).max(50).default([]),
    /** the account's record ids in CRMs it was imported from (HubSpot Record ID, Salesforce Account ID): a re-import matches them first */
    crmIds: z.array(requiredText(100)).max(20).optional(),
    /** postal address as the CRM gives it (street lines, city, country) */
    address: text(2000).optional(),
    /** the CRM's description / notes of the account */
    description: text(20000).optional(),
    rev,
    revs,
    createdAt: ms,
    updatedAt: ms,
  });

  const objectiveSchema = z.object({
    id,
    title: requiredText(500),
    owner: text(200).optional(),
    dueAt: calendarDate.optional(),
    status: z.enum(OBJECTIVE_STATUSES).default('not_started'),
  });
  const whitespaceCellSchema = z.object({
    id,
    offering: requiredText(200),
    entity: requiredText(200),
    status: z.enum(WHITESPACE_STATUSES).default('unknown'),
    value: money.optional(),
    competitor: text(200).optional(),
  });
  const riskSchema = z.object({
    id,
    title: requiredText(500),
    severity: z.enum(SEVERITIES).default('medium'),
    mitigation: text(2000).default(''),
  });
  const advocacySchema = z.object({
    id,
    kind: z.enum(ADVOCACY_KINDS),
    text: requiredText(1000),
  });
  const planSchema = z.object({
    id,
    accountId: id,
    context: text(20000).default(''),
    priorities: text(20000).default(''),
    objectives: z.array(objectiveSchema).max(200).default([]),
    strategy: text(20000).default(''),
    valueProposition: text(20000).default(''),
    whitespace: z.array(whitespaceCellSchema).max(2000).default([]),
    risks: z.array(riskSchema).max(200).default([]),
    productFeedback: text(20000).default(''),
    advocacy: z.array(advocacySchema).max(200).default([]),
    revision: z.number().int().nonnegative().default(0),
    /** field → the `revision` at which it last changed */
    revs,
    createdAt: ms,
    updatedAt: ms,
  });

  /** The plan's editable fields, each optional and without defaults (a refused version keeps only what it changed). */
  const planFieldsSchema = z.object({
    context: text(20000).optional(),
    priorities: text(20000).optional(),
    objectives: z.array(objectiveSchema).max(200).optional(),
    strategy: text(20000).optional(),
    valueProposition: text(20000).optional(),
    whitespace: z.array(whitespaceCellSchema).max(2000).optional(),
    risks: z.array(riskSchema).max(200).optional(),
    productFeedback: text(20000).optional(),
    advocacy: z.array(advocacySchema).max(200).optional(),
  });

  const planRevisionSchema = z.object({
    id,
    accountId: id,
    planId: id,
    revision: z.number().int().nonnegative(),
    /** the plan as it was BEFORE this revision's change, so restore is exact */
    before: planSchema,
    changedFields: z.array(z.string()),
    /**
     * A save refused because someone else changed the same fields since it was loaded: `before` is
     * the plan as it stood (theirs), `refused` the values that save carried (mine), so the history
     * keeps both; `revision` is the plan's revision it was refused against (nothing changed).
     */
    refused: planFieldsSchema.optional(),
    createdAt: ms,
  });

  const captureSchema = z.object({
    title: text(500).optional(),
    companyName: text(200).optional(),
    companyLinkedinUrl: url.optional(),
    /** the company seen on LinkedIn is not this stakeholder's account */
    companyChanged: z.boolean().optional(),
    seenAt: ms,
  });

  const stakeholderSchema = z.object({
    id,
    accountId: id,
    name: requiredText(200),
    nameKey: z.string(),
    title: text(500).optional(),
    location: text(200).optional(),
    linkedinUrl: url.optional(),
    /** Sales Navigator lead id (lib/detect/sales-navigator.ts): recognises the lead page on a revisit */
    salesNavLeadId: z.string().regex(/^[A-Za-z0-9_-]{1,120}$/, 'a Sales Navigator lead id').optional(),
    emails: z.array(email).max(20).default([]),
    role: z.enum(ROLES).default('unknown'),
    influence: z.enum(INFLUENCES).default('medium'),
    stance: z.enum(STANCES).default('unknown'),
    relationship: z.enum(RELATIONSHIPS).default('none'),
    reportsTo: id.optional(),
    lastContactAt: ms.optional(),
    notes: text(5000).default(''),
    /** title/company as last seen on LinkedIn: a difference with the saved values means a job change */
    capture: captureSchema.optional(),
    rev,
    revs,
    createdAt: ms,
    updatedAt: ms,
  });

  const actionSchema = z.object({
    id,
    accountId: id,
    stakeholderId: id.optional(),
    title: requiredText(500),
    dueAt: calendarDate.optional(),
    status: z.enum(ACTION_STATUSES).default('open'),
    priority: z.enum(PRIORITIES).default('normal'),
    kind: z.enum(ACTION_KINDS).default('task'),
    source: z.enum(SITES).default('dashboard'),
    /** set once the reminder notification was shown, so it fires once */
    notifiedAt: ms.optional(),
    doneAt: ms.optional(),
    rev,
    revs,
    createdAt: ms,
    updatedAt: ms,
  });

  const noteSchema = z.object({
    id,
    accountId: id,
    stakeholderId: id.optional(),
    body: requiredText(20000),
    threadId: text(500).optional(),
    source: z
      .object({ site: z.enum(SITES), url: url.optional(), subject: text(1000).optional() })
      .default({ site: 'dashboard' }),
    rev,
    revs,
    createdAt: ms,
    updatedAt: ms,
  });

  const linkSchema = z.object({
    id,
    /** `${kind}:${value}`, e.g. "domain:acme.fr" */
    key: requiredText(2100),
    kind: z.enum(LINK_KINDS),
    accountId: id,
    /** confirmed: this key means this account; rejected: the user said "not this account" */
    verdict: z.enum(['confirmed', 'rejected']),
    createdAt: ms,
  });
  return { scoresSchema, accountSchema, objectiveSchema, whitespaceCellSchema, riskSchema, advocacySchema, planSchema, planFieldsSchema, planRevisionSchema, captureSchema, stakeholderSchema, actionSchema, noteSchema, linkSchema };
});

export const scoresSchema = lazySchema(() => build().scoresSchema);
export const accountSchema = lazySchema(() => build().accountSchema);
export const objectiveSchema = lazySchema(() => build().objectiveSchema);
export const whitespaceCellSchema = lazySchema(() => build().whitespaceCellSchema);
export const riskSchema = lazySchema(() => build().riskSchema);
export const advocacySchema = lazySchema(() => build().advocacySchema);
export const planSchema = lazySchema(() => build().planSchema);
export const planFieldsSchema = lazySchema(() => build().planFieldsSchema);
export const planRevisionSchema = lazySchema(() => build().planRevisionSchema);
export const captureSchema = lazySchema(() => build().captureSchema);
export const stakeholderSchema = lazySchema(() => build().stakeholderSchema);
export const actionSchema = lazySchema(() => build().actionSchema);
export const noteSchema = lazySchema(() => build().noteSchema);
export const linkSchema = lazySchema(() => build().linkSchema);

export type Scores = z.infer<typeof scoresSchema>;
export type Account = z.infer<typeof accountSchema>;
export type Plan = z.infer<typeof planSchema>;
export type Objective = z.infer<typeof objectiveSchema>;
export type WhitespaceCell = z.infer<typeof whitespaceCellSchema>;
export type Risk = z.infer<typeof riskSchema>;
export type PlanRevision = z.infer<typeof planRevisionSchema>;
export type Stakeholder = z.infer<typeof stakeholderSchema>;
export type Action = z.infer<typeof actionSchema>;
export type Note = z.infer<typeof noteSchema>;
export type Link = z.infer<typeof linkSchema>;

/** Every table's record schema: the one map that whole-database operations (restore) check against. */
export const RECORD_SCHEMAS = {
  accounts: accountSchema,
  plans: planSchema,
  planRevisions: planRevisionSchema,
  stakeholders: stakeholderSchema,
  actions: actionSchema,
  notes: noteSchema,
  links: linkSchema,
} as const;
