/// <reference types="mocha" />
import {expect, waitUntil} from '@open-wc/testing';
import {CozeApiError} from '../../src/api/errors.js';
import {readCozeStream} from '../../src/api/sse.js';
import {bodyOf, collect} from '../api/helpers.js';
import type {Collected} from '../api/helpers.js';
import {deepAll, lastRow, mountChat, settled, uniqueToken} from '../elements/helpers.js';

/** mulberry32: a small seeded PRNG, so every chunking can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 64 write lengths between 1 and `max`, spread evenly on a log scale (many tiny, some large). */
function chunking(seed: number, max: number): number[] {
  const next = random(seed);
  return Array.from({length: 64}, () => Math.max(1, Math.floor(Math.exp(next() * Math.log(max)))));
}

/** The stream's events and how it ended, as plain data to compare. */
function outcome({events, error}: Collected) {
  return {
    events,
    error:
      error === undefined
        ? undefined
        : error instanceof CozeApiError
          ? {kind: error.kind, message: error.message}
          : {unexpected: String(error)},
  };
}

/** The body cut at exactly these lengths (cycled), as the reader would get it from a network. */
function cut(bytes: Uint8Array, sizes: readonly number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length];
    out.push(bytes.slice(at, at + size));
    at += size;
  }
  return out;
}

/** Counts the chunks a response body arrives in. */
function counted(body: ReadableStream<Uint8Array>): {
  body: ReadableStream<Uint8Array>;
  chunks: () => number;
} {
  let n = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      n++;
      controller.enqueue(chunk);
    },
  });
  return {body: body.pipeThrough(counter), chunks: () => n};
}

const fixtures = ((await (await fetch('/__emulator/fixtures')).json()) as string[]).filter(
  (file) => !file.startsWith('audio/')
);

/** Big captures get fewer, coarser chunkings, so the whole suite stays within a few seconds. */
const BIG = 50_000;

describe('SSE fuzz: every fixture in seeded random chunkings over HTTP', () => {
  it('covers the real captures and the real-shaped fixtures', () => {
    expect(fixtures).to.include.members([
      'chat-text.sse',
      'coze-py/chat_text_stream_resp.txt',
      'real-capture/reasoning-bot-zh.sse',
      'stream-bare-error-4100.txt',
    ]);
    expect(fixtures.length).to.be.greaterThan(15);
  });

  for (const file of fixtures) {
    it(`${file} parses the same in every chunking`, async function () {
      this.timeout(20000);
      const response = await fetch(`/__emulator/fixture/${file}?type=text/event-stream`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const whole = outcome(await collect(readCozeStream(bodyOf([bytes]).body)));
      expect(whole.error?.unexpected, 'the unchunked parse throws nothing odd').to.equal(undefined);

      const big = bytes.length > BIG;
      const seeds = big ? 3 : 30;
      let mostChunks = 0;
      for (let seed = 1; seed <= seeds; seed++) {
        const sizes = chunking(seed * 7919 + bytes.length, big ? 16384 : 512);
        const label = `${file}, seed ${seed}`;
        // Exactly these boundaries, in memory.
        const exact = outcome(await collect(readCozeStream(bodyOf(cut(bytes, sizes)).body)));
        expect(exact, `${label} (in memory)`).to.deep.equal(whole);
        // The same writes over real HTTP, where the network may merge them further.
        const served = await fetch(
          `/__emulator/fixture/${file}?type=text/event-stream&sizes=${sizes.join(',')}`
        );
        const {body, chunks} = counted(served.body!);
        const overHttp = outcome(await collect(readCozeStream(body)));
        expect(overHttp, `${label} (over HTTP)`).to.deep.equal(whole);
        mostChunks = Math.max(mostChunks, chunks());
      }
      // How many chunks reach the reader is up to TCP and the browser (writes may be merged);
      // the exact boundaries are covered by the in-memory reading above.
      expect(mostChunks, 'the body arrived').to.be.greaterThan(0);
    });
  }
});

describe('SSE fuzz: malformed streams give a readable error or a kept answer', () => {
  const thrown: unknown[] = [];
  const onError = (event: ErrorEvent) => thrown.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => thrown.push(event.reason);
  beforeEach(() => {
    thrown.length = 0;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  const cases: Array<{shape: string; text: string; error: boolean}> = [
    {shape: 'garbage', text: 'Garbage around this answer is ignored.', error: false},
    {shape: 'truncated', text: 'A kept partial answer.', error: true},
    {shape: 'huge', text: 'Before the huge line. After it.', error: false},
    {shape: 'cr', text: 'Framed with CR alone.', error: false},
    {shape: 'utf8cut', text: '星期三是晴天。', error: true},
    {shape: 'empty', text: '', error: true},
  ];
  for (const {shape, text, error} of cases) {
    it(`${shape}: ${error ? 'an error with Retry' : 'the whole answer'}${text ? `, "${text}" kept` : ''}`, async function () {
      this.timeout(20000);
      const chat = await mountChat(uniqueToken(`fuzz-${shape}`), {mode: 'inline'});
      void chat.send(`hostile stream ${shape}`).catch(() => undefined);
      await settled(chat, 15000);
      const shownError = () =>
        deepAll(chat, 'coze-message-list', '[part~="error"]')
          .map((el) => el.textContent!.trim())
          .join(' ');
      if (error) {
        await waitUntil(() => shownError().length > 0, 'an error is shown');
        expect(shownError()).to.match(/\w{3}/);
        expect(shownError()).to.not.match(/undefined|null|\[object|TypeError|RangeError/);
        expect(
          deepAll(chat, 'coze-message-list', 'button').some((b) => /retry/i.test(b.textContent!)),
          'Retry is offered'
        ).to.equal(true);
      } else {
        expect(shownError(), 'no error').to.equal('');
      }
      if (text) {
        await waitUntil(() => lastRow(chat).textContent!.includes(text), `"${text}" is shown`);
      }
      expect(lastRow(chat).textContent).to.not.match(/undefined|\[object/);
      expect(thrown, 'nothing was thrown on the page').to.deep.equal([]);
      chat.remove();
    });
  }
});
