/// <reference types="mocha" />
import {expect} from '@open-wc/testing';
import {CozeApiError, isAuthError, toCozeError} from '../../src/api/errors.js';
import {readCozeStream} from '../../src/api/sse.js';
import type {CozeErrorBody, CozeStreamEvent} from '../../src/api/types.js';
import {answer, collect, naiveEvents, runs} from './helpers.js';
import type {ChatEvent} from './helpers.js';
import type {Collected} from './helpers.js';

const CREATED = 'conversation.chat.created';
const PROGRESS = 'conversation.chat.in_progress';
const DELTA = 'conversation.message.delta';
const COMPLETED = 'conversation.message.completed';
const CHAT_DONE = 'conversation.chat.completed';
const FAILED = 'conversation.chat.failed';
const AUDIO = 'conversation.audio.delta';

interface Expectation {
  file: string;
  runs: string[];
  /** The completed answer; the joined deltas must equal it unless `deltas` says otherwise. */
  answer?: string;
  /** Joined deltas, only where the fixture's deltas do not add up to the completed answer. */
  deltas?: string;
  reasoning?: string;
  debugUrl?: string;
  /** Error carried by the terminal `error` / `conversation.chat.failed` event. */
  error?: CozeErrorBody;
  /** The stream has no terminal event: expect kind `interrupted` after the events. */
  interrupted?: boolean;
  check?: (events: CozeStreamEvent[]) => void;
}

const EXPECTATIONS: Expectation[] = [
  {
    file: 'chat-text.sse',
    runs: [CREATED, PROGRESS, `${DELTA}×6`, `${COMPLETED}×2`, CHAT_DONE, 'done'],
    answer: 'The capital of France is **Paris**. It has been the capital since the 10th century.',
    check: (events) => {
      const created = events[0] as ChatEvent;
      expect(created.chat.inserted_additional_messages).to.deep.equal([
        {id: '7498100000000000102'},
      ]);
    },
  },
  {
    file: 'chat-followups.sse',
    runs: [CREATED, PROGRESS, `${DELTA}×5`, `${COMPLETED}×5`, CHAT_DONE, 'done'],
    answer:
      'Try *The Left Hand of Darkness* by Ursula K. Le Guin — a short, thoughtful classic about an envoy on an ice world.',
    check: (events) => {
      const followUps = events.filter(
        (e) => e.event === COMPLETED && e.message.type === 'follow_up'
      ) as Array<Extract<CozeStreamEvent, {message: unknown}>>;
      expect(followUps).to.have.length(3);
      expect(followUps.every((e) => e.message.content.length > 0)).to.equal(true);
    },
  },
  {
    file: 'chat-function-call.sse',
    runs: [CREATED, PROGRESS, `${COMPLETED}×2`, `${DELTA}×4`, `${COMPLETED}×2`, CHAT_DONE, 'done'],
    answer: 'Tomorrow in Hangzhou: light rain, 19–24 °C. Bring an umbrella.',
    check: (events) => {
      const types = events.flatMap((e) => (e.event === COMPLETED ? [e.message.type] : []));
      expect(types).to.deep.equal(['function_call', 'tool_response', 'answer', 'verbose']);
    },
  },
  {
    file: 'chat-reasoning.sse',
    runs: [CREATED, PROGRESS, `${DELTA}×20`, `${COMPLETED}×3`, CHAT_DONE, 'done'],
    answer: '\n\n**周六上午**：去西湖骑行。\n**周六下午**：在茶馆喝龙井。',
    reasoning: '好的，用户想要一个简短的周末计划。先列出上午和下午两部分。\n\n',
  },
  {
    file: 'chat-audio.sse',
    runs: [CREATED, PROGRESS, DELTA, `${COMPLETED}×2`, CHAT_DONE, `${AUDIO}×2`, 'done'],
    answer: 'Sure, here it is.',
    check: (events) => {
      const audio = events.filter((e) => e.event === AUDIO) as Array<
        Extract<CozeStreamEvent, {message: unknown}>
      >;
      expect(audio.every((e) => e.message.content_type === 'audio')).to.equal(true);
    },
  },
  {
    file: 'chat-requires-action.sse',
    runs: [CREATED, PROGRESS, 'conversation.chat.requires_action', 'done'],
    check: (events) => {
      const paused = events[2] as Extract<CozeStreamEvent, {chat: unknown}>;
      expect(paused.chat!.status).to.equal('requires_action');
      const call = paused.chat!.required_action!.submit_tool_outputs!.tool_calls[0]!;
      expect(call.function.name).to.equal('get_device_location');
      expect(JSON.parse(call.function.arguments)).to.deep.equal({precision: 'city'});
    },
  },
  {
    file: 'chat-submit-tool-outputs.sse',
    runs: [PROGRESS, `${DELTA}×4`, `${COMPLETED}×2`, CHAT_DONE, 'done'],
    answer: 'You are in Shenzhen. Here are three dinner spots nearby…',
  },
  {
    file: 'chat-error-event.sse',
    runs: [CREATED, PROGRESS, 'error'],
    error: {
      code: 4028,
      msg: 'resource point balance is insufficient; wait for the quota to refresh or upgrade',
    },
  },
  {
    file: 'chat-failed.sse',
    runs: [CREATED, PROGRESS, FAILED],
    error: {code: 5000, msg: 'internal error, please retry later'},
    check: (events) => {
      const failed = events[2] as Extract<CozeStreamEvent, {event: typeof FAILED}>;
      expect(failed.chat?.status).to.equal('failed');
      expect(failed.chat?.id).to.equal('7498100000000000501');
    },
  },
  {
    file: 'chat-failed-bare.sse',
    runs: [CREATED, PROGRESS, FAILED],
    error: {code: 4011, msg: 'insufficient token balance for this account'},
    check: (events) => expect((events[2] as {chat?: unknown}).chat).to.equal(undefined),
  },
  {
    file: 'workflow-chat.sse',
    runs: [CREATED, PROGRESS, `${DELTA}×4`, `${COMPLETED}×3`, CHAT_DONE, 'done'],
    answer: 'Order #A-1024 shipped yesterday and should arrive within 2 days.',
    debugUrl:
      'https://www.coze.cn/work_flow?execute_id=7498200000000009001&space_id=7498200000000009002&workflow_id=7498200000000009003&execute_mode=2',
  },
  {
    file: 'workflow-chat-interrupt.sse',
    runs: [CREATED, PROGRESS, `${DELTA}×3`, `${COMPLETED}×3`, 'done'],
    answer: 'Which size do you need: S, M or L?',
    debugUrl:
      'https://www.coze.cn/work_flow?execute_id=7498200000000009011&space_id=7498200000000009002&workflow_id=7498200000000009003',
    check: (events) => {
      const verbose = events.flatMap((e) =>
        e.event === COMPLETED && e.message.type === 'verbose'
          ? [(JSON.parse(e.message.content) as {msg_type: string}).msg_type]
          : []
      );
      expect(verbose).to.deep.equal(['interrupt', 'generate_answer_finish']);
    },
  },
  {
    file: 'workflow-chat-failed.sse',
    runs: [FAILED],
    error: {code: 720702204, msg: 'conversation name does not exist'},
  },
  {
    file: 'stream-bare-error-4100.txt',
    runs: ['error'],
    error: {code: 4100, msg: 'authentication is invalid'},
  },
  {
    file: 'coze-py/chat_text_stream_resp.txt',
    runs: [CREATED, PROGRESS, `${DELTA}×4`, COMPLETED, CHAT_DONE, 'done'],
    // The SDK's test data abridges the deltas; the completed message is authoritative.
    answer: '2024 年 10 月 1 日是星期三。',
    deltas: '20星期三。',
  },
  {
    file: 'coze-py/chat_audio_stream_resp.txt',
    runs: [CREATED, PROGRESS, DELTA, `${COMPLETED}×2`, CHAT_DONE, AUDIO, 'done'],
    answer: 'delta text',
  },
  {
    file: 'coze-py/chat_error_resp.txt',
    runs: ['error'],
    check: (events) => {
      const {error} = events[0] as Extract<CozeStreamEvent, {event: 'error'}>;
      expect(error.code).to.equal(0);
      expect(error.msg).to.equal('Coze reported an error without details.');
    },
  },
  {
    file: 'coze-py/chat_failed_resp.txt',
    runs: [FAILED],
    error: {code: 5000, msg: 'event interval error'},
  },
  {
    file: 'coze-py/chat_invalid_resp.txt',
    runs: ['unknown:invalid'],
    interrupted: true,
    check: (events) =>
      expect(events[0]).to.deep.equal({event: 'unknown', name: 'invalid', data: '{}'}),
  },
  {
    file: 'coze-py/workflows_chat_stream_resp.txt',
    runs: [CREATED, PROGRESS, `${DELTA}×3`, `${COMPLETED}×2`, CHAT_DONE, 'done'],
    answer: "I'm fine, thank you. How about you?",
    debugUrl:
      'https://www.coze.cn/work_flow?execute_id=execute_1111&space_id=space_111&workflow_id=workflow_1111',
  },
  {
    file: 'real-capture/reasoning-bot-zh.sse',
    runs: [CREATED, PROGRESS, `${DELTA}×1179`, `${COMPLETED}×5`, CHAT_DONE, 'done'],
  },
];

/** Replays a fixture over real HTTP through the emulator, in chunks of `chunk` bytes. */
async function replay(file: string, chunk = 97): Promise<{result: Collected; text: string}> {
  const response = await fetch(`/__emulator/fixture/${file}?chunk=${chunk}`);
  expect(response.status, `GET fixture ${file}`).to.equal(200);
  expect(response.headers.get('content-type')).to.contain('text/event-stream');
  const [forReader, forOracle] = response.body!.tee();
  const [result, text] = await Promise.all([
    collect(readCozeStream(forReader)),
    new Response(forOracle).text(),
  ]);
  return {result, text};
}

function terminalError(events: CozeStreamEvent[]): CozeErrorBody | undefined {
  const last = events.at(-1);
  return last && (last.event === 'error' || last.event === FAILED) ? last.error : undefined;
}

describe('fixtures replayed over HTTP', () => {
  for (const expected of EXPECTATIONS) {
    it(expected.file, async () => {
      const {result, text} = await replay(expected.file);
      const {events, error} = result;
      expect(runs(events)).to.deep.equal(expected.runs);

      // Cross-check against a naive line reading of the same bytes.
      const naive = naiveEvents(text);
      if (naive.length) {
        expect(events.map((e) => (e.event === 'unknown' ? e.name : e.event))).to.deep.equal(
          naive.map((e) => e.name)
        );
      }

      if (expected.interrupted) {
        expect(error).to.be.instanceOf(CozeApiError);
        expect((error as CozeApiError).kind).to.equal('interrupted');
      } else {
        expect(error, 'stream error').to.equal(undefined);
      }

      const got = answer(events);
      if (expected.answer !== undefined) {
        expect(got.completed).to.equal(expected.answer);
        expect(got.deltas).to.equal(expected.deltas ?? expected.answer);
      }
      if (expected.reasoning !== undefined) expect(got.reasoning).to.equal(expected.reasoning);
      if (expected.error) expect(terminalError(events)).to.deep.equal(expected.error);

      const done = events.find((e) => e.event === 'done');
      if (expected.debugUrl)
        expect(done).to.deep.equal({event: 'done', debugUrl: expected.debugUrl});
      else if (done) expect(done).to.deep.equal({event: 'done'});

      expected.check?.(events);
    });
  }

  it('real-capture/reasoning-bot-zh.sse: answer and reasoning add up', async () => {
    const {result, text} = await replay('real-capture/reasoning-bot-zh.sse', 4096);
    const got = answer(result.events);
    expect(got.completed).to.be.a('string').and.have.length.greaterThan(500);
    expect(got.deltas).to.equal(got.completed);
    // Reasoning: the joined reasoning_content pieces, read independently from the raw text.
    const pieces = naiveEvents(text)
      .filter((e) => e.name === DELTA)
      .map((e) => (JSON.parse(e.data) as {reasoning_content?: string}).reasoning_content ?? '');
    expect(got.reasoning).to.equal(pieces.join(''));
    expect(got.reasoning).to.have.length(798);
    expect(got.reasoning.startsWith('好的，我现在需要帮用户生成')).to.equal(true);
    // Ids are kept as the exact 19-digit strings.
    const first = result.events[0] as ChatEvent;
    expect(first.chat.id).to.equal('7507152942412283930');
  });

  it('coze-py/chat_text_stream_resp.txt delivered one byte per chunk', async () => {
    const {result} = await replay('coze-py/chat_text_stream_resp.txt', 1);
    expect(result.error).to.equal(undefined);
    expect(runs(result.events)).to.deep.equal([
      CREATED,
      PROGRESS,
      `${DELTA}×4`,
      COMPLETED,
      CHAT_DONE,
      'done',
    ]);
    expect(answer(result.events).deltas).to.equal('20星期三。');
    expect(answer(result.events).completed).to.equal('2024 年 10 月 1 日是星期三。');
  });

  it('http-error-4100.json: a JSON answer instead of a stream reads as a Coze auth error', async () => {
    const response = await fetch('/__emulator/fixture/http-error-4100.json');
    const type = response.headers.get('content-type') ?? '';
    expect(type).to.contain('application/json');
    expect(type).not.to.contain('text/event-stream');
    const err = toCozeError(await response.json(), {status: response.status});
    expect(err.kind).to.equal('api');
    expect(err.code).to.equal(4100);
    expect(err.message).to.equal('authentication is invalid');
    expect(err.logId).to.equal('20250101120000ABCDEF0123456789ABCD');
    expect(isAuthError(err)).to.equal(true);
  });
});
