import {fixture, html, waitUntil} from '@open-wc/testing';
import {ifDefined} from 'lit/directives/if-defined.js';
import '../../src/index.js';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import type {CozeMessageList} from '../../src/elements/coze-message-list/coze-message-list.js';

export {loggedRequests, uniqueToken} from '../api/helpers.js';

/** Mounts a `<coze-chat>` talking to the emulator on this page's origin. */
export async function mountChat(
  token: string,
  options: {
    mode?: string;
    userId?: string;
    botId?: string;
    apiBase?: string;
    /** `request-timeout`, in seconds. */
    requestTimeout?: number;
    conversations?: boolean;
    style?: string;
  } = {}
): Promise<CozeChat> {
  const el = await fixture<CozeChat>(
    html`<coze-chat
      bot-id=${options.botId ?? '7500000000000000001'}
      token=${token}
      api-base=${options.apiBase ?? location.origin}
      user-id=${options.userId ?? `user-${token}`}
      mode=${options.mode ?? 'floating'}
      request-timeout=${ifDefined(options.requestTimeout)}
      ?conversations=${options.conversations ?? false}
      style=${ifDefined(options.style)}
    ></coze-chat>`
  );
  return el;
}

/** Finds an element through open shadow roots, e.g. `deep(el, 'coze-message-list', '[part~=error]')`. */
export function deep<T extends Element = HTMLElement>(
  root: Element,
  ...selectors: string[]
): T | null {
  let scope: Element | ShadowRoot | null = root;
  for (const [i, selector] of selectors.entries()) {
    const host: Element | ShadowRoot =
      scope instanceof Element && scope.shadowRoot ? scope.shadowRoot : scope!;
    scope = host.querySelector(selector);
    if (!scope) return null;
    if (i === selectors.length - 1) return scope as T;
  }
  return scope as T | null;
}

export function deepAll(root: Element, host: string, selector: string): HTMLElement[] {
  const inner = deep(root, host);
  return inner?.shadowRoot ? [...inner.shadowRoot.querySelectorAll<HTMLElement>(selector)] : [];
}

export const list = (chat: CozeChat) => deep<CozeMessageList>(chat, 'coze-message-list')!;
export const composer = (chat: CozeChat) => deep(chat, 'coze-composer')!;
export const input = (chat: CozeChat) =>
  deep<HTMLTextAreaElement>(chat, 'coze-composer', 'textarea')!;
export const launcherButton = (chat: CozeChat) =>
  deep<HTMLButtonElement>(chat, 'coze-launcher', 'button')!;
export const messages = (chat: CozeChat) => deepAll(chat, 'coze-message-list', '[part~="message"]');

/** Types into the composer the way a reader does (input events). */
export function typeInto(chat: CozeChat, text: string): void {
  const textarea = input(chat);
  textarea.value = text;
  textarea.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
}

/** Waits until the chat is idle with an answer (or an error) after the last question. */
export async function settled(chat: CozeChat, timeout = 8000): Promise<void> {
  await waitUntil(
    () => {
      const rows = messages(chat);
      const last = rows.at(-1);
      return (
        Boolean(last) &&
        last!.dataset.status !== 'streaming' &&
        !deep(chat, 'coze-composer', '[part~="stop-button"]')
      );
    },
    'the answer did not settle',
    {timeout}
  );
}

export const lastRow = (chat: CozeChat) => messages(chat).at(-1)!;
