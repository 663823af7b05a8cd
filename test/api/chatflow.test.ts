/// <reference types="mocha" />
import {expect} from '@open-wc/testing';
import {interruptQuestion, isInterrupt, readVerbose} from '../../src/api/chatflow.js';
import {readCozeStream} from '../../src/api/sse.js';
import type {CozeMessage} from '../../src/api/types.js';
import {bodyOf, collect, fixtureBytes} from './helpers.js';
import type {MessageEvent} from './helpers.js';

/** A verbose message with the given `msg_type` and `data`, written as Coze writes it. */
function verbose(msgType: string, data: unknown, type: CozeMessage['type'] = 'verbose') {
  return message(
    JSON.stringify({msg_type: msgType, data, from_module: null, from_unit: null}),
    type
  );
}

function message(content: string, type: CozeMessage['type'] = 'verbose'): CozeMessage {
  return {
    id: '7498200000000000203',
    conversation_id: '7498200000000000011',
    role: 'assistant',
    type,
    content,
    content_type: 'text',
  };
}

describe('chatflow helpers', () => {
  it('find the interrupt of the documented question-node stream', async () => {
    const bytes = await fixtureBytes('workflow-chat-interrupt.sse');
    const {events, error} = await collect(readCozeStream(bodyOf([bytes]).body));
    expect(error).to.equal(undefined);
    const completed = events
      .filter((e): e is MessageEvent => e.event === 'conversation.message.completed')
      .map((e) => e.message);
    expect(completed.map((m) => isInterrupt(m))).to.deep.equal([false, true, false]);
    const pause = completed[1]!;
    expect(readVerbose(pause)).to.deep.equal({msgType: 'interrupt', data: ''});
    // The documented stream carries no question in the interrupt: it is the answer before it.
    expect(interruptQuestion(pause)).to.equal(undefined);
    expect(completed[0]!.content).to.equal('Which size do you need: S, M or L?');
    expect(readVerbose(completed[2]!)?.msgType).to.equal('generate_answer_finish');
    expect(events.at(-1)?.event).to.equal('done');
  });

  it('isInterrupt is true only for a verbose message whose msg_type is interrupt', () => {
    expect(isInterrupt(verbose('interrupt', ''))).to.equal(true);
    expect(isInterrupt(verbose('generate_answer_finish', '{"finish_reason":1}'))).to.equal(false);
    expect(isInterrupt(verbose('empty result', 'empty result'))).to.equal(false);
    // Same content on an answer: a model quoting JSON is not a pause.
    expect(isInterrupt(verbose('interrupt', '', 'answer'))).to.equal(false);
    expect(isInterrupt(message('interrupt'))).to.equal(false);
    expect(isInterrupt(message('{"msg_type":'))).to.equal(false);
    expect(isInterrupt(message('["interrupt"]'))).to.equal(false);
    expect(isInterrupt(message(''))).to.equal(false);
  });

  it('interruptQuestion reads a question the verbose data carries', () => {
    const q = 'Which size do you need?';
    expect(interruptQuestion(verbose('interrupt', q))).to.equal(q);
    expect(interruptQuestion(verbose('interrupt', `  ${q}\n`))).to.equal(q);
    expect(interruptQuestion(verbose('interrupt', JSON.stringify({question: q})))).to.equal(q);
    expect(interruptQuestion(verbose('interrupt', {content: q}))).to.equal(q);
    expect(
      interruptQuestion(
        verbose('interrupt', JSON.stringify({interrupt_data: {data: JSON.stringify({text: q})}}))
      )
    ).to.equal(q);
    expect(interruptQuestion(verbose('interrupt', {event_id: '1', type: 2}))).to.equal(undefined);
    expect(interruptQuestion(verbose('interrupt', {data: 'opaque'}))).to.equal(undefined);
    expect(interruptQuestion(verbose('interrupt', null))).to.equal(undefined);
    expect(interruptQuestion(verbose('generate_answer_finish', q))).to.equal(undefined);
  });

  it('readVerbose ignores non-verbose messages and unreadable content', () => {
    expect(readVerbose(message('{"msg_type":"interrupt"}', 'answer'))).to.equal(undefined);
    expect(readVerbose(message('{"data":""}'))).to.equal(undefined);
    expect(readVerbose(message('not json'))).to.equal(undefined);
    expect(readVerbose(verbose('generate_answer_finish', '{"finish_reason":0}'))).to.deep.equal({
      msgType: 'generate_answer_finish',
      data: '{"finish_reason":0}',
    });
  });
});
