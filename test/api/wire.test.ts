/// <reference types="mocha" />
import {expect} from '@open-wc/testing';
import {CozeApiError} from '../../src/api/errors.js';
import {readCozeStream} from '../../src/api/sse.js';
import {readChat, readConversation, readMessage} from '../../src/api/wire.js';
import type {CozeStreamEvent} from '../../src/api/types.js';
import {collect, textBody} from './helpers.js';

const CHAT = '{"id":"7382159487131697202","conversation_id":"738147","status":"completed"}';
const message = (fields: Record<string, unknown>) =>
  JSON.stringify({id: 'm1', conversation_id: 'c1', role: 'assistant', type: 'answer', ...fields});

describe('Coze data read at the door', () => {
  it('a stream that ends after conversation.chat.completed without done is complete', async () => {
    const {events, error} = await collect(
      readCozeStream(
        textBody(
          `event:conversation.message.completed\ndata:${message({content: 'Hi', content_type: 'text'})}\n\n`,
          `event:conversation.chat.completed\ndata:${CHAT}\n\n`
        )
      )
    );
    expect(error).to.equal(undefined);
    expect(events.map((e) => e.event)).to.deep.equal([
      'conversation.message.completed',
      'conversation.chat.completed',
    ]);
  });

  it('a stream cut before conversation.chat.completed is still interrupted', async () => {
    const {error} = await collect(
      readCozeStream(
        textBody(`event:conversation.message.delta\ndata:${message({content: 'Hal'})}\n\n`)
      )
    );
    expect(error).to.be.instanceOf(CozeApiError);
    expect((error as CozeApiError).kind).to.equal('interrupted');
  });

  it('deltas without content, or with odd types, carry empty text', async () => {
    const {events} = await collect(
      readCozeStream(
        textBody(
          `event:conversation.message.delta\ndata:${message({})}\n\n`,
          `event:conversation.message.delta\ndata:${message({content: null, reasoning_content: 7})}\n\n`,
          `event:conversation.message.delta\ndata:${message({content: {a: 1}})}\n\n`,
          'event:done\ndata:"[DONE]"\n\n'
        )
      )
    );
    const deltas = events.filter(
      (e): e is Extract<CozeStreamEvent, {message: unknown}> =>
        e.event === 'conversation.message.delta'
    );
    expect(deltas.map((d) => d.message.content)).to.deep.equal(['', '', '']);
    expect(deltas[1].message.reasoning_content).to.equal(undefined);
    expect(deltas[0].message.content_type).to.equal('text');
  });

  it('rejects shapes Coze does not send with a malformed error', () => {
    for (const [read, value] of [
      [readMessage, {role: 'assistant', content: 'no id'}],
      [readMessage, {id: 'm', role: 'narrator', content: 'x'}],
      [readChat, {status: 'completed'}],
      [readConversation, 'c-1'],
      [readConversation, null],
    ] as const) {
      let thrown: unknown;
      try {
        read(value);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(value)).to.be.instanceOf(CozeApiError);
      expect((thrown as CozeApiError).kind).to.equal('malformed');
    }
  });

  it('keeps only string metadata, ids as text, and drops a name that is not text', () => {
    const c = readConversation({
      id: 123,
      name: null,
      updated_at: '1700000000',
      meta_data: {chat_user: 'u', n: 5},
    });
    expect(c.id).to.equal('123');
    expect('name' in c).to.equal(false);
    expect(c.meta_data).to.deep.equal({chat_user: 'u'});
  });
});
