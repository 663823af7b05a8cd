import {expect, waitUntil} from '@open-wc/testing';
import {CozeClient} from '../../src/api/client.js';
import {TokenSource} from '../../src/api/auth.js';
import {ConversationStore, type StoreNotice} from '../../src/state/store.js';
import type {ChatSnapshot} from '../../src/state/types.js';
import {loggedRequests, uniqueToken} from '../api/helpers.js';

function storeFor(token: string, frames?: (cb: () => void) => void) {
  const client = new CozeClient({apiBase: location.origin, auth: new TokenSource(() => ({token}))});
  const notices: StoreNotice[] = [];
  const store = new ConversationStore({
    backend: client,
    config: () => ({
      type: 'bot',
      botId: '7500000000000000001',
      userId: `u-${token}`,
      connectorId: '999',
    }),
    notify: (n) => notices.push(n),
    ...(frames ? {scheduleFrame: frames} : {}),
  });
  return {store, notices};
}

describe('ConversationStore', () => {
  it('publishes frozen snapshots and keeps one stable actions object', async () => {
    const {store} = storeFor(uniqueToken('frozen'));
    const actions = store.actions;
    const before = store.snapshot;
    await store.init();
    expect(store.actions).to.equal(actions);
    expect(Object.isFrozen(store.snapshot)).to.equal(true);
    expect(store.snapshot).not.to.equal(before);
    expect(before.bot).to.equal(undefined);
    expect(store.snapshot.bot?.name).to.be.a('string');
  });

  it('coalesces a long stream into at most one snapshot per frame', async () => {
    const pending: Array<() => void> = [];
    const {store, notices} = storeFor(uniqueToken('frames'), (cb) => pending.push(cb));
    let contentSnapshots = 0;
    let last = '';
    store.subscribe((s: ChatSnapshot) => {
      const text = s.messages.at(-1)?.role === 'assistant' ? s.messages.at(-1)!.content : '';
      if (text !== last) contentSnapshots++;
      last = text;
    });
    let frames = 0;
    let running = true;
    // A frame every 50 ms, by hand: the store may only publish deltas when one runs.
    const ticker = (async () => {
      while (running) {
        await new Promise((r) => setTimeout(r, 50));
        frames++;
        pending.splice(0).forEach((cb) => cb());
      }
    })();
    await store.send('Tell me something long');
    running = false;
    await ticker;
    const answer = store.snapshot.messages.at(-1)!;
    expect(answer.status).to.equal('complete');
    expect(answer.content.length).to.be.greaterThan(20000);
    // Deltas arrive every few ms; snapshots follow the frames (plus the completion).
    expect(contentSnapshots).to.be.at.most(frames + 2);
    expect(contentSnapshots).to.be.lessThan(200);
    expect(notices.filter((n) => n.type === 'answer')).to.have.length(1);
  }).timeout(20000);

  it('keeps the question and marks it when sending fails before any answer', async () => {
    const {store, notices} = storeFor(uniqueToken('busyfail'));
    await store.send('fail busy');
    const [question] = store.snapshot.messages;
    expect(store.snapshot.messages).to.have.length(1);
    expect(question.content).to.equal('fail busy');
    expect(question.status).to.equal('error');
    expect(question.error?.code).to.equal(4016);
    expect(store.snapshot.error?.code).to.equal(4016);
    expect(notices.some((n) => n.type === 'error')).to.equal(true);
    expect(store.snapshot.status).to.equal('idle');
  });

  it('ignores a second question while an answer streams', async () => {
    const {store} = storeFor(uniqueToken('one'));
    const first = store.send('slow');
    expect(store.canSend('another')).to.equal(false);
    expect(store.actions.send('another')).to.equal(false);
    await store.cancel();
    await first;
    expect(store.snapshot.messages.filter((m) => m.role === 'user')).to.have.length(1);
  });
  it('Stop before the first event still cancels the chat on Coze, so Retry is not refused', async function () {
    this.timeout(15000);
    const token = uniqueToken('stopfirst');
    const {store} = storeFor(token);
    await store.init();
    // Stopped in the same task as sent: no event (and no chat id) has arrived yet.
    const sent = store.send('slow');
    const stopping = store.cancel();
    expect(store.snapshot.status, 'stopped at once').to.equal('idle');
    expect(store.snapshot.messages.at(-1)!.status).to.equal('canceled');
    await stopping;
    await sent;
    const user = store.snapshot.messages.at(-1)!;
    expect(user.role).to.equal('user');
    expect(user.status).to.equal('canceled');
    expect(store.snapshot.messages.filter((m) => m.role === 'assistant')).to.have.length(0);
    const log = await loggedRequests(token);
    const chat = log.find((r) => r.path === '/v3/chat')!;
    const cancel = log.find((r) => r.path === '/v3/chat/cancel');
    expect(cancel, 'the running chat was canceled by id').to.exist;
    expect(cancel!.body).to.include({conversation_id: chat.query.conversation_id});
    // Coze refuses a new chat while one runs in the conversation (4016): this one is answered.
    const retried = store.retry();
    await new Promise((resolve) => setTimeout(resolve, 400));
    await store.cancel();
    await retried;
    expect(store.snapshot.error, 'no "already in progress"').to.equal(undefined);
    expect(store.snapshot.messages.at(-1)!.role).to.equal('assistant');
  });

  it('sends feedback given while the chat still writes its suggestions once Coze has kept the answer', async () => {
    const {store} = storeFor(uniqueToken('late-feedback'));
    await store.init();
    const sent = store.send('late suggestions');
    const last = () => store.snapshot.messages.at(-1)!;
    await waitUntil(
      () => last().role === 'assistant' && last().status === 'complete',
      'the answer complete',
      {timeout: 5000}
    );
    // The suggestions come 1.5 s after the answer; Coze keeps the chat's messages only then.
    expect(store.snapshot.status, 'the chat still runs').to.equal('streaming');
    const answer = last();
    const given = store.actions.feedback(answer.key, 'unlike');
    expect(last().feedback, 'shown at once').to.equal('unlike');
    // Sent at once, Coze would answer "message not found" and the unlike would be taken back.
    await given;
    expect(store.snapshot.status, 'sent once the chat completed').to.equal('idle');
    expect(store.snapshot.error).to.equal(undefined);
    expect(last().feedback).to.equal('unlike');
    await sent;
    const kept = await (await fetch(`/__emulator/feedback?message_id=${answer.id}`)).json();
    expect(kept.feedback).to.deep.equal({feedback_type: 'unlike'});
  });
});
