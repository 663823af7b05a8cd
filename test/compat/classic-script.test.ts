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

/** A blank page in an iframe that loads `src` as a classic script, the way the official snippet does. */
async function pageWithScript(src: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 700px;';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  frame.srcdoc = `<!doctype html><html lang="en"><body><script src="${src}"></script></body></html>`;
  document.body.append(frame);
  await loaded;
  return frame;
}

describe('the classic-script build', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('defines window.CozeWebSDK.WebChatClient, which mounts a working chat', async function () {
    const response = await fetch(SCRIPT);
    const source = response.ok ? await response.text() : '';
    // The build is not part of the test run: skip when it is absent, or older than the facade.
    if (!source.includes('CozeWebSDK')) this.skip();

    frame = await pageWithScript(SCRIPT);
    const win = frame.contentWindow as SdkWindow;
    expect(win.CozeWebSDK?.WebChatClient).to.be.a('function');
    const client = new win.CozeWebSDK!.WebChatClient({
      config: {botId: BOT, apiBase: location.origin},
      auth: {type: 'token', token: uniqueToken('iife'), onRefreshToken: () => 'unused'},
      ui: {chatBot: {title: 'From the classic script'}},
    });
    const chat = win.document.querySelector('coze-chat')!;
    expect(chat).to.exist;
    expect(win.CozeWebSDK!.WebChatClient.clients).to.have.length(1);
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
    expect(win.document.querySelector('coze-chat')).to.equal(null);
  });
});
