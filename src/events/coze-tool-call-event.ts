import type {ToolCallRequest, ToolOutput} from '../state/types.js';
import {CozeEvent} from './coze-event.js';

export interface CozeToolCallDetail {
  /** The functions the bot wants this page to run, with parsed arguments. */
  readonly toolCalls: readonly ToolCallRequest[];
}

/**
 * Fired when the bot asks the page to run local functions (a local plugin,
 * `requires_action`). Call `respondWith()` during the event with the outputs
 * (or a Promise of them); they are sent back to Coze and the answer goes on.
 * When nobody responds, the reader sees a notice instead.
 */
export class CozeToolCallEvent extends CozeEvent<CozeToolCallDetail> {
  static override readonly eventName = 'coze-tool-call';
  #response?: Promise<readonly ToolOutput[]>;

  /** Supplies the outputs, one per tool call (`{toolCallId, output}`; output is a string, JSON-encode structured results). */
  respondWith(outputs: readonly ToolOutput[] | Promise<readonly ToolOutput[]>): void {
    if (this.#response) throw new Error('coze-tool-call: respondWith() was already called.');
    this.#response = Promise.resolve(outputs);
  }

  /** The outputs supplied with `respondWith()`, if any. */
  get response(): Promise<readonly ToolOutput[]> | undefined {
    return this.#response;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'coze-tool-call': CozeToolCallEvent;
  }
}
