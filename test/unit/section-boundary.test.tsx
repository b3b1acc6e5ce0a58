// A section that throws while rendering (a stored value no view expected) leaves the rest of the
// page in place (issue 12, 6b: never a blank page).
import { describe, expect, it, vi } from 'vitest';
import { mount } from './react-mount';
import { SectionBoundary } from '../../components/ui/SectionBoundary';

function Broken(): never {
  throw new RangeError('Invalid time value');
}

describe('SectionBoundary', () => {
  it('shows a message for the broken section only; the other sections still render', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const el = await mount(
      <main>
        <SectionBoundary name="Dates" message="This part could not be shown" retry="Retry">
          <Broken />
        </SectionBoundary>
        <SectionBoundary name="Notes" message="This part could not be shown" retry="Retry">
          <p data-testid="ok">Met the CFO</p>
        </SectionBoundary>
      </main>,
    );
    expect(el.querySelector('[data-testid="section-error-Dates"]')?.textContent).toBe('This part could not be shownRetry');
    expect(el.querySelector('[data-testid="section-error-Notes"]')).toBeNull();
    expect(el.querySelector('[data-testid="ok"]')?.textContent).toBe('Met the CFO');
    quiet.mockRestore();
  });
});
