// A viewer's sidebar is read-only (team sync, README "Team sync"): an account shared with the user
// as a viewer shows everything, but every control that would change it is disabled — the
// background refuses those writes anyway (lib/background/handlers.ts mustEdit). The rule is the
// dashboard's (lib/sync/share.ts canEdit), evaluated by the background into SidebarView.canEdit.
import { createContext, useContext, type ReactNode } from 'react';
import { useI18n } from '../i18n';

/** Whether the user may edit the account the sidebar shows (true while sync is off). */
export const CanEditContext = createContext(true);
export const useCanEditAccount = () => useContext(CanEditContext);

/** The id of the banner that says why controls are disabled (their fieldsets' description). */
export const VIEWER_BANNER_ID = 'kal-viewer-banner';

/** "You view this shared account — ask its owner for edit rights" (role note, read in order). */
export function ViewerBanner({ id = VIEWER_BANNER_ID }: { id?: string }) {
  const { t } = useI18n();
  return (
    <p id={id} role="note" data-testid="viewer-banner" className="mx-3 mb-2 rounded border border-amber-400 bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100">
      {t('sidebarViewerBanner')}
    </p>
  );
}

/**
 * Its controls disabled when `canEdit` is false (a disabled fieldset disables every control in
 * it: not focusable, announced as unavailable), described by the banner that says why.
 */
export function EditLock({ canEdit, describedBy = VIEWER_BANNER_ID, className, children }: { canEdit: boolean; describedBy?: string; className?: string; children: ReactNode }) {
  return (
    <fieldset disabled={!canEdit} aria-describedby={canEdit ? undefined : describedBy} className={`m-0 min-w-0 border-0 p-0 ${className ?? ''}`} data-testid={canEdit ? undefined : 'read-only'}>
      {children}
    </fieldset>
  );
}
