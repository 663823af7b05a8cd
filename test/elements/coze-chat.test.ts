/// <reference types="mocha" />
import {aTimeout, expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {CozeUnreadChangeEvent} from '../../src/events/coze-unread-change-event.js';
import {pressKeys} from '../keys.js';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import type {CozeErrorEvent} from '../../src/events/coze-error-event.js';
import {
  deep,
  input,
  lastRow,
  launcherButton,
  list,
  loggedRequests,
  messages,
  mountChat,
  typeInto,
  uniqueToken,
} from './helpers.js';

async function ask(chat: CozeChat, question: string): Promise<void> {
  typeInto(chat, question);
  await chat.updateComplete;
  input(chat).focus();
  await sendKeys({press: 'Enter'});
}

const rowsAfter = (chat: CozeChat, count: number) => () => messages(chat).length > count;
const answered = (chat: CozeChat) => () => {
  const row = lastRow(chat);
  return row?.dataset.role === 'assistant' && row.dataset.status === 'complete';
};

describe('<coze-chat> floating', () => {
  it('is a launcher button that is closed and accessible', async () => {
    const chat = await mountChat(uniqueToken('closed'));
    const button = launcherButton(chat);
    expect(button.tagName).to.equal('BUTTON');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    // Closed and never approached, the chat is only its launcher: the panel is not even built.
    expect(deep(chat, '[part~="panel"]')).to.equal(null);
    await expect(chat).to.be.accessible();
  });

  it('opens on click, fires the show events, and moves focus to the input', async () => {
    const chat = await mountChat(uniqueToken('open'));
    const events: string[] = [];
    for (const type of ['coze-before-show', 'coze-show'])
      chat.addEventListener(type, () => events.push(type));
    launcherButton(chat).click();
    await oneEvent(chat, 'coze-show');
    expect(events).to.deep.equal(['coze-before-show', 'coze-show']);
    expect(chat.open).to.equal(true);
    expect(chat.hasAttribute('open')).to.equal(true);
    await chat.updateComplete;
    expect(launcherButton(chat).getAttribute('aria-expanded')).to.equal('true');
    // (Compared as booleans: chai's diff of two unequal elements never finishes.)
    expect(
      deep(chat, 'coze-composer')!.shadowRoot!.activeElement === input(chat),
      'focus in the input'
    ).to.equal(true);
    await waitUntil(() => deep(chat, 'coze-message-list', '.prologue'), 'prologue shown');
    await expect(chat).to.be.accessible();
  });

  it('keeps the panel closed when coze-before-show is canceled or onBeforeShow returns false', async () => {
    const chat = await mountChat(uniqueToken('veto'));
    chat.addEventListener('coze-before-show', (e) => e.preventDefault(), {once: true});
    expect(await chat.show()).to.equal(false);
    expect(chat.open).to.equal(false);
    chat.onBeforeShow = async () => false;
    expect(await chat.show()).to.equal(false);
    chat.onBeforeShow = () => true;
    expect(await chat.show()).to.equal(true);
  });

  it('closes on Escape and returns focus to the launcher', async () => {
    const chat = await mountChat(uniqueToken('escape'));
    launcherButton(chat).focus();
    const shown = oneEvent(chat, 'coze-show');
    await sendKeys({press: 'Enter'});
    await shown;
    const hidden = oneEvent(chat, 'coze-hide');
    await sendKeys({press: 'Escape'});
    await hidden;
    expect(chat.open).to.equal(false);
    const launcher = deep(chat, 'coze-launcher')!;
    expect(chat.shadowRoot!.activeElement === launcher, 'focus on the launcher').to.equal(true);
    expect(launcher.shadowRoot!.activeElement === launcherButton(chat), 'on its button').to.equal(
      true
    );
  });

  it('counts answers that arrive while closed on the launcher', async () => {
    const chat = await mountChat(uniqueToken('unread'));
    await chat.send('hello while closed');
    await chat.updateComplete;
    const launcher = deep(chat, 'coze-launcher')!;
    await (launcher as HTMLElement & {updateComplete: Promise<unknown>}).updateComplete;
    expect(deep(chat, 'coze-launcher', '[part~="badge"]')!.textContent).to.equal('1');
    expect(launcherButton(chat).getAttribute('aria-label')).to.equal('Open chat, 1 new');
    await chat.show();
    await (launcher as HTMLElement & {updateComplete: Promise<unknown>}).updateComplete;
    expect(deep(chat, 'coze-launcher', '[part~="badge"]')).to.equal(null);
    expect(chat.unread).to.equal(0);
  });

  it('tells the page each change of the unread count, bubbling to the document', async () => {
    const chat = await mountChat(uniqueToken('unread-event'));
    const counts: number[] = [];
    const onChange = (event: CozeUnreadChangeEvent) => counts.push(event.detail.unread);
    document.addEventListener('coze-unread-change', onChange);
    try {
      await chat.send('hello while closed');
      await chat.show();
      await chat.show();
      expect(counts).to.deep.equal([1, 0]);
    } finally {
      document.removeEventListener('coze-unread-change', onChange);
    }
  });

  it('shows the prologue with the user name and sends a suggested question', async () => {
    const token = uniqueToken('prologue');
    const chat = await mountChat(token);
    chat.userNickname = 'Ada';
    await chat.show();
    await waitUntil(() => deep(chat, 'coze-message-list', '.prologue'), 'prologue shown');
    expect(deep(chat, 'coze-message-list', '.prologue')!.textContent).to.contain('Hi Ada');
    const chip = deep<HTMLButtonElement>(chat, 'coze-message-list', '[part~="follow-up"]')!;
    const question = chip.textContent!.trim();
    chip.click();
    await waitUntil(answered(chat), 'answered', {timeout: 8000});
    expect(messages(chat)[0].textContent).to.contain(question);
  });
});

describe('<coze-chat> chatting with the emulator', () => {
  it('streams a formatted answer and sends what Coze expects', async () => {
    const token = uniqueToken('stream');
    const chat = await mountChat(token, {userId: 'reader-1'});
    await chat.show();
    await ask(chat, 'Show me some markdown');
    await waitUntil(answered(chat), 'answered', {timeout: 8000});
    const bubble = deep(lastRow(chat), '[part~="bubble"]')!;
    expect(bubble.querySelector('h2, h3'), 'heading').to.exist;
    expect(bubble.querySelector('table'), 'table').to.exist;
    expect(bubble.querySelector('pre code'), 'code').to.exist;
    expect(input(chat).value).to.equal('');

    const chats = (await loggedRequests(token)).filter((r) => r.path === '/v3/chat');
    expect(chats).to.have.length(1);
    const [request] = chats;
    const body = request.body as Record<string, unknown>;
    expect(body.bot_id).to.equal('7500000000000000001');
    expect(body.user_id).to.equal('reader-1');
    expect(body.stream).to.equal(true);
    expect(body.connector_id).to.equal('999');
    expect(body.additional_messages).to.deep.equal([
      {role: 'user', content: 'Show me some markdown', content_type: 'text'},
    ]);
    expect(request.query.conversation_id).to.match(/^\d{19}$/);
    expect(body).not.to.have.property('conversation_id');
    expect(request.headers.authorization).to.equal(`Bearer ${token}`);
    expect(request.headers).not.to.have.property('cookie');
  });

  it('generates a user id once and keeps it across reloads', async () => {
    localStorage.removeItem('coze-chat-elements:user-id');
    const token = uniqueToken('uid');
    const chat = await fixture<CozeChat>(
      html`<coze-chat
        mode="inline"
        bot-id="7500000000000000001"
        token=${token}
        api-base=${location.origin}
      ></coze-chat>`
    );
    await chat.send('hello');
    const stored = localStorage.getItem('coze-chat-elements:user-id');
    expect(stored).to.match(/^web-/);
    const [request] = (await loggedRequests(token)).filter((r) => r.path === '/v3/chat');
    expect((request.body as {user_id: string}).user_id).to.equal(stored);
  });

  it('shows the history again after a reload', async () => {
    const token = uniqueToken('history');
    const first = await mountChat(token, {mode: 'inline'});
    await first.send('Remember the word pineapple');
    expect(lastRow(first).dataset.status).to.equal('complete');
    first.remove();

    const again = await mountChat(token, {mode: 'inline'});
    await waitUntil(() => messages(again).length >= 2, 'history loaded');
    const rows = messages(again);
    expect(rows[0].dataset.role).to.equal('user');
    expect(rows[0].textContent).to.contain('Remember the word pineapple');
    expect(rows[1].dataset.role).to.equal('assistant');
    expect(rows[1].textContent).to.contain('pineapple');
  });

  it('loads older history on demand and keeps the reader in place', async () => {
    const token = uniqueToken('older');
    const chat = await mountChat(token, {mode: 'inline'});
    for (let i = 1; i <= 11; i++) await chat.send(`question ${i}`);
    chat.remove();
    const again = await mountChat(token, {mode: 'inline'});
    await waitUntil(
      () => deep(again, 'coze-message-list', '[part~="load-older"]'),
      'load older shown'
    );
    expect(messages(again)).to.have.length(20);
    expect(messages(again)[0].textContent).to.contain('question 2');
    deep<HTMLButtonElement>(again, 'coze-message-list', '[part~="load-older"]')!.click();
    await waitUntil(() => messages(again).length === 22, 'older page loaded');
    expect(messages(again)[0].textContent).to.contain('question 1');
    expect(deep(again, 'coze-message-list', '[part~="load-older"]')).to.equal(null);
    const page = (await loggedRequests(token))
      .filter((r) => r.path === '/v1/conversation/message/list')
      .at(-1)!;
    expect((page.body as {after_id?: string}).after_id).to.match(/^\d{19}$/);
  }).timeout(30000);

  it('sets aria-busy while streaming, announces once per answer, and stays accessible', async () => {
    const chat = await mountChat(uniqueToken('busy'), {mode: 'inline'});
    await waitUntil(() => deep(chat, 'coze-message-list', '.prologue'));
    const transcript = deep(chat, 'coze-message-list', '[part~="message-list"]')!;
    const live = deep(chat, 'coze-message-list', '[role="status"]')!;
    const announcements: string[] = [];
    new MutationObserver(() => announcements.push(live.textContent!.trim())).observe(live, {
      childList: true,
      characterData: true,
      subtree: true,
    });
    const done = chat.send('slow please');
    await waitUntil(() => lastRow(chat)?.dataset.role === 'assistant', 'answer started');
    expect(transcript.getAttribute('aria-busy')).to.equal('true');
    await waitUntil(
      () => (deep(lastRow(chat), '.md')?.textContent ?? '').length > 20,
      'streaming',
      {timeout: 8000}
    );
    await expect(chat).to.be.accessible();
    expect(announcements).to.deep.equal([]);
    await done;
    await chat.updateComplete;
    await list(chat).updateComplete;
    expect(transcript.getAttribute('aria-busy')).to.equal('false');
    expect(announcements.filter(Boolean)).to.have.length(1);
    expect(announcements.at(-1)).to.match(/answered/);
  }).timeout(20000);

  it('Enter sends, Shift+Enter adds a line, and Send is disabled while empty', async () => {
    const token = uniqueToken('keys');
    const chat = await mountChat(token, {mode: 'inline'});
    const send = () => deep<HTMLButtonElement>(chat, 'coze-composer', '[part~="send-button"]')!;
    expect(send().disabled).to.equal(true);
    input(chat).focus();
    await sendKeys({type: 'first line'});
    await pressKeys('Shift', 'Enter');
    await sendKeys({type: 'second line'});
    expect(input(chat).value).to.equal('first line\nsecond line');
    expect(send().disabled).to.equal(false);
    await sendKeys({press: 'Enter'});
    await waitUntil(rowsAfter(chat, 0));
    expect(messages(chat)[0].textContent).to.contain('first line\nsecond line');
    expect(input(chat).value).to.equal('');
  });

  it('coze-send can veto a question, which then stays in the input', async () => {
    const token = uniqueToken('vetosend');
    const chat = await mountChat(token, {mode: 'inline'});
    chat.addEventListener('coze-send', (e) => e.preventDefault(), {once: true});
    await ask(chat, 'do not send this');
    await aTimeout(100);
    expect(input(chat).value).to.equal('do not send this');
    expect(messages(chat)).to.have.length(0);
    expect((await loggedRequests(token)).filter((r) => r.path === '/v3/chat')).to.have.length(0);
  });

  it('Stop aborts the stream and cancels the chat on Coze', async () => {
    const token = uniqueToken('stop');
    const chat = await mountChat(token, {mode: 'inline'});
    await ask(chat, 'slow');
    await waitUntil(() => (deep(lastRow(chat), '.md')?.textContent ?? '').length > 5, 'streaming', {
      timeout: 8000,
    });
    deep<HTMLButtonElement>(chat, 'coze-composer', '[part~="stop-button"]')!.click();
    await waitUntil(() => lastRow(chat).dataset.status === 'canceled', 'canceled');
    const partial = deep(lastRow(chat), '[part~="bubble"]')!.textContent!;
    expect(partial.length).to.be.greaterThan(0);
    await waitUntil(
      async () => (await loggedRequests(token)).some((r) => r.path === '/v3/chat/cancel'),
      'cancel sent'
    );
    const log = await loggedRequests(token);
    const started = log.find((r) => r.path === '/v3/chat')!;
    const cancel = log.find((r) => r.path === '/v3/chat/cancel')!;
    expect(cancel.body).to.deep.equal({
      conversation_id: started.query.conversation_id,
      chat_id: (cancel.body as {chat_id: string}).chat_id,
    });
    expect((cancel.body as {chat_id: string}).chat_id).to.match(/^\d{19}$/);
    await waitUntil(
      async () =>
        (await loggedRequests(token)).find((r) => r.path === '/v3/chat')!.clientAborted === true,
      'the stream was aborted'
    );
    expect(deep(lastRow(chat), '[part~="retry-button"]')).to.exist;
  });

  it('Stop before the first word keeps the question with a retry', async () => {
    const token = uniqueToken('stopearly');
    const chat = await mountChat(token, {mode: 'inline'});
    await ask(chat, 'slow');
    await waitUntil(() => deep(chat, 'coze-composer', '[part~="stop-button"]'), 'sending');
    deep<HTMLButtonElement>(chat, 'coze-composer', '[part~="stop-button"]')!.click();
    await waitUntil(() => lastRow(chat).dataset.status === 'canceled', 'stopped');
    expect(lastRow(chat).dataset.role).to.equal('user');
    deep<HTMLButtonElement>(lastRow(chat), '[part~="retry-button"]')!.click();
    await waitUntil(() => lastRow(chat).dataset.role === 'assistant', 'asked again', {
      timeout: 5000,
    });
    expect(messages(chat).filter((m) => m.dataset.role === 'user')).to.have.length(1);
    await chat.cancel();
  });
});

describe('<coze-chat> failures', () => {
  it('refreshes an expired token exactly once and retries the chat once', async () => {
    const token = uniqueToken('refresh');
    const chat = await mountChat(token, {mode: 'inline'});
    await chat.send('a first question, with the good token');
    // Tokens of one account (the text before the dot), so the conversation stays theirs.
    const seen: string[] = [];
    chat.onRefreshToken = async (old) => {
      seen.push(old);
      return `${token}.fresh`;
    };
    chat.token = `${token}.expired`;
    await chat.send('hello after refresh');
    expect(lastRow(chat).dataset.status).to.equal('complete');
    expect(seen).to.deep.equal([`${token}.expired`]);
    const chats = (await loggedRequests(token)).filter((r) => r.path === '/v3/chat').slice(1);
    expect(chats.map((r) => r.headers.authorization)).to.deep.equal([
      `Bearer ${token}.expired`,
      `Bearer ${token}.fresh`,
    ]);
    expect(await chat.getToken()).to.equal(`${token}.fresh`);
  });

  it('gets the first token from onRefreshToken when none is set, sharing one call', async () => {
    const token = uniqueToken('first');
    let calls = 0;
    const chat = await fixture<CozeChat>(
      html`<coze-chat
        mode="inline"
        bot-id="7500000000000000001"
        api-base=${location.origin}
        user-id=${`u-${token}`}
        .onRefreshToken=${async (old: string) => {
          calls++;
          expect(old).to.equal('');
          await aTimeout(20);
          return token;
        }}
      ></coze-chat>`
    );
    await waitUntil(() => deep(chat, 'coze-message-list', '.prologue'), 'loaded with a token');
    expect(calls).to.equal(1);
  });

  it('keeps the partial answer and the question when the stream is cut, and retry works', async () => {
    const token = uniqueToken('cut');
    const chat = await mountChat(token, {mode: 'inline'});
    const error = oneEvent(chat, 'coze-error') as Promise<CozeErrorEvent>;
    await chat.send('fail cut');
    const rows = messages(chat);
    expect(rows).to.have.length(2);
    expect(rows[0].textContent).to.contain('fail cut');
    expect(rows[1].dataset.status).to.equal('error');
    expect(deep(rows[1], '[part~="bubble"]')!.textContent!.trim().length).to.be.greaterThan(0);
    expect(deep(rows[1], '[part~="error"]')!.textContent).to.match(/cut off|connection/i);
    expect((await error).detail.message).to.be.a('string');
    await expect(chat).to.be.accessible();
    const failed = rows[1];
    deep<HTMLButtonElement>(rows[1], '[part~="retry-button"]')!.click();
    // The retried question is cut again, so its streaming state may pass between two polls:
    // what counts is that the failed answer left and the question reached Coze once more.
    const chatRequests = async () =>
      (await loggedRequests(token)).filter((r) => r.path === '/v3/chat');
    await waitUntil(async () => (await chatRequests()).length === 2, 'the retry reached Coze');
    await waitUntil(
      () =>
        !failed.isConnected &&
        messages(chat).length === 2 &&
        lastRow(chat).dataset.role === 'assistant',
      'retried'
    );
    const chats = await chatRequests();
    expect(chats).to.have.length(2);
    expect(
      (chats[1].body as {additional_messages: Array<{content: string}>}).additional_messages[0]
        .content
    ).to.equal('fail cut');
  });

  for (const [trigger, pattern] of [
    ['fail event', /quota|额度/i],
    ['fail chat', /internal error|try again/i],
    ['fail 500', /internal error|try again/i],
    ['fail auth', /authentication/i],
  ] as const) {
    it(`shows a readable error and fires coze-error for "${trigger}"`, async () => {
      const chat = await mountChat(uniqueToken('err'), {mode: 'inline'});
      const event = oneEvent(chat, 'coze-error') as Promise<CozeErrorEvent>;
      await chat.send(trigger);
      const {detail} = await event;
      expect(detail.code).to.be.a('number');
      const shown = deep(chat, 'coze-message-list', '[part~="error"]')!;
      expect(shown.getAttribute('role')).to.equal('alert');
      expect(shown.textContent).to.match(pattern);
      expect(deep(chat, 'coze-message-list', '[part~="retry-button"]')).to.exist;
      expect(messages(chat)[0].textContent).to.contain(trigger);
      expect(JSON.stringify(detail)).not.to.contain('test_');
      await expect(chat).to.be.accessible();
    });
  }

  it('executes nothing a malicious answer sends', async () => {
    const calls: string[] = [];
    const original = window.alert;
    window.alert = (msg?: unknown) => calls.push(String(msg));
    try {
      const chat = await mountChat(uniqueToken('xss'), {mode: 'inline'});
      await chat.send('xss');
      await aTimeout(200);
      const bubble = deep(lastRow(chat), '[part~="bubble"]')!;
      expect(calls).to.deep.equal([]);
      expect(bubble.querySelector('script, svg, iframe')).to.equal(null);
      for (const el of bubble.querySelectorAll('*')) {
        for (const attr of el.attributes) expect(attr.name).not.to.match(/^on/i);
      }
      for (const a of bubble.querySelectorAll('a')) {
        if (a.hasAttribute('href')) expect(a.getAttribute('href')).to.match(/^(https?:|mailto:)/);
      }
      expect(bubble.textContent).to.contain('sanitiser');
    } finally {
      window.alert = original;
    }
  });
});

describe('<coze-chat> modes', () => {
  it('composes the parts in headless mode', async () => {
    const token = uniqueToken('headless');
    const chat = await fixture<CozeChat>(
      html`<coze-chat
        mode="headless"
        bot-id="7500000000000000001"
        token=${token}
        api-base=${location.origin}
        user-id=${`u-${token}`}
      >
        <coze-message-list></coze-message-list>
        <coze-composer></coze-composer>
      </coze-chat>`
    );
    const composerEl = chat.querySelector('coze-composer')!;
    const textarea = composerEl.shadowRoot!.querySelector('textarea')!;
    textarea.value = 'hello headless';
    textarea.dispatchEvent(new InputEvent('input'));
    await composerEl.updateComplete;
    composerEl.shadowRoot!.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
    const listEl = chat.querySelector('coze-message-list')!;
    await waitUntil(
      () =>
        listEl.shadowRoot!.querySelector(
          '[part~="message"][data-role="assistant"][data-status="complete"]'
        ),
      'answered',
      {timeout: 8000}
    );
    expect(listEl.shadowRoot!.textContent).to.contain('hello headless');
    await expect(chat).to.be.accessible();
  });

  it('opens from a standalone launcher with for=', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <coze-launcher for="chat-for"></coze-launcher>
        <coze-chat
          id="chat-for"
          bot-id="7500000000000000001"
          token=${uniqueToken('for')}
          api-base=${location.origin}
        ></coze-chat>
      </div>`
    );
    const launcher = wrapper.querySelector('coze-launcher')!;
    const chat = wrapper.querySelector('coze-chat')!;
    await launcher.updateComplete;
    const button = launcher.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    await oneEvent(chat, 'coze-show');
    await launcher.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await expect(launcher).to.be.accessible();
  });

  it('works against a second origin without credentials', async () => {
    const token = uniqueToken('xorigin');
    const apiBase = location.origin.replace('127.0.0.1', 'localhost');
    expect(apiBase).not.to.equal(location.origin);
    const chat = await mountChat(token, {mode: 'inline', apiBase});
    await chat.send('hello from another origin');
    expect(lastRow(chat).dataset.status).to.equal('complete');
    const [request] = (await loggedRequests(token)).filter(
      (r) => r.path === '/v3/chat' && r.method === 'POST'
    );
    expect(request.headers.origin).to.equal(location.origin);
    expect(request.headers).not.to.have.property('cookie');
  });
});

// Frameworks render the element first and bind values from state later: a bot id from the
// site's config API arrives after the first render.
describe('<coze-chat> given its bot after the first render', () => {
  const late = (token: string, mode: string) =>
    fixture<CozeChat>(
      html`<coze-chat
        mode=${mode}
        token=${token}
        api-base=${location.origin}
        user-id=${`user-${token}`}
      ></coze-chat>`
    );

  it('starts an inline chat once bot-id is set, and answers', async () => {
    const token = uniqueToken('latebot');
    const chat = await late(token, 'inline');
    await aTimeout(50);
    expect(await loggedRequests(token)).to.have.length(0);
    chat.setAttribute('bot-id', '7500000000000000001');
    await waitUntil(
      () => deep(chat, 'coze-message-list', '.prologue'),
      'the prologue after bot-id',
      {timeout: 8000}
    );
    await ask(chat, 'hello after a late bot id');
    await waitUntil(answered(chat), 'answered', {timeout: 8000});
    const bots = (await loggedRequests(token)).filter((r) => r.path.startsWith('/v1/bots/'));
    expect(bots.map((r) => r.path)).to.deep.equal(['/v1/bots/7500000000000000001']);
  });

  it('loads a floating panel opened before botId is set', async () => {
    const token = uniqueToken('lateopen');
    const chat = await late(token, 'floating');
    expect(await chat.show()).to.equal(true);
    chat.botId = '7500000000000000001';
    await waitUntil(
      () => deep(chat, 'coze-message-list', '.prologue'),
      'the prologue after botId',
      {timeout: 8000}
    );
  });
});
