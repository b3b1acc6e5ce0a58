// A woken background matches the page while the sidebar's first view request is on its way: the
// "page" event can arrive before the answer to a view computed before the match. The sidebar,
// which does not know its tab until that answer, must not drop the event, or it stays empty.
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { mount } from './react-mount';
import type { KalEvent, SidebarView } from '../../lib/messaging/protocol';

const answers: ((v: SidebarView) => void)[] = [];
let emit: (e: KalEvent) => void = () => {};
vi.mock('@/lib/messaging/client', () => ({
  call: vi.fn((type: string) => {
    if (type !== 'sidebar.view') throw new Error(`unexpected ${type}`);
    return new Promise<SidebarView>((resolve) => answers.push(resolve));
  }),
  broadcast: vi.fn(),
}));
vi.mock('@/lib/messaging/event-port', () => ({
  onEventViaPort: (f: (e: KalEvent) => void) => {
    emit = f;
    return () => {};
  },
}));

const { useSidebarView } = await import('../../components/sidebar/useSidebarView');
const { I18nProvider } = await import('../../components/i18n');

function Probe() {
  const { view } = useSidebarView();
  return <p>{view ? (view.ctx?.url ?? 'no page yet') : 'loading'}</p>;
}

const URL = 'https://www.linkedin.com/in/paul-durand/';
const before: SidebarView = { tabId: 7, ctx: null, candidates: [], account: null, canEdit: true, participants: [], domains: [] } as unknown as SidebarView;
const after = { ...before, ctx: { site: 'linkedin', kind: 'profile', url: URL } } as unknown as SidebarView;


describe('the sidebar view after the worker woke', () => {
  it('a page event that overtakes the first answer reloads the view: the page shows, the stale answer is dropped', async () => {
    const el = await mount(<I18nProvider><Probe /></I18nProvider>);
    expect(answers.length).toBe(1);
    await act(async () => emit({ kalEvent: 'page', tabId: 7 }));
    expect(answers.length).toBe(2);
    await act(async () => answers[1]!(after));
    await act(async () => answers[0]!(before)); // the stale answer, computed before the match
    expect(el.textContent).toBe(URL);
  });

  it('once the tab is known, another tab\'s page event is ignored', async () => {
    answers.length = 0;
    const el = await mount(<I18nProvider><Probe /></I18nProvider>);
    await act(async () => answers[0]!(after));
    await act(async () => emit({ kalEvent: 'page', tabId: 8 }));
    expect([answers.length, el.textContent]).toEqual([1, URL]);
  });
});
