// Run detection on a saved page:  npm run detect -- <saved-page.html> <url>
// or on a page skeleton copied from the sidebar ("Copy page skeleton"): npm run detect -- skeleton.html
// (its first line holds the URL pattern). Prints the PageContext as JSON. Exit code 2 on bad arguments.
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { detectPage } from '../lib/detect/index';
import { skeletonUrl } from '../lib/detect/skeleton';

const args = process.argv.slice(2).filter((a) => a !== '--');
const [file, given] = args;
let html = '';
try {
  html = file ? readFileSync(file, 'utf8') : '';
} catch (e) {
  console.error(`cannot read ${file}: ${(e as Error).message}`);
  process.exit(2);
}
const href = given || skeletonUrl(html);
let url: URL | undefined;
try {
  url = href ? new URL(href) : undefined;
} catch {
  url = undefined;
}
if (!file || !url) {
  console.error('usage: npm run detect -- <saved-page.html> <url>   (the URL may be left out for a page skeleton)');
  process.exit(2);
}
// No script execution, no network: the page is data.
const window = new Window({
  url: url.href,
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
    navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
  },
});
const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
console.log(JSON.stringify(detectPage(doc, url), null, 2));
await window.happyDOM.close();
