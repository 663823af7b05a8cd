import {expect} from '@open-wc/testing';

export {loggedRequests, uniqueToken} from '../api/helpers.js';

export const BOT = '7500000000000000001';

/** The two CDN files, as a page includes them. */
export const BUNDLES = [
  {
    name: 'ES module',
    src: '/dist/cdn/coze-chat-elements.js',
    tag: '<script type="module" src="/dist/cdn/coze-chat-elements.js"></script>',
  },
  {
    name: 'classic script',
    src: '/dist/cdn/coze-chat-elements.iife.js',
    tag: '<script src="/dist/cdn/coze-chat-elements.iife.js"></script>',
  },
] as const;

/**
 * The text of a built file. Fails (never skips) when it is missing: these tests are about
 * what ships, and `npm test` builds first.
 */
export async function built(src: string): Promise<string> {
  const response = await fetch(src, {cache: 'no-store'});
  expect(response.ok, `${src} is missing: run \`npm run build\``).to.equal(true);
  return response.text();
}

/** A page of its own (an iframe) with `head` and `body` as given, loaded. */
export async function page(body: string, head = ''): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 900px; height: 800px;';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  frame.srcdoc = `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`;
  document.body.append(frame);
  await loaded;
  return frame;
}

/** Finds an element through open shadow roots, e.g. `deep(chat, 'coze-message-list', '.prologue')`. */
export function deep<T extends Element = HTMLElement>(
  root: Element,
  ...selectors: string[]
): T | null {
  let scope: Element | null = root;
  for (const selector of selectors) {
    scope = (scope.shadowRoot ?? scope).querySelector(selector);
    if (!scope) return null;
  }
  return scope as T;
}

export const rows = (chat: Element) => [
  ...(deep(chat, 'coze-message-list')?.shadowRoot?.querySelectorAll<HTMLElement>(
    '[part~="message"]'
  ) ?? []),
];

/** Types a question into the composer and presses Send, as a reader does. */
export async function ask(chat: Element, question: string): Promise<void> {
  const textarea = deep<HTMLTextAreaElement>(chat, 'coze-composer', 'textarea');
  expect(Boolean(textarea), 'a textarea in the composer').to.equal(true);
  textarea!.value = question;
  textarea!.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
  await (deep(chat, 'coze-composer') as HTMLElement & {updateComplete: Promise<unknown>})
    .updateComplete;
  const send = deep<HTMLButtonElement>(chat, 'coze-composer', '[part~="send-button"]')!;
  expect(send.disabled, 'Send enabled once there is text').to.equal(false);
  send.click();
}

/**
 * Records, from the first mutation on, whether an answer was ever seen on screen with part
 * of its text while still streaming (a MutationObserver sees every rendered state).
 */
export function watchStreaming(chat: Element): {partial: () => string} {
  let partial = '';
  const observer = new MutationObserver(() => {
    const last = rows(chat).at(-1);
    const text = last ? (deep(last, '.md')?.textContent ?? '') : '';
    if (
      last?.dataset.role === 'assistant' &&
      last.dataset.status === 'streaming' &&
      text &&
      !partial
    ) {
      partial = text;
      observer.disconnect();
    }
  });
  const watch = () => {
    const root = deep(chat, 'coze-message-list')?.shadowRoot;
    if (root) observer.observe(root, {childList: true, subtree: true, characterData: true});
    else setTimeout(watch, 10);
  };
  watch();
  return {partial: () => partial};
}

/** The scripts a page fetched, by path, with when each arrived. */
export const fetchedScripts = (frame: HTMLIFrameElement) =>
  (frame.contentWindow!.performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((entry) => entry.initiatorType === 'script' || entry.name.endsWith('.js'))
    .map((entry) => ({path: new URL(entry.name).pathname, end: entry.responseEnd}));
