// The last line of defence against a white screen: a render error shows what happened and a
// way out, and the autosaved workspace stays untouched.
import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="overlay" role="alert">
        <div className="card">
          <h3 style={{ marginTop: 0 }}>Steplab hit a problem drawing this screen</h3>
          <p>{this.state.error.message}</p>
          <p>Your workspace is saved. Reload to continue; if it happens again, open an example from the menu.</p>
          <button className="primary" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </div>
    );
  }
}
