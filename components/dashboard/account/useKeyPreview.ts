// The dashboard's key preview: computed on the page's own database (lib/match/key-preview.ts),
// debounced. The module is loaded on first use: it carries the free-mail list (~270 KB).
import { useEffect, useState } from 'react';
import { getDb } from '@/lib/db/db';
import type { AccountKeysPreview } from '@/lib/messaging/protocol';

export interface KeyFieldsInput {
  domains: string[];
  website?: string;
  linkedinUrls: string[];
}

export function useKeyPreview(fields: KeyFieldsInput | null, exceptId?: string): AccountKeysPreview | null {
  const [preview, setPreview] = useState<AccountKeysPreview | null>(null);
  const sig = fields ? JSON.stringify(fields) : '';
  useEffect(() => {
    if (!sig) {
      setPreview(null);
      return;
    }
    let live = true;
    const h = setTimeout(() => {
      import('@/lib/match/key-preview')
        .then((m) => m.previewAccountKeys(getDb(), JSON.parse(sig) as KeyFieldsInput, exceptId))
        .then((p) => live && setPreview(p), () => live && setPreview(null));
    }, 150);
    return () => {
      live = false;
      clearTimeout(h);
    };
  }, [sig, exceptId]);
  return preview;
}
