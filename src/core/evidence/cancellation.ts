// Stopping a long collection (thousands of reports) from outside it: the Evidence view's Cancel, the progress
// notification's, Ctrl+C on the command line. Shaped like VS Code's CancellationToken, so the editor's token can
// be passed as it is, while the core stays free of `vscode`.

export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

/** A token and the one switch that cancels it; cancelling twice is the same as once. */
export class CancellationSource {
  private requested = false;
  readonly token: CancellationToken;

  constructor() {
    const isRequested = () => this.requested;
    this.token = {
      get isCancellationRequested() {
        return isRequested();
      },
    };
  }

  cancel(): void {
    this.requested = true;
  }
}

/** A token that is never cancelled, for callers that offer no way to stop. */
export const NEVER_CANCELLED: CancellationToken = { isCancellationRequested: false };
