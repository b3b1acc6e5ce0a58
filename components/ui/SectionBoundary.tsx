// One section that fails to render (a stored value no view expected) must not blank the whole
// page: React unmounts the entire tree on an uncaught render error. Each section of the sidebar
// is wrapped in its own boundary, which shows a short message and a retry instead (issue 12, 6b).
import { Component, type ReactNode } from 'react';

export class SectionBoundary extends Component<{ name: string; message: string; retry: string; children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" data-testid={`section-error-${this.props.name}`} className="m-3 rounded bg-red-50 p-2 text-xs text-red-800 dark:bg-red-950 dark:text-red-200">
        <p>{this.props.message}</p>
        <button type="button" className="mt-1 underline" onClick={() => this.setState({ error: null })}>
          {this.props.retry}
        </button>
      </div>
    );
  }
}
