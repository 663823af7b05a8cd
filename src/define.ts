import {
  CozeChat,
  CozeComposer,
  CozeConversationList,
  CozeLauncher,
  CozeMessageList,
} from './elements/index.js';

/**
 * Registers the elements. Safe to run twice (e.g. two bundles on one page):
 * a tag that is already defined is left alone. `coze-chat` goes first so the
 * parts inside it find their context provider when they upgrade.
 */
const elements: Array<[string, CustomElementConstructor]> = [
  ['coze-chat', CozeChat],
  ['coze-launcher', CozeLauncher],
  ['coze-message-list', CozeMessageList],
  ['coze-composer', CozeComposer],
  ['coze-conversation-list', CozeConversationList],
];

for (const [tag, element] of elements) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
