// What a webview reported after its last render, and promises for the next report that passes a test: how the
// API activate() returns (tests, other extensions) learns what a view drew without reaching into its DOM.

export class RenderedStates<S> {
  private last: S | undefined;
  private readonly waiters: Array<{ accept: (state: S) => boolean; resolve: (state: S) => void }> = [];

  /** The webview says it rendered `state`: remember it and settle every waiter that accepts it. */
  rendered(state: S): void {
    this.last = state;
    for (const waiter of [...this.waiters]) {
      if (!waiter.accept(state)) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(state);
    }
  }

  /** The last state rendered, or the next one that `accept`s. */
  next(accept?: (state: S) => boolean): Promise<S> {
    if (!accept && this.last) return Promise.resolve(this.last);
    return new Promise((resolve) => this.waiters.push({ accept: accept ?? (() => true), resolve }));
  }
}
