import {expect, waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {deep, lastRow, messages, mountChat, settled, uniqueToken} from './helpers.js';

/** Whether the page has fetched the formula typesetter (KaTeX) yet. */
const typesetterLoaded = () =>
  performance
    .getEntriesByType('resource')
    .some((entry) => /math-typesetter|katex/.test(entry.name));

const bubble = (chat: CozeChat) => lastRow(chat).querySelector<HTMLElement>('[part~="bubble"]')!;

async function ask(chat: CozeChat, text: string): Promise<void> {
  const before = messages(chat).length;
  await chat.send(text);
  await waitUntil(() => messages(chat).length >= before + 2, 'no answer');
  await settled(chat);
}

describe('formulas in answers', () => {
  let chat: CozeChat;
  beforeEach(async () => {
    chat = await mountChat(uniqueToken('formulas'), {mode: 'inline'});
    await waitUntil(() => deep(chat, 'coze-message-list'), 'no transcript');
  });

  it('does not load the typesetter for an answer without math', async () => {
    await ask(chat, 'markdown');
    expect(bubble(chat).textContent).to.contain('Markdown showcase');
    expect(typesetterLoaded()).to.equal(false);
  });

  it('typesets inline, display and chemistry formulas, with MathML for screen readers', async () => {
    await ask(chat, 'math');
    const answer = bubble(chat);
    const seen = () =>
      [...answer.querySelectorAll('.math-inline, .math-display')]
        .map((f) => `${f.className} ${f.querySelector('annotation')?.textContent ?? f.textContent}`)
        .join(' | ');
    await waitUntil(
      () => answer.querySelectorAll('.math-typeset').length === 7,
      'the formulas were not typeset'
    ).catch(() => {
      throw new Error(`not typeset: ${seen()}`);
    });
    expect(typesetterLoaded()).to.equal(true);
    expect(answer.querySelectorAll('.math-display.math-typeset')).to.have.length(2);
    // Every formula carries MathML (with its TeX source) and hides the visual copy from readers.
    for (const formula of answer.querySelectorAll('.math-typeset')) {
      expect(formula.querySelector('math annotation[encoding="application/x-tex"]')).to.exist;
      expect(formula.querySelector('.katex-html')!.getAttribute('aria-hidden')).to.equal('true');
    }
    // mhchem: the reaction arrow and the subscripts come out as MathML, not as "\ce".
    const water = [...answer.querySelectorAll('.math-typeset')].find((f) =>
      f.querySelector('annotation')!.textContent!.includes('2H2O')
    )!;
    expect(water.querySelector('math')!.textContent).to.contain('→');
    expect(water.querySelector('.katex-html')!.textContent).not.to.contain('\\ce');
    // Dollars in code and prices stay as written.
    expect(answer.querySelector('code')!.textContent).to.equal('echo $HOME');
    expect(answer.querySelector('pre code')!.textContent).to.contain('price=$5');
    expect(answer.textContent).to.contain('A coffee costs $3 and a cake $4');
    // KaTeX's styles reached the transcript's shadow root: a display formula is centred.
    const display = answer.querySelector('.katex-display')!;
    expect(getComputedStyle(display).textAlign).to.equal('center');
    await expect(chat).to.be.accessible();
  });
});
