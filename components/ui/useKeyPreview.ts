// "Will match on: …" for the account forms: the canonical keys of what is typed and who already
// holds them, debounced (150 ms). Where they come from depends on the page: the dashboard reads
// its own database, the framed sidebar (no IndexedDB there) asks the background.
import { useEffect, useState } from 'react';
import type { AccountKeysPreview } from '@/lib/messaging/protocol';

export interface KeyFieldsInput {
  domains: string[];
  website?: string;
  linkedinUrls: string[];
}

export type KeyPreviewSource = (fields: KeyFieldsInput, exceptId?: string) => Promise<AccountKeysPreview>;

/** null while nothing is typed (`fields` null) or when the source fails. `source` must be a module-level function. */
export function useKeyPreview(source: KeyPreviewSource, fields: KeyFieldsInput | null, exceptId?: string): AccountKeysPreview | null {
  const [preview, setPreview] = useState<AccountKeysPreview | null>(null);
  const sig = fields ? JSON.stringify(fields) : '';
  useEffect(() => {
    if (!sig) {
      setPreview(null);
      return;
    }
    let live = true;
    const h = setTimeout(() => {
      source(JSON.parse(sig) as KeyFieldsInput, exceptId).then((p) => live && setPreview(p), () => live && setPreview(null));
    }, 150);
    return () => {
      live = false;
      clearTimeout(h);
    };
  }, [source, sig, exceptId]);
  return preview;
}
