// Run detection on a saved page:  npm run detect -- <saved-page.html> <url>
// Prints the PageContext as JSON. Exit code 2 on bad arguments.
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { detectPage } from '../lib/detect/index';

const args = process.argv.slice(2).filter((a) => a !== '--');
const [file, href] = args;
let url: URL | undefined;
try {
  url = href ? new URL(href) : undefined;
} catch {
  url = undefined;
}
if (!file || !url) {
  console.error('usage: npm run detect -- <saved-page.html> <url>');
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
const doc = new window.DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html') as unknown as Document;
console.log(JSON.stringify(detectPage(doc, url), null, 2));
await window.happyDOM.close();
