// The dashboard's key preview: computed on the page's own database (lib/match/key-preview.ts).
// The module is loaded on first use: it carries the free-mail list (~270 KB).
import { getDb } from '@/lib/db/db';
import type { AccountKeysPreview } from '@/lib/messaging/protocol';
import { useKeyPreview as useKeyPreviewFrom, type KeyFieldsInput, type KeyPreviewSource } from '../../ui/useKeyPreview';

export type { KeyFieldsInput };

const fromDb: KeyPreviewSource = (fields, exceptId) => import('@/lib/match/key-preview').then((m) => m.previewAccountKeys(getDb(), fields, exceptId));

export function useKeyPreview(fields: KeyFieldsInput | null, exceptId?: string): AccountKeysPreview | null {
  return useKeyPreviewFrom(fromDb, fields, exceptId);
}
