import {expect} from '@open-wc/testing';
import {ConversationStore, type StoreConfig} from '../../src/state/store.js';
import type {KeyValueStorage} from '../../src/state/storage.js';
import {bot, botConfig, fakeBackend, noConversations, tick} from './fake-backend.js';

const appConfig: StoreConfig = {
  type: 'app',
  appId: '7400000000000000001',
  workflowId: '7400000000000000002',
  userId: 'user-1',
  connectorId: '999',
};

function storeWith(
  fake: ReturnType<typeof fakeBackend>,
  config: StoreConfig = botConfig(),
  storage?: KeyValueStorage
) {
  return new ConversationStore({
    backend: fake.backend,
    config: () => config,
    scheduleFrame: (cb) => queueMicrotask(cb),
    ...(storage ? {storage} : {}),
  });
}

/** A `localStorage`-shaped map. */
function memoryStorage(): KeyValueStorage & {map: Map<string, string>} {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

async function loaded(fake: ReturnType<typeof fakeBackend>, store: ConversationStore) {
  void store.init();
  await tick();
  fake.last('getBotInfo').resolve(bot());
  fake.last('listConversations').resolve(noConversations);
  await tick();
}

const chatCreated = (id = 'chat-1', conversationId = 'c-1') =>
  ({
    event: 'conversation.chat.created',
    chat: {id, conversation_id: conversationId, bot_id: 'b', status: 'created'},
  }) as never;

describe('ConversationStore parts (fake backend)', () => {
  it('opening another conversation while the latest one loads shows only the opened one', async () => {
    const fake = fakeBackend();
    const store = storeWith(fake);
    void store.init();
    await tick();
    fake.last('getBotInfo').resolve(bot());
    fake.last('listConversations').resolve({
      conversations: [{id: 'c-latest', meta_data: {chat_user: 'user-1'}}],
      hasMore: false,
    });
    await tick();
    const latest = fake.last('listMessages');
    expect(latest.args[0]).to.equal('c-latest');
    const opened = store.openConversation('c-other');
    await tick();
    expect(latest.signal?.aborted, 'the latest one’s history').to.equal(true);
    fake.last('listMessages').resolve({
      messages: [
        {id: 'q', role: 'user', type: 'question', content: 'Other question', content_type: 'text'},
      ],
      hasMore: false,
    });
    await opened;
    expect(store.snapshot.conversationId).to.equal('c-other');
    expect(store.snapshot.messages.map((m) => m.content)).to.deep.equal(['Other question']);
    expect(store.snapshot.status).to.equal('idle');
  });

  it('after Stop, the next question waits until Coze has canceled the stopped chat', async () => {
    const fake = fakeBackend();
    const store = storeWith(fake);
    await loaded(fake, store);
    fake.streams.push([chatCreated()]);
    const first = store.send('first');
    await tick();
    fake.last('createConversation').resolve({id: 'c-1'});
    await tick();
    void store.cancel();
    await first;
    const cancel = fake.last('cancelChat');
    expect(cancel.args.slice(0, 2)).to.deep.equal(['c-1', 'chat-1']);
    expect(store.snapshot.status).to.equal('idle');
    fake.streams.push([]);
    void store.send('second');
    await tick();
    expect(fake.calls.filter((c) => c.method === 'streamChat')).to.have.length(1);
    cancel.resolve(undefined);
    await tick();
    expect(fake.calls.filter((c) => c.method === 'streamChat')).to.have.length(2);
    expect(store.snapshot.status).to.equal('streaming');
    store.dispose();
  });

  it("an app loads its chatflow's role and Default conversation, and streams through the chatflow", async () => {
    const fake = fakeBackend();
    const store = storeWith(fake, appConfig);
    void store.init();
    await tick();
    fake
      .last('getAppInfo')
      .resolve({id: appConfig.type === 'app' ? appConfig.appId : '', name: 'App'});
    fake.last('getWorkflowInfo').resolve({id: 'w', name: 'Flow', suggestedQuestions: []});
    const created = fake.last('createConversation');
    expect(created.args[0]).to.include({conversationName: 'Default', getOrCreate: true});
    created.resolve({id: 'c-app', meta_data: {chat_user: 'user-1'}});
    await tick();
    fake.last('listMessages').resolve({messages: [], hasMore: false});
    await tick();
    expect(store.snapshot.bot?.name).to.equal('Flow');
    expect(store.snapshot.conversationId).to.equal('c-app');
    // An app has no conversation list.
    await store.loadConversations();
    expect(fake.calls.some((c) => c.method === 'listConversations')).to.equal(false);
    fake.streams.push([]);
    void store.send('hello');
    await tick();
    expect(fake.last('streamWorkflowChat').args[0]).to.include({
      conversationId: 'c-app',
      appId: '7400000000000000001',
    });
    expect(fake.calls.some((c) => c.method === 'streamChat')).to.equal(false);
    store.dispose();
  });

  it('keeps previews of sent images in the storage it is given, and shows them in history', async () => {
    const fake = fakeBackend();
    const storage = memoryStorage();
    const store = storeWith(fake, botConfig(), storage);
    await loaded(fake, store);
    const fileId = `file-${Math.random().toString(36).slice(2)}`;
    const previewUrl = 'data:image/png;base64,iVBORw0KGgo=';
    fake.streams.push([]);
    void store.send('look', {files: [{fileId, name: 'a.png', kind: 'image', previewUrl}]});
    await tick();
    expect(storage.map.get(`coze-chat-elements:thumb:${fileId}`)).to.equal(previewUrl);
    expect(localStorage.getItem(`coze-chat-elements:thumb:${fileId}`)).to.equal(null);
    fake.last('createConversation').resolve({id: 'c-1'});
    await tick();
    store.dispose();

    // Another visit, with the same storage.
    const fake2 = fakeBackend();
    const reader = storeWith(fake2, botConfig(), storage);
    const opened = reader.openConversation('c-1');
    await tick();
    fake2.last('listMessages').resolve({
      messages: [
        {
          id: 'q',
          role: 'user',
          type: 'question',
          content: JSON.stringify([{type: 'image', file_id: fileId}]),
          content_type: 'object_string',
        },
      ],
      hasMore: false,
    });
    await opened;
    expect(reader.snapshot.messages[0].files?.[0].previewUrl).to.equal(previewUrl);
  });
});
