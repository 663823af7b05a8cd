/**
 * What `send()` rejects with while an answer is still being written (or its local functions
 * run): one question at a time, as in Coze, and nothing is queued. Wait for the answer (the
 * promise of the earlier `send()`), or `cancel()` it, then send again.
 */
export class ChatBusyError extends Error {
  constructor() {
    super('An answer is still being written: wait for it or cancel it, then send again.');
    this.name = 'ChatBusyError';
  }
}
