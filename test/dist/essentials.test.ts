/// <reference types="mocha" />
// The essentials of the suite, run against the built CDN files as a page loads them (each in
// a page of its own), not against the sources. The test server resolves bare imports, a CDN
// does not: the first test reads the module's source for them.
import {expect, waitUntil} from '@open-wc/testing';
import type {WebChatClient} from '../../src/compat/web-chat-client.js';
import type {WebChatClientOptions} from '../../src/compat/types.js';
import {
  ask,
  BOT,
  BUNDLES,
  built,
  deep,
  loggedRequests,
  page,
  rows,
  uniqueToken,
  watchStreaming,
} from './helpers.js';

type ClientClass = new (options: WebChatClientOptions) => WebChatClient;
/** A page's window: `CozeWebSDK` and `CozeChatElements` (classic script), `esm` (the module's exports). */
interface BundleWindow extends Window {
  esm?: {WebChatClient: ClientClass};
}

const answered = (chat: Element) => () => {
  const last = rows(chat).at(-1);
  return last?.dataset.role === 'assistant' && last.dataset.status === 'complete';
};

describe('the built ES module is self-contained', () => {
  it('imports nothing but its own directory', async () => {
    const source = await built(BUNDLES[0].src);
    // A bare specifier (`from"lit"`, `import("marked")`) only resolves under a bundler or an import map.
    const bare = source.match(/(?:\bfrom|\bimport)\s*\(?\s*["'](?![./])[^"']+["']/g) ?? [];
    expect(bare).to.deep.equal([]);
    expect(source).to.contain('customElements.define');
  });
});

for (const bundle of BUNDLES) {
  describe(`the built ${bundle.name}`, () => {
    let frame: HTMLIFrameElement | undefined;
    before(() => built(bundle.src));
    afterEach(() => frame?.remove());

    it('renders every element, sends a typed question, streams the answer and fires coze-message', async () => {
      const token = uniqueToken('dist');
      frame = await page(
        `<coze-chat mode="inline" style="display:block;height:700px" bot-id="${BOT}" token="${token}"
          api-base="${location.origin}" user-id="reader-${token}"></coze-chat>`,
        bundle.tag
      );
      const win = frame.contentWindow!;
      const tags = ['coze-message-list', 'coze-composer', 'coze-conversation-list'];
      if (bundle.name === 'ES module') {
        // The entry defines the chat and the launcher; an inline chat loads its parts at once,
        // and the conversation list only when a chat turns it on.
        for (const tag of ['coze-chat', 'coze-launcher']) {
          expect(Boolean(win.customElements.get(tag)), `${tag} defined`).to.equal(true);
        }
        await waitUntil(
          () => tags.slice(0, 2).every((tag) => win.customElements.get(tag)),
          'the parts were not defined',
          {timeout: 8000}
        );
        expect(Boolean(win.customElements.get(tags[2])), `${tags[2]} not loaded`).to.equal(false);
      } else {
        for (const tag of ['coze-chat', 'coze-launcher', ...tags]) {
          expect(Boolean(win.customElements.get(tag)), `${tag} defined`).to.equal(true);
        }
      }
      const chat = win.document.querySelector('coze-chat')!;
      await waitUntil(
        () => deep(chat, 'coze-message-list', '.prologue'),
        'the prologue did not appear',
        {timeout: 8000}
      );
      expect(deep(chat, 'coze-message-list', '.prologue')!.textContent).to.contain('Coze emulator');

      const completed: Array<{role: string; content: string}> = [];
      chat.addEventListener('coze-message', (e) =>
        completed.push((e as CustomEvent).detail.message)
      );
      const streaming = watchStreaming(chat);
      await ask(chat, 'Show me some markdown');
      await waitUntil(answered(chat), 'no complete answer', {timeout: 8000});

      const [question, answer] = rows(chat);
      expect(question.dataset.role).to.equal('user');
      expect(question.textContent).to.contain('Show me some markdown');
      // Rendered, not shown as source: the markdown answer has a heading, a table and code.
      expect(Boolean(deep(answer, '.md h2, .md h3')), 'a heading').to.equal(true);
      expect(Boolean(deep(answer, '.md table')), 'a table').to.equal(true);
      expect(Boolean(deep(answer, '.md pre code')), 'a code block').to.equal(true);
      const full = deep(answer, '.md')!.textContent!;
      expect(
        streaming.partial().length,
        'part of the answer on screen while it streamed'
      ).to.be.greaterThan(0);
      expect(streaming.partial().length).to.be.lessThan(full.length);

      expect(completed.map((m) => m.role)).to.deep.equal(['assistant']);
      expect(completed[0].content).to.contain('|');

      const chats = (await loggedRequests(token)).filter((r) => r.path === '/v3/chat');
      expect(chats).to.have.length(1);
      expect(chats[0].headers.authorization).to.equal(`Bearer ${token}`);
      const body = chats[0].body as {bot_id: string; user_id: string; stream: boolean};
      expect([body.bot_id, body.user_id, body.stream]).to.deep.equal([
        BOT,
        `reader-${token}`,
        true,
      ]);
    }).timeout(20000);

    it('runs the compat facade: the official options mount a chat that answers', async () => {
      const esm = bundle.name === 'ES module';
      frame = await page(
        '<p>host page</p>',
        esm
          ? `<script type="module">import * as esm from '${bundle.src}'; window.esm = esm;</script>`
          : bundle.tag
      );
      const win = frame.contentWindow as BundleWindow;
      const Client = esm ? win.esm?.WebChatClient : win.CozeWebSDK?.WebChatClient;
      expect(typeof Client, 'WebChatClient exported').to.equal('function');
      if (!esm)
        expect(
          win.CozeChatElements?.WebChatClient === Client,
          'the same class on CozeChatElements'
        ).to.equal(true);
      const token = uniqueToken('distcompat');
      const client = new Client!({
        config: {botId: BOT, apiBase: location.origin},
        auth: {type: 'token', token, onRefreshToken: () => token},
        userInfo: {
          id: `reader-${token}`,
          url: `${location.origin}/__emulator/icon.svg`,
          nickname: 'Ada',
        },
        ui: {chatBot: {title: 'Built facade'}},
      });
      // The ES module loads the facade's code as a chunk when a client is made: it mounts then.
      if (esm) await (client as WebChatClient & {ready: Promise<void>}).ready;
      const chat = win.document.querySelector('coze-chat')!;
      expect(chat.parentElement === win.document.body, 'mounted at the end of the body').to.equal(
        true
      );
      expect(chat.getAttribute('mode') ?? 'floating').to.equal('floating');
      expect(await client.showChatBot()).to.equal(true);
      await waitUntil(
        () => deep(chat, 'coze-message-list', '.prologue'),
        'the prologue did not appear',
        {timeout: 8000}
      );
      expect(deep(chat, '[part~="title"]')!.textContent!.trim()).to.equal('Built facade');
      expect(deep(chat, 'coze-message-list', '.prologue')!.textContent).to.contain('Hi Ada');
      await ask(chat, 'hello from the built facade');
      await waitUntil(answered(chat), 'no complete answer', {timeout: 8000});
      expect(await client.getToken()).to.equal(token);
      expect(await client.hideChatBot()).to.equal(true);
      client.destroy();
      expect(win.document.querySelector('coze-chat') === null, 'removed on destroy').to.equal(true);
    }).timeout(20000);
  });
}
