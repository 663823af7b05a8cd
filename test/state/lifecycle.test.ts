import {expect} from '@open-wc/testing';
import {ConversationStore} from '../../src/state/store.js';
import type {ChatStatus} from '../../src/state/types.js';
import {bot, botConfig, fakeBackend, noConversations, tick} from './fake-backend.js';

function storeWith(fake: ReturnType<typeof fakeBackend>) {
  let config = botConfig();
  const store = new ConversationStore({
    backend: fake.backend,
    config: () => config,
    scheduleFrame: (cb) => queueMicrotask(cb),
  });
  const statuses: ChatStatus[] = [];
  store.subscribe((s) => {
    if (statuses.at(-1) !== s.status) statuses.push(s.status);
  });
  return {
    store,
    statuses,
    setBot: (id: string) => (config = botConfig(id)),
  };
}

describe('ConversationStore lifecycle (fake backend)', () => {
  it('newConversation() during the first load still loads the profile and ends idle', async () => {
    const fake = fakeBackend();
    const {store} = storeWith(fake);
    const loaded = store.init();
    await tick();
    const created = store.newConversation();
    await tick();
    fake.last('createConversation').resolve({id: 'c-new', last_section_id: 's-new'});
    fake.last('getBotInfo').resolve(bot('Trail guide'));
    fake.last('listConversations').resolve({conversations: [{id: 'c-old'}], hasMore: false});
    expect(await created).to.equal('c-new');
    await loaded;
    await tick();
    expect(store.snapshot.status).to.equal('idle');
    expect(store.snapshot.bot?.name).to.equal('Trail guide');
    expect(store.snapshot.conversationId).to.equal('c-new');
    // The latest conversation is not shown over the new one.
    expect(fake.calls.some((c) => c.method === 'listMessages')).to.equal(false);
  });

  it('dispose() aborts every request in flight and starts none after it', async () => {
    const fake = fakeBackend();
    const {store} = storeWith(fake);
    void store.init();
    await tick();
    const started = fake.calls.length;
    expect(started).to.be.greaterThan(0);
    store.dispose();
    for (const call of fake.calls) expect(call.signal?.aborted, call.method).to.equal(true);
    // The answers arrive anyway (the abort raced them): nothing follows from them.
    fake.last('getBotInfo').resolve(bot());
    fake.last('listConversations').resolve({conversations: [{id: 'c-1'}], hasMore: false});
    await tick();
    expect(fake.calls.length).to.equal(started);
    expect(fake.refused).to.deep.equal([]);
    expect(store.snapshot.status).to.equal('idle');
    // Back in the page, the load cut short runs again.
    void store.init();
    await tick();
    expect(fake.calls.filter((c) => c.method === 'getBotInfo')).to.have.length(2);
  });

  it('dispose() stops the answer being streamed', async () => {
    const fake = fakeBackend();
    const {store} = storeWith(fake);
    void store.init();
    await tick();
    fake.last('getBotInfo').resolve(bot());
    fake.last('listConversations').resolve(noConversations);
    await tick();
    fake.streams.push([]);
    const sent = store.send('hello');
    await tick();
    fake.last('createConversation').resolve({id: 'c-1'});
    await tick();
    expect(store.snapshot.status).to.equal('streaming');
    store.dispose();
    await sent;
    expect(fake.last('streamChat').signal?.aborted).to.equal(true);
    expect(store.snapshot.status).to.equal('idle');
  });

  it('changing the bot while an answer streams stays loading until the new bot has loaded', async () => {
    const fake = fakeBackend();
    const {store, statuses, setBot} = storeWith(fake);
    void store.init();
    await tick();
    fake.last('getBotInfo').resolve(bot('First'));
    fake.last('listConversations').resolve(noConversations);
    await tick();
    fake.streams.push([
      {
        event: 'conversation.message.delta',
        message: {
          id: 'm-1',
          conversation_id: 'c-1',
          bot_id: 'b',
          chat_id: 'chat-1',
          role: 'assistant',
          type: 'answer',
          content: 'Half an ans',
          content_type: 'text',
        },
      } as never,
    ]);
    const sent = store.send('hello');
    await tick();
    fake.last('createConversation').resolve({id: 'c-1'});
    await tick();
    expect(store.snapshot.status).to.equal('streaming');

    setBot('7500000000000000002');
    statuses.length = 0;
    const reloaded = store.reload();
    await sent;
    await tick();
    expect(statuses, 'statuses while the new bot loads').not.to.include('idle');
    expect(store.snapshot.status).to.equal('loading');
    fake.last('getBotInfo').resolve(bot('Second'));
    fake.last('listConversations').resolve(noConversations);
    await reloaded;
    expect(store.snapshot.status).to.equal('idle');
    expect(store.snapshot.bot?.name).to.equal('Second');
    expect(store.snapshot.messages).to.deep.equal([]);
  });
});
