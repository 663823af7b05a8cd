/// <reference types="mocha" />
import {expect} from '@open-wc/testing';
import {CozeApiError} from '../../src/api/errors.js';
import {readCozeStream} from '../../src/api/sse.js';
import type {CozeStreamEvent} from '../../src/api/types.js';
import {answer, bodyOf, collect, fixtureBytes, runs, textBody} from './helpers.js';

const CHAT =
  '{"id":"7382159487131697202","conversation_id":"7381473525342978089","status":"in_progress"}';
const DELTA = (text: string) =>
  `{"id":"7382159494123470858","conversation_id":"7381473525342978089","role":"assistant","type":"answer","content":${JSON.stringify(text)},"content_type":"text"}`;

async function read(...chunks: string[]) {
  return collect(readCozeStream(textBody(...chunks)));
}

function onlyError(result: {error?: unknown}): CozeApiError {
  expect(result.error, 'stream error').to.be.instanceOf(CozeApiError);
  return result.error as CozeApiError;
}

describe('readCozeStream', () => {
  describe('framing', () => {
    it('reads /v3/chat framing (no space after the colon)', async () => {
      const {events, error} = await read(
        `event:conversation.chat.in_progress\ndata:${CHAT}\n\n`,
        `event:conversation.message.delta\ndata:${DELTA(' leading space kept')}\n\n`,
        'event:done\ndata:"[DONE]"\n\n'
      );
      expect(error).to.equal(undefined);
      expect(runs(events)).to.deep.equal([
        'conversation.chat.in_progress',
        'conversation.message.delta',
        'done',
      ]);
      const chat = events[0] as Extract<CozeStreamEvent, {chat: unknown}>;
      expect(chat.chat!.id).to.equal('7382159487131697202');
      expect(answer(events).deltas).to.equal(' leading space kept');
    });

    it('reads /v1/workflows/chat framing (one space) and keeps further spaces in the data', async () => {
      const {events, error} = await read(
        `event: conversation.message.delta\ndata: ${DELTA('  two spaces')}\n\n`,
        'event: done\ndata: {"debug_url":"https://www.coze.cn/work_flow?execute_id=1\\u0026space_id=2"}\n\n'
      );
      expect(error).to.equal(undefined);
      expect(runs(events)).to.deep.equal(['conversation.message.delta', 'done']);
      expect(answer(events).deltas).to.equal('  two spaces');
      expect(events[1]).to.deep.equal({
        event: 'done',
        debugUrl: 'https://www.coze.cn/work_flow?execute_id=1&space_id=2',
      });
    });

    it('accepts CRLF line endings', async () => {
      const {events, error} = await read(
        `event:conversation.message.delta\r\ndata:${DELTA('crlf')}\r\n\r\n`,
        'event:done\r\ndata:"[DONE]"\r\n\r\n'
      );
      expect(error).to.equal(undefined);
      expect(runs(events)).to.deep.equal(['conversation.message.delta', 'done']);
    });

    it('dispatches a final event that has no trailing newline', async () => {
      const {events, error} = await read(
        `event:conversation.message.delta\ndata:${DELTA('a')}\n\n`,
        'event:done\ndata:"[DONE]"'
      );
      expect(error).to.equal(undefined);
      expect(runs(events)).to.deep.equal(['conversation.message.delta', 'done']);
    });

    it('decodes UTF-8 characters split across chunks', async () => {
      const bytes = new TextEncoder().encode(
        `event:conversation.message.delta\ndata:${DELTA('星期三。')}\n\nevent:done\ndata:"[DONE]"\n\n`
      );
      const at = bytes.indexOf(0xe6) + 1; // inside the first byte sequence of 星
      const {events} = await collect(
        readCozeStream(
          bodyOf([bytes.slice(0, at), bytes.slice(at, at + 1), bytes.slice(at + 1)]).body
        )
      );
      expect(answer(events).deltas).to.equal('星期三。');
    });

    it('keeps 19-digit ids as exact strings', async () => {
      const {events} = await read(
        `event:conversation.chat.in_progress\ndata:${CHAT}\n\nevent:done\ndata:\n\n`
      );
      const chat = events[0] as Extract<CozeStreamEvent, {chat: unknown}>;
      expect(chat.chat!.id).to.be.a('string').and.equal('7382159487131697202');
      expect(chat.chat!.conversation_id).to.equal('7381473525342978089');
    });
  });

  describe('done', () => {
    for (const [label, data] of [
      ['"[DONE]" (a JSON string)', '"[DONE]"'],
      ['[DONE] without quotes', '[DONE]'],
      ['empty data', ''],
    ] as const) {
      it(`ends on done with ${label}`, async () => {
        const {events, error} = await read(`event:done\ndata:${data}\n\n`);
        expect(error).to.equal(undefined);
        expect(events).to.deep.equal([{event: 'done'}]);
      });
    }

    it('stops reading at done and cancels the body', async () => {
      const encoder = new TextEncoder();
      const {body, cancelled} = bodyOf([
        encoder.encode('event:done\ndata:"[DONE]"\n\n'),
        encoder.encode(`event:conversation.message.delta\ndata:${DELTA('late')}\n\n`),
      ]);
      const {events, error} = await collect(readCozeStream(body));
      expect(error).to.equal(undefined);
      expect(events).to.deep.equal([{event: 'done'}]);
      expect(cancelled()).to.equal(true);
    });
  });

  describe('errors in the stream', () => {
    it('yields event:error with its code and message, then stops', async () => {
      const {events, error} = await read(
        `event:conversation.chat.in_progress\ndata:${CHAT}\n\n`,
        'event:error\ndata:{"code":4028,"msg":"quota exhausted"}\n\n',
        `event:conversation.message.delta\ndata:${DELTA('never')}\n\n`
      );
      expect(error).to.equal(undefined);
      expect(events.at(-1)).to.deep.equal({
        event: 'error',
        error: {code: 4028, msg: 'quota exhausted'},
      });
      expect(runs(events)).to.deep.equal(['conversation.chat.in_progress', 'error']);
    });

    it('gives event:error with data {} code 0 and a readable message', async () => {
      const {events} = await read('event:error\ndata:{}');
      expect(events).to.have.length(1);
      const event = events[0] as Extract<CozeStreamEvent, {event: 'error'}>;
      expect(event.error.code).to.equal(0);
      expect(event.error.msg).to.be.a('string').and.match(/error/i);
    });

    it('reads conversation.chat.failed carrying a Chat with last_error', async () => {
      const {events} = await read(
        'event:conversation.chat.failed\ndata:{"id":"7390342853760696354","conversation_id":"7390331532575195148","status":"failed","last_error":{"code":5000,"msg":"event interval error"}}'
      );
      expect(events).to.have.length(1);
      const event = events[0] as Extract<CozeStreamEvent, {event: 'conversation.chat.failed'}>;
      expect(event.chat?.id).to.equal('7390342853760696354');
      expect(event.error).to.deep.equal({code: 5000, msg: 'event interval error'});
    });

    it('reads a bare conversation.chat.failed {code, msg} with a string code', async () => {
      const {events} = await read(
        'event: conversation.chat.failed\ndata: {"code": "720702204","msg": "conversation name does not exist"}\n\n'
      );
      expect(events).to.deep.equal([
        {
          event: 'conversation.chat.failed',
          error: {code: 720702204, msg: 'conversation name does not exist'},
        },
      ]);
    });

    it('turns a bare JSON body without framing or newline into an error event', async () => {
      const {events, error} = await read('{"code":4100,', '"msg":"authentication is invalid"}');
      expect(error).to.equal(undefined);
      expect(events).to.deep.equal([
        {event: 'error', error: {code: 4100, msg: 'authentication is invalid'}},
      ]);
    });

    it('turns a pretty-printed bare JSON error body into an error event', async () => {
      const {events, error} = await read('{\n  "code": 4101,\n  "msg": "no permission"\n}\n');
      expect(error).to.equal(undefined);
      expect(events).to.deep.equal([{event: 'error', error: {code: 4101, msg: 'no permission'}}]);
    });

    it('reads a bare JSON error line that arrives after events', async () => {
      const {events} = await read(
        `event:conversation.chat.in_progress\ndata:${CHAT}\n\n`,
        '{"code":4013,"msg":"too many requests"}\n'
      );
      expect(runs(events)).to.deep.equal(['conversation.chat.in_progress', 'error']);
    });
  });

  describe('bare JSON on an open connection', () => {
    it('yields a bare JSON error line at once and hangs up, without waiting for the end', async () => {
      const encoder = new TextEncoder();
      let cancelled = false;
      let sent = false;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent) return new Promise<void>(() => undefined); // never ends by itself
          sent = true;
          controller.enqueue(encoder.encode('{"code":4100,"msg":"authentication is invalid"}\n'));
          return undefined;
        },
        cancel() {
          cancelled = true;
        },
      });
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 2000));
      const result = await Promise.race([collect(readCozeStream(body)), timeout]);
      expect(result).not.to.equal('timeout');
      expect((result as {events: CozeStreamEvent[]}).events).to.deep.equal([
        {event: 'error', error: {code: 4100, msg: 'authentication is invalid'}},
      ]);
      expect(cancelled).to.equal(true);
    });
  });

  describe('robustness', () => {
    it('lets the page run while it reads a backlog that arrived at once', async () => {
      // 20,000 events, all at hand: each read resolves at once, without waiting for the network.
      const chunks = Array.from({length: 400}, (_, i) =>
        Array.from(
          {length: 50},
          (_, j) => `event:conversation.message.delta\ndata:${DELTA(`${i}.${j} `)}\n\n`
        ).join('')
      );
      let seen = 0;
      let seenWhenTimerRan = -1;
      setTimeout(() => (seenWhenTimerRan = seen), 0);
      for await (const event of readCozeStream(
        textBody(...chunks, 'event:done\ndata:"[DONE]"\n\n')
      )) {
        expect(event.event).to.equal(seen < 20_000 ? 'conversation.message.delta' : 'done');
        seen++;
      }
      expect(seen).to.equal(20_001);
      // The timer, due at once, ran part way through: reading paused for the page.
      expect(seenWhenTimerRan).to.be.greaterThan(0);
      expect(seenWhenTimerRan).to.be.lessThan(20_000);
    });

    it('maps unknown event names to unknown events and keeps reading', async () => {
      const {events, error} = await read(
        'event:conversation.something.new\ndata:{"x":1}\n\n',
        `event:conversation.message.delta\ndata:${DELTA('after')}\n\nevent:done\ndata:"[DONE]"\n\n`
      );
      expect(error).to.equal(undefined);
      expect(events[0]).to.deep.equal({
        event: 'unknown',
        name: 'conversation.something.new',
        data: '{"x":1}',
      });
      expect(runs(events).slice(1)).to.deep.equal(['conversation.message.delta', 'done']);
    });

    it('does not fail on a known event whose data is not JSON', async () => {
      const {events, error} = await read(
        'event:conversation.message.delta\ndata:not json\n\n',
        'event:done\ndata:"[DONE]"\n\n'
      );
      expect(error).to.equal(undefined);
      expect(runs(events)).to.deep.equal(['unknown:conversation.message.delta', 'done']);
    });

    it('ignores comments, id and retry fields', async () => {
      const {events, error} = await read(
        `: keep-alive\nid:1\nretry:1000\nevent:conversation.message.delta\ndata:${DELTA('x')}\n\nevent:done\ndata:"[DONE]"\n\n`
      );
      expect(error).to.equal(undefined);
      expect(runs(events)).to.deep.equal(['conversation.message.delta', 'done']);
    });

    it('throws kind interrupted after yielding everything when the body ends without done', async () => {
      const {events, error} = await read(
        `event:conversation.message.delta\ndata:${DELTA('partial')}\n\n`,
        `event:conversation.message.delta\ndata:${DELTA(' answer')}\n\n`
      );
      expect(answer(events).deltas).to.equal('partial answer');
      const err = onlyError({error});
      expect(err.kind).to.equal('interrupted');
      expect(err.message).to.match(/ended before/);
    });

    it('throws kind interrupted for an empty body', async () => {
      const {events, error} = await read();
      expect(events).to.deep.equal([]);
      expect(onlyError({error}).kind).to.equal('interrupted');
    });

    it('throws kind interrupted after the events when the body errors', async () => {
      const encoder = new TextEncoder();
      let sent = false;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent) {
            controller.error(new TypeError('network error'));
            return;
          }
          sent = true;
          controller.enqueue(
            encoder.encode(
              `event:conversation.message.delta\ndata:${DELTA('so far')}\n\nevent:conv`
            )
          );
        },
      });
      const {events, error} = await collect(readCozeStream(body));
      expect(answer(events).deltas).to.equal('so far');
      expect(events).to.have.length(1);
      const err = onlyError({error});
      expect(err.kind).to.equal('interrupted');
      expect(err.message).to.match(/broke/);
    });
  });

  describe('cleanup', () => {
    function endless(): {body: ReadableStream<Uint8Array>; cancelled: () => boolean} {
      const encoder = new TextEncoder();
      let cancelled = false;
      let n = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (n++ > 0) await new Promise((r) => setTimeout(r, 20));
          controller.enqueue(
            encoder.encode(`event:conversation.message.delta\ndata:${DELTA(`${n} `)}\n\n`)
          );
        },
        cancel() {
          cancelled = true;
        },
      });
      return {body, cancelled: () => cancelled};
    }

    it('cancels the body and releases the reader when the consumer breaks early', async () => {
      const {body, cancelled} = endless();
      let seen = 0;
      for await (const event of readCozeStream(body)) {
        expect(event.event).to.equal('conversation.message.delta');
        if (++seen === 2) break;
      }
      expect(cancelled()).to.equal(true);
      expect(body.locked).to.equal(false);
    });

    it('throws the AbortError DOMException when the signal aborts mid-stream', async () => {
      const {body, cancelled} = endless();
      const controller = new AbortController();
      const events = readCozeStream(body, controller.signal);
      const first = await events.next();
      expect(first.done).to.equal(false);
      const pending = events.next();
      controller.abort();
      let caught: unknown;
      try {
        // Keep pulling until the abort lands (one event may already be queued).
        for (let r = await pending; !r.done; r = await events.next());
      } catch (err) {
        caught = err;
      }
      expect(caught).to.be.instanceOf(DOMException);
      expect((caught as DOMException).name).to.equal('AbortError');
      expect(cancelled()).to.equal(true);
      expect(body.locked).to.equal(false);
    });

    it('throws AbortError at once for an already aborted signal', async () => {
      const {body, cancelled} = endless();
      const {events, error} = await collect(readCozeStream(body, AbortSignal.abort()));
      expect(events).to.deep.equal([]);
      expect((error as DOMException).name).to.equal('AbortError');
      expect(cancelled()).to.equal(true);
    });
  });

  describe('every chunk boundary', () => {
    // Both contain multi-byte UTF-8 (CJK) and end without a trailing newline or use spaced framing.
    for (const file of [
      'coze-py/chat_text_stream_resp.txt',
      'workflow-chat-failed.sse',
      'chat-reasoning.sse',
    ]) {
      it(`gives identical events for every two-chunk split of ${file}`, async function () {
        this.timeout(60000);
        const bytes = await fixtureBytes(file);
        const whole = await collect(readCozeStream(bodyOf([bytes]).body));
        expect(whole.events.length).to.be.greaterThan(0);
        const expected = JSON.stringify(whole);
        let mismatches = 0;
        for (let k = 0; k <= bytes.length; k++) {
          const split = await collect(
            readCozeStream(bodyOf([bytes.slice(0, k), bytes.slice(k)]).body)
          );
          if (JSON.stringify(split) !== expected) mismatches++;
        }
        expect(mismatches, 'split points giving different events').to.equal(0);
      });
    }

    it('has CJK in the split fixtures, so the test can catch a non-streaming decoder', async () => {
      const bytes = await fixtureBytes('coze-py/chat_text_stream_resp.txt');
      expect(bytes.some((b) => b >= 0xe0)).to.equal(true);
    });
  });
});
