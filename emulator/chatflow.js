// @ts-check
/**
 * The scripted chatflow behind `/v1/workflows/chat`: the bot's triggers, with a chatflow's failure
 * shape for `fail chat`, plus a question node (`size`) that pauses the flow until the next turn.
 */
import {SIZE_QUESTION, sizeAskedAgain, sizeNoted} from './answers.js';
import {NORMAL, TRIGGERS, chooseBotScript, stream} from './bot.js';

/** @typedef {import('./bot.js').Script} Script */
/** @typedef {import('./bot.js').StreamScript} StreamScript */
/** @typedef {import('./bot.js').Trigger} Trigger */
/** @typedef {import('./store.js').Waiting} Waiting */

/** The name of the question node the `size` flow waits on. */
export const SIZE_NODE = 'size';

/** The code and message of a failed chatflow run (a string code, as Coze sends it). */
const FAILED_RUN = {code: '720702204', msg: 'conversation name does not exist'};

/** Sizes a reply may name, and how the answer writes them. */
const SIZES = new Map([
  ['xs', 'XS'],
  ['s', 'S'],
  ['small', 'S'],
  ['m', 'M'],
  ['medium', 'M'],
  ['l', 'L'],
  ['large', 'L'],
  ['xl', 'XL'],
  ['xxl', 'XXL'],
]);

/** A size word standing alone (so the "s" of "it's" or the "m" of "I'm" do not count). */
const SIZE_WORD = /(?<![\w'’])(xxl|xl|xs|small|medium|large|s|m|l)(?![\w'’])/i;

/** @type {Trigger} */
const FAIL_CHAT = {
  phrase: 'fail chat',
  pattern: /\bfail\s+chat\b/i,
  about:
    'only `conversation.chat.failed` with a bare `{code:"720702204",msg}` (a string code), as a failed chatflow run sends.',
  script: () => ({
    type: 'stream',
    name: 'fail chat',
    followUps: [],
    preamble: false,
    steps: [{kind: 'chat-failed-bare', ...FAILED_RUN}],
  }),
};

/** @type {Trigger} */
const SIZE = {
  phrase: 'size',
  pattern: /\bsizes?\b/i,
  about: `a question node: asks "${SIZE_QUESTION}" and pauses (verbose \`interrupt\`, \`done\`, no \`chat.completed\`); your next message answers it.`,
  script: () => askSize(SIZE_QUESTION),
};

/**
 * The chatflow's triggers: the bot's, with `fail chat` in its chatflow shape, no local plugin, and
 * `size` added last.
 * @type {readonly Trigger[]}
 */
export const CHATFLOW_TRIGGERS = [
  ...TRIGGERS.flatMap((trigger) => {
    if (trigger.phrase === FAIL_CHAT.phrase) return [FAIL_CHAT];
    // Chatflows have no submit_tool_outputs, so no local plugins.
    if (trigger.phrase === 'local weather') return [];
    return [trigger];
  }),
  SIZE,
];

/**
 * The question node's turn: the question as an answer, then the interrupt.
 * @param {string} question
 * @returns {StreamScript}
 */
function askSize(question) {
  return {
    type: 'stream',
    name: 'size',
    followUps: [],
    steps: [
      {kind: 'answer', text: question, pacing: NORMAL},
      {kind: 'interrupt', node: SIZE_NODE},
    ],
  };
}

/**
 * The size a reply names, written as the answer writes it, or undefined.
 * @param {string} reply
 */
export function readSize(reply) {
  const match = SIZE_WORD.exec(reply);
  return match ? SIZES.get(match[1].toLowerCase()) : undefined;
}

/**
 * Chooses the chatflow's script for a turn. While a question node waits, the user's message is its
 * reply whatever it says (triggers do not apply): a named size completes the flow, anything else
 * asks again.
 * @param {string} question the text of the last user message
 * @param {import('./api/object-string.js').Attachment[]} attachments files/images sent with it
 * @param {Waiting | null} waiting the question node the conversation waits on, if any
 * @returns {Script}
 */
export function chooseChatflowScript(question, attachments, waiting) {
  if (waiting?.node === SIZE_NODE) {
    const size = readSize(question);
    if (!size) return {...askSize(sizeAskedAgain(question)), resumes: true};
    return {
      ...stream('size noted', sizeNoted(size), NORMAL, ['I want a jacket, what size?', 'help']),
      resumes: true,
    };
  }
  return chooseBotScript(question, attachments, waiting, CHATFLOW_TRIGGERS);
}
