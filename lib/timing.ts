// User Timing marks on the cold-start path (worker start → DB open → lists → match → sidebar
// paint), read by `npm run bench` (scripts/bench/cold.ts) to say what the cold-start time is made
// of. Only extension contexts mark (background, sidebar): a host page could read marks made by a
// content script. Each name is marked once per context, so a long-lived worker's buffer stays tiny.
const marked = new Set<string>();

/** `performance.mark('kal:<name>')` the first time only; never throws. */
export function markOnce(name: string): void {
  if (marked.has(name)) return;
  marked.add(name);
  try {
    performance.mark(`kal:${name}`);
  } catch {
    /* no User Timing (tests): nothing to record */
  }
}
