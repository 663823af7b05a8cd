import {aTimeout, expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {LEAVE_GRACE_MS} from '../../src/elements/shared/leave-grace.js';
import {deep, loggedRequests, messages, mountChat, uniqueToken} from './helpers.js';

const BOT = '7500000000000000001';

/** A promise the test settles by hand. */
function gate<T = void>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return {promise, open};
}

const title = (chat: CozeChat) => deep(chat, '[part~="title"]')?.textContent?.trim();
const transcript = (chat: CozeChat) => deep(chat, 'coze-message-list', '[part~="message-list"]');
const prologue = (chat: CozeChat) =>
  waitUntil(() => deep(chat, 'coze-message-list', '.prologue'), 'the prologue shows', {
    timeout: 8000,
  });

/** Counts of the visibility events a chat fired. */
function recordVisibility(chat: CozeChat) {
  const seen: string[] = [];
  for (const type of ['coze-before-show', 'coze-show', 'coze-before-hide', 'coze-hide']) {
    chat.addEventListener(type, () => seen.push(type));
  }
  return seen;
}

/** A conversation with one answered question for this token's user, made by a chat removed after. */
async function pastConversation(token: string, question: string): Promise<void> {
  const first = await mountChat(token, {mode: 'inline'});
  await first.send(question);
  first.remove();
}

describe('<coze-chat> session: settings that arrive after the first render', () => {
  it('loads title, prologue, suggestions and history as soon as bot-id is set', async () => {
    const token = uniqueToken('latehistory');
    await pastConversation(token, 'Remember the word walnut');
    const chat = await fixture<CozeChat>(
      html`<coze-chat
        mode="inline"
        token=${token}
        api-base=${location.origin}
        user-id=${`user-${token}`}
      ></coze-chat>`
    );
    chat.botId = BOT;
    await waitUntil(() => messages(chat).length >= 2, 'the history shows', {timeout: 8000});
    expect(messages(chat)[0].textContent).to.contain('walnut');
    expect(title(chat)).to.equal('Emulator Bot');
  });

  it('loads once the token arrives after the first render', async () => {
    const token = uniqueToken('latetoken');
    const chat = await fixture<CozeChat>(
      html`<coze-chat
        mode="inline"
        bot-id=${BOT}
        api-base=${location.origin}
        user-id=${`user-${token}`}
      ></coze-chat>`
    );
    chat.token = token;
    await prologue(chat);
    expect(title(chat)).to.equal('Emulator Bot');
    expect(deep(chat, 'coze-message-list', '.suggestions')).to.exist;
    expect(deep(chat, 'coze-message-list', '[part~="error"]')).to.equal(null);
  });
});

describe('<coze-chat> session: the open property', () => {
  it('goes through show()/hide(): hooks, events once, loading, and a standalone launcher follows', async () => {
    const token = uniqueToken('openprop');
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <coze-launcher for="openprop-chat"></coze-launcher>
        <coze-chat
          id="openprop-chat"
          bot-id=${BOT}
          token=${token}
          api-base=${location.origin}
          user-id=${`user-${token}`}
          no-launcher
        ></coze-chat>
      </div>`
    );
    const chat = wrapper.querySelector('coze-chat')!;
    const launcherButton = () => deep<HTMLButtonElement>(wrapper, 'coze-launcher', 'button')!;
    await chat.updateComplete;
    // An answer that arrives while closed is counted, and opening resets the count.
    await chat.send('hello while closed');
    expect(chat.unread).to.equal(1);
    const seen = recordVisibility(chat);
    let hooks = 0;
    chat.onBeforeShow = () => {
      hooks++;
    };
    const shown = oneEvent(chat, 'coze-show');
    chat.open = true;
    await shown;
    expect(seen).to.deep.equal(['coze-before-show', 'coze-show']);
    expect(hooks).to.equal(1);
    expect(chat.unread).to.equal(0);
    expect(deep(chat, '[part~="panel"]')!.hidden).to.equal(false);
    await waitUntil(() => messages(chat).length >= 2, 'the conversation shows');
    await waitUntil(() => launcherButton().getAttribute('aria-expanded') === 'true');

    const hidden = oneEvent(chat, 'coze-hide');
    chat.open = false;
    await hidden;
    expect(seen).to.deep.equal(['coze-before-show', 'coze-show', 'coze-before-hide', 'coze-hide']);
    expect(deep(chat, '[part~="panel"]')!.hidden).to.equal(true);
    await waitUntil(() => launcherButton().getAttribute('aria-expanded') === 'false');
  });

  it('a vetoed open leaves open false', async () => {
    const chat = await mountChat(uniqueToken('openveto'));
    chat.onBeforeShow = () => false;
    const before = oneEvent(chat, 'coze-before-show');
    chat.open = true;
    await before;
    await chat.updateComplete;
    expect(chat.open).to.equal(false);
    expect(chat.hasAttribute('open')).to.equal(false);
  });
});

describe('<coze-chat> session: show and hide while a hook is pending', () => {
  it('two show() calls while onBeforeShow is pending open the panel once', async () => {
    const chat = await mountChat(uniqueToken('twoshows'));
    const seen = recordVisibility(chat);
    const hook = gate<boolean>();
    let hooks = 0;
    chat.onBeforeShow = () => {
      hooks++;
      return hook.promise;
    };
    const first = chat.show();
    const second = chat.show();
    hook.open(true);
    expect(await first).to.equal(true);
    expect(await second).to.equal(true);
    expect(hooks).to.equal(1);
    expect(seen).to.deep.equal(['coze-before-show', 'coze-show']);
  });

  it('hide() during a pending show() wins', async () => {
    const chat = await mountChat(uniqueToken('hidewins'));
    const seen = recordVisibility(chat);
    const hook = gate<boolean>();
    chat.onBeforeShow = () => hook.promise;
    const showing = chat.show();
    const hiding = chat.hide();
    hook.open(true);
    expect(await showing).to.equal(false);
    expect(await hiding).to.equal(true);
    await chat.updateComplete;
    expect(chat.open).to.equal(false);
    expect(deep(chat, '[part~="panel"]')?.hidden ?? true).to.equal(true);
    expect(seen).to.deep.equal(['coze-before-show']);
  });
});

describe('<coze-chat> session: dispose and the first load', () => {
  it('a removed chat starts no request, not even the history it was about to load', async () => {
    const token = uniqueToken('removed');
    await pastConversation(token, 'A question before the reload');
    const released = gate();
    const chat = await fixture<CozeChat>(
      html`<coze-chat
        mode="inline"
        bot-id=${BOT}
        .token=${() => released.promise.then(() => token)}
        api-base=${location.origin}
        user-id=${`user-${token}`}
      ></coze-chat>`
    );
    const before = (await loggedRequests(token)).length;
    chat.remove();
    // Past the time a moved chat has to come back: it has left.
    await aTimeout(LEAVE_GRACE_MS + 100);
    released.open();
    // Another chat of the same user loads its history: by then the removed one would have asked too.
    const sentinel = await mountChat(token, {mode: 'inline'});
    await waitUntil(() => messages(sentinel).length >= 2, 'the other chat shows the history');
    const after = (await loggedRequests(token)).slice(before);
    expect(after.filter((r) => r.path.startsWith('/v1/bots/'))).to.have.length(1);
    expect(after.filter((r) => r.path === '/v1/conversation/message/list')).to.have.length(1);
  });

  it('newConversation() during the first load ends with the bot loaded, not "Loading…"', async () => {
    const token = uniqueToken('freshstart');
    const released = gate();
    const chat = await fixture<CozeChat>(
      html`<coze-chat
        mode="inline"
        bot-id=${BOT}
        .token=${() => released.promise.then(() => token)}
        api-base=${location.origin}
        user-id=${`user-${token}`}
      ></coze-chat>`
    );
    const created = chat.newConversation();
    released.open();
    expect(await created).to.match(/^\d+$/);
    await prologue(chat);
    await waitUntil(() => transcript(chat)?.getAttribute('aria-busy') === 'false', 'not busy');
    expect(title(chat)).to.equal('Emulator Bot');
    expect(deep(chat, 'coze-message-list', '.loading')).to.equal(null);
  });
});
