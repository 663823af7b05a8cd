import {expect} from '@open-wc/testing';
import {ConversationStore} from '../../src/state/store.js';
import {ChatBusyError} from '../../src/state/errors.js';
import type {CozeMessage, CozeStreamEvent} from '../../src/api/types.js';
import {bot, botConfig, fakeBackend, noConversations, tick} from './fake-backend.js';

const answer = (id: string, content: string): CozeMessage => ({
  id,
  conversation_id: 'c-1',
  chat_id: 'chat-1',
  role: 'assistant',
  type: 'answer',
  content,
  content_type: 'text',
});
const delta = (id: string, content: string): CozeStreamEvent => ({
  event: 'conversation.message.delta',
  message: answer(id, content),
});
const completed = (id: string, content: string): CozeStreamEvent => ({
  event: 'conversation.message.completed',
  message: answer(id, content),
});

async function ready() {
  const fake = fakeBackend();
  const store = new ConversationStore({
    backend: fake.backend,
    config: botConfig,
    scheduleFrame: (cb) => queueMicrotask(cb),
  });
  void store.init();
  await tick();
  fake.last('getBotInfo').resolve(bot());
  fake.last('listConversations').resolve(noConversations);
  await tick();
  return {fake, store};
}

/** Sends a question whose stream yields `events`, then `done`. */
async function turn(events: CozeStreamEvent[]) {
  const {fake, store} = await ready();
  fake.streams.push([...events, {event: 'done'}]);
  const sent = store.send('hello');
  await tick();
  fake.last('createConversation').resolve({id: 'c-1'});
  await sent;
  return store.snapshot.messages.filter((m) => m.role === 'assistant');
}

describe('ConversationStore reads the answer as Coze means it (fake backend)', () => {
  it('does not append deltas that come after an answer completed', async () => {
    const answers = await turn([
      delta('a-1', 'Hello'),
      completed('a-1', 'Hello there.'),
      delta('a-1', ' (late)'),
    ]);
    expect(answers.map((m) => [m.content, m.status])).to.deep.equal([['Hello there.', 'complete']]);
  });

  it('a reused message id after its answer completed does not replace that answer', async () => {
    const answers = await turn([
      delta('a-1', 'First'),
      completed('a-1', 'First answer.'),
      completed('a-1', 'Second answer.'),
    ]);
    expect(answers.map((m) => m.content)).to.deep.equal(['First answer.', 'Second answer.']);
  });

  it('send() while an answer streams rejects with ChatBusyError and sends nothing', async () => {
    const {fake, store} = await ready();
    fake.streams.push([]);
    void store.send('first');
    await tick();
    fake.last('createConversation').resolve({id: 'c-1'});
    await tick();
    expect(store.snapshot.status).to.equal('streaming');
    let thrown: unknown;
    try {
      await store.send('second');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(ChatBusyError);
    expect((thrown as Error).name).to.equal('ChatBusyError');
    expect(store.snapshot.messages.filter((m) => m.role === 'user')).to.have.length(1);
    expect(fake.calls.filter((c) => c.method === 'streamChat')).to.have.length(1);
    // Nothing to send is still no error.
    await store.send('   ');
    store.dispose();
  });

  it("a rejecting tool handler fails the turn as the page's handler, not as the network", async () => {
    const fake = fakeBackend();
    const store = new ConversationStore({
      backend: fake.backend,
      config: botConfig,
      scheduleFrame: (cb) => queueMicrotask(cb),
      runTools: () => Promise.reject(new Error('weather service down')),
    });
    void store.init();
    await tick();
    fake.last('getBotInfo').resolve(bot());
    fake.last('listConversations').resolve(noConversations);
    await tick();
    fake.streams.push([
      {
        event: 'conversation.chat.requires_action',
        chat: {
          id: 'chat-1',
          conversation_id: 'c-1',
          status: 'requires_action',
          required_action: {
            type: 'submit_tool_outputs',
            submit_tool_outputs: {
              tool_calls: [
                {id: 't-1', type: 'function', function: {name: 'get_weather', arguments: '{}'}},
              ],
            },
          },
        },
      },
      {event: 'done'},
    ]);
    const sent = store.send('weather?');
    await tick();
    fake.last('createConversation').resolve({id: 'c-1'});
    await sent;
    expect(store.snapshot.error?.code).to.equal(-7);
    expect(store.snapshot.error?.message).to.contain('weather service down');
    expect(store.snapshot.messages.find((m) => m.tool)?.tool?.failed).to.equal(true);
  });
});
