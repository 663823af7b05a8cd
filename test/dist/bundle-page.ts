// A page of its own (an iframe) that loads the built ES bundle and holds one <coze-chat>.
import {waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {BOT, BUNDLES, uniqueToken} from './helpers.js';

export interface BundlePage {
  frame: HTMLIFrameElement;
  doc: Document;
  win: Window & typeof globalThis;
  chat: CozeChat;
}

export interface PageOptions {
  /** Attributes of the `<coze-chat>` (besides bot, token, API base and user). */
  attributes?: string;
  width?: number;
  height?: number;
  /** Attributes of `<html>`. */
  html?: string;
  head?: string;
  /** Page content before the chat. */
  body?: string;
}

/** The page, loaded, with its chat defined and rendered. */
export async function bundlePage(label: string, options: PageOptions = {}): Promise<BundlePage> {
  const {
    attributes = 'mode="inline"',
    width = 900,
    height = 760,
    html = 'lang="en"',
    head = '',
    body = '',
  } = options;
  const frame = document.createElement('iframe');
  frame.width = String(width);
  frame.height = String(height);
  frame.className = 'bundle-page';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  const token = uniqueToken(label);
  frame.srcdoc = `<!doctype html><html ${html}><head><meta charset="utf-8">${head}${BUNDLES[0].tag}</head>
    <body>${body}<coze-chat ${attributes} bot-id="${BOT}" token="${token}" api-base="${location.origin}"
      user-id="user-${token}"></coze-chat></body></html>`;
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  const win = frame.contentWindow as Window & typeof globalThis;
  await waitUntil(
    () => win.customElements.get('coze-chat'),
    'the bundle did not define coze-chat',
    {timeout: 10000}
  );
  const chat = doc.querySelector('coze-chat') as CozeChat;
  await chat.updateComplete;
  return {frame, doc, win, chat};
}

/** The message list's shadow root. */
export const listRoot = (chat: Element) =>
  chat.shadowRoot?.querySelector('coze-message-list')?.shadowRoot ?? null;

export const inList = <T extends Element = HTMLElement>(chat: Element, selector: string) =>
  listRoot(chat)?.querySelector<T>(selector) ?? null;

export const allInList = <T extends Element = HTMLElement>(chat: Element, selector: string) => [
  ...(listRoot(chat)?.querySelectorAll<T>(selector) ?? []),
];

/** Sends `text` and waits for the answer to finish and render. */
export async function send(chat: CozeChat, text: string): Promise<void> {
  await chat.send(text);
  await chat.updateComplete;
  await (
    chat.shadowRoot?.querySelector('coze-message-list') as unknown as {
      updateComplete: Promise<unknown>;
    }
  )?.updateComplete;
}

/** How many lines the text of `element` is laid out on. */
export function lineCount(element: Element): number {
  const range = element.ownerDocument.createRange();
  range.selectNodeContents(element);
  return new Set(
    [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))
  ).size;
}

/** axe's serious and critical findings for `page`'s chat, run inside the page (axe is injected once). */
export async function axeViolations(page: BundlePage): Promise<string[]> {
  const win = page.win as Window & {
    axe?: {run: (context: Element, options: object) => Promise<AxeResults>};
  };
  if (!win.axe) {
    const script = page.doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    page.doc.head.append(script);
    await loaded;
  }
  const results = await win.axe!.run(page.chat, {resultTypes: ['violations']});
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' > ')).join('; ')}`
  );
}

interface AxeResults {
  violations: {id: string; impact: string; nodes: {target: string[]}[]}[];
}
