// @open-wc/semantic-dom-diff declares every chai `equal` to return a Promise, so a
// type-aware lint would take each plain `expect(x).to.equal(y)` for an unawaited
// promise. Only `.dom.equal` and `.shadowDom.equal` are asynchronous; this overload,
// merged in first, gives the synchronous ones their real type.
declare global {
  namespace Chai {
    interface Equal {
      (value: unknown, message?: string): Assertion;
    }
  }
}
export {};
