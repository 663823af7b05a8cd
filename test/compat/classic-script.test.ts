/// <reference types="mocha" />
import {expect, waitUntil} from '@open-wc/testing';
import type {WebChatClient} from '../../src/compat/web-chat-client.js';
import type {WebChatClientOptions} from '../../src/compat/types.js';
import {BOT, uniqueToken} from './helpers.js';

const SCRIPT = '/dist/cdn/coze-chat-elements.iife.js';

interface SdkWindow extends Window {
  CozeWebSDK?: {
    WebChatClient: (new (options: WebChatClientOptions) => WebChatClient) & {
      clients: WebChatClient[];
    };
  };
}

/** A page in an iframe that loads the build as a classic script, the way the official snippet does. */
async function pageWithScript(html: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 700px;';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  frame.srcdoc = html;
  document.body.append(frame);
  await loaded;
  return frame;
}

describe('the classic-script build', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  // `npm test` builds first: a missing or stale build fails here, it is never skipped.
  before(async () => {
    const response = await fetch(SCRIPT, {cache: 'no-store'});
    expect(response.ok, `${SCRIPT} is missing: run \`npm run build\``).to.equal(true);
    expect(await response.text(), 'the build defines CozeWebSDK').to.contain('CozeWebSDK');
  });

  it('defines window.CozeWebSDK.WebChatClient, which mounts a working chat', async () => {
    frame = await pageWithScript(
      `<!doctype html><html lang="en"><body><script src="${SCRIPT}"></script></body></html>`
    );
    const win = frame.contentWindow as SdkWindow;
    expect(win.CozeWebSDK?.WebChatClient).to.be.a('function');
    const client = new win.CozeWebSDK!.WebChatClient({
      config: {botId: BOT, apiBase: location.origin},
      auth: {type: 'token', token: uniqueToken('iife'), onRefreshToken: () => 'unused'},
      ui: {chatBot: {title: 'From the classic script'}},
    });
    const chat = win.document.querySelector('coze-chat')!;
    expect(Boolean(chat), 'a coze-chat in the page').to.equal(true);
    expect(win.CozeWebSDK!.WebChatClient.clients.length).to.equal(1);
    expect(await client.showChatBot()).to.equal(true);
    await waitUntil(
      () =>
        chat.shadowRoot?.querySelector('coze-message-list')?.shadowRoot?.querySelector('.prologue'),
      'the prologue did not appear',
      {timeout: 8000}
    );
    expect(chat.shadowRoot!.querySelector('[part~="title"]')!.textContent!.trim()).to.equal(
      'From the classic script'
    );
    client.destroy();
    expect(win.document.querySelector('coze-chat') === null, 'removed').to.equal(true);
  });

  it('works from a snippet in <head>, before <body> exists', async () => {
    const options = JSON.stringify({
      config: {botId: BOT, apiBase: location.origin},
      auth: {type: 'token', token: uniqueToken('head')},
    });
    frame = await pageWithScript(
      `<!doctype html><html lang="en"><head><script src="${SCRIPT}"></script>` +
        `<script>window.client = new CozeWebSDK.WebChatClient(${options}); window.bodyAtStart = Boolean(document.body);</script>` +
        `</head><body><p>page</p></body></html>`
    );
    const win = frame.contentWindow as SdkWindow & {client: WebChatClient; bodyAtStart: boolean};
    expect(win.bodyAtStart).to.equal(false);
    const chat = win.document.querySelector('coze-chat')!;
    // Booleans only: chai's failure message for an element of another window can take minutes to build.
    expect(chat.parentElement === win.document.body, 'mounted in the body').to.equal(true);
    expect(await win.client.showChatBot()).to.equal(true);
  });
});
