/// <reference types="mocha" />
// The chat's context (snapshot, actions, display settings) is provided from the session chunk.
// Whoever asks for it before that chunk has arrived (the parts of a headless chat, a page's
// own element) is answered once it lands, over a slow network as over a fast one.
import {expect, waitUntil} from '@open-wc/testing';
import {BOT, built, deep, page, uniqueToken} from './helpers.js';

const ENTRY = '/dist/cdn/coze-chat-elements.js';

/** What the page's own element recorded: the values given for each context, in order. */
interface Asker extends HTMLElement {
  asked: number;
  answered: number;
  state: Array<{status?: string}>;
  ui: Array<{botName?: string}>;
}

describe('context asked for before the session chunk arrives', () => {
  let frame: HTMLIFrameElement | undefined;
  before(() => built(ENTRY));
  afterEach(() => frame?.remove());

  it('is given once the chunk lands, and later values follow', async () => {
    const delay = 1500;
    const src = `/__slow/${delay}-${Math.random().toString(36).slice(2)}${ENTRY}`;
    const token = uniqueToken('held');
    // A page's own element asking the way any context consumer does (the community protocol
    // `@lit/context` speaks), as soon as it is in the page: before the chunk can have come.
    const asker = `<script type="module">
      import {chatStateContext, chatUiContext} from '${src}';
      customElements.define('context-asker', class extends HTMLElement {
        asked = 0; answered = 0; state = []; ui = [];
        connectedCallback() {
          for (const [context, into] of [[chatStateContext, this.state], [chatUiContext, this.ui]]) {
            const request = new Event('context-request', {bubbles: true, composed: true});
            Object.assign(request, {context, contextTarget: this, subscribe: true, callback: (value) => {
              this.answered ||= performance.now();
              into.push(value);
            }});
            this.dispatchEvent(request);
          }
          this.asked = performance.now();
        }
      });
    </script>`;
    frame = await page(
      `<coze-chat mode="headless" bot-id="${BOT}" token="${token}" api-base="${location.origin}" user-id="held-${token}">
        <context-asker></context-asker>
        <coze-message-list></coze-message-list>
      </coze-chat>`,
      `<script type="module" src="${src}"></script>${asker}`
    );
    const doc = frame.contentDocument!;
    const element = doc.querySelector<Asker>('context-asker')!;
    await waitUntil(() => element.asked > 0, 'the element asked', {timeout: 5000});
    await waitUntil(() => element.ui.length > 0 && element.state.length > 0, 'no context given', {
      timeout: 8000,
    });
    const chunk = (
      frame.contentWindow!.performance.getEntriesByType('resource') as PerformanceResourceTiming[]
    ).find((entry) => /chat-session-/.test(entry.name));
    expect(chunk, 'the panel chunk').to.not.equal(undefined);
    expect(
      chunk!.responseEnd - element.asked,
      'asked long before the chunk came'
    ).to.be.greaterThan(delay - 500);
    expect(element.ui.at(-1)!.botName, 'display settings').to.be.a('string');

    // Subscribed: the snapshot that follows as the profile and conversation load arrives too.
    await waitUntil(() => element.state.length > 1, 'no later snapshot', {timeout: 8000});
    // The page's own <coze-message-list>, defined by the chunk before its providers exist,
    // was answered the same way: it shows the bot's prologue.
    await waitUntil(
      () => deep(doc.querySelector('coze-message-list')!, '.prologue'),
      'the page’s message list got no context',
      {timeout: 8000}
    );
  }).timeout(20000);
});
