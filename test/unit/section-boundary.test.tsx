// A section that throws while rendering (a stored value no view expected) leaves the rest of the
// page in place (issue 12, 6b: never a blank page).
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { SectionBoundary } from '../../components/ui/SectionBoundary';

function Broken(): never {
  throw new RangeError('Invalid time value');
}

describe('SectionBoundary', () => {
  it('shows a message for the broken section only; the other sections still render', async () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const el = document.createElement('div');
    document.body.append(el);
    const root = createRoot(el);
    await act(async () => {
      root.render(
        <main>
          <SectionBoundary name="Dates" message="This part could not be shown" retry="Retry">
            <Broken />
          </SectionBoundary>
          <SectionBoundary name="Notes" message="This part could not be shown" retry="Retry">
            <p data-testid="ok">Met the CFO</p>
          </SectionBoundary>
        </main>,
      );
    });
    expect(el.querySelector('[data-testid="section-error-Dates"]')?.textContent).toBe('This part could not be shownRetry');
    expect(el.querySelector('[data-testid="section-error-Notes"]')).toBeNull();
    expect(el.querySelector('[data-testid="ok"]')?.textContent).toBe('Met the CFO');
    await act(async () => root.unmount());
    quiet.mockRestore();
  });
});
