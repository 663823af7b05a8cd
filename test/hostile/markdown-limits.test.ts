/// <reference types="mocha" />
import {expect} from '@open-wc/testing';
import {
  MAX_DELIMITER_RUNS,
  MAX_NESTING,
  MAX_TAIL,
  MarkdownLimits,
} from '../../src/markdown/limits.js';
import {renderMarkdown} from '../../src/markdown/render.js';
import {StreamingMarkdown} from '../../src/markdown/streaming.js';
import {HOSTILE_SHAPES, ORDINARY_ANSWERS} from './shapes.js';
import {RICH_DOCUMENT, TRICKY_DOCUMENTS, container, fixedCuts} from '../markdown/helpers.js';

const check = (text: string) => new MarkdownLimits().check(text);
const repeat = (piece: string, count: number) => piece.repeat(count);

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

  it('a 1 MB line grows by appending to one text node, not by rebuilding', () => {
    const text = HOSTILE_SHAPES.line!();
    const el = container();
    const md = new StreamingMarkdown(el);
    md.update(text.slice(0, MAX_TAIL * 2));
    const node = el.querySelector('p')!.firstChild;
    md.update(text.slice(0, MAX_TAIL * 3));
    md.finish(text);
    expect(el.querySelector('p')!.firstChild).to.equal(node);
    expect(el.textContent === text, 'the whole line is shown').to.equal(true);
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
