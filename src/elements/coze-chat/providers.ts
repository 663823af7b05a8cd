/**
 * The context a `<coze-chat>` provides to the parts inside it: the conversation snapshot, the
 * actions and the display settings. Loaded with the session, so the first chunk carries no
 * provider; the chat holds the requests that come before (see `CozeChat`) and passes them on
 * once these exist.
 */
import {ContextProvider} from '@lit/context';
import type {ReactiveControllerHost} from 'lit';
import {chatActionsContext, chatStateContext, chatUiContext} from '../../state/context.js';

/** The three providers on `host`, with no value until the session sets one. */
export function createProviders(host: ReactiveControllerHost & HTMLElement) {
  return {
    state: new ContextProvider(host, {context: chatStateContext}),
    actions: new ContextProvider(host, {context: chatActionsContext}),
    ui: new ContextProvider(host, {context: chatUiContext}),
  };
}
