// Svelte 5: the tags in svelte/elements with one import.
import type {} from 'coze-chat-elements/types/svelte';
import type {SvelteHTMLElements} from 'svelte/elements';

export const attributes: SvelteHTMLElements['coze-chat'] = {
  'bot-id': '7420000000000000000',
  mode: 'headless',
  token: () => 'token from the server',
  beforeHide: async () => false,
  'oncoze-message': (event) => event.detail.message.content,
  class: 'chat',
};
// @ts-expect-error: not a theme
export const badTheme: SvelteHTMLElements['coze-chat'] = {theme: 'sepia'};
export const badDetail: SvelteHTMLElements['coze-chat'] = {
  // @ts-expect-error: the event's detail has no such field
  'oncoze-error': (event) => event.detail.nope,
};
export const list: SvelteHTMLElements['coze-conversation-list'] = {
  'oncoze-conversation-select': (event) => event.detail.conversationId,
};
