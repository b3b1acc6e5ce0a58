// Shape checks for incoming requests (background only). Record contents are validated again,
// field by field, by the repository functions.
import { z } from 'zod';
import type { MessageType } from './protocol';
import { DETECTOR_NAMES } from '../detect/on-demand';
import { lazySchema, once } from '../lazy-schema';

const str = (max: number) => z.string().max(max);
const opt = (max: number) => str(max).optional();
/**
 * Control characters a hostile page can put in what it shows: C0/C1 controls (not tab or line
 * breaks) and the bidirectional marks, embeddings, overrides and isolates (U+200E/F, U+202A–E,
 * U+2066–9) — "Jane\u202Eeod" reads "Jane doe" reversed in every view and file it later reaches
 * (power map, CSV export, the one-page review). Unicode TR9 lists the bidi controls.
 */
export const PAGE_TEXT_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Page text (names, titles, subjects): shape-checked, control characters dropped (stored as read). */
const text = (max: number) =>
  str(max)
    .transform((s) => s.replace(PAGE_TEXT_CONTROLS, '').trim())
    .optional();

export const pageContextSchema = lazySchema(() =>
  z.object({
    site: z.enum(['linkedin', 'gmail', 'outlook', 'web']),
    kind: z.enum(['profile', 'company', 'thread', 'other']),
    url: str(4096),
    person: z
      .object({ name: text(300), headline: text(1000), title: text(500), location: text(300), linkedinUrl: opt(2048), email: opt(320), salesNavLeadId: opt(200) })
      .optional(),
    company: z.object({ name: text(300), linkedinUrl: opt(2048), domain: opt(253), website: opt(2048), industry: text(300), salesNavAccountId: opt(200) }).optional(),
    thread: z
      .object({
        id: opt(500),
        subject: text(1000),
        participants: z.array(z.object({ name: text(300), email: opt(320) })).max(500),
      })
      .optional(),
    partial: z.object({ reason: str(100) }).optional(),
  }),
);

/** The pieces several request schemas share, built with the first of them (lib/lazy-schema.ts). */
const parts = once(() => {
  const id = z.string().min(1).max(64);
  const tabId = z.number().int().nonnegative();
  const obj = z.record(z.string(), z.unknown());
  /** a field-level edit: the changed fields, the values and revision the view loaded (lib/types.ts RecordPatch) */
  const edit = z.object({ id, patch: obj, base: obj.optional(), baseRev: z.number().int().nonnegative().optional() });
  return { id, tabId, obj, edit };
});

/** A request schema built on its first request: a woken worker builds only those it is asked. */
const lazy = (build: (p: ReturnType<typeof parts>) => z.ZodType): z.ZodType => lazySchema(() => build(parts()));

export const requestSchemas: Partial<Record<MessageType, z.ZodType>> = {
  'page.update': lazy(() => z.object({ ctx: pageContextSchema })),
  'overlay.token': lazy(() => z.object({})),
  'detector.load': lazy(() => z.object({ name: z.enum(DETECTOR_NAMES) })),
  'sidebar.claim': lazy(() => z.object({ token: z.string().min(1).max(200) })),
  'sidebar.view': lazy(({ id, tabId }) => z.object({ tabId: tabId.optional(), accountId: id.optional() })),
  'account.search': lazy(() => z.object({ q: str(200), limit: z.number().int().min(1).max(100).optional() })),
  'account.create': lazy(({ id, tabId, obj }) => z.object({ account: obj, tabId: tabId.optional(), id: id.optional() })),
  'account.update': lazy(({ edit }) => edit),
  'account.keys': lazy(({ id }) =>
    z.object({
      account: z.object({ domains: z.array(str(2048)).max(50).optional(), website: str(2048).optional(), linkedinUrls: z.array(str(2048)).max(20).optional() }),
      exceptId: id.optional(),
    }),
  ),
  'match.confirm': lazy(({ id, tabId }) => z.object({ tabId, accountId: id, url: str(4096).optional() })),
  'match.reject': lazy(({ id, tabId }) => z.object({ tabId, accountId: id, url: str(4096).optional() })),
  'stakeholder.save': lazy(({ id, tabId, obj }) => z.object({ accountId: id.optional(), newAccount: obj.optional(), stakeholder: obj, shown: obj.optional(), moveFrom: id.optional(), tabId: tabId.optional() })),
  'stakeholder.update': lazy(({ edit }) => edit),
  'note.add': lazy(({ obj }) => obj),
  'action.add': lazy(({ obj }) => obj),
  'action.update': lazy(({ edit }) => edit),
  'panel.set': lazy(({ tabId }) => z.object({ tabId: tabId.optional(), open: z.union([z.boolean(), z.literal('toggle')]) })),
  'sample.load': lazy(() => z.object({})),
  // Only the dashboard's own hash routes (`#/`, `#/account/<id>`, `#/review`…): never a URL.
  'dashboard.open': lazy(() => z.object({ route: z.string().max(200).regex(/^#\/[\w\-/]*$/).optional() })),
  'page.skeleton': lazy(({ tabId }) => z.object({ tabId: tabId.optional() })),
};
