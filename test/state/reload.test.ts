import {expect} from '@open-wc/testing';
import {ConversationStore} from '../../src/state/store.js';
import type {LoadError} from '../../src/state/types.js';
import {bot, botConfig, fakeBackend, noConversations, tick} from './fake-backend.js';

/** What Coze's client rejects with when a request ran past its deadline. */
const timedOut = () =>
  Object.assign(new Error('Coze did not answer within 3 s'), {code: -5, kind: 'timeout'});

const mine = (id: string) => ({id, meta_data: {chat_user: 'user-1'}});

/** A first history page (newest first, as asked for) of these texts, oldest first. */
const page = (...texts: string[]) => ({
  messages: texts
    .map((content, i) => ({
      id: `m-${i}`,
      conversation_id: 'c-1',
      role: i % 2 ? 'assistant' : 'user',
      type: i % 2 ? 'answer' : 'question',
      content,
      content_type: 'text',
    }))
    .reverse(),
  hasMore: false,
});

function storeWith(fake: ReturnType<typeof fakeBackend>) {
  return new ConversationStore({
    backend: fake.backend,
    config: () => botConfig(),
    scheduleFrame: (cb) => queueMicrotask(cb),
  });
}

const calls = (fake: ReturnType<typeof fakeBackend>, method: string) =>
  fake.calls.filter((c) => c.method === method).length;

const loadError = (store: ConversationStore): LoadError => {
  const error = store.snapshot.error;
  expect(error && 'loads' in error, 'the error says which load failed').to.equal(true);
  return error as LoadError;
};

describe('ConversationStore: a failed load runs again on its own (fake backend)', () => {
  it('resumes the latest conversation without waiting for the profile', async () => {
    const fake = fakeBackend();
    const store = storeWith(fake);
    void store.init();
    await tick();
    fake.last('listConversations').resolve({conversations: [mine('c-1')], hasMore: false});
    await tick();
    // The profile has not answered: the history is asked for all the same.
    expect(calls(fake, 'listMessages')).to.equal(1);
    expect(store.snapshot.conversationId).to.equal('c-1');
    fake.last('listMessages').resolve(page('Earlier question', 'Earlier answer'));
    await tick();
    expect(store.snapshot.messages.map((m) => m.content)).to.deep.equal([
      'Earlier question',
      'Earlier answer',
    ]);
    expect(store.snapshot.status, 'still loading the profile').to.equal('loading');
    fake.last('getBotInfo').resolve(bot('Late profile'));
    await tick();
    expect(store.snapshot.bot?.name).to.equal('Late profile');
    expect(store.snapshot.status).to.equal('idle');
  });

  it('a failed profile: its error says so, and reload("profile") asks for the profile alone', async () => {
    const fake = fakeBackend();
    const store = storeWith(fake);
    void store.init();
    await tick();
    fake.last('listConversations').resolve(noConversations);
    fake.last('getBotInfo').reject(timedOut());
    await tick();
    expect(loadError(store).loads).to.deep.equal(['profile']);
    expect(store.snapshot.error?.message).to.match(/within 3 s/);
    expect(store.snapshot.bot).to.equal(undefined);

    const reloaded = store.actions.reload('profile');
    expect(store.snapshot.error, 'the error goes while it loads again').to.equal(undefined);
    expect(store.snapshot.status).to.equal('loading');
    await tick();
    expect(calls(fake, 'getBotInfo')).to.equal(2);
    expect(calls(fake, 'listConversations'), 'nothing else is loaded again').to.equal(1);
    fake.last('getBotInfo').resolve(bot('Recovered'));
    await reloaded;
    expect(store.snapshot.bot?.name).to.equal('Recovered');
    expect(store.snapshot.bot?.prologue).to.equal('Hello');
    expect(store.snapshot.status).to.equal('idle');
  });

  it('a failed lookup of the conversation to resume: reload("conversations") resumes it with its history', async () => {
    const fake = fakeBackend();
    const store = storeWith(fake);
    void store.init();
    await tick();
    fake.last('getBotInfo').resolve(bot());
    fake.last('listConversations').reject(timedOut());
    await tick();
    expect(loadError(store).loads).to.deep.equal(['conversations']);

    const reloaded = store.actions.reload('conversations');
    await tick();
    expect(calls(fake, 'getBotInfo')).to.equal(1);
    fake.last('listConversations').resolve({conversations: [mine('c-1')], hasMore: false});
    await tick();
    fake.last('listMessages').resolve(page('Earlier question', 'Earlier answer'));
    await reloaded;
    expect(store.snapshot.conversationId).to.equal('c-1');
    expect(store.snapshot.messages).to.have.length(2);
    expect(store.snapshot.error).to.equal(undefined);
  });

  it('a failed history: reload("history") loads the first page again, under a question sent meanwhile', async () => {
    const fake = fakeBackend();
    const store = storeWith(fake);
    void store.init();
    await tick();
    fake.last('getBotInfo').resolve(bot());
    fake.last('listConversations').resolve({conversations: [mine('c-1')], hasMore: false});
    await tick();
    fake.last('listMessages').reject(timedOut());
    await tick();
    expect(loadError(store).loads).to.deep.equal(['history']);

    // A question sent now keeps the load's error (and its Retry) shown.
    fake.streams.push([]);
    const sent = store.send('Meanwhile');
    await tick();
    expect(loadError(store).loads).to.deep.equal(['history']);
    store.dispose();
    await sent;

    const reloaded = store.actions.reload('history');
    await tick();
    fake.last('listMessages').resolve(page('Earlier question', 'Earlier answer'));
    await reloaded;
    expect(store.snapshot.messages.map((m) => m.content)).to.deep.equal([
      'Earlier question',
      'Earlier answer',
      'Meanwhile',
    ]);
    expect(store.snapshot.error).to.equal(undefined);
  });

  it('two failed loads share one error, and one reload runs both', async () => {
    const fake = fakeBackend();
    const store = storeWith(fake);
    void store.init();
    await tick();
    fake.last('getBotInfo').reject(timedOut());
    fake.last('listConversations').reject(timedOut());
    await tick();
    const error = loadError(store);
    expect([...error.loads].sort()).to.deep.equal(['conversations', 'profile']);

    const reloaded = store.actions.reload(...error.loads);
    await tick();
    fake.last('getBotInfo').resolve(bot('Both back'));
    fake.last('listConversations').resolve(noConversations);
    await reloaded;
    expect(store.snapshot.bot?.name).to.equal('Both back');
    expect(store.snapshot.error).to.equal(undefined);
    expect(store.snapshot.status).to.equal('idle');
  });

  it('a failed conversation list: reload("conversations") loads the list again', async () => {
    const fake = fakeBackend();
    const store = storeWith(fake);
    void store.init();
    await tick();
    fake.last('getBotInfo').resolve(bot());
    fake.last('listConversations').resolve(noConversations);
    await tick();
    const listed = store.loadConversations();
    await tick();
    fake.last('listConversations').reject(timedOut());
    await listed;
    expect(loadError(store).loads).to.deep.equal(['conversations']);
    expect(store.snapshot.conversations?.loading).to.equal(false);

    const reloaded = store.actions.reload('conversations');
    await tick();
    expect(calls(fake, 'listConversations'), 'the list, not the resume').to.equal(3);
    fake.last('listConversations').resolve({conversations: [mine('c-9')], hasMore: false});
    await reloaded;
    expect(store.snapshot.conversations?.items.map((c) => c.id)).to.deep.equal(['c-9']);
    expect(store.snapshot.conversationId, 'nothing is opened by it').to.equal(undefined);
    expect(store.snapshot.error).to.equal(undefined);
  });
});
