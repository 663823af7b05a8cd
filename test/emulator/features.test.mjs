// The conversation features: files and object_string messages, transcription, local plugins
// (requires_action + submit_tool_outputs), cards, question nodes, quotes, feedback, clear context.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {REASONING_TEXT} from '../../emulator/answers.js';
import {call, chatBody, parseEvents, startEmulator} from './helpers.mjs';

/** A PCM WAV file (mono, 16-bit) of `seconds` of silence. */
function wav(seconds, rate = 8000) {
  const dataBytes = Math.round(seconds * rate) * 2;
  const buf = Buffer.alloc(44 + dataBytes);
  buf.write('RIFF', 0, 'latin1');
  buf.writeUInt32LE(36 + dataBytes, 4);
  buf.write('WAVE', 8, 'latin1');
  buf.write('fmt ', 12, 'latin1');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28); // byte rate
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36, 'latin1');
  buf.writeUInt32LE(dataBytes, 40);
  return buf;
}

describe('emulator conversation features', () => {
  let server;
  before(async () => {
    server = await startEmulator();
  });
  after(() => server.close());

  const json = async (path, token, body, method) =>
    (await fetch(server.base + path, call(token, body, method))).json();

  /** Sends a multipart form with the given parts ([name, bytes, filename]). */
  async function multipart(path, token, parts) {
    const form = new FormData();
    for (const [name, bytes, filename] of parts) form.append(name, new Blob([bytes]), filename);
    const res = await fetch(server.base + path, {
      method: 'POST',
      headers: {Authorization: `Bearer ${token}`},
      body: form,
    });
    return res.json();
  }

  const upload = async (token, bytes, filename) =>
    multipart('/v1/files/upload', token, [['file', bytes, filename]]);

  /** Runs one chat to the end and returns its events. */
  async function chat(token, question, {conversationId, extra} = {}) {
    const query = conversationId ? `?conversation_id=${conversationId}` : '';
    const res = await fetch(
      `${server.base}/v3/chat${query}`,
      call(token, chatBody(question, extra))
    );
    const type = res.headers.get('content-type') ?? '';
    if (!type.includes('text/event-stream')) return {rejected: await res.json(), events: []};
    return {events: parseEvents(await res.text())};
  }

  /** A chat with one object_string question. */
  function objectChat(token, items, metaData) {
    return chat(token, '', {
      extra: {
        additional_messages: [
          {
            role: 'user',
            content: JSON.stringify(items),
            content_type: 'object_string',
            ...(metaData ? {meta_data: metaData} : {}),
          },
        ],
      },
    });
  }

  const completed = (events, type = 'answer') =>
    events
      .filter((e) => e.event === 'conversation.message.completed' && e.data.type === type)
      .map((e) => e.data);

  const history = (token, conversationId, body = {}) =>
    json(`/v1/conversation/message/list?conversation_id=${conversationId}`, token, body);

  describe('transcription', () => {
    it('transcribes a WAV, saying how long it was', async () => {
      const reply = await multipart('/v1/audio/transcriptions', 'tok-asr', [
        ['file', wav(2), 'speech.wav'],
      ]);
      assert.equal(reply.code, 0);
      assert.equal(reply.data.text, "What's the weather like in Paris? (2.0 s of audio)");
      const short = await multipart('/v1/audio/transcriptions', 'tok-asr', [
        ['file', wav(0.5, 16000), 'short.wav'],
      ]);
      assert.match(short.data.text, /\(0\.5 s of audio\)$/);
      const [entry] = await (
        await fetch(`${server.base}/__emulator/requests?token=tok-asr`)
      ).json();
      assert.equal(entry.path, '/v1/audio/transcriptions');
      assert.deepEqual(entry.body.parts, [
        {
          name: 'file',
          filename: 'speech.wav',
          content_type: 'application/octet-stream',
          bytes: 32044,
        },
      ]);
    });

    it('refuses webm (4303), empty (4300), over 10 MB (4302) and a broken WAV (4304)', async () => {
      const webm = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 1, 2, 3, 4, 5]);
      const asr = (bytes, name = 'a.webm') =>
        multipart('/v1/audio/transcriptions', 't', [['file', bytes, name]]);
      const rejected = await asr(webm);
      assert.equal(rejected.code, 4303);
      assert.match(rejected.msg, /^unsupported audio format; send wav, mp3, ogg, m4a/);
      assert.equal((await asr(Buffer.alloc(0), 'a.wav')).code, 4300);
      const big = wav(1);
      assert.equal((await asr(Buffer.concat([big, Buffer.alloc(10 * 1024 * 1024)]))).code, 4302);
      assert.equal((await asr(big.subarray(0, 12), 'cut.wav')).code, 4304);
      const twice = await multipart('/v1/audio/transcriptions', 't', [
        ['file', big, 'a.wav'],
        ['file', big, 'b.wav'],
      ]);
      assert.equal(twice.code, 4301);
      assert.equal((await json('/v1/audio/transcriptions', 't', {file: 'x'})).code, 4000);
    });
  });

  describe('uploads', () => {
    it('takes up to 5 MB; more is 4302, .exe is 4303, empty is 4300, two files 4301', async () => {
      const limit = 5 * 1024 * 1024;
      const ok = await upload('t', Buffer.alloc(limit, 1), 'exactly-five.bin');
      assert.equal(ok.code, 0);
      assert.equal(ok.data.bytes, limit);
      const tooBig = await upload('t', Buffer.alloc(limit + 1, 1), 'too-big.bin');
      assert.equal(tooBig.code, 4302);
      assert.match(tooBig.msg, /5 MB/);
      const exe = await upload('t', Buffer.from('MZ'), 'setup.EXE');
      assert.equal(exe.code, 4303);
      assert.equal((await upload('t', Buffer.alloc(0), 'empty.txt')).code, 4300);
      const two = await multipart('/v1/files/upload', 't', [
        ['file', Buffer.from('a'), 'a.txt'],
        ['file', Buffer.from('b'), 'b.txt'],
      ]);
      assert.equal(two.code, 4301);
      const other = await multipart('/v1/files/upload', 't', [['attachment', 'a', 'a.txt']]);
      assert.equal(other.code, 4000);
    });

    it('retrieves an uploaded file; an unknown id is 4000', async () => {
      const {data} = await upload('t', Buffer.from('hello'), 'hello.txt');
      const again = await json(`/v1/files/retrieve?file_id=${data.id}`, 't');
      assert.deepEqual(again.data, data);
      assert.equal((await json('/v1/files/retrieve?file_id=7499999999999999999', 't')).code, 4000);
      assert.equal((await json('/v1/files/retrieve', 't')).code, 4000);
    });
  });

  describe('object_string messages', () => {
    it('describes the files it received and keeps the message as sent', async () => {
      const pdf = (await upload('tok-obj', Buffer.alloc(12595, 7), 'report.pdf')).data;
      const png = (await upload('tok-obj', Buffer.alloc(2048, 1), 'photo.png')).data;
      const items = [
        {type: 'text', text: 'Please read these'},
        {type: 'file', file_id: pdf.id},
        {type: 'image', file_id: png.id},
      ];
      const metaData = {source: 'test', quote_id: '42'};
      const {events} = await objectChat('tok-obj', items, metaData);
      const [answer] = completed(events);
      assert.match(
        answer.content,
        /^I received 2 files: report\.pdf \(12\.3 KB\), photo\.png \(an image\)\./
      );
      assert.match(answer.content, /You said: \*\*Please read these\*\*/);

      const page = await history('tok-obj', answer.conversation_id);
      const question = page.data.find((m) => m.role === 'user');
      assert.equal(question.content_type, 'object_string');
      assert.equal(question.content, JSON.stringify(items));
      assert.deepEqual(question.meta_data, metaData);
      assert.equal(question.type, 'question');
    });

    it('takes files without text, and file_url items', async () => {
      const doc = (await upload('t', Buffer.alloc(100), 'notes.md')).data;
      const {events} = await objectChat('t', [
        {type: 'file', file_id: doc.id},
        {type: 'image', file_url: 'https://example.com/img/cat.jpg?size=2'},
      ]);
      const [answer] = completed(events);
      assert.match(
        answer.content,
        /^I received 2 files: notes\.md \(100 bytes\), cat\.jpg \(an image\)\./
      );
      assert.doesNotMatch(answer.content, /You said/);
    });

    it('enforces the mixing rules and known file ids with 4000', async () => {
      const doc = (await upload('t', Buffer.from('x'), 'x.txt')).data;
      const cases = [
        [[{type: 'text', text: 'only text'}], /needs a file or image/],
        [
          [
            {type: 'text', text: 'one'},
            {type: 'text', text: 'two'},
            {type: 'file', file_id: doc.id},
          ],
          /at most one text item/,
        ],
        [
          [
            {type: 'text', text: 'with audio'},
            {type: 'audio', file_id: doc.id},
          ],
          /needs a file/,
        ],
        [
          [{type: 'file', file_id: '7499999999999999999'}],
          /file_id 7499999999999999999 does not exist/,
        ],
        [[{type: 'video', file_id: doc.id}], /type must be text, file, image or audio/],
        [[{type: 'image'}], /needs file_id or file_url/],
        [[], /empty array/],
      ];
      for (const [items, msg] of cases) {
        const {rejected} = await objectChat('t', items);
        assert.equal(rejected?.code, 4000, JSON.stringify(items));
        assert.match(rejected.msg, msg);
      }
      const notArray = await chat('t', '', {
        extra: {
          additional_messages: [{role: 'user', content: '{"a":1}', content_type: 'object_string'}],
        },
      });
      assert.equal(notArray.rejected.code, 4000);
    });
  });

  describe('quotes', () => {
    it('acknowledges a quoted text, and matches triggers only after the quote', async () => {
      const {events} = await chat('t', '> The sky is blue\n> over Paris.\n\nWhy is that?');
      const [answer] = completed(events);
      assert.match(answer.content, /^You quoted: "The sky is blue over Paris\."/);
      assert.match(answer.content, /About that, you said: \*\*Why is that\?\*\*/);

      const quotedHelp = await chat('t', '> type help to see more\n\nthanks');
      assert.match(completed(quotedHelp.events)[0].content, /^You quoted: "type help to see more"/);
      const afterQuote = await chat('t', '> anything\n\nfail busy');
      assert.equal(afterQuote.rejected.code, 4016);
    });
  });

  describe('history', () => {
    it('lists plugin calls only with include_middle_message, never verbose or follow-ups', async () => {
      const {events} = await chat('t', 'use the tool');
      const conversationId = events[0].data.conversation_id;
      const plain = await history('t', conversationId);
      assert.deepEqual(
        plain.data.map((m) => m.type),
        ['answer', 'question']
      );
      const middle = await history('t', conversationId, {include_middle_message: true});
      assert.deepEqual(
        middle.data.map((m) => m.type),
        ['answer', 'tool_response', 'function_call', 'question']
      );
      const asc = await history('t', conversationId, {include_middle_message: true, order: 'asc'});
      assert.deepEqual(
        asc.data.map((m) => m.type),
        ['question', 'function_call', 'tool_response', 'answer']
      );
      assert.equal(JSON.parse(asc.data[1].content).name, 'weather-get');
    });

    it('keeps reasoning_content on answers that had reasoning', async () => {
      const {events} = await chat('t', 'think about it');
      const page = await history('t', events[0].data.conversation_id);
      const answer = page.data.find((m) => m.type === 'answer');
      assert.equal(answer.reasoning_content, REASONING_TEXT);
      const plain = await chat('t', 'a plain answer');
      const plainPage = await history('t', plain.events[0].data.conversation_id);
      assert.equal(plainPage.data[0].reasoning_content, undefined);
    });
  });

  describe('local plugin: requires_action and submit_tool_outputs', () => {
    const submitPath = (chat) =>
      `/v3/chat/submit_tool_outputs?conversation_id=${chat.conversation_id}&chat_id=${chat.id}`;

    async function askLocalWeather(token, extra) {
      const {events} = await chat(token, 'What is the local weather?', {extra});
      return events;
    }

    it('pauses in requires_action, then the submission continues the same chat', async () => {
      const events = await askLocalWeather('tok-local');
      assert.deepEqual(
        events.map((e) => e.event),
        [
          'conversation.chat.created',
          'conversation.chat.in_progress',
          'conversation.chat.requires_action',
          'done',
        ]
      );
      const paused = events[2].data;
      assert.equal(paused.status, 'requires_action');
      assert.equal(paused.required_action.type, 'submit_tool_outputs');
      const [toolCall] = paused.required_action.submit_tool_outputs.tool_calls;
      assert.equal(toolCall.type, 'function');
      assert.equal(toolCall.function.name, 'get_local_weather');
      assert.equal(toolCall.function.arguments, '{"city":"Paris"}');
      assert.match(toolCall.id, /^[A-Za-z0-9+/=]+$/);
      assert.equal(events[3].raw, 'event:done\ndata:"[DONE]"');

      const retrieved = await json(
        `/v3/chat/retrieve?conversation_id=${paused.conversation_id}&chat_id=${paused.id}`,
        'tok-local'
      );
      assert.equal(retrieved.data.status, 'requires_action');
      assert.deepEqual(retrieved.data.required_action, paused.required_action);
      const cancel = await json('/v3/chat/cancel', 'tok-local', {
        conversation_id: paused.conversation_id,
        chat_id: paused.id,
      });
      assert.equal(cancel.code, 4104);

      const wrong = await json(submitPath(paused), 'tok-local', {
        tool_outputs: [{tool_call_id: 'not-the-id', output: 'x'}],
        stream: true,
      });
      assert.equal(wrong.code, 4000);
      assert.match(wrong.msg, /not-the-id/);
      const empty = await json(submitPath(paused), 'tok-local', {tool_outputs: [], stream: true});
      assert.equal(empty.code, 4000);
      const noQuery = await json('/v3/chat/submit_tool_outputs', 'tok-local', {
        tool_outputs: [{tool_call_id: toolCall.id, output: 'x'}],
        stream: true,
      });
      assert.equal(noQuery.code, 4000);

      const res = await fetch(
        server.base + submitPath(paused),
        call('tok-local', {
          tool_outputs: [{tool_call_id: toolCall.id, output: 'Sunny, 21 °C'}],
          stream: true,
        })
      );
      assert.match(res.headers.get('content-type'), /text\/event-stream/);
      const text = await res.text();
      assert.ok(text.endsWith('event:done\ndata:"[DONE]"\n\n'));
      const continued = parseEvents(text);
      const names = continued.map((e) => e.event).filter((n, i, all) => n !== all[i - 1]);
      assert.deepEqual(names, [
        'conversation.chat.in_progress',
        'conversation.message.delta',
        'conversation.message.completed',
        'conversation.chat.completed',
        'done',
      ]);
      assert.equal(continued[0].data.id, paused.id);
      assert.equal(continued[0].data.required_action, undefined);
      const [answer] = completed(continued);
      assert.equal(answer.content, "The page's tool says: Sunny, 21 °C");
      assert.equal(answer.chat_id, paused.id);
      const done = continued.find((e) => e.event === 'conversation.chat.completed').data;
      assert.equal(done.id, paused.id);
      assert.equal(done.status, 'completed');

      const again = await json(submitPath(paused), 'tok-local', {
        tool_outputs: [{tool_call_id: toolCall.id, output: 'again'}],
        stream: true,
      });
      assert.equal(again.code, 4000);
      assert.match(again.msg, /not waiting for tool outputs/);

      const page = await history('tok-local', paused.conversation_id);
      assert.deepEqual(
        page.data.map((m) => [m.type, m.content]),
        [
          ['answer', "The page's tool says: Sunny, 21 °C"],
          ['question', 'What is the local weather?'],
        ]
      );
    });

    it('continues in the background with stream:false', async () => {
      const events = await askLocalWeather('t');
      const paused = events[2].data;
      const [toolCall] = paused.required_action.submit_tool_outputs.tool_calls;
      const reply = await json(submitPath(paused), 't', {
        tool_outputs: [{tool_call_id: toolCall.id, output: '{"temp":21}'}],
      });
      assert.equal(reply.code, 0);
      assert.equal(reply.data.id, paused.id);
      let status;
      for (let i = 0; i < 50 && status !== 'completed'; i++) {
        const retrieved = await json(
          `/v3/chat/retrieve?conversation_id=${paused.conversation_id}&chat_id=${paused.id}`,
          't'
        );
        status = retrieved.data.status;
        await new Promise((r) => setTimeout(r, 10));
      }
      assert.equal(status, 'completed');
    });

    it('refuses tool outputs for a chat that was not saved (5000) or never asked', async () => {
      const events = await askLocalWeather('t', {auto_save_history: false});
      const paused = events[2].data;
      const [toolCall] = paused.required_action.submit_tool_outputs.tool_calls;
      const unsaved = await json(submitPath(paused), 't', {
        tool_outputs: [{tool_call_id: toolCall.id, output: 'x'}],
        stream: true,
      });
      assert.equal(unsaved.code, 5000);

      const plain = (await chat('t', 'hello')).events[0].data;
      const notWaiting = await json(submitPath(plain), 't', {
        tool_outputs: [{tool_call_id: 'x', output: 'x'}],
        stream: true,
      });
      assert.equal(notWaiting.code, 4000);
      assert.match(notWaiting.msg, /its status is completed/);
    });
  });

  describe('cards and question nodes', () => {
    it('card: one completed card answer, no deltas', async () => {
      const {events} = await chat('t', 'show me a card');
      assert.equal(events.filter((e) => e.event === 'conversation.message.delta').length, 0);
      const [answer] = completed(events);
      assert.equal(answer.content_type, 'card');
      const card = JSON.parse(answer.content);
      assert.equal(card.title, 'Weather card');
      assert.ok(card.elements.some((el) => el.text === 'Paris: sunny, 24 °C.'));
      assert.equal(events.at(-2).event, 'conversation.chat.completed');
    });

    it('choose: a question node answer, then the next message is the reply', async () => {
      const first = await chat('t', 'Let me choose a colour');
      assert.equal(first.events.filter((e) => e.event === 'conversation.message.delta').length, 0);
      const [question] = completed(first.events);
      assert.equal(question.content_type, 'text');
      assert.equal(
        question.content,
        '{"question":"Which colour would you like?","options":[{"name":"Red"},{"name":"Green"},{"name":"Blue"}]}'
      );
      assert.equal(completed(first.events, 'follow_up').length, 0);
      assert.equal(first.events.at(-2).data.status, 'completed');

      const conversationId = first.events[0].data.conversation_id;
      const reply = await chat('t', 'green please (help)', {conversationId});
      assert.equal(completed(reply.events)[0].content, 'You chose **Green**.');
      const after = await chat('t', 'hello again', {conversationId});
      assert.match(completed(after.events)[0].content, /^You said: \*\*hello again\*\*/);
    });

    it('help lists the new triggers', async () => {
      const [answer] = completed((await chat('t', 'help')).events);
      for (const phrase of ['local weather', 'card', 'choose']) {
        assert.ok(answer.content.includes(`\`${phrase}\``), phrase);
      }
      assert.match(answer.content, /quote/);
    });
  });

  describe('feedback', () => {
    it('validates, keeps the last feedback on the answer, and deletes it', async () => {
      const {events} = await chat('tok-fb', 'rate me');
      const [answer] = completed(events);
      const path = `/v1/conversations/${answer.conversation_id}/messages/${answer.id}/feedback`;
      const stored = async () =>
        (await (await fetch(`${server.base}/__emulator/feedback?message_id=${answer.id}`)).json())
          .feedback;
      assert.equal(await stored(), null);

      const like = await json(path, 'tok-fb', {feedback_type: 'like'});
      assert.equal(like.code, 0);
      assert.deepEqual(await stored(), {feedback_type: 'like'});
      const unlike = {
        feedback_type: 'unlike',
        reason_types: ['Inaccurate', '不准确'],
        comment: 'No',
      };
      assert.equal((await json(path, 'tok-fb', unlike)).code, 0);
      assert.deepEqual(await stored(), unlike);

      const bad = [
        {feedback_type: 'love'},
        {feedback_type: 'like', reason_types: Array.from({length: 11}, (_, i) => `r${i}`)},
        {feedback_type: 'like', reason_types: ['x'.repeat(31)]},
        {feedback_type: 'like', reason_types: 'Inaccurate'},
        {feedback_type: 'like', comment: 'x'.repeat(251)},
      ];
      for (const body of bad) {
        assert.equal((await json(path, 'tok-fb', body)).code, 4000, JSON.stringify(body));
      }
      assert.equal(
        (await json(path, 'tok-fb', {feedback_type: 'like', comment: 'x'.repeat(250)})).code,
        0
      );
      const deleted = await json(path, 'tok-fb', undefined, 'DELETE');
      assert.equal(deleted.code, 0);
      assert.equal(await stored(), null);

      const question = events[0].data.inserted_additional_messages[0].id;
      const onQuestion = `/v1/conversations/${answer.conversation_id}/messages/${question}/feedback`;
      assert.equal((await json(onQuestion, 'tok-fb', {feedback_type: 'like'})).code, 4000);
      assert.equal((await json(onQuestion, 'tok-fb', undefined, 'DELETE')).code, 4000);

      const [card] = completed((await chat('tok-fb', 'card')).events);
      const onCard = `/v1/conversations/${card.conversation_id}/messages/${card.id}/feedback`;
      assert.equal((await json(onCard, 'tok-fb', {feedback_type: 'like'})).code, 4000);
    });
  });

  describe('clear context', () => {
    it('later chats and messages carry the new section id; history keeps the old one', async () => {
      const first = await chat('t', 'before the clear');
      const created = first.events[0].data;
      const oldSection = created.section_id;
      const cleared = await json(
        `/v1/conversations/${created.conversation_id}/clear`,
        't',
        undefined,
        'POST'
      );
      assert.equal(cleared.code, 0);
      const newSection = cleared.data.id;
      assert.notEqual(newSection, oldSection);
      assert.equal(cleared.data.conversation_id, created.conversation_id);

      const second = await chat('t', 'after the clear', {conversationId: created.conversation_id});
      const secondChat = second.events[0].data;
      assert.equal(secondChat.section_id, newSection);
      for (const e of second.events.filter((ev) => ev.event.startsWith('conversation.'))) {
        assert.equal(e.data.section_id, newSection, e.event);
      }
      const page = await history('t', created.conversation_id, {order: 'asc'});
      assert.deepEqual(
        page.data.map((m) => m.section_id),
        [oldSection, oldSection, newSection, newSection]
      );
      const conversation = await json(
        `/v1/conversation/retrieve?conversation_id=${created.conversation_id}`,
        't'
      );
      assert.equal(conversation.data.last_section_id, newSection);
    });
  });
});
