// Form fields prefilled from the page. LinkedIn renders parts of a page after first paint (a
// profile's title, a company's website) and the content script reports the page again: a field
// the user has not touched follows the page's newest value; one the user edited keeps their text
// for good, with `base` = what the field showed when they started (the merge base of an add).
import { useState } from 'react';

export interface PageDraft<K extends string> {
  /** what the field shows: the user's text once edited, else the page's current value */
  value(k: K): string;
  /** what the field showed before the user touched it (the page's current value while untouched) */
  base(k: K): string;
  /** the user typed (or a review decided) `v` */
  set(k: K, v: string): void;
}

export function usePageDraft<K extends string>(page: Record<K, string>): PageDraft<K> {
  const [edits, setEdits] = useState<Partial<Record<K, { value: string; base: string }>>>({});
  return {
    value: (k) => edits[k]?.value ?? page[k],
    base: (k) => edits[k]?.base ?? page[k],
    set: (k, v) => setEdits((e) => ({ ...e, [k]: { value: v, base: e[k]?.base ?? page[k] } })),
  };
}
