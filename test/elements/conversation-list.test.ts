/// <reference types="mocha" />
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import type {CozeConversationList} from '../../src/elements/coze-conversation-list/coze-conversation-list.js';
import {groupConversations} from '../../src/elements/coze-conversation-list/groups.js';
import type {ConversationSummary} from '../../src/state/types.js';
import {loggedRequests, uniqueToken} from './helpers.js';

const botId = '7500000000000000001';

interface Mounted {
  chat: CozeChat;
  el: CozeConversationList;
  token: string;
  userId: string;
  /** Conversations the chat started showing, in order (from `coze-conversation-change`). */
  shown: string[];
}

async function mount(label: string, lang?: string, readonly = false): Promise<Mounted> {
  const token = uniqueToken(label);
  const userId = `user-${token}`;
  const shown: string[] = [];
  const chat = await fixture<CozeChat>(
    html`<coze-chat
      mode="headless"
      bot-id=${botId}
      token=${token}
      api-base=${location.origin}
      user-id=${userId}
      lang=${lang ?? 'en'}
      ?readonly=${readonly}
      @coze-conversation-change=${(e: CustomEvent<{conversationId: string}>) => shown.push(e.detail.conversationId)}
      ><coze-conversation-list></coze-conversation-list><coze-message-list></coze-message-list
    ></coze-chat>`
  );
  const el = chat.querySelector('coze-conversation-list')!;
  await loaded(el);
  return {chat, el, token, userId, shown};
}

const root = (el: CozeConversationList) => el.shadowRoot!;
const nav = (el: CozeConversationList) => root(el).querySelector('nav')!;
const entries = (el: CozeConversationList) => [
  ...root(el).querySelectorAll<HTMLButtonElement>('[part~="conversation"]'),
];
const ids = (el: CozeConversationList) => entries(el).map((b) => b.closest('li')!.dataset.id!);
const row = (el: CozeConversationList, id: string) =>
  root(el).querySelector<HTMLLIElement>(`li[data-id="${id}"]`)!;
const inRow = <T extends HTMLElement = HTMLButtonElement>(
  el: CozeConversationList,
  id: string,
  part: string
) => row(el, id).querySelector<T>(`[part~="${part}"]`)!;
const part = <T extends HTMLElement = HTMLButtonElement>(el: CozeConversationList, name: string) =>
  root(el).querySelector<T>(`[part~="${name}"]`);
const focused = (el: CozeConversationList) => root(el).activeElement as HTMLElement | null;
/** The focused part and its row's id, as text: a failed comparison of elements takes chai minutes to print. */
const focusName = (el: CozeConversationList) => {
  const at = focused(el);
  const id = at?.closest('li')?.dataset.id;
  return at ? `${at.getAttribute('part') ?? at.localName}${id ? ` ${id}` : ''}` : 'nothing';
};
const transcript = (chat: CozeChat) => [
  ...chat
    .querySelector('coze-message-list')!
    .shadowRoot!.querySelectorAll<HTMLElement>('[part~="message"]'),
];

/** Waits until the list has been loaded and is not loading. */
async function loaded(el: CozeConversationList): Promise<void> {
  await waitUntil(
    () =>
      nav(el)?.getAttribute('aria-busy') === 'false' &&
      (entries(el).length > 0 || part(el, 'empty')),
    'the conversation list did not load'
  );
}

/**
 * Creates a conversation on the emulator behind the widget's back, as another tab would (tagged
 * with the user id in `meta_data`, as the widget tags the conversations it creates).
 */
async function createConversation(token: string, userId: string): Promise<string> {
  const response = await fetch('/v1/conversation/create', {
    method: 'POST',
    headers: {'Content-Type': 'application/json', Authorization: `Bearer ${token}`},
    body: JSON.stringify({
      bot_id: botId,
      user_id: userId,
      connector_id: '999',
      meta_data: {chat_user: userId},
    }),
  });
  const body = (await response.json()) as {code: number; data: {id: string}};
  expect(body.code).to.equal(0);
  return body.data.id;
}

/** Two conversations made by chatting: `first`, then (after "new conversation") `second`, which is shown. */
async function twoConversations(m: Mounted): Promise<{first: string; second: string}> {
  await m.chat.send('first');
  const first = m.shown.at(-1)!;
  await m.chat.newConversation();
  await m.chat.send('second');
  const second = m.shown.at(-1)!;
  expect(first).to.be.a('string');
  expect(second).to.not.equal(first);
  await m.el.refresh();
  await m.el.updateComplete;
  return {first, second};
}

describe('<coze-conversation-list>', () => {
  it('loads when connected and says so when there are no conversations', async () => {
    const {el, token} = await mount('conv-empty');
    expect(part(el, 'empty')!.textContent).to.equal('No conversations yet.');
    expect(nav(el).getAttribute('aria-label')).to.equal('Conversations');
    expect(part(el, 'new-button')!.textContent!.trim()).to.equal('New conversation');
    expect(part(el, 'load-more')).to.equal(null);
    const lists = (await loggedRequests(token)).filter(
      (r) => r.path === '/v1/conversations' && r.query.page_size === '20'
    );
    expect(lists).to.have.length(1);
    expect(lists[0]!.query.page_num).to.equal('1');
    await expect(el).to.be.accessible();

    // While a page loads, the list says it is busy.
    const reloading = el.refresh();
    await el.updateComplete;
    expect(nav(el).getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'empty')).to.equal(null);
    await expect(el).to.be.accessible();
    await reloading;
    await el.updateComplete;
    expect(nav(el).getAttribute('aria-busy')).to.equal('false');
  });

  it('lists conversations newest first under Today, the current one marked', async () => {
    const m = await mount('conv-list');
    const {first, second} = await twoConversations(m);
    expect(ids(m.el)).to.deep.equal([second, first]);
    const headings = [...root(m.el).querySelectorAll('[part~="group-heading"]')].map(
      (h) => h.textContent
    );
    expect(headings).to.deep.equal(['Today']);
    const ul = root(m.el).querySelector('ul')!;
    expect(root(m.el).getElementById(ul.getAttribute('aria-labelledby')!)!.textContent).to.equal(
      'Today'
    );
    // Coze names a conversation after its first question.
    expect(entries(m.el).map((b) => b.textContent!.trim())).to.deep.equal(['second', 'first']);
    expect(inRow(m.el, second, 'conversation').getAttribute('aria-current')).to.equal('true');
    expect(inRow(m.el, first, 'conversation').hasAttribute('aria-current')).to.equal(false);
    await expect(m.el).to.be.accessible();
  });

  it('opens an older conversation: its history in the transcript, and coze-conversation-select', async () => {
    const m = await mount('conv-open');
    const {first} = await twoConversations(m);
    await waitUntil(
      () => transcript(m.chat).some((r) => r.textContent!.includes('second')),
      'second shown'
    );
    const selected = oneEvent(document, 'coze-conversation-select');
    inRow(m.el, first, 'conversation').click();
    const event = await selected;
    expect(event.detail).to.deep.equal({conversationId: first});
    expect(event.composed).to.equal(true);
    await waitUntil(
      () =>
        transcript(m.chat).some(
          (r) => r.dataset.role === 'user' && r.textContent!.includes('first')
        ),
      'the first conversation did not load'
    );
    expect(transcript(m.chat).some((r) => r.textContent!.includes('second'))).to.equal(false);
    await m.el.updateComplete;
    expect(inRow(m.el, first, 'conversation').getAttribute('aria-current')).to.equal('true');
    const history = (await loggedRequests(m.token)).filter(
      (r) => r.path === '/v1/conversation/message/list' && r.query.conversation_id === first
    );
    expect(history).to.not.be.empty;
  });

  it('renames inline: Enter saves with PUT {name}, Escape leaves without a request', async () => {
    const m = await mount('conv-rename');
    const {first, second} = await twoConversations(m);
    // Each was named after its first question already.
    const puts = async () =>
      (await loggedRequests(m.token))
        .filter((r) => r.method === 'PUT')
        .map((r) => [r.path, r.body]);
    await waitUntil(async () => (await puts()).length === 2, 'named after their questions');
    expect(await puts()).to.have.deep.members([
      [`/v1/conversations/${first}`, {name: 'first'}],
      [`/v1/conversations/${second}`, {name: 'second'}],
    ]);
    inRow(m.el, first, 'rename-button').click();
    await m.el.updateComplete;
    const input = inRow<HTMLInputElement>(m.el, first, 'rename-input');
    expect(focused(m.el)).to.equal(input);
    expect(input.maxLength).to.equal(100);
    expect(input.labels![0]!.textContent).to.equal('Conversation name');
    await expect(m.el).to.be.accessible();
    await sendKeys({type: 'Trip plans'});
    await sendKeys({press: 'Enter'});
    await waitUntil(
      () => inRow(m.el, first, 'conversation')?.textContent!.trim() === 'Trip plans',
      'renamed'
    );
    expect(focused(m.el)).to.equal(inRow(m.el, first, 'conversation'));
    expect((await puts()).slice(2)).to.deep.equal([
      [`/v1/conversations/${first}`, {name: 'Trip plans'}],
    ]);

    // Escape cancels and stays inside the list (an open panel would close on it otherwise).
    const escapes: string[] = [];
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && escapes.push(e.key);
    document.addEventListener('keydown', onKey);
    try {
      inRow(m.el, second, 'rename-button').click();
      await m.el.updateComplete;
      await sendKeys({type: 'Never saved'});
      await sendKeys({press: 'Escape'});
      await m.el.updateComplete;
    } finally {
      document.removeEventListener('keydown', onKey);
    }
    expect(escapes).to.be.empty;
    expect(inRow(m.el, second, 'rename-form')).to.equal(null);
    expect(inRow(m.el, second, 'conversation').textContent!.trim()).to.equal('second');
    expect(focused(m.el)).to.equal(inRow(m.el, second, 'conversation'));

    // Cancel does the same.
    inRow(m.el, second, 'rename-button').click();
    await m.el.updateComplete;
    inRow(m.el, second, 'cancel-button').click();
    await m.el.updateComplete;
    expect(inRow(m.el, second, 'rename-form')).to.equal(null);
    expect(await puts()).to.have.length(3);
  });

  it('deletes after an inline confirmation; Cancel keeps the conversation', async () => {
    const m = await mount('conv-delete');
    const {first, second} = await twoConversations(m);
    inRow(m.el, first, 'delete-button').click();
    await m.el.updateComplete;
    const confirm = inRow<HTMLElement>(m.el, first, 'confirm-delete');
    expect(confirm.getAttribute('role')).to.equal('group');
    expect(confirm.textContent).to.include('Delete “first”? This cannot be undone.');
    expect(focused(m.el)).to.equal(inRow(m.el, first, 'cancel-button'));
    await expect(m.el).to.be.accessible();

    await sendKeys({press: 'Enter'});
    await m.el.updateComplete;
    expect(inRow(m.el, first, 'confirm-delete')).to.equal(null);
    expect(ids(m.el)).to.deep.equal([second, first]);
    expect(focused(m.el)).to.equal(inRow(m.el, first, 'delete-button'));

    inRow(m.el, first, 'delete-button').click();
    await m.el.updateComplete;
    inRow(m.el, first, 'confirm-delete-button').click();
    await waitUntil(() => ids(m.el).length === 1, 'the conversation was not removed');
    expect(ids(m.el)).to.deep.equal([second]);
    // The last entry went, so focus goes to the one before it.
    await m.el.updateComplete;
    expect(focused(m.el)).to.equal(inRow(m.el, second, 'conversation'));
    const deletes = (await loggedRequests(m.token)).filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => r.path)).to.deep.equal([`/v1/conversations/${first}`]);

    // Deleting the only (and current) conversation leaves focus on "New conversation".
    inRow(m.el, second, 'delete-button').click();
    await m.el.updateComplete;
    inRow(m.el, second, 'confirm-delete-button').click();
    await waitUntil(() => ids(m.el).length === 0, 'the last conversation was not removed');
    await m.el.updateComplete;
    expect(focused(m.el)).to.equal(part(m.el, 'new-button'));
    expect(part(m.el, 'empty')).to.not.equal(null);
  });

  it('Escape in the delete question cancels it without leaving the list', async () => {
    const m = await mount('conv-delete-esc');
    const {first} = await twoConversations(m);
    inRow(m.el, first, 'delete-button').click();
    await m.el.updateComplete;
    let escaped = false;
    const onKey = (e: KeyboardEvent) => (escaped ||= e.key === 'Escape');
    document.addEventListener('keydown', onKey);
    try {
      await sendKeys({press: 'Escape'});
      await m.el.updateComplete;
    } finally {
      document.removeEventListener('keydown', onKey);
    }
    expect(escaped).to.equal(false);
    expect(inRow(m.el, first, 'confirm-delete')).to.equal(null);
    expect(focused(m.el)).to.equal(inRow(m.el, first, 'delete-button'));
    expect((await loggedRequests(m.token)).filter((r) => r.method === 'DELETE')).to.be.empty;
  });

  it('starts a new conversation from the list and fires coze-conversation-select with its id', async () => {
    const m = await mount('conv-new');
    const selected = oneEvent(m.el, 'coze-conversation-select');
    part(m.el, 'new-button')!.click();
    const event = await selected;
    const id = event.detail.conversationId;
    expect(m.shown.at(-1)).to.equal(id);
    await m.el.updateComplete;
    expect(ids(m.el)).to.deep.equal([id]);
    expect(inRow(m.el, id, 'conversation').getAttribute('aria-current')).to.equal('true');
    expect(inRow(m.el, id, 'conversation').textContent!.trim()).to.equal('Untitled conversation');
    const creates = (await loggedRequests(m.token)).filter(
      (r) => r.path === '/v1/conversation/create'
    );
    expect(creates).to.have.length(1);
  });

  it('pages with Load more past 20 conversations (page_num=2), busy meanwhile, focus on the first that came in', async () => {
    const m = await mount('conv-more');
    const created: string[] = [];
    for (let i = 0; i < 23; i++) created.push(await createConversation(m.token, m.userId));
    await m.el.refresh();
    await m.el.updateComplete;
    expect(entries(m.el)).to.have.length(20);
    const more = part(m.el, 'load-more')!;
    expect(more.textContent!.trim()).to.equal('Load more');
    await expect(m.el).to.be.accessible();

    more.focus();
    more.click();
    await m.el.updateComplete;
    expect(more.getAttribute('aria-disabled')).to.equal('true');
    expect(more.textContent!.trim()).to.equal('Loading…');
    await waitUntil(() => entries(m.el).length === 23, 'the next page did not load');
    expect(part(m.el, 'load-more')).to.equal(null);
    // Newest first: the three made first are last.
    expect(ids(m.el).slice(20)).to.have.members(created.slice(0, 3));
    await waitUntil(
      () => focused(m.el) === entries(m.el)[20],
      'focus did not move to the next page'
    );
    const pages = (await loggedRequests(m.token))
      .filter((r) => r.path === '/v1/conversations' && r.query.page_size === '20')
      .map((r) => r.query.page_num);
    expect(pages.at(-1)).to.equal('2');
  });

  it('is operable from the keyboard: Tab reaches one entry, arrows move, Enter opens', async () => {
    const m = await mount('conv-keys');
    for (let i = 0; i < 3; i++) await createConversation(m.token, m.userId);
    await m.el.refresh();
    await m.el.updateComplete;
    const [a, b, c] = ids(m.el) as [string, string, string];
    expect(entries(m.el).filter((e) => e.tabIndex === 0)).to.have.length(1);

    part(m.el, 'new-button')!.focus();
    await sendKeys({press: 'Tab'});
    expect(focused(m.el)).to.equal(inRow(m.el, a, 'conversation'));
    await sendKeys({press: 'ArrowDown'});
    expect(focused(m.el)).to.equal(inRow(m.el, b, 'conversation'));
    await sendKeys({press: 'ArrowDown'});
    await sendKeys({press: 'ArrowDown'});
    expect(focused(m.el)).to.equal(inRow(m.el, c, 'conversation'));
    await sendKeys({press: 'Home'});
    expect(focused(m.el)).to.equal(inRow(m.el, a, 'conversation'));
    await sendKeys({press: 'End'});
    await sendKeys({press: 'ArrowUp'});
    expect(focused(m.el)).to.equal(inRow(m.el, b, 'conversation'));
    await m.el.updateComplete;
    // The focused entry is the one Tab comes back to, and its actions follow it.
    expect(entries(m.el).filter((e) => e.tabIndex === 0)).to.deep.equal([
      inRow(m.el, b, 'conversation'),
    ]);
    await sendKeys({press: 'Tab'});
    expect(focused(m.el)).to.equal(inRow(m.el, b, 'rename-button'));
    await sendKeys({press: 'Tab'});
    expect(focused(m.el)).to.equal(inRow(m.el, b, 'delete-button'));
    // Arrows from an action go on to the neighbouring entry.
    await sendKeys({press: 'ArrowDown'});
    expect(focused(m.el)).to.equal(inRow(m.el, c, 'conversation'));
    await sendKeys({press: 'ArrowUp'});

    const selected = oneEvent(m.el, 'coze-conversation-select');
    await sendKeys({press: 'Enter'});
    expect((await selected).detail.conversationId).to.equal(b);
    await waitUntil(() => m.shown.includes(b), 'the conversation was not opened');
  });

  it('read-only: no New, Rename or Delete; the list takes focus and Down reaches the first conversation', async () => {
    const m = await mount('conv-readonly', 'en', true);
    expect(part(m.el, 'empty'), 'no conversations yet').to.not.equal(null);
    // With nothing to focus inside, the list itself takes focus.
    m.el.focus();
    expect(focusName(m.el)).to.equal('conversation-list');
    await expect(m.el).to.be.accessible();

    for (let i = 0; i < 2; i++) await createConversation(m.token, m.userId);
    await m.el.refresh();
    await m.el.updateComplete;
    const [a, b] = ids(m.el) as [string, string];
    expect(part(m.el, 'new-button')).to.equal(null);
    expect(part(m.el, 'rename-button')).to.equal(null);
    expect(part(m.el, 'delete-button')).to.equal(null);
    expect(focusName(m.el)).to.equal('conversation-list');
    await sendKeys({press: 'ArrowDown'});
    expect(focusName(m.el)).to.equal(`conversation ${a}`);
    await sendKeys({press: 'ArrowDown'});
    expect(focusName(m.el)).to.equal(`conversation ${b}`);
    await sendKeys({press: 'ArrowUp'});
    expect(focusName(m.el)).to.equal(`conversation ${a}`);
    // Tab leaves the list from an entry: there are no actions to reach in it.
    expect(part(m.el, 'conversation')!.closest('li')!.querySelector('.actions')).to.equal(null);
    await expect(m.el).to.be.accessible();

    const selected = oneEvent(m.el, 'coze-conversation-select');
    await sendKeys({press: 'Enter'});
    expect((await selected).detail.conversationId).to.equal(a);
  });

  it('loads again each time it is shown', async () => {
    const m = await mount('conv-shown');
    expect(entries(m.el)).to.have.length(0);
    const id = await createConversation(m.token, m.userId);
    // Hidden until an observer of its own has seen it go (WebKit reports it some 200 ms later
    // than Chromium), then shown again.
    let visible = true;
    const observer = new IntersectionObserver((entries) => {
      visible = entries.at(-1)!.isIntersecting;
    });
    observer.observe(m.el);
    await waitUntil(() => visible, 'seen in view');
    m.el.hidden = true;
    await waitUntil(() => !visible, 'seen hidden');
    observer.disconnect();
    m.el.hidden = false;
    await waitUntil(() => ids(m.el).includes(id), 'not reloaded when shown');
    const lists = (await loggedRequests(m.token)).filter(
      (r) => r.path === '/v1/conversations' && r.query.page_size === '20'
    );
    expect(lists).to.have.length(2);
  });

  it('speaks the chat language', async () => {
    const {el} = await mount('conv-zh', 'zh-CN');
    expect(nav(el).getAttribute('aria-label')).to.equal('会话列表');
    expect(part(el, 'new-button')!.textContent!.trim()).to.equal('新建会话');
  });
});

describe('groupConversations', () => {
  const now = new Date(2025, 5, 15, 10, 30);
  const at = (...parts: [number, number, number, number?, number?, number?]) =>
    new Date(...(parts as [number, number, number, number, number, number])).getTime() / 1000;
  const c = (id: string, updatedAt: number): ConversationSummary => ({id, name: '', updatedAt});

  it('sorts into Today, Last 30 days and Older by local calendar day, newest first', () => {
    const items = [
      c('older', at(2025, 4, 15, 23, 59, 59)),
      c('midnight', at(2025, 5, 15, 0, 0, 0)),
      c('yesterday', at(2025, 5, 14, 23, 59, 59)),
      c('thirty-days', at(2025, 4, 16, 0, 0, 0)),
      c('morning', at(2025, 5, 15, 9, 0, 0)),
      c('last-year', at(2024, 0, 1)),
    ];
    const groups = groupConversations(items, now);
    expect(groups.map((g) => [g.key, g.items.map((i) => i.id)])).to.deep.equal([
      ['today', ['morning', 'midnight']],
      ['last30Days', ['yesterday', 'thirty-days']],
      ['older', ['older', 'last-year']],
    ]);
  });

  it('leaves out empty groups and counts a time ahead of the clock as today', () => {
    const groups = groupConversations(
      [c('old', at(2020, 0, 1)), c('ahead', at(2025, 5, 16, 8))],
      now
    );
    expect(groups.map((g) => g.key)).to.deep.equal(['today', 'older']);
    expect(groupConversations([], now)).to.deep.equal([]);
  });

  it('does not reorder or change its input', () => {
    const items = Object.freeze([c('a', 1), c('b', 3), c('c', 2)]);
    const groups = groupConversations(items, now);
    expect(groups[0]!.items.map((i) => i.id)).to.deep.equal(['b', 'c', 'a']);
    expect(items.map((i) => i.id)).to.deep.equal(['a', 'b', 'c']);
  });
});
