// The coze-* tags in markup: their props and events, checked by svelte-check.
import type {} from 'coze-chat-elements/types/svelte'
