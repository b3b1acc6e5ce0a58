// The types every context shares: the page contract (PageContext) and the stored records.
// Keep this file free of runtime code so content scripts can import it at zero cost.

export type Site = 'linkedin' | 'gmail' | 'outlook' | 'web';
export type PageKind = 'profile' | 'company' | 'thread' | 'other';

export interface PagePerson {
  name?: string;
  headline?: string;
  title?: string;
  location?: string;
  /** canonical https://www.linkedin.com/in/<slug>/ (decoded, lower-case) */
  linkedinUrl?: string;
  /** lower-case */
  email?: string;
  /**
   * Sales Navigator lead id: the first segment of /sales/lead/<id>,<type>,<token> (the page has no
   * /in/ URL unless it links the public profile). Kept on the stakeholder so a revisit is known.
   */
  salesNavLeadId?: string;
}

export interface PageCompany {
  name?: string;
  /** canonical https://www.linkedin.com/company/<slug-or-id>/ */
  linkedinUrl?: string;
  /** registrable domain, lower-case */
  domain?: string;
  website?: string;
  industry?: string;
  /** Sales Navigator account id (/sales/company/<id>): LinkedIn's organisation id, so linkedinUrl is /company/<id>/ */
  salesNavAccountId?: string;
}

export interface ThreadParticipant {
  name?: string;
  email?: string;
}

export interface PageThread {
  id?: string;
  subject?: string;
  /** everyone in the thread headers except the mailbox owner */
  participants: ThreadParticipant[];
}

export interface PageContext {
  site: Site;
  kind: PageKind;
  /** the page URL as given */
  url: string;
  person?: PagePerson;
  company?: PageCompany;
  thread?: PageThread;
  /**
   * Set when the URL says what the page is (a profile, a thread) but the DOM could not be read
   * (layout not understood, or not rendered yet). The sidebar offers to link the page by hand.
   */
  partial?: { reason: string };
}

/**
 * A field-level edit of one stored record (lib/db/patch.ts, lib/db/repo.ts `patch*`): only the
 * fields the user changed, with what the form showed when it was loaded.
 * - `set`: field → new value; `null` clears an optional field.
 * - `base`: field → the value the form was loaded with (`null` = empty). A field without a base
 *   is set blindly (a deliberate one-click action, e.g. "Contacted today").
 * - `baseRev`: the record's revision (`rev`, for plans `revision`) the form was loaded at.
 */
export interface RecordPatch {
  set: Record<string, unknown>;
  base?: Record<string, unknown>;
  baseRev?: number;
}

/** One field the repository refused to overwrite: someone else changed it since `base`. */
export interface FieldConflict {
  field: string;
  /** what the form was loaded with */
  base: unknown;
  /** the stored value now (the other tab's or person's edit) */
  theirs: unknown;
  /** what this form tried to save */
  mine: unknown;
  /** the revision at which `theirs` was written (0: unknown, data older than revisions) */
  theirRev: number;
}

/** A refused patch: the record's revision now, and each conflicting field. */
export interface ConflictData {
  rev: number;
  fields: FieldConflict[];
}
