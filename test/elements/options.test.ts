import {aTimeout, expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {deep, launcherButton, loggedRequests, messages, uniqueToken} from './helpers.js';

const BOT = '7500000000000000001';

/** Mounts a floating chat from markup, as a page would write it. */
async function mount(token: string, attributes: string): Promise<CozeChat> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div><coze-chat bot-id="${BOT}" token="${token}" api-base="${location.origin}" user-id="u-${token}" ${attributes}></coze-chat></div>`
  );
  const chat = wrapper.querySelector('coze-chat')!;
  await chat.updateComplete;
  return chat;
}

function captureConsole(method: 'error' | 'warn') {
  const seen: string[] = [];
  const original = console[method];
  console[method] = (...args: unknown[]) => seen.push(args.map(String).join(' '));
  return {seen, restore: () => (console[method] = original)};
}

const panel = (chat: CozeChat) => deep(chat, '[part~="panel"]')!;

describe('<coze-chat> options as attributes', () => {
  it('chat-title and icon: header title and icon, launcher icon', async () => {
    const chat = await mount(
      uniqueToken('title'),
      'chat-title="Trail guide" icon="/__emulator/icon.svg"'
    );
    await chat.show();
    expect(deep(chat, '[part~="title"]')!.textContent).to.equal('Trail guide');
    expect(deep(chat, '[part~="icon"]')!.getAttribute('src')).to.equal('/__emulator/icon.svg');
    await chat.hide();
    expect(deep(chat, 'coze-launcher', 'img')!.getAttribute('src')).to.equal(
      '/__emulator/icon.svg'
    );
  });

  it('user-avatar and user-nickname: shown on the user messages', async () => {
    const chat = await mount(
      uniqueToken('user'),
      'mode="inline" user-avatar="/__emulator/icon.svg" user-nickname="Ada"'
    );
    await chat.send('hello');
    const [question] = messages(chat);
    expect(deep(question, '[part~="avatar"]')!.getAttribute('src')).to.equal(
      '/__emulator/icon.svg'
    );
    expect(deep(question, '[part~="nickname"]')!.textContent).to.equal('Ada');
  });

  it('connector-id and parameters: sent to Coze', async () => {
    const token = uniqueToken('conn');
    const chat = await mount(
      token,
      `mode="inline" connector-id="1024" parameters='{"city":"Paris"}'`
    );
    await chat.send('hello');
    const log = await loggedRequests(token);
    const chatRequest = log.find((r) => r.path === '/v3/chat')!;
    expect((chatRequest.body as {connector_id: string}).connector_id).to.equal('1024');
    expect((chatRequest.body as {parameters: unknown}).parameters).to.deep.equal({city: 'Paris'});
    expect(log.find((r) => r.path === '/v1/conversations')!.query.connector_id).to.equal('1024');
  });

  it('z-index: launcher at z, panel at z-1', async () => {
    const chat = await mount(uniqueToken('z'), 'z-index="5000" layout="mobile"');
    await chat.show();
    const launcher = deep(chat, 'coze-launcher')!;
    expect(getComputedStyle(launcher).zIndex).to.equal('5000');
    expect(getComputedStyle(panel(chat)).zIndex).to.equal('4999');
  });

  it('layout="mobile": a full-viewport panel', async () => {
    const chat = await mount(uniqueToken('mobile'), 'layout="mobile"');
    await chat.show();
    const rect = panel(chat).getBoundingClientRect();
    expect(rect.width).to.equal(innerWidth);
    expect(rect.height).to.equal(innerHeight);
    expect(rect.top).to.equal(0);
  });

  it('width in the pc layout sets the panel width', async () => {
    const chat = await mount(uniqueToken('width'), 'layout="pc" width="600"');
    await chat.show();
    // Measured once it has grown out of the launcher.
    await Promise.all(
      panel(chat)
        .getAnimations()
        .map((a) => a.finished)
    );
    expect(panel(chat).getBoundingClientRect().width).to.equal(Math.min(600, innerWidth - 60));
  });

  it('no-launcher: no button; show() still opens', async () => {
    const chat = await mount(uniqueToken('nolauncher'), 'no-launcher');
    expect(deep(chat, 'coze-launcher')).to.equal(null);
    await chat.show();
    expect(panel(chat).hidden).to.equal(false);
  });

  it('no-header keeps a close button; no-close removes it', async () => {
    const chat = await mount(uniqueToken('noheader'), 'no-header');
    await chat.show();
    expect(deep(chat, '[part~="header"]')).to.equal(null);
    const close = deep<HTMLButtonElement>(chat, '[part~="close-button"]')!;
    close.click();
    await oneEvent(chat, 'coze-hide');
    chat.noClose = true;
    await chat.show();
    expect(deep(chat, '[part~="close-button"]')).to.equal(null);
  });

  it('no-footer hides the footer; footer-text fills {{name}} from footer-links, keeping only http(s) links', async () => {
    const links = JSON.stringify({
      site: {text: 'Northwind', link: 'https://example.com/'},
      bad: {text: 'click', link: 'javascript:alert(1)'},
      plain: {text: 'plain text'},
    });
    const chat = await mount(
      uniqueToken('footer'),
      `footer-text="Made by {{site}} · {{ bad }} · {{plain}} · {{missing}}" footer-links='${links}'`
    );
    await chat.show();
    const footer = deep(chat, '[part~="footer"]')!;
    expect(footer.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Made by Northwind · click · plain text ·'
    );
    const anchors = [...footer.querySelectorAll('a')];
    expect(anchors).to.have.length(1);
    expect(anchors[0].href).to.equal('https://example.com/');
    expect(anchors[0].target).to.equal('_blank');
    expect(anchors[0].rel).to.equal('noopener noreferrer');
    chat.noFooter = true;
    await chat.updateComplete;
    expect(deep(chat, '[part~="footer"]')).to.equal(null);
  });

  it('lang="zh-CN": every visible string in Chinese, switching live', async () => {
    const chat = await mount(uniqueToken('lang'), 'mode="inline"');
    await waitUntil(() => deep(chat, 'coze-message-list', '.prologue'), 'loaded');
    chat.lang = 'zh-CN';
    await chat.updateComplete;
    await aTimeout(0);
    const texts = [
      deep(chat, '[part~="footer"]')!.textContent!,
      deep(chat, 'coze-composer', 'textarea')!.getAttribute('placeholder')!,
      deep(chat, 'coze-composer', 'textarea')!.getAttribute('aria-label')!,
      deep(chat, 'coze-composer', '[part~="send-button"]')!.getAttribute('aria-label')!,
      deep(chat, 'coze-message-list', '[part~="message-list"]')!.getAttribute('aria-label')!,
      panel(chat).getAttribute('aria-label')!,
    ];
    // The bot's own name comes from Coze and is not translated.
    for (const text of texts)
      expect(text.replace('Emulator Bot', ''), text).not.to.match(/[A-Za-z]{3,}/);
    chat.lang = 'en';
    await chat.updateComplete;
    expect(deep(chat, 'coze-composer', 'textarea')!.getAttribute('placeholder')).to.equal(
      'Ask a question…'
    );
  });

  it('lang falls back to the nearest [lang] ancestor', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="zh-Hans-CN">
        <coze-chat
          mode="inline"
          bot-id=${BOT}
          token=${uniqueToken('anc')}
          api-base=${location.origin}
        ></coze-chat>
      </div>`
    );
    const chat = wrapper.querySelector('coze-chat')!;
    await chat.updateComplete;
    expect(deep(chat, 'coze-composer', 'textarea')!.getAttribute('placeholder')).to.equal(
      '输入问题…'
    );
  });

  it('i18n overrides any string', async () => {
    const chat = await mount(uniqueToken('i18n'), 'mode="inline"');
    chat.i18n = {inputPlaceholder: 'Ask the guide', errors: {4028: 'Out of credit'}};
    await chat.updateComplete;
    await aTimeout(0);
    expect(deep(chat, 'coze-composer', 'textarea')!.getAttribute('placeholder')).to.equal(
      'Ask the guide'
    );
    await chat.send('fail event');
    expect(deep(chat, 'coze-message-list', '[part~="error"]')!.textContent).to.contain(
      'Out of credit'
    );
  });

  it('theme="dark" changes the colours; parts follow', async () => {
    const chat = await mount(uniqueToken('theme'), 'mode="inline" theme="dark"');
    const bg = getComputedStyle(panel(chat)).backgroundColor;
    expect(bg).to.equal('rgb(29, 30, 36)');
    chat.theme = 'light';
    await chat.updateComplete;
    expect(getComputedStyle(panel(chat)).backgroundColor).to.equal('rgb(255, 255, 255)');
    await expect(chat).to.be.accessible();
  });

  it('reports bad values in the console instead of ignoring them', async () => {
    const errors = captureConsole('error');
    try {
      const chat = await mount(
        uniqueToken('bad'),
        `layout="tablet" theme="neon" width="wide" z-index="x" footer-links="{nope" type="robot"`
      );
      expect(chat.layout).to.equal('pc');
      expect(chat.theme).to.equal('light');
      expect(chat.type).to.equal('bot');
    } finally {
      errors.restore();
    }
    const all = errors.seen.join('\n');
    for (const name of ['layout', 'theme', 'width', 'z-index', 'footer-links', 'type'])
      expect(all).to.contain(name);
  });

  it('warns once about a pat_ token in a page', async () => {
    const warnings = captureConsole('warn');
    try {
      const chat = await mount('pat_emulator_token', 'mode="inline"');
      chat.token = 'pat_another';
      await chat.updateComplete;
    } finally {
      warnings.restore();
    }
    const pat = warnings.seen.filter((w) => w.includes('pat_'));
    expect(pat).to.have.length(1);
    expect(pat[0]).not.to.contain('pat_emulator_token');
  });

  it('slots replace the header, empty state, footer and launcher icon', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <coze-chat bot-id=${BOT} token=${uniqueToken('slots')} api-base=${location.origin}>
          <strong slot="header">Custom header</strong>
          <p slot="empty">Nothing here yet</p>
          <span slot="footer">Custom footer</span>
          <span slot="launcher">✦</span>
        </coze-chat>
      </div>`
    );
    const chat = wrapper.querySelector('coze-chat')!;
    await chat.show();
    const assigned = (name: string) =>
      (deep(chat, `slot[name="${name}"]`) as HTMLSlotElement | null)
        ?.assignedElements({flatten: true})
        .map((e) => e.textContent);
    expect(assigned('header')).to.deep.equal(['Custom header']);
    expect(assigned('footer')).to.deep.equal(['Custom footer']);
    const emptySlot = deep(chat, 'coze-message-list', 'slot[name="empty"]') as HTMLSlotElement;
    expect(emptySlot.assignedElements({flatten: true}).map((e) => e.textContent)).to.deep.equal([
      'Nothing here yet',
    ]);
    await chat.hide();
    const iconSlot = deep(chat, 'coze-launcher', 'slot[name="icon"]') as HTMLSlotElement;
    expect(iconSlot.assignedElements({flatten: true}).map((e) => e.textContent)).to.deep.equal([
      '✦',
    ]);
    expect(launcherButton(chat).getAttribute('aria-label')).to.equal('Open chat');
  });

  it('no-upload and no-audio remove the upload and voice buttons', async () => {
    const on = await mount(uniqueToken('feat-on'), 'mode="inline"');
    expect(deep(on, 'coze-composer', '[part~="upload-button"]'), 'upload by default').to.exist;
    expect(deep(on, 'coze-composer', '[part~="audio-button"]'), 'voice by default').to.exist;
    const off = await mount(uniqueToken('feat-off'), 'mode="inline" no-upload no-audio');
    await off.updateComplete;
    expect(deep(off, 'coze-composer', '[part~="upload-button"]')).to.equal(null);
    expect(deep(off, 'coze-composer', '[part~="audio-button"]')).to.equal(null);
  });

  it('new-conversation: a header button that starts an empty conversation on Coze', async () => {
    const token = uniqueToken('newconv');
    const plain = await mount(uniqueToken('newconv-off'), 'mode="inline"');
    expect(deep(plain, '[part~="new-conversation-button"]')).to.equal(null);
    const chat = await mount(token, 'mode="inline" new-conversation');
    await chat.send('first conversation');
    const first = (await loggedRequests(token)).find((r) => r.path === '/v3/chat')!.query
      .conversation_id;
    deep<HTMLButtonElement>(chat, '[part~="new-conversation-button"]')!.click();
    await waitUntil(() => messages(chat).length === 0, 'an empty transcript');
    await chat.send('second conversation');
    const second = (await loggedRequests(token)).filter((r) => r.path === '/v3/chat')[1].query
      .conversation_id;
    expect(second).to.match(/^\d{19}$/);
    expect(second).not.to.equal(first);
  });

  it('clear context is on by default and sends /clear; no-clear-context removes it', async () => {
    const token = uniqueToken('clear');
    const chat = await mount(token, 'mode="inline"');
    await chat.send('remember this');
    await chat.updateComplete;
    deep<HTMLButtonElement>(chat, '[part~="clear-context-button"]')!.click();
    await waitUntil(
      async () =>
        (await loggedRequests(token)).some((r) => /\/v1\/conversations\/\d+\/clear$/.test(r.path)),
      'clear sent'
    );
    const off = await mount(uniqueToken('clear-off'), 'mode="inline" no-clear-context');
    await off.send('hello');
    await off.updateComplete;
    expect(deep(off, '[part~="clear-context-button"]')).to.equal(null);
  });

  it('conversations: a header button toggles the conversation list', async () => {
    const chat = await mount(uniqueToken('convs'), 'mode="inline" conversations');
    await chat.send('hello list');
    await chat.updateComplete;
    const button = deep<HTMLButtonElement>(chat, '[part~="conversations-button"]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    await chat.updateComplete;
    await waitUntil(
      () => deep(chat, 'coze-conversation-list', '[part~="conversation"]'),
      'the list shows'
    );
    expect(deep(chat, 'coze-message-list')!.hidden).to.equal(true);
    expect(
      deep<HTMLButtonElement>(chat, '[part~="conversations-button"]')!.getAttribute('aria-expanded')
    ).to.equal('true');
    await expect(chat).to.be.accessible();
    deep<HTMLButtonElement>(chat, 'coze-conversation-list', '[part~="conversation"]')!.click();
    await waitUntil(() => !deep(chat, 'coze-conversation-list'), 'back to the chat');
    const typeApp = await mount(
      uniqueToken('convs-app'),
      'mode="inline" conversations type="app" app-id="1" workflow-id="2"'
    );
    expect(
      deep(typeApp, '[part~="conversations-button"]'),
      'no list for apps, as the official SDK'
    ).to.equal(null);
  });

  it('token-url: the first token comes from the site endpoint', async () => {
    const token = uniqueToken('tokenurl');
    const endpoint = `data:application/json,${encodeURIComponent(
      JSON.stringify({access_token: token, expires_in: Math.floor(Date.now() / 1000) + 900})
    )}`;
    const chat = await fixture<CozeChat>(
      html`<coze-chat
        mode="inline"
        bot-id=${BOT}
        api-base=${location.origin}
        user-id=${`u-${token}`}
        token-url=${endpoint}
      ></coze-chat>`
    );
    await waitUntil(
      () => deep(chat, 'coze-message-list', '.prologue'),
      'loaded with the endpoint token'
    );
    expect(await chat.getToken()).to.equal(token);
    const log = await loggedRequests(token);
    expect(log.length).to.be.greaterThan(0);
    expect(log.every((r) => r.headers.authorization === `Bearer ${token}`)).to.equal(true);
  });

  it('feedback-title and feedback-placeholder set the unlike panel', async () => {
    const chat = await mount(
      uniqueToken('fbtext'),
      `mode="inline" feedback feedback-title="Tell us why" feedback-placeholder="Your words"`
    );
    expect(chat.feedbackPanel).to.deep.equal({title: 'Tell us why', placeholder: 'Your words'});
    await chat.send('hello');
    await chat.updateComplete;
    const rows = messages(chat);
    deep<HTMLButtonElement>(rows.at(-1)!, '[part~="unlike-button"]')!.click();
    await waitUntil(() => deep(rows.at(-1)!, '[part~="feedback-panel"]'), 'panel');
    const panelEl = deep(rows.at(-1)!, '[part~="feedback-panel"]')!;
    expect(panelEl.textContent).to.contain('Tell us why');
    expect(panelEl.querySelector('textarea')!.placeholder).to.equal('Your words');
  });
});
