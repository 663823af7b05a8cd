import {waitUntil} from '@open-wc/testing';
import {WebChatClient, type WebChatClientOptions} from '../../src/index.js';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';

export {loggedRequests, uniqueToken} from '../api/helpers.js';

export const BOT = '7500000000000000001';

/** Official-shaped options for the emulator's bot, with `extra` merged in (sections one level deep). */
export function botOptions(
  token: string,
  extra: Record<string, unknown> = {}
): WebChatClientOptions {
  const base: Record<string, Record<string, unknown>> = {
    config: {type: 'bot', botId: BOT, apiBase: location.origin},
    auth: {type: 'token', token, onRefreshToken: () => token},
    userInfo: {id: `user-${token}`, url: `${location.origin}/__emulator/icon.svg`, nickname: 'Ada'},
  };
  const out: Record<string, unknown> = {...base};
  for (const [key, value] of Object.entries(extra)) {
    out[key] = base[key] && value && typeof value === 'object' ? {...base[key], ...value} : value;
  }
  return out as unknown as WebChatClientOptions;
}

/** Every `<coze-chat>` in the document (outside shadow roots). */
export const chatsInPage = () => [...document.querySelectorAll('coze-chat')];

/** The element a client mounted. */
export function chatOf(client: WebChatClient): CozeChat {
  const el = client.element;
  if (!el) throw new Error('nothing mounted');
  return el;
}

/** Removes whatever a test left behind. */
export function destroyAll(): void {
  for (const client of [...WebChatClient.clients]) client.destroy();
}

/** Finds an element through open shadow roots, e.g. `deep(chat, 'coze-message-list', '.prologue')`. */
export function deep<T extends Element = HTMLElement>(
  root: Element,
  ...selectors: string[]
): T | null {
  let scope: Element | null = root;
  for (const selector of selectors) {
    const host: ParentNode = scope.shadowRoot ?? scope;
    scope = host.querySelector(selector);
    if (!scope) return null;
  }
  return scope as T;
}

export const messages = (chat: CozeChat) => [
  ...(deep(chat, 'coze-message-list')?.shadowRoot?.querySelectorAll<HTMLElement>(
    '[part~="message"]'
  ) ?? []),
];

/** Waits for the prologue, i.e. the bot info has loaded. */
export const prologue = (chat: CozeChat) =>
  waitUntil(() => deep(chat, 'coze-message-list', '.prologue'), 'the prologue did not appear', {
    timeout: 8000,
  });

/** Types a question into the composer and presses its Send button, as a reader would. */
export async function ask(chat: CozeChat, question: string): Promise<void> {
  const textarea = deep<HTMLTextAreaElement>(chat, 'coze-composer', 'textarea')!;
  textarea.value = question;
  textarea.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
  const composer = deep<HTMLElement & {updateComplete: Promise<unknown>}>(chat, 'coze-composer')!;
  await composer.updateComplete;
  deep<HTMLButtonElement>(chat, 'coze-composer', '[part~="send-button"]')!.click();
}

/** Waits until the last message is a completed answer. */
export const answered = (chat: CozeChat) =>
  waitUntil(
    () => {
      const last = messages(chat).at(-1);
      return last?.dataset.role === 'assistant' && last.dataset.status === 'complete';
    },
    'no complete answer',
    {timeout: 8000}
  );
