/// <reference types="mocha" />
import {expect} from '@open-wc/testing';
import {
  parseCard,
  parseFunctionCall,
  parseObjectString,
  parseQuestionOptions,
  parseToolResponse,
  toObjectString,
} from '../../src/api/content.js';
import type {ObjectStringItem} from '../../src/api/content.js';
import {CozeApiError} from '../../src/api/errors.js';
import type {ChatRequest, CozeMessage, CozeStreamEvent, EnterMessage} from '../../src/api/types.js';
import {
  answer,
  clientFor,
  collect,
  failure,
  loggedRequests,
  refresher,
  runs,
  uniqueToken,
} from './helpers.js';
import type {ChatEvent, LoggedRequest, MessageEvent} from './helpers.js';

const BOT = '7498100000000000002';
const MB = 1024 * 1024;

function ask(text: string, extra: Partial<ChatRequest> = {}): ChatRequest {
  return {
    botId: BOT,
    userId: 'user_feature_tests',
    additionalMessages: [{role: 'user', content: text, content_type: 'text'}],
    ...extra,
  };
}

/** `bytes` bytes of a repeating pattern, as a Blob. */
function blobOf(bytes: number, type = ''): Blob {
  const data = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) data[i] = i % 251;
  return new Blob([data], type ? {type} : {});
}

/** A 16-bit mono PCM WAV file with `seconds` of a 440 Hz tone, written byte by byte. */
function wavBlob(seconds: number, rate = 16000): Blob {
  const samples = Math.round(seconds * rate);
  const view = new DataView(new ArrayBuffer(44 + samples * 2));
  const ascii = (at: number, text: string) => {
    for (let i = 0; i < text.length; i++) view.setUint8(at + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per frame
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, samples * 2, true);
  for (let i = 0; i < samples; i++) {
    view.setInt16(44 + i * 2, Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 8000), true);
  }
  return new Blob([view.buffer], {type: 'audio/wav'});
}

function completedAnswers(events: readonly CozeStreamEvent[]): CozeMessage[] {
  return events
    .filter((e): e is MessageEvent => e.event === 'conversation.message.completed')
    .map((e) => e.message)
    .filter((m) => m.type === 'answer');
}

function created(events: readonly CozeStreamEvent[]): ChatEvent {
  const first = events[0] as ChatEvent;
  expect(first.event).to.equal('conversation.chat.created');
  return first;
}

function byPath(log: LoggedRequest[], path: string): LoggedRequest[] {
  return log.filter((r) => r.path === path);
}

async function storedFeedback(messageId: string): Promise<unknown> {
  const response = await fetch(`/__emulator/feedback?message_id=${messageId}`);
  return ((await response.json()) as {feedback: unknown}).feedback;
}

async function abortError(promise: Promise<unknown>): Promise<DOMException> {
  try {
    await promise;
  } catch (err) {
    expect(err).to.be.instanceOf(DOMException);
    expect((err as DOMException).name).to.equal('AbortError');
    return err as DOMException;
  }
  throw new Error('expected an AbortError');
}

const otherOrigin = () => location.origin.replace('127.0.0.1', 'localhost');

describe('CozeClient conversation features against the emulator', () => {
  describe('uploadFile with onProgress', () => {
    it('reports progress up to the total, and the multipart body arrives whole', async () => {
      const token = uniqueToken('progress');
      const client = clientFor({token});
      const blob = blobOf(3 * MB);
      const progress: Array<[number, number]> = [];
      const file = await client.uploadFile(blob, 'big.bin', {
        onProgress: (loaded, total) => progress.push([loaded, total]),
      });
      expect(file.file_name).to.equal('big.bin');
      expect(file.bytes).to.equal(blob.size);

      expect(progress.length).to.be.greaterThan(0);
      const [loaded, total] = progress.at(-1)!;
      expect(loaded).to.equal(total);
      // The request body: the file plus a little multipart framing.
      expect(total).to.be.within(blob.size, blob.size + 1024);
      for (let i = 1; i < progress.length; i++) {
        expect(progress[i]![0]).to.be.at.least(progress[i - 1]![0]);
      }

      const [upload, ...more] = byPath(await loggedRequests(token), '/v1/files/upload');
      expect(more).to.have.length(0);
      expect(upload!.body).to.deep.equal({
        multipart: true,
        parts: [
          {
            name: 'file',
            filename: 'big.bin',
            content_type: 'application/octet-stream',
            bytes: blob.size,
          },
        ],
      });
      expect(upload!.headers['content-type']).to.match(/^multipart\/form-data; boundary=/);
      expect(upload!.headers.authorization).to.equal(`Bearer ${token}`);
      expect(await client.retrieveFile(file.id)).to.deep.equal(file);
    });

    it('never sends credentials: a cross-origin upload passes CORS with Allow-Origin *', async () => {
      // A request with withCredentials = true would be refused by the browser here.
      const token = uniqueToken('xo_upload');
      const client = clientFor({token}, {apiBase: otherOrigin(), lang: 'en'});
      const progress: number[] = [];
      const file = await client.uploadFile(blobOf(1000, 'text/plain'), 'note.txt', {
        onProgress: (loaded) => progress.push(loaded),
      });
      expect(file.bytes).to.equal(1000);
      expect(progress.length).to.be.greaterThan(0);
      const [upload] = byPath(await loggedRequests(token), '/v1/files/upload');
      expect(upload!.headers.origin).to.equal(location.origin);
      expect(upload!.headers).not.to.have.property('cookie');
      expect(upload!.headers['accept-language']).to.equal('en');
    });

    it('refreshes an expired token once and uploads again', async () => {
      const id = uniqueToken('upload_refresh');
      const {calls, onRefreshToken} = refresher(`fresh_${id}`);
      const client = clientFor({token: `expired_${id}`, onRefreshToken});
      const totals: number[] = [];
      const file = await client.uploadFile(blobOf(2048), 'retry.bin', {
        onProgress: (_loaded, total) => totals.push(total),
      });
      expect(file.bytes).to.equal(2048);
      expect(calls).to.deep.equal([`expired_${id}`]);
      const uploads = byPath(await loggedRequests(id), '/v1/files/upload');
      expect(uploads.map((r) => r.headers.authorization)).to.deep.equal([
        `Bearer expired_${id}`,
        `Bearer fresh_${id}`,
      ]);
      expect(uploads.map((r) => r.status)).to.deep.equal([200, 200]);
    });

    it('returns 4302 (too large) and 4303 (unsupported) as CozeApiError, with or without progress', async () => {
      const token = uniqueToken('upload_errors');
      const client = clientFor({token});
      const big = blobOf(5 * MB + 1);
      for (const onProgress of [undefined, () => {}]) {
        const tooLarge = await failure(
          client.uploadFile(big, 'huge.bin', onProgress ? {onProgress} : {})
        );
        expect(tooLarge.kind).to.equal('api');
        expect(tooLarge.code).to.equal(4302);
        expect(tooLarge.logId).to.be.a('string').and.not.equal('');
        const exe = await failure(
          client.uploadFile(blobOf(10), 'setup.exe', onProgress ? {onProgress} : {})
        );
        expect(exe.code).to.equal(4303);
        expect(exe.message).to.match(/unsupported file format/);
      }
      expect(byPath(await loggedRequests(token), '/v1/files/upload')).to.have.length(4);
    });

    it('aborts: before sending nothing goes out; during the upload it rejects with AbortError', async () => {
      const token = uniqueToken('upload_abort');
      const client = clientFor({token});
      const early = new AbortController();
      early.abort();
      await abortError(
        client.uploadFile(blobOf(10), 'a.txt', {signal: early.signal, onProgress: () => {}})
      );
      expect(await loggedRequests(token)).to.deep.equal([]);

      const controller = new AbortController();
      let reports = 0;
      await abortError(
        client.uploadFile(blobOf(4 * MB), 'b.bin', {
          signal: controller.signal,
          onProgress: () => {
            reports++;
            controller.abort();
          },
        })
      );
      expect(reports).to.be.greaterThan(0);
    });

    it('an unreachable apiBase fails with kind network', async () => {
      const client = clientFor({token: uniqueToken('xhr_net')}, {apiBase: 'http://127.0.0.1:1'});
      const err = await failure(client.uploadFile(blobOf(10), 'a.txt', {onProgress: () => {}}));
      expect(err.kind).to.equal('network');
      expect(err.message).to.contain('http://127.0.0.1:1');
    });
  });

  describe('transcribe', () => {
    it('sends a WAV as part file and returns the text', async () => {
      const token = uniqueToken('asr');
      const wav = wavBlob(2);
      const text = await clientFor({token}).transcribe(wav);
      expect(text).to.equal("What's the weather like in Paris? (2.0 s of audio)");
      const [request] = byPath(await loggedRequests(token), '/v1/audio/transcriptions');
      expect(request!.method).to.equal('POST');
      expect(request!.body).to.deep.equal({
        multipart: true,
        parts: [{name: 'file', filename: 'speech.wav', content_type: 'audio/wav', bytes: wav.size}],
      });
    });

    it('a webm recording is rejected with 4303', async () => {
      const webm = new Blob(
        [new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 1, 2, 3, 4])],
        {
          type: 'audio/webm',
        }
      );
      const err = await failure(
        clientFor({token: uniqueToken('asr_webm')}).transcribe(webm, 'speech.webm')
      );
      expect(err).to.be.instanceOf(CozeApiError);
      expect(err.code).to.equal(4303);
      expect(err.message).to.match(/^unsupported audio format/);
    });
  });

  describe('object_string messages', () => {
    it('sends files with text and meta_data, and reads them back from history as sent', async () => {
      const token = uniqueToken('objstr');
      const client = clientFor({token});
      const pdf = await client.uploadFile(blobOf(12595, 'application/pdf'), 'report.pdf');
      const png = await client.uploadFile(blobOf(2048, 'image/png'), 'photo.png');
      const items: ObjectStringItem[] = [
        {type: 'text', text: 'Please read these'},
        {type: 'file', file_id: pdf.id},
        {type: 'image', file_id: png.id},
      ];
      const content = toObjectString(items);
      const message: EnterMessage = {
        role: 'user',
        content,
        content_type: 'object_string',
        meta_data: {quote: 'none', origin: 'api-test'},
      };
      const result = await collect(client.streamChat(ask('', {additionalMessages: [message]})));
      expect(result.error).to.equal(undefined);
      const {completed} = answer(result.events);
      expect(completed).to.match(
        /^I received 2 files: report\.pdf \(12\.3 KB\), photo\.png \(an image\)\./
      );
      expect(completed).to.contain('You said: **Please read these**');

      const conversationId = created(result.events).chat.conversation_id;
      const page = await client.listMessages(conversationId);
      const question = page.messages.find((m) => m.role === 'user')!;
      expect(question.content_type).to.equal('object_string');
      expect(question.content).to.equal(content);
      expect(question.meta_data).to.deep.equal({quote: 'none', origin: 'api-test'});
      expect(parseObjectString(question.content)).to.deep.equal(items);

      const [chat] = byPath(await loggedRequests(token), '/v3/chat');
      const sent = (chat!.body as {additional_messages: EnterMessage[]}).additional_messages;
      expect(sent).to.deep.equal([message]);
    });

    it('an unknown file_id is rejected with 4000 before the stream starts', async () => {
      const content = toObjectString([{type: 'file', file_id: '7499999999999999991'}]);
      const result = await collect(
        clientFor({token: uniqueToken('objstr_bad')}).streamChat(
          ask('', {additionalMessages: [{role: 'user', content, content_type: 'object_string'}]})
        )
      );
      expect(result.events).to.deep.equal([]);
      const err = result.error as CozeApiError;
      expect(err).to.be.instanceOf(CozeApiError);
      expect(err.code).to.equal(4000);
      expect(err.message).to.contain('7499999999999999991');
    });
  });

  describe('local plugin: requires_action and submitToolOutputs', () => {
    it('pauses for the tool, then the submitted output continues the same chat', async () => {
      const token = uniqueToken('local');
      const client = clientFor({token});
      const first = await collect(client.streamChat(ask('What is the local weather here?')));
      expect(first.error).to.equal(undefined);
      expect(runs(first.events)).to.deep.equal([
        'conversation.chat.created',
        'conversation.chat.in_progress',
        'conversation.chat.requires_action',
        'done',
      ]);
      const paused = (first.events[2] as ChatEvent).chat;
      expect(paused.status).to.equal('requires_action');
      const [toolCall, ...others] = paused.required_action!.submit_tool_outputs!.tool_calls;
      expect(others).to.have.length(0);
      expect(toolCall!.type).to.equal('function');
      expect(toolCall!.function.name).to.equal('get_local_weather');
      expect(JSON.parse(toolCall!.function.arguments)).to.deep.equal({city: 'Paris'});

      const second = await collect(
        client.submitToolOutputs({
          conversationId: paused.conversation_id,
          chatId: paused.id,
          toolOutputs: [{tool_call_id: toolCall!.id, output: 'Sunny, 21 °C'}],
        })
      );
      expect(second.error).to.equal(undefined);
      const names = runs(second.events);
      expect(names[0]).to.equal('conversation.chat.in_progress');
      expect(names.at(-2)).to.equal('conversation.chat.completed');
      expect(names.at(-1)).to.equal('done');
      const chats = second.events.filter(
        (e): e is ChatEvent => 'chat' in e && e.chat !== undefined
      );
      expect(chats.map((e) => e.chat.id)).to.deep.equal([paused.id, paused.id]);
      const {deltas, completed} = answer(second.events);
      expect(completed).to.equal("The page's tool says: Sunny, 21 °C");
      expect(deltas).to.equal(completed);

      const [submit, ...again] = byPath(
        await loggedRequests(token),
        '/v3/chat/submit_tool_outputs'
      );
      expect(again).to.have.length(0);
      expect(submit!.method).to.equal('POST');
      expect(submit!.query).to.deep.equal({
        conversation_id: paused.conversation_id,
        chat_id: paused.id,
      });
      expect(submit!.body).to.deep.equal({
        tool_outputs: [{tool_call_id: toolCall!.id, output: 'Sunny, 21 °C'}],
        stream: true,
      });
      expect(submit!.headers['content-type']).to.equal('application/json');

      // The chat is finished: a second submission is refused before any event.
      const late = await collect(
        client.submitToolOutputs({
          conversationId: paused.conversation_id,
          chatId: paused.id,
          toolOutputs: [{tool_call_id: toolCall!.id, output: 'again'}],
        })
      );
      expect(late.events).to.deep.equal([]);
      expect((late.error as CozeApiError).code).to.equal(4000);
      expect((late.error as CozeApiError).message).to.match(/not waiting for tool outputs/);
    });

    it('a wrong tool_call_id is refused with 4000, and the chat still waits', async () => {
      const client = clientFor({token: uniqueToken('local_wrong')});
      const first = await collect(client.streamChat(ask('local weather please')));
      const paused = (first.events[2] as ChatEvent).chat;
      const ids = {conversationId: paused.conversation_id, chatId: paused.id};
      const wrong = await collect(
        client.submitToolOutputs({...ids, toolOutputs: [{tool_call_id: 'nope', output: 'x'}]})
      );
      expect(wrong.events).to.deep.equal([]);
      expect((wrong.error as CozeApiError).code).to.equal(4000);
      const toolCall = paused.required_action!.submit_tool_outputs!.tool_calls[0]!;
      const right = await collect(
        client.submitToolOutputs({...ids, toolOutputs: [{tool_call_id: toolCall.id, output: 'ok'}]})
      );
      expect(answer(right.events).completed).to.equal("The page's tool says: ok");
    });

    it('refreshes an expired token once before submitting', async () => {
      // Three tokens of one account (the text before the dot): the chat stays theirs.
      const id = uniqueToken('local_refresh');
      const paused = (
        (await collect(clientFor({token: `${id}.first`}).streamChat(ask('local weather'))))
          .events[2] as ChatEvent
      ).chat;
      const {calls, onRefreshToken} = refresher(`${id}.fresh`);
      const client = clientFor({token: `${id}.expired`, onRefreshToken});
      const toolCall = paused.required_action!.submit_tool_outputs!.tool_calls[0]!;
      const result = await collect(
        client.submitToolOutputs({
          conversationId: paused.conversation_id,
          chatId: paused.id,
          toolOutputs: [{tool_call_id: toolCall.id, output: 'Cloudy'}],
        })
      );
      expect(result.error).to.equal(undefined);
      expect(answer(result.events).completed).to.equal("The page's tool says: Cloudy");
      expect(calls).to.have.length(1);
      const submits = byPath(await loggedRequests(id), '/v3/chat/submit_tool_outputs');
      expect(submits.map((r) => r.headers.authorization)).to.deep.equal([
        `Bearer ${id}.expired`,
        `Bearer ${id}.fresh`,
      ]);
    });
  });

  describe('history', () => {
    it('includes plugin calls and results only with includeMiddleMessage', async () => {
      const token = uniqueToken('middle');
      const client = clientFor({token});
      const result = await collect(client.streamChat(ask('use a tool')));
      const conversationId = created(result.events).chat.conversation_id;
      const plain = await client.listMessages(conversationId);
      expect(plain.messages.map((m) => m.type)).to.deep.equal(['answer', 'question']);
      const middle = await client.listMessages(conversationId, {includeMiddleMessage: true});
      expect(middle.messages.map((m) => m.type)).to.deep.equal([
        'answer',
        'tool_response',
        'function_call',
        'question',
      ]);
      const call = parseFunctionCall(middle.messages[2]!.content)!;
      expect(call.name).to.equal('weather-get');
      expect(call.arguments).to.deep.equal({city: 'Paris'});
      expect(call.pluginId).to.equal('7400000000000000101');
      expect(parseToolResponse(middle.messages[1]!.content).text).to.contain('light rain');

      const lists = byPath(await loggedRequests(token), '/v1/conversation/message/list');
      expect(lists.map((r) => r.body)).to.deep.equal([
        {order: 'desc', limit: 20},
        {order: 'desc', limit: 20, include_middle_message: true},
      ]);
    });

    it('keeps reasoning_content on an answer that had reasoning', async () => {
      const client = clientFor({token: uniqueToken('reasoning')});
      const result = await collect(client.streamChat(ask('think first')));
      const {messages} = await client.listMessages(created(result.events).chat.conversation_id);
      expect(messages[0]!.type).to.equal('answer');
      expect(messages[0]!.reasoning_content).to.equal(answer(result.events).reasoning);
      expect(messages[0]!.reasoning_content).to.not.equal('');
    });
  });

  describe('cards and question nodes', () => {
    it('a card answer has readable fallback text', async () => {
      const result = await collect(clientFor({token: uniqueToken('card')}).streamChat(ask('card')));
      const [card] = completedAnswers(result.events);
      expect(card!.content_type).to.equal('card');
      expect(parseCard(card!.content)).to.equal('Weather card\nParis: sunny, 24 °C.\nTomorrow');
      expect(answer(result.events).deltas).to.equal('');
    });

    it("a question node's options, then the reply in the same conversation", async () => {
      const client = clientFor({token: uniqueToken('choose')});
      const first = await collect(client.streamChat(ask('choose')));
      const [question] = completedAnswers(first.events);
      expect(parseQuestionOptions(question!.content)).to.deep.equal({
        question: 'Which colour would you like?',
        options: ['Red', 'Green', 'Blue'],
      });
      expect(runs(first.events).at(-2)).to.equal('conversation.chat.completed');
      const conversationId = created(first.events).chat.conversation_id;
      const reply = await collect(client.streamChat(ask('Blue', {conversationId})));
      expect(answer(reply.events).completed).to.equal('You chose **Blue**.');
    });
  });

  describe('feedback', () => {
    it('likes, unlikes with reasons, and deletes; the emulator keeps the last one', async () => {
      const token = uniqueToken('feedback');
      const client = clientFor({token});
      const result = await collect(client.streamChat(ask('rate this')));
      const [reply] = completedAnswers(result.events);
      const conversationId = reply!.conversation_id;

      await client.sendFeedback(conversationId, reply!.id, {feedbackType: 'like'});
      expect(await storedFeedback(reply!.id)).to.deep.equal({feedback_type: 'like'});
      await client.sendFeedback(conversationId, reply!.id, {
        feedbackType: 'unlike',
        reasonTypes: ['Inaccurate', 'Too long'],
        comment: 'Paris is not that warm.',
      });
      expect(await storedFeedback(reply!.id)).to.deep.equal({
        feedback_type: 'unlike',
        reason_types: ['Inaccurate', 'Too long'],
        comment: 'Paris is not that warm.',
      });
      const tooLong = await failure(
        client.sendFeedback(conversationId, reply!.id, {
          feedbackType: 'unlike',
          comment: 'x'.repeat(251),
        })
      );
      expect(tooLong.code).to.equal(4000);
      await client.deleteFeedback(conversationId, reply!.id);
      expect(await storedFeedback(reply!.id)).to.equal(null);

      const feedback = (await loggedRequests(token)).filter((r) => r.path.endsWith('/feedback'));
      expect(feedback.map((r) => [r.method, r.body])).to.deep.equal([
        ['POST', {feedback_type: 'like'}],
        [
          'POST',
          {
            feedback_type: 'unlike',
            reason_types: ['Inaccurate', 'Too long'],
            comment: 'Paris is not that warm.',
          },
        ],
        ['POST', {feedback_type: 'unlike', comment: 'x'.repeat(251)}],
        ['DELETE', null],
      ]);
    });
  });

  describe('clear context', () => {
    it('later chats carry the new section id; history keeps the old one', async () => {
      const client = clientFor({token: uniqueToken('clear')});
      const before = await collect(client.streamChat(ask('before the clear')));
      const {conversation_id: conversationId, section_id: oldSection} = created(before.events).chat;
      expect(oldSection).to.be.a('string');

      const section = await client.clearContext(conversationId);
      expect(section.conversation_id).to.equal(conversationId);
      expect(section.id).to.not.equal(oldSection);

      const after = await collect(client.streamChat(ask('after the clear', {conversationId})));
      expect(created(after.events).chat.section_id).to.equal(section.id);
      for (const event of after.events) {
        if ('message' in event) expect(event.message.section_id).to.equal(section.id);
        if ('chat' in event && event.chat) expect(event.chat.section_id).to.equal(section.id);
      }
      const {messages} = await client.listMessages(conversationId, {order: 'asc'});
      expect(messages.map((m) => [m.role, m.section_id])).to.deep.equal([
        ['user', oldSection],
        ['assistant', oldSection],
        ['user', section.id],
        ['assistant', section.id],
      ]);
    });
  });
});
