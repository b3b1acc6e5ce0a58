// Where injected on-demand scripts (lib/detect/on-demand.ts) leave their function for the content
// script: a property of the content scripts' isolated world's global object, which declared
// content scripts and `scripting.executeScript` files of this extension share (Chrome's ISOLATED
// world, Firefox's content-script sandbox) and the page's own scripts never see.
import type { NeedsPart, OnDemandName } from '../detect/on-demand';
import type { StrictDetector } from '../detect/family/safe';
import type { ProfileLd } from '../detect/linkedin-profile-ld';
import type { PageContext } from '../types';

export type { StrictDetector };
/** A page detector as injected: its page's context, or a part it needs first (lib/detect/on-demand.ts). */
export type OnDemandDetector = (doc: Document, url: URL) => PageContext | NeedsPart | undefined;
/** The page skeleton copier (lib/detect/skeleton.ts pageSkeleton). */
export type SkeletonCopier = (doc: Document, url: URL) => string;
/** Anything an injected script leaves here: a detector, a detector's part, the skeleton copier. */
export type Provided = OnDemandDetector | ProfileLd | SkeletonCopier;

type Slot = Partial<Record<OnDemandName, Provided>>;
const slot = (): Slot => ((globalThis as { __kalOnDemand?: Slot }).__kalOnDemand ??= {});

/** Called by an injected script: make `fn` available to the content script. */
export function provide(name: OnDemandName, fn: Provided): void {
  slot()[name] = fn;
}

/** What an injected script provided, if it was injected into this page. */
export function provided<T extends Provided>(name: OnDemandName): T | undefined {
  return slot()[name] as T | undefined;
}
