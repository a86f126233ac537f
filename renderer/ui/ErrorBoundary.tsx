import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What failed, in words ("The Timeline tab"). */
  what: string;
  children: ReactNode;
  /** Replaces the default box (e.g. a table row naming the damaged record). */
  fallback?: (error: Error, retry: () => void) => ReactNode;
}

interface State {
  error: Error | null;
}

/** Keeps one failing part from blanking the app: shows what failed and offers a retry. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.what} failed`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    if (this.props.fallback) return this.props.fallback(error, () => this.setState({ error: null }));
    return (
      <div className="error-box" role="alert">
        <h2>{this.props.what} could not be shown</h2>
        <p className="mono">{error.message}</p>
        <button type="button" className="btn" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
