// @ts-check
/**
 * The scripted bot: picks what to do from keywords in the user's last message. A script is
 * either a rejection before streaming, a raw body, a gateway's plain-text error, a fixture replay,
 * or a list of stream steps.
 */
import {
  CARD_CONTENT,
  CODE_ANSWER,
  IMAGES_ANSWER,
  COLOUR_QUESTION,
  LOCAL_WEATHER_CALL,
  MARKDOWN_SHOWCASE,
  PARTIAL_ANSWER,
  REASONED_ANSWER,
  REASONING_TEXT,
  SLOW_ANSWER,
  TOOL_SCENARIO,
  WIDE_TABLE,
  XSS_ANSWER,
  colourChosen,
  echoAnswer,
  helpAnswer,
  longAnswer,
  quoteAnswer,
} from './answers.js';
import {AUTH_ERROR, BUSY_ERROR, INTERNAL_ERROR, RATE_LIMITED} from './errors.js';
import {
  HOSTILE_SHAPES,
  HOSTILE_STREAMS,
  SAY_PLACES,
  echoErrorScript,
  hostileAnswer,
  sayScript,
  nestedScript,
  blankFollowUpsScript,
} from './hostile.js';
import {FORMULA_ANSWER, manyFormulas} from './formulas.js';

/**
 * How an answer is cut into deltas: piece lengths in characters and the pause before each.
 * @typedef {object} Pacing
 * @property {number} min shortest piece
 * @property {number} max longest piece
 * @property {number} delayMs pause before each delta (multiplied by the emulator's speed)
 */

/**
 * `interrupt` pauses a chatflow on a question node: the conversation then waits for the user's
 * reply (`node` names what it waits for) and the stream ends with `done`, no `chat.completed`.
 * `whole` is an answer sent in one `completed` event, without deltas (cards, question nodes).
 * `requires-action` asks the page to run local plugins: the chat pauses in `requires_action`
 * until `/v3/chat/submit_tool_outputs` continues it.
 * @typedef {{kind: 'answer', text: string, pacing: Pacing, reasoning?: string, stopAfter?: number}
 *   | {kind: 'whole', content: string, contentType: 'text' | 'card'}
 *   | {kind: 'requires-action', calls: {name: string, arguments: string}[]}
 *   | {kind: 'tool', callContent: string, resultContent: string, delayMs: number}
 *   | {kind: 'error-event', code: number, msg: string}
 *   | {kind: 'chat-failed', code: number, msg: string}
 *   | {kind: 'chat-failed-bare', code: string, msg: string}
 *   | {kind: 'interrupt', node: string}
 *   | {kind: 'cut'}} Step
 */

/**
 * A stream script may skip the `chat.created` / `chat.in_progress` preamble (`preamble: false`,
 * as a chatflow that fails at once), may answer a waiting question node (`resumes: true`), may
 * leave the conversation waiting for a reply once it completes (`awaits`: the node's name), and
 * may continue a chat that already exists (`continues: true`: no `chat.created`), and may write
 * its follow-up suggestions a while after the answer (`followUpsAfterMs`; Coze writes them once
 * the answer is done, and keeps the chat's messages only when it completes).
 * @typedef {{type: 'stream', name: string, steps: Step[], followUps: string[], preamble?: boolean,
 *     resumes?: boolean, awaits?: string, continues?: boolean, followUpsAfterMs?: number}
 *   | {type: 'reject', name: string, status: number, code: number, msg: string}
 *   | {type: 'bare', name: string, body: string}
 *   | {type: 'gateway', name: string, status: number, body: string}
 *   | {type: 'fixture', name: string, file: string}
 *   | {type: 'raw', name: string, shape: string}} Script
 */

/** @typedef {Extract<Script, {type: 'stream'}>} StreamScript */

/** Normal pacing: 2–6 characters, 15 ms apart. */
export const NORMAL = {min: 2, max: 6, delayMs: 15};
/** Pacing for longer showcase answers. */
const BRISK = {min: 3, max: 8, delayMs: 10};
/** `long`: ~20-character pieces, 2 ms apart. */
const FAST = {min: 16, max: 24, delayMs: 2};
/** `slow`: 5-character pieces (about 60 of them), 120 ms apart. */
const SLOW = {min: 5, max: 5, delayMs: 120};

/** What the `choose` question node waits for. */
export const COLOUR_NODE = 'colour';

/** The partial answer that precedes a mid-stream failure: three deltas, never completed. */
const partial = () =>
  /** @type {Step} */ ({kind: 'answer', text: PARTIAL_ANSWER, pacing: NORMAL, stopAfter: 3});

/**
 * @typedef {object} Trigger
 * @property {string} phrase what to type
 * @property {RegExp} pattern
 * @property {string} about one line for `help`
 * @property {(question: string, match: RegExpExecArray, triggers: readonly Trigger[]) => Script}
 *   script gets the whole list it was chosen from (for `help`)
 */

/**
 * In matching order: `hostile say` first (the text it repeats may contain any keyword), then a
 * fixture replay (so a fixture's name never trips a keyword), then failures.
 * @type {readonly Trigger[]}
 */
export const TRIGGERS = [
  {
    phrase: 'hostile say <where> <text>',
    pattern: new RegExp(
      `^\\s*hostile\\s+say\\s+(${SAY_PLACES.join('|')})(?:/(\\d{1,4}))?\\s([\\s\\S]+)$`,
      'i'
    ),
    about: `the answer repeats \`<text>\` (anything, HTML included) in one place: ${SAY_PLACES.join(', ')}; \`answer/<n>\` streams it in pieces of n characters.`,
    script: (_question, match) =>
      sayScript(match[1].toLowerCase(), match[3], match[2] ? Math.max(1, Number(match[2])) : 7),
  },
  {
    phrase: 'hostile nested <tool|local>',
    pattern: /\bhostile\s+nested\s+(tool|local)\b/i,
    about:
      'a plugin call (`tool`) or a local function (`local`) with arguments nested 20,000 levels deep.',
    script: (_question, match) => nestedScript(match[1].toLowerCase()),
  },
  {
    phrase: 'hostile stream <shape>',
    pattern: new RegExp(
      `\\bhostile\\s+stream\\s+(${Object.keys(HOSTILE_STREAMS).join('|')})\\b`,
      'i'
    ),
    about: `a malformed answer stream (${Object.keys(HOSTILE_STREAMS).join(', ')}), sent byte for byte.`,
    script: (_question, match) => ({
      type: 'raw',
      name: 'hostile stream',
      shape: match[1].toLowerCase(),
    }),
  },
  {
    phrase: 'fixture <file>',
    pattern: /\bfixture\s+([\w.\-/]+)/i,
    about: 'replays a recorded stream from the fixtures folder byte for byte (ids will not match).',
    script: (_question, match) => ({type: 'fixture', name: 'fixture', file: match[1]}),
  },
  {
    phrase: 'fail auth',
    pattern: /\bfail\s+auth\b/i,
    about:
      'the request is rejected before streaming: JSON `{code:4100}` (as for an expired token).',
    script: () => ({type: 'reject', name: 'fail auth', status: 200, ...AUTH_ERROR}),
  },
  {
    phrase: 'fail event',
    pattern: /\bfail\s+event\b/i,
    about: 'a few deltas, then `event:error` with code 4028, and the stream ends.',
    script: () => ({
      type: 'stream',
      name: 'fail event',
      followUps: [],
      steps: [
        partial(),
        {
          kind: 'error-event',
          code: 4028,
          msg: 'resource point balance is insufficient; wait for the quota to refresh or upgrade',
        },
      ],
    }),
  },
  {
    phrase: 'fail chatbare',
    pattern: /\bfail\s+chatbare\b/i,
    about: '`conversation.chat.failed` carrying a bare `{code,msg}` with a string code.',
    script: () => ({
      type: 'stream',
      name: 'fail chatbare',
      followUps: [],
      steps: [
        {kind: 'chat-failed-bare', code: '720702204', msg: 'conversation name does not exist'},
      ],
    }),
  },
  {
    phrase: 'fail chat',
    pattern: /\bfail\s+chat\b/i,
    about: 'a few deltas, then `conversation.chat.failed` with `last_error` code 5000.',
    script: () => ({
      type: 'stream',
      name: 'fail chat',
      followUps: [],
      steps: [
        partial(),
        {kind: 'chat-failed', code: 5000, msg: 'internal error, please retry later'},
      ],
    }),
  },
  {
    phrase: 'fail bare',
    pattern: /\bfail\s+bare\b/i,
    about: 'an event-stream response whose whole body is a bare JSON 4100 error.',
    script: () => ({type: 'bare', name: 'fail bare', body: JSON.stringify(AUTH_ERROR)}),
  },
  {
    phrase: 'fail cut',
    pattern: /\bfail\s+cut\b/i,
    about: 'a few deltas, then the connection is cut (no `done`).',
    script: () => ({
      type: 'stream',
      name: 'fail cut',
      followUps: [],
      steps: [partial(), {kind: 'cut'}],
    }),
  },
  {
    phrase: 'fail 500',
    pattern: /\bfail\s+500\b/i,
    about: 'HTTP 500 with a JSON `{code:5000}` body.',
    script: () => ({type: 'reject', name: 'fail 500', status: 500, ...INTERNAL_ERROR}),
  },
  {
    phrase: 'fail busy',
    pattern: /\bfail\s+busy\b/i,
    about: 'rejected with code 4016, as when another chat is still running in the conversation.',
    script: () => ({type: 'reject', name: 'fail busy', status: 200, ...BUSY_ERROR}),
  },
  {
    phrase: 'fail rate',
    pattern: /\bfail\s+rate\b/i,
    about: 'rejected with code 4013, as when the API rate limit is exceeded.',
    script: () => ({type: 'reject', name: 'fail rate', status: 200, ...RATE_LIMITED}),
  },
  {
    phrase: 'fail 429',
    pattern: /\bfail\s+429\b/i,
    about: 'HTTP 429 with a plain-text body and no Coze code, as a gateway sends it.',
    script: () => ({type: 'gateway', name: 'fail 429', status: 429, body: 'Too Many Requests'}),
  },
  {
    phrase: 'help',
    pattern: /\bhelp\b/i,
    about: 'this list.',
    script: (_question, _match, triggers) =>
      stream('help', helpAnswer(triggers), BRISK, ['Show me some markdown', 'tool', 'think']),
  },
  {
    phrase: 'math',
    pattern: /\bmath(?:\s+(\d{1,3}))?\b/i,
    about:
      'formulas: inline, display and chemistry, with dollars in code and prices; `math 50` for fifty.',
    script: (_q, match) =>
      stream('math', match[1] ? manyFormulas(Number(match[1])) : FORMULA_ANSWER, BRISK, ['help']),
  },
  {
    phrase: 'markdown',
    pattern: /\bmarkdown\b/i,
    about: 'headings, emphasis, nested lists, a table, a code block, a quote, links and CJK text.',
    script: () =>
      stream('markdown', MARKDOWN_SHOWCASE, BRISK, ['Tell me something long', 'xss', 'help']),
  },
  {
    phrase: 'wide table',
    pattern: /\bwide\s+table\b/i,
    about: 'a table wider than the panel, with one-word headers and aligned columns.',
    script: () => stream('wide table', WIDE_TABLE, BRISK, ['Show me some code', 'help']),
  },
  {
    phrase: 'code',
    pattern: /\bcode\b/i,
    about: 'fenced code in Python, JavaScript, an unknown language and a long line.',
    script: () => stream('code', CODE_ANSWER, BRISK, ['Show me a wide table', 'help']),
  },
  {
    phrase: 'images',
    pattern: /\bimages\b/i,
    about: 'markdown images: one described, one without alt text, one inside a link.',
    script: () => stream('images', IMAGES_ANSWER, BRISK, ['Show me some markdown', 'help']),
  },
  {
    phrase: 'long',
    pattern: /\blong\b/i,
    about: 'a long answer (about 30 KB of markdown), streamed fast.',
    script: () => stream('long', longAnswer(), FAST, ['Show me some markdown', 'slow', 'help']),
  },
  {
    phrase: 'slow',
    pattern: /\bslow\b/i,
    about: 'about 60 small pieces, 120 ms apart: time enough to press Stop.',
    script: () => stream('slow', SLOW_ANSWER, SLOW, ['slow', 'help']),
  },
  {
    phrase: 'late suggestions',
    pattern: /\blate\s+suggestions\b/i,
    about:
      'a short answer whose follow-up suggestions come 1.5 s after it, as Coze writes them after the answer; the chat completes, and its messages are kept, only then.',
    script: () => ({
      ...stream('late suggestions', 'Here is the answer; the suggestions follow.', BRISK, ['help']),
      followUpsAfterMs: 1500,
    }),
  },
  {
    phrase: 'local weather',
    pattern: /\blocal\s+weather\b/i,
    about:
      'a local plugin: `conversation.chat.requires_action` asking the page to run `get_local_weather`, then `done`; the chat waits for `/v3/chat/submit_tool_outputs`, whose stream continues it with an answer quoting the output.',
    script: () => ({
      type: 'stream',
      name: 'local weather',
      followUps: [],
      steps: [{kind: 'requires-action', calls: [LOCAL_WEATHER_CALL]}],
    }),
  },
  {
    phrase: 'tool',
    pattern: /\btools?\b/i,
    about: 'a plugin call (`function_call`, then `tool_response`) before the answer.',
    script: () => ({
      type: 'stream',
      name: 'tool',
      followUps: ['What about tomorrow?', 'think', 'help'],
      steps: [
        {
          kind: 'tool',
          callContent: TOOL_SCENARIO.callContent,
          resultContent: TOOL_SCENARIO.resultContent,
          delayMs: 150,
        },
        {kind: 'answer', text: TOOL_SCENARIO.answer, pacing: NORMAL},
      ],
    }),
  },
  {
    phrase: 'think',
    pattern: /\b(think|thinking|reasoning)\b/i,
    about: 'reasoning pieces first (`reasoning_content`), then the answer (`reasoning` works too).',
    script: () => ({
      type: 'stream',
      name: 'think',
      followUps: ['Think harder', 'Show me some markdown', 'help'],
      steps: [{kind: 'answer', text: REASONED_ANSWER, reasoning: REASONING_TEXT, pacing: NORMAL}],
    }),
  },
  {
    phrase: 'card',
    pattern: /\bcards?\b/i,
    about:
      'an answer with `content_type: "card"` (a JSON card with a title and some text), sent whole.',
    script: () => ({
      type: 'stream',
      name: 'card',
      followUps: ['choose', 'help'],
      steps: [{kind: 'whole', contentType: 'card', content: CARD_CONTENT}],
    }),
  },
  {
    phrase: 'choose',
    pattern: /\bchoose\b/i,
    about:
      'a question node: the answer is `{"question":…,"options":[{"name":…},…]}` sent whole, the chat completes, and your next message is the reply ("You chose …").',
    script: () => ({
      type: 'stream',
      name: 'choose',
      followUps: [],
      awaits: COLOUR_NODE,
      steps: [{kind: 'whole', contentType: 'text', content: COLOUR_QUESTION}],
    }),
  },
  {
    phrase: 'xss',
    pattern: /\bxss\b/i,
    about: 'an answer full of raw HTML/JavaScript injection attempts that must render inert.',
    script: () => stream('xss', XSS_ANSWER, BRISK, ['Show me some markdown', 'help']),
  },
  {
    phrase: 'hostile echo <how> <text>',
    pattern: /\bhostile\s+echo\s+(event|failed|chatbare|bare)\s+(\S+)/i,
    about:
      'a stream error repeating `<text>` in its message: `event` (`event:error`), `failed` (`conversation.chat.failed`), `chatbare` (its bare `{code, msg}` form) or `bare` (a body that is only `{code, msg}`).',
    script: (_question, match) => echoErrorScript(match[1].toLowerCase(), match[2]),
  },
  {
    phrase: 'hostile blank followups',
    pattern: /\bhostile\s+blank\s+follow-?ups\b/i,
    about: 'an answer, then two follow-ups without text and one real one.',
    script: () => blankFollowUpsScript(),
  },
  {
    phrase: 'hostile <shape>',
    pattern: new RegExp(`\\bhostile\\s+(${Object.keys(HOSTILE_SHAPES).join('|')})\\b`, 'i'),
    about: `markdown made to break or freeze a renderer (${Object.keys(HOSTILE_SHAPES).join(', ')}), in about 100 large deltas.`,
    script: (_question, match) => {
      const text = hostileAnswer(match[1].toLowerCase()) ?? '';
      const size = Math.max(8, Math.ceil(text.length / 100));
      return stream('hostile', text, {min: size, max: size, delayMs: 5}, ['help']);
    },
  },
];

/**
 * @param {string} name
 * @param {string} text
 * @param {Pacing} pacing
 * @param {string[]} followUps
 * @returns {StreamScript}
 */
export function stream(name, text, pacing, followUps) {
  return {type: 'stream', name, followUps, steps: [{kind: 'answer', text, pacing}]};
}

/**
 * Splits a leading markdown quote (lines starting with `>`) from what follows it.
 * @param {string} text
 * @returns {{quote: string, rest: string} | undefined} undefined when the text starts with no quote
 */
export function splitQuote(text) {
  const lines = text.replace(/^\s*\n/, '').split('\n');
  let n = 0;
  while (n < lines.length && /^\s*>/.test(lines[n])) n++;
  if (n === 0) return undefined;
  const quote = lines
    .slice(0, n)
    .map((line) => line.replace(/^\s*>\s?/, ''))
    .join('\n')
    .trim();
  return {quote, rest: lines.slice(n).join('\n').trim()};
}

/**
 * Chooses the script for a question: the first trigger that matches, else the echo. A leading
 * quote is set aside first: triggers match what follows it, and without one the answer
 * acknowledges the quote.
 * @param {string} question the text of the last user message
 * @param {import('./api/object-string.js').Attachment[]} [attachments] files/images sent with it
 * @param {readonly Trigger[]} [triggers] the bot's by default
 * @returns {Script}
 */
export function chooseScript(question, attachments = [], triggers = TRIGGERS) {
  const quoted = splitQuote(question);
  const asked = quoted ? quoted.rest : question;
  for (const trigger of triggers) {
    const match = trigger.pattern.exec(asked);
    if (match) return trigger.script(asked, match, triggers);
  }
  if (quoted) {
    return stream('quote', quoteAnswer(quoted.quote, quoted.rest, attachments), NORMAL, [
      'Tell me more',
      'help',
    ]);
  }
  return stream('echo', echoAnswer(question, attachments), NORMAL, [
    'Tell me more',
    'Show me some markdown',
    'help',
  ]);
}

/**
 * Chooses the bot's script for a turn. After a `choose` question the user's message is the
 * reply, whatever it says; otherwise as `chooseScript`.
 * @param {string} question
 * @param {import('./api/object-string.js').Attachment[]} attachments
 * @param {import('./store.js').Waiting | null} waiting
 * @param {readonly Trigger[]} [triggers]
 * @returns {Script}
 */
export function chooseBotScript(question, attachments, waiting, triggers = TRIGGERS) {
  if (waiting?.node === COLOUR_NODE) {
    return {
      ...stream('chosen', colourChosen(question), NORMAL, ['choose', 'help']),
      resumes: true,
    };
  }
  return chooseScript(question, attachments, triggers);
}
