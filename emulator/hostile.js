// @ts-check
/**
 * Answers a model could be talked into (`hostile <shape>`): markdown built to overflow a
 * recursive parser's stack, to make emphasis matching take seconds, or simply huge. Pure text
 * builders; the widget must show each as readable text without freezing the page.
 */

/** @param {string} piece @param {number} length */
const repeat = (piece, length) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length);

/** @type {Record<string, () => string>} */
export const HOSTILE_SHAPES = {
  quotes: () => `${'>'.repeat(2000)} deep quote`,
  bullets: () => `${'- '.repeat(2000)}deep bullet`,
  numbers: () => `${'1. '.repeat(2000)}deep number`,
  mixed: () => `${'> - '.repeat(1000)}deep mix`,
  emphasis: () => `Emphasis: ${repeat('__a_ ', 40 * 1024)}end`,
  line: () => `One line: ${'word '.repeat(210_000)}end`,
};

/** What each shape's text ends with: once it is on screen, all of the answer is. */
export const HOSTILE_ENDINGS = {
  quotes: 'deep quote',
  bullets: 'deep bullet',
  numbers: 'deep number',
  mixed: 'deep mix',
  emphasis: '__a_ end',
  line: ' end',
};

/** `hostile <shape>`: the shape's text, or undefined for a name that is not one. */
export function hostileAnswer(/** @type {string} */ shape) {
  return HOSTILE_SHAPES[shape]?.();
}

/**
 * `hostile echo <how> <text>`: a stream error whose message repeats `text`, as a server that
 * echoes what it was sent would (a token, say). `how`: `event` (`event:error`), `failed`
 * (`conversation.chat.failed` with a Chat), `chatbare` (`conversation.chat.failed` with a bare
 * `{code, msg}`), `bare` (a stream body that is only `{code, msg}`).
 * @param {string} how
 * @param {string} text
 * @returns {import('./bot.js').Script}
 */
export function echoErrorScript(how, text) {
  const msg = `request rejected: ${text} is not valid here`;
  const name = 'hostile echo';
  if (how === 'bare') return {type: 'bare', name, body: JSON.stringify({code: 4000, msg})};
  /** @type {import('./bot.js').Step} */
  const step =
    how === 'event'
      ? {kind: 'error-event', code: 4000, msg}
      : how === 'failed'
        ? {kind: 'chat-failed', code: 5000, msg}
        : {kind: 'chat-failed-bare', code: '720702204', msg};
  return {type: 'stream', name, followUps: [], steps: [step]};
}

/** Ids of the synthetic streams below (the conversation's own id when the turn names one). */
const RAW_IDS = {chat: '7500000000000000901', message: '7500000000000000903'};

/**
 * The JSON of a synthetic Chat or answer delta.
 * @param {string} conversationId
 */
function rawPieces(conversationId) {
  const base = {conversation_id: conversationId, bot_id: '7500000000000000001'};
  const chat = (/** @type {string} */ status) =>
    JSON.stringify({id: RAW_IDS.chat, ...base, status});
  const message = (/** @type {string} */ content) =>
    JSON.stringify({
      id: RAW_IDS.message,
      ...base,
      role: 'assistant',
      type: 'answer',
      content,
      content_type: 'text',
      chat_id: RAW_IDS.chat,
    });
  /** @param {string} name @param {string} data */
  const event = (name, data) => `event:${name}\ndata:${data}\n\n`;
  const start =
    event('conversation.chat.created', chat('created')) +
    event('conversation.chat.in_progress', chat('in_progress'));
  /** @param {string[]} pieces */
  const deltas = (pieces) =>
    pieces.map((piece) => event('conversation.message.delta', message(piece))).join('');
  /** @param {string} content */
  const finish = (content) =>
    event('conversation.message.completed', message(content)) +
    event('conversation.chat.completed', chat('completed')) +
    event('done', '"[DONE]"');
  return {event, start, deltas, finish};
}

/**
 * Malformed answer streams (`hostile stream <shape>`), as bytes a broken proxy or server could
 * send. Each is a function of the conversation id. What a reader must see:
 * - `garbage`: stray lines, binary, fields without values, events whose data is not JSON around
 *   a valid answer: the answer, complete.
 * - `truncated`: three deltas, then half an event, then the end: the deltas, and an error.
 * - `huge`: a 3 MB `data:` line that is not JSON between two deltas: both deltas, complete.
 * - `cr`: a valid answer framed with CR alone: the answer, complete.
 * - `utf8cut`: CJK deltas, then the body ends inside a UTF-8 sequence: the deltas, and an error.
 * - `empty`: a 200 event stream with no bytes: an error.
 * @type {Record<string, {chunk: number, body: (conversationId: string) => string}>}
 */
export const HOSTILE_STREAMS = {
  garbage: {
    chunk: 61,
    body: (id) => {
      const {event, start, deltas, finish} = rawPieces(id);
      return [
        start,
        'this line is not a field at all\n',
        '\u0000\u0001\u0002\u00ff binary noise\n',
        'data\n',
        ':a comment\n',
        deltas(['Garbage around ']),
        'event:\n\n',
        'retry:soon\nid:\u0000\n\n',
        event('conversation.message.delta', 'not json {'),
        event('conversation.message.delta', '{"id":'),
        '{"not":"an error"}\n',
        deltas(['this answer ', 'is ignored.']),
        event('conversation.mystery', '{"x":1}'),
        finish('Garbage around this answer is ignored.'),
      ].join('');
    },
  },
  truncated: {
    chunk: 53,
    body: (id) => {
      const {start, deltas} = rawPieces(id);
      return `${start}${deltas(['A kept ', 'partial ', 'answer.'])}event:conversation.message.delta\ndata:{"id":"${RAW_IDS.message}","content":"lost`;
    },
  },
  huge: {
    chunk: 65536,
    body: (id) => {
      const {event, start, deltas, finish} = rawPieces(id);
      return [
        start,
        deltas(['Before the huge line. ']),
        event('conversation.message.delta', 'x'.repeat(3 * 1024 * 1024)),
        deltas(['After it.']),
        finish('Before the huge line. After it.'),
      ].join('');
    },
  },
  cr: {
    chunk: 47,
    body: (id) => {
      const {start, deltas, finish} = rawPieces(id);
      return (
        start +
        deltas(['Framed with ', 'CR alone.']) +
        finish('Framed with CR alone.')
      ).replaceAll('\n', '\r');
    },
  },
  utf8cut: {
    chunk: 41,
    body: (id) => {
      const {start, deltas} = rawPieces(id);
      // The last character's UTF-8 bytes are cut after the first one (see `rawBytes`).
      return `${start}${deltas(['星期三', '是晴天。'])}event:conversation.message.delta\ndata:{"content":"天`;
    },
  },
  empty: {chunk: 1, body: () => ''},
};

/**
 * The bytes of a hostile stream: UTF-8, except that `utf8cut` loses the last two bytes of its
 * final character.
 * @param {string} shape
 * @param {string} body
 */
export function rawBytes(shape, body) {
  const bytes = Buffer.from(body, 'utf8');
  return shape === 'utf8cut' ? bytes.subarray(0, bytes.length - 2) : bytes;
}

/** Where `hostile say <where> <text>` puts the text. */
export const SAY_PLACES = [
  'answer',
  'reasoning',
  'followup',
  'tool',
  'local',
  'error',
  'failed',
  'options',
  'card',
];

/**
 * `hostile say <where>[/<n>] <text>`: a model repeating `text` (anything, HTML included) in one
 * place of its answer: the answer itself in pieces of `n` characters (default 7), the reasoning,
 * two follow-ups, a plugin's name, arguments and result, a local plugin's name and arguments
 * (`chat.requires_action`), an `event:error` or `conversation.chat.failed` message, a question
 * node's question and options, or a card's title, text, image, link and button.
 * @param {string} where one of `SAY_PLACES`
 * @param {string} text
 * @param {number} [pieceLength]
 * @returns {import('./bot.js').StreamScript}
 */
export function sayScript(where, text, pieceLength = 7) {
  const name = `hostile say ${where}`;
  const pacing = {min: pieceLength, max: pieceLength, delayMs: 1};
  const fine = {kind: /** @type {const} */ ('answer'), text: 'Fine.', pacing};
  /** @param {import('./bot.js').Step[]} steps @param {string[]} [followUps] */
  const script = (steps, followUps = []) => ({
    type: /** @type {const} */ ('stream'),
    name,
    followUps,
    steps,
  });
  switch (where) {
    case 'reasoning':
      return script([{...fine, reasoning: text}]);
    case 'followup':
      return script([fine], [text, `${text} (again)`]);
    case 'tool':
      return script([
        {
          kind: 'tool',
          callContent: JSON.stringify({name: text, arguments: {input: text}, plugin_type: 1}),
          resultContent: text,
          delayMs: 5,
        },
        fine,
      ]);
    case 'local':
      return script([
        {kind: 'requires-action', calls: [{name: text, arguments: JSON.stringify({input: text})}]},
      ]);
    case 'error':
      return script([fine, {kind: 'error-event', code: 4000, msg: text}]);
    case 'failed':
      return script([{kind: 'chat-failed', code: 5000, msg: text}]);
    case 'options':
      return script([
        {
          kind: 'whole',
          contentType: 'text',
          content: JSON.stringify({question: text, options: [{name: text}, {name: 'Safe'}]}),
        },
      ]);
    case 'card':
      return script([
        {
          kind: 'whole',
          contentType: 'card',
          content: JSON.stringify({
            card_type: 'basic',
            title: text,
            elements: [
              {tag: 'text', text},
              {tag: 'image', image_url: text, alt: text},
              {tag: 'link', text, url: text},
              {tag: 'button', text, action: {type: 'send_message', value: text}},
            ],
          }),
        },
      ]);
    default:
      return script([{kind: 'answer', text, pacing}]);
  }
}

/** Arguments nested `depth` levels deep, as JSON text (built as text: a recursive writer overflows). */
export function nestedArguments(depth = 20_000) {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/**
 * `hostile nested <tool|local>`: a plugin call (or a local function) whose arguments are nested
 * 20,000 levels deep, then (for the plugin) an answer.
 * @param {string} where
 * @returns {import('./bot.js').StreamScript}
 */
export function nestedScript(where) {
  const args = nestedArguments();
  const name = `hostile nested ${where}`;
  if (where === 'local') {
    return {
      type: 'stream',
      name,
      followUps: [],
      steps: [{kind: 'requires-action', calls: [{name: 'deep_tool', arguments: args}]}],
    };
  }
  return {
    type: 'stream',
    name,
    followUps: [],
    steps: [
      {
        kind: 'tool',
        callContent: `{"name":"deep_tool","arguments":${args},"plugin_type":1}`,
        resultContent: args,
        delayMs: 5,
      },
      {
        kind: 'answer',
        text: 'The answer after a deep tool call.',
        pacing: {min: 8, max: 8, delayMs: 1},
      },
    ],
  };
}

/** `hostile blank followups`: an answer, then follow-ups without text (empty, blank) and one real one. */
export function blankFollowUpsScript() {
  return {
    type: /** @type {const} */ ('stream'),
    name: 'hostile blank followups',
    followUps: ['', '   ', 'A real follow-up'],
    steps: [
      {
        kind: /** @type {const} */ ('answer'),
        text: 'An answer with blank follow-ups.',
        pacing: {min: 8, max: 8, delayMs: 1},
      },
    ],
  };
}
