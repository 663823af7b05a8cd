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
