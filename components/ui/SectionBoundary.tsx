// One section that fails to render (a stored value no view expected) must not blank the whole
// page: React unmounts the entire tree on an uncaught render error. Each section of the sidebar
// is wrapped in its own boundary, which shows a short message and a retry instead (issue 12, 6b).
// The sidebar's sections and the dashboard's pages and sections use this one component.
import { Component, type ReactNode } from 'react';

interface Props {
  /** names the section in `data-testid="section-error-<name>"` */
  name: string;
  message: string;
  retry: string;
  /** when it changes (another page, other data) a failed section tries again */
  resetKey?: unknown;
  children: ReactNode;
}

export class SectionBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidUpdate(prev: Props) {
    if (this.state.error && !Object.is(prev.resetKey, this.props.resetKey)) this.setState({ error: null });
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
