/// <reference types="mocha" />
// The answer stream's idle timeout: a stream that goes quiet fails the send, as the official
// SDK's 210 s limit does; a reader that takes its time between events does not count.
import {expect} from '@open-wc/testing';
import {CozeClient, DEFAULT_STREAM_IDLE_TIMEOUT} from '../../src/api/client.js';
import {TokenSource} from '../../src/api/auth.js';
import {CozeApiError} from '../../src/api/errors.js';
import type {ChatRequest} from '../../src/api/types.js';
import {collect, loggedRequests, uniqueToken, until} from './helpers.js';

const BOT = '7498100000000000002';

function ask(text: string): ChatRequest {
  return {
    botId: BOT,
    userId: 'user_timeout_tests',
    additionalMessages: [{role: 'user', content: text, content_type: 'text'}],
  };
}

function clientWith(token: string, streamIdleTimeout?: number): CozeClient {
  return new CozeClient({
    apiBase: location.origin,
    auth: new TokenSource(() => ({token})),
    ...(streamIdleTimeout === undefined ? {} : {streamIdleTimeout}),
  });
}

describe('CozeClient stream idle timeout', () => {
  it('defaults to 210 s, as the official SDK', () => {
    expect(DEFAULT_STREAM_IDLE_TIMEOUT).to.equal(210_000);
  });

  it('fails with kind timeout when no event comes for longer than the limit, and hangs up', async () => {
    const token = uniqueToken('idle');
    // `slow`: a delta every 120 ms, so 60 ms of silence comes at once.
    const result = await collect(clientWith(token, 60).streamChat(ask('slow')));
    expect(result.error).to.be.instanceOf(CozeApiError);
    const error = result.error as CozeApiError;
    expect(error.kind).to.equal('timeout');
    expect(error.message).to.match(/sent nothing/);
    expect(result.events[0]?.event).to.equal('conversation.chat.created');
    await until(async () =>
      (await loggedRequests(token)).some((r) => r.path === '/v3/chat' && r.clientAborted)
    );
  });

  it('does not count the time the reader spends between events', async () => {
    const token = uniqueToken('reader');
    const events: string[] = [];
    // Deltas come 15 ms apart; the reader dawdles 150 ms on each event, far past the 100 ms limit.
    for await (const event of clientWith(token, 100).streamChat(ask('hello there'))) {
      events.push(event.event);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    expect(events.at(-1)).to.equal('done');
  });

  it('is not a timeout when the caller aborts', async () => {
    const token = uniqueToken('abort');
    const controller = new AbortController();
    const stream = clientWith(token, 60_000).streamChat(ask('slow'), {signal: controller.signal});
    const seen: string[] = [];
    let caught: unknown;
    try {
      for await (const event of stream) {
        seen.push(event.event);
        if (event.event === 'conversation.message.delta') controller.abort();
      }
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(DOMException);
    expect((caught as DOMException).name).to.equal('AbortError');
  });
});
