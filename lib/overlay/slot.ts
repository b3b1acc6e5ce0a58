// Where injected on-demand scripts (lib/detect/on-demand.ts) leave their function for the content
// script: a property of the content scripts' isolated world's global object, which declared
// content scripts and `scripting.executeScript` files of this extension share (Chrome's ISOLATED
// world, Firefox's content-script sandbox) and the page's own scripts never see.
import type { OnDemandName } from '../detect/on-demand';
import type { StrictDetector } from '../detect/family/safe';

export type { StrictDetector };
/** The page skeleton copier (lib/detect/skeleton.ts pageSkeleton). */
export type SkeletonCopier = (doc: Document, url: URL) => string;

type Slot = Partial<Record<OnDemandName, StrictDetector | SkeletonCopier>>;
const slot = (): Slot => ((globalThis as { __kalOnDemand?: Slot }).__kalOnDemand ??= {});

/** Called by an injected script: make `fn` available to the content script. */
export function provide(name: OnDemandName, fn: StrictDetector | SkeletonCopier): void {
  slot()[name] = fn;
}

/** The function an injected script provided, if it was injected into this page. */
export function provided<T extends StrictDetector | SkeletonCopier>(name: OnDemandName): T | undefined {
  return slot()[name] as T | undefined;
}
