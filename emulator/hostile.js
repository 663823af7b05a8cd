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
