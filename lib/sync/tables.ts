// Which tables team sync leaves out. Its own module, free of extension APIs, because the restore
// worker (a dedicated worker: no `browser.*` there, and webextension-polyfill throws on load)
// builds the sync-enabled connection from it.

/**
 * Tables never synced: learned page links are this browser's own choices (which account a page
 * means for me), not team data.
 */
export const UNSYNCED_TABLES = ['links'];
