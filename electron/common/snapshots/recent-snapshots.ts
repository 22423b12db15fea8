/**
 * How many of the newest snapshots the start screen lists (the snapshots view and the recent
 * devices). Main keeps this many ready for a new process (`snapshots/first-page.ts`), so the
 * first list is answered before the whole store is loaded.
 */
export const RECENT_SNAPSHOTS_LIMIT = 200
