/// <reference types="mocha" />
import {expect} from '@open-wc/testing';
import {
  MAX_DELIMITER_RUNS,
  MAX_NESTING,
  MAX_TAIL,
  MarkdownLimits,
} from '../../src/markdown/limits.js';
import {PLAIN_RUN} from '../../src/markdown/plain.js';
import {renderMarkdown} from '../../src/markdown/render.js';
import {StreamingMarkdown} from '../../src/markdown/streaming.js';
import {HOSTILE_SHAPES, ORDINARY_ANSWERS} from './shapes.js';
import {RICH_DOCUMENT, TRICKY_DOCUMENTS, container, fixedCuts} from '../markdown/helpers.js';

const check = (text: string) => new MarkdownLimits().check(text);
const repeat = (piece: string, count: number) => piece.repeat(count);

const textNodes = (root: Node): Text[] => {
  const found: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) found.push(walker.currentNode as Text);
  return found;
};

/** Streams `text` in `pieces` updates, then finishes it. */
function streamAll(md: StreamingMarkdown, text: string, pieces = 20): void {
  for (const end of fixedCuts(text.length, Math.ceil(text.length / pieces))) {
    md.update(text.slice(0, end));
  }
  md.finish(text);
}

describe('markdown limits', () => {
  it('let every ordinary answer through as markdown', () => {
    const documents = {RICH_DOCUMENT, ...ORDINARY_ANSWERS, ...TRICKY_DOCUMENTS};
    for (const [name, text] of Object.entries(documents)) {
      expect(check(text), name).to.equal(undefined);
    }
  });

  it('allow nesting up to the limit and no further, for each kind of marker', () => {
    for (const marker of ['>', '> ', '- ', '* ', '+ ', '1. ', '2) ', '> - ']) {
      const per = marker === '> - ' ? 2 : 1;
      const levels = (n: number) => `${repeat(marker, Math.ceil(n / per))}text`;
      expect(check(levels(MAX_NESTING)), marker).to.equal(undefined);
      expect(check(levels(MAX_NESTING + 2)), marker).to.equal('nesting');
    }
    const indented = (n: number) => `${' '.repeat(4 * n)}- item`;
    expect(check(indented(MAX_NESTING - 1))).to.equal(undefined);
    expect(check(`- a\n${indented(MAX_NESTING + 1)}`)).to.equal('nesting');
  });

  it('do not count what only looks like nesting: thematic breaks, blank lines, code', () => {
    expect(check(`text\n\n${repeat('- ', 40)}\n\n${repeat('* ', 40)}\n`)).to.equal(undefined);
    expect(check(`a\n${' '.repeat(500)}\n\nb`)).to.equal(undefined);
    const code = `\`\`\`py\n${repeat(`${' '.repeat(120)}x.__init__(**kw)\n`, 400)}\`\`\`\n`;
    expect(check(code)).to.equal(undefined);
    expect(check(`${code}\n${repeat('>', 40)} quote`)).to.equal('nesting');
  });

  it('count emphasis delimiters per paragraph, list item and table row', () => {
    expect(check(repeat('*a ', MAX_DELIMITER_RUNS))).to.equal(undefined);
    expect(check(repeat('*a ', MAX_DELIMITER_RUNS + 1))).to.equal('emphasis');
    expect(check(repeat('_a_\n', MAX_DELIMITER_RUNS))).to.equal('emphasis');
    expect(check(repeat('- **Item**: text\n', 1000))).to.equal(undefined);
    const table = `| a | b |\n| --- | :-: |\n${repeat('| **x** | _y_ |\n', 1000)}`;
    expect(check(table)).to.equal(undefined);
    expect(check(repeat('**bold** and _it_\n\n', 1000))).to.equal(undefined);
  });

  it('give the same verdict however the text arrives', () => {
    const texts = [
      RICH_DOCUMENT,
      `${RICH_DOCUMENT}\n\n${repeat('>', 30)} x`,
      `${ORDINARY_ANSWERS.nested}\n\n${repeat('__a_ ', 400)}`,
      `\`\`\`\n${repeat('> ', 50)}\n\`\`\`\n${repeat('- ', 30)}x`,
    ];
    for (const text of texts) {
      for (const size of [1, 7, 64]) {
        const limits = new MarkdownLimits();
        let verdict;
        for (const end of [...fixedCuts(text.length, size), text.length]) {
          verdict = limits.check(text.slice(0, end));
        }
        expect(verdict, `${text.slice(0, 20)}… by ${size}`).to.equal(check(text));
      }
    }
  });

  it('bound a block and the streamed tail', () => {
    expect(check(HOSTILE_SHAPES.line!())).to.equal('length');
    const el = container();
    const md = new StreamingMarkdown(el);
    const table = `| a | b |\n| - | - |\n${repeat('| cell | cell |\n', MAX_TAIL / 10)}`;
    md.update(table.slice(0, 1000));
    expect(el.querySelector('table')).to.not.equal(null);
    md.update(table);
    expect(el.querySelector('table')).to.equal(null);
    expect(el.textContent).to.contain('| cell | cell |');
  });
});

describe('hostile markdown', () => {
  for (const [name, make] of Object.entries(HOSTILE_SHAPES)) {
    it(`${name}: streams and finishes as readable plain text`, () => {
      const text = make();
      const el = container();
      streamAll(new StreamingMarkdown(el), text);
      expect(el.querySelector('blockquote, ul, ol, em, strong')).to.equal(null);
      const ending = text.slice(-12);
      expect(el.textContent!.includes(ending), 'the ending is shown').to.equal(true);
      expect(el.textContent!.length).to.be.at.least(text.length * 0.9);
      const whole = document.createElement('div');
      whole.append(renderMarkdown(text));
      expect(whole.textContent!.includes(ending), 'renderMarkdown shows it').to.equal(true);
    });
  }

  it('emphasis nested 5,000 deep is plain text too', () => {
    const text = `${repeat('*a ', 5000)}b${repeat(' c*', 5000)}`;
    const el = container();
    streamAll(new StreamingMarkdown(el), text);
    expect(el.querySelector('em, strong')).to.equal(null);
    expect(el.textContent).to.contain('*a *a');
  });

  it('a 1 MB line grows in bounded runs: only the last one is appended to', () => {
    const text = HOSTILE_SHAPES.line!();
    const el = container();
    const md = new StreamingMarkdown(el);
    md.update(text.slice(0, MAX_TAIL * 2));
    const first = el.querySelector('p')!.firstChild;
    const runs = el.querySelectorAll('.plain-run').length;
    md.update(text.slice(0, MAX_TAIL * 3));
    md.finish(text);
    // What was shown stays where it is; the line went on in new runs.
    expect(el.querySelector('p')!.firstChild).to.equal(first);
    expect(el.querySelectorAll('.plain-run').length).to.be.above(runs);
    const texts = [...el.querySelectorAll('p')].flatMap((p) => textNodes(p));
    expect(Math.max(...texts.map((t) => t.length))).to.be.at.most(PLAIN_RUN + 256);
    expect(el.textContent === text, 'the whole line is shown').to.equal(true);
  });

  it('a long line is cut at spaces, and the line after it starts below it', () => {
    const words = repeat('word ', PLAIN_RUN / 2).trim();
    const el = container();
    new StreamingMarkdown(el).finish(
      `${repeat('>', 40)} start\n${words}\nnext line\n\nnext paragraph`
    );
    const [first, second] = [...el.querySelectorAll('p')];
    const runs = [...first!.querySelectorAll<HTMLElement>('.plain-run')];
    expect(runs.length).to.be.at.least(1);
    expect(runs.every((run) => getComputedStyle(run).display === 'block')).to.equal(true);
    // Each run but the last starts with a whole word.
    for (const run of runs) expect(run.textContent).to.match(/^word/);
    expect(first!.lastChild!.textContent).to.equal('next line');
    expect(first!.lastChild!.previousSibling).to.equal(runs.at(-1));
    expect(first!.textContent).to.equal(`${repeat('>', 40)} start${words}next line`);
    expect(second!.textContent).to.equal('next paragraph');
  });

  it('a plain answer that arrives at once is shown over a few updates, each bounded', () => {
    const text = HOSTILE_SHAPES.line!();
    const el = container();
    const md = new StreamingMarkdown(el, {maxCharsPerUpdate: 4096});
    let calls = 1;
    while (!md.finish(text)) calls++;
    expect(el.textContent === text, 'the whole line is shown').to.equal(true);
    // 16 times the markdown budget per update once plain: about 16 updates for 1 MB, not 256.
    expect(calls).to.be.within(2, 40);
  });

  it('a render that throws leaves the answer as plain text, and the next answer renders', () => {
    const el = container();
    let fail = true;
    const md = new StreamingMarkdown(el, {
      decorate: () => {
        if (fail) throw new Error('decorator failed');
      },
    });
    expect(() => streamAll(md, '# Title\n\nSome **bold** text')).to.not.throw();
    expect(el.textContent).to.contain('Some **bold** text');
    fail = false;
    const next = container();
    streamAll(new StreamingMarkdown(next, {decorate: () => {}}), '# Title\n\nSome **bold**');
    expect(next.querySelector('h1, strong')).to.not.equal(null);
  });

  it('plain text keeps line breaks and paragraphs, and markup stays text', () => {
    const text = `${repeat('>', 40)} one\nline <img src=x onerror=alert(1)>\n\n\nnext & last`;
    const el = container();
    new StreamingMarkdown(el).finish(text);
    const paragraphs = [...el.querySelectorAll('p')];
    expect(paragraphs).to.have.length(2);
    expect(paragraphs[0]!.querySelectorAll('br')).to.have.length(1);
    expect(el.querySelector('img')).to.equal(null);
    expect(paragraphs[1]!.textContent).to.equal('next & last');
  });
});
