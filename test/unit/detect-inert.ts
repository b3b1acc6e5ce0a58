// Parse saved real pages as data: their stylesheets, iframes and scripts are never loaded.
import { Window } from 'happy-dom';

const win = new Window({
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
    navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
  },
});

export const parseInert = (html: string): Document => new win.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
export const closeInert = (): Promise<void> => win.happyDOM.close();
