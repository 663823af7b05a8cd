/// <reference types="mocha" />
import {expect} from '@open-wc/testing';
import {StreamingMarkdown} from '../../src/markdown/streaming.js';
import {
  RICH_DOCUMENT,
  container,
  TRICKY_DOCUMENTS,
  fixedCuts,
  fullHTML,
  randomCuts,
  seededRandom,
} from './helpers.js';

/** Streams `text` cut at `cuts`; returns how many updates matched a full render. */
function stream(md: StreamingMarkdown, el: HTMLElement, text: string, cuts: number[]) {
  let matching = 0;
  for (const end of cuts) {
    md.update(text.slice(0, end));
    if (el.innerHTML === fullHTML(text.slice(0, end))) matching++;
  }
  return matching;
}

describe('StreamingMarkdown', () => {
  describe('ends where a whole-document render does', () => {
    it('with 7-character deltas', async () => {
      const el = container();
      const md = new StreamingMarkdown(el);
      stream(md, el, RICH_DOCUMENT, fixedCuts(RICH_DOCUMENT.length, 7));
      md.finish(RICH_DOCUMENT);
      expect(el.innerHTML).to.equal(fullHTML(RICH_DOCUMENT));
    });

    for (const seed of [1, 42, 2024]) {
      it(`with random deltas (seed ${seed})`, async () => {
        const el = container();
        const md = new StreamingMarkdown(el);
        const cuts = randomCuts(RICH_DOCUMENT.length, 40, seededRandom(seed));
        stream(md, el, RICH_DOCUMENT, cuts);
        md.finish(RICH_DOCUMENT);
        expect(el.innerHTML).to.equal(fullHTML(RICH_DOCUMENT));
      });
    }

    it('with CRLF line endings', async () => {
      const crlf = RICH_DOCUMENT.replace(/\n/g, '\r\n');
      const el = container();
      const md = new StreamingMarkdown(el);
      const matching = stream(md, el, crlf, randomCuts(crlf.length, 12, seededRandom(7)));
      md.finish(crlf);
      expect(el.innerHTML).to.equal(fullHTML(RICH_DOCUMENT));
      expect(matching).to.be.greaterThan(0);
    });

    it('even before finish(), once the last block has ended', async () => {
      // RICH_DOCUMENT has a forward reference, which only finish() can settle,
      // so this uses a document without one.
      const text = RICH_DOCUMENT.replace('[docs]: https://example.com/reference "Reference"\n', '');
      const el = container();
      const md = new StreamingMarkdown(el);
      stream(md, el, text, fixedCuts(text.length, 5));
      expect(el.innerHTML).to.equal(fullHTML(text));
    });
  });

  it('matches a whole-document render at most moments while streaming', async () => {
    const el = container();
    const md = new StreamingMarkdown(el);
    const cuts = randomCuts(RICH_DOCUMENT.length, 20, seededRandom(99));
    const matching = stream(md, el, RICH_DOCUMENT, cuts);
    // Only the stretch after the late link definition may differ.
    expect(matching / cuts.length).to.be.greaterThan(0.9);
  });

  describe('matches a whole-document render after every update, in deltas of 1, 2, 3 and 5, of', () => {
    for (const [name, text] of Object.entries(TRICKY_DOCUMENTS)) {
      it(name, () => {
        for (const size of [1, 2, 3, 5]) {
          const el = container();
          const md = new StreamingMarkdown(el);
          for (const end of fixedCuts(text.length, size)) {
            const prefix = text.slice(0, end);
            md.update(prefix);
            expect(el.innerHTML, `after ${JSON.stringify(prefix)}`).to.equal(fullHTML(prefix));
          }
        }
      });
    }
  });

  describe('keeps finished blocks', () => {
    it('keeps a selection inside an earlier paragraph while the answer streams on', async () => {
      const el = container();
      const md = new StreamingMarkdown(el);
      // Stream until the first paragraph is finished: the next block's first
      // line is complete.
      const nextLine = 'Setext heading\n';
      const finishedAt = RICH_DOCUMENT.indexOf(nextLine) + nextLine.length;
      const cuts = fixedCuts(RICH_DOCUMENT.length, 9);
      let i = 0;
      do md.update(RICH_DOCUMENT.slice(0, cuts[i++]));
      while (cuts[i - 1]! < finishedAt);

      const paragraph = el.querySelector('p')!;
      const text = paragraph.firstChild as Text;
      expect(text.data).to.equal('Coze can reply with ');
      const range = document.createRange();
      range.setStart(text, 5);
      range.setEnd(text, 14);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      expect(selection.toString()).to.equal('can reply');

      for (const end = i + 50; i < end; i++) md.update(RICH_DOCUMENT.slice(0, cuts[i]));

      expect(el.querySelector('blockquote'), 'streamed well past the paragraph').to.exist;
      expect(text.isConnected).to.be.true;
      expect(el.querySelector('p')).to.equal(paragraph);
      expect(paragraph.firstChild).to.equal(text);
      expect(selection.rangeCount).to.equal(1);
      expect(selection.anchorNode).to.equal(text);
      expect(selection.toString()).to.equal('can reply');

      // finish() keeps every node that already matches the final render
      while (i < cuts.length) md.update(RICH_DOCUMENT.slice(0, cuts[i++]));
      md.finish(RICH_DOCUMENT);
      expect(text.isConnected).to.be.true;
      expect(selection.toString()).to.equal('can reply');
      selection.removeAllRanges();
    });

    it('never re-creates a finished block', async () => {
      const el = container();
      const md = new StreamingMarkdown(el);
      // The paragraph is finished once the next block's first line is complete.
      let text = '# Title\n\nFirst paragraph.\n\nSecond paragraph\n';
      md.update(text);
      const [heading, first] = [el.querySelector('h1')!, el.querySelector('p')!];
      const mutated = new Set<Node>();
      const observer = new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.removedNodes) mutated.add(node);
          if (record.target !== el) mutated.add(record.target);
        }
      });
      observer.observe(el, {childList: true, subtree: true, characterData: true});
      for (const more of ['goes on', '.\n\n- a', '\n- b', '\n\nend', '\n\n```\ncode']) {
        text += more;
        md.update(text);
      }
      observer.disconnect();
      expect(mutated.has(heading)).to.be.false;
      expect(mutated.has(first)).to.be.false;
      expect(heading.isConnected && first.isConnected).to.be.true;
    });
  });

  describe('the open tail', () => {
    it('grows in place: a selection in the paragraph being written survives', () => {
      const el = container();
      const md = new StreamingMarkdown(el);
      md.update('Done.\n\nHello wor');
      const text = el.querySelectorAll('p')[1]!.firstChild as Text;
      const selection = getSelection()!;
      selection.removeAllRanges();
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 5);
      selection.addRange(range);
      md.update('Done.\n\nHello world, and');
      md.update('Done.\n\nHello world, and **more**');
      expect(el.querySelectorAll('p')[1]!.firstChild).to.equal(text);
      expect(text.data).to.equal('Hello world, and ');
      expect(selection.toString()).to.equal('Hello');
      selection.removeAllRanges();
    });

    it('only changes what differs', () => {
      const el = container();
      const md = new StreamingMarkdown(el);
      md.update('- one\n- two');
      const first = el.querySelector('li')!;
      md.update('- one\n- two\n- thr');
      expect(el.querySelector('li')).to.equal(first);
      expect(el.querySelectorAll('li').length).to.equal(3);
    });
  });

  describe('finish()', () => {
    it('keeps the DOM when the streamed result is already final', async () => {
      const el = container();
      const md = new StreamingMarkdown(el);
      const text = 'Hello **world**\n\n- one\n- two\n';
      md.update(text);
      const nodes = [...el.childNodes];
      md.finish(text);
      expect(el.childNodes.length).to.equal(nodes.length);
      nodes.forEach((node, i) => expect(el.childNodes[i] === node, `node ${i}`).to.be.true);
    });

    it('replaces only the blocks that differ from the final render', async () => {
      const el = container();
      const md = new StreamingMarkdown(el);
      const text = 'Intro.\n\nSee [the docs][d].\n\nOutro.\n\n[d]: https://example.com/d\n';
      md.update(text.slice(0, text.indexOf('[d]:')));
      md.update(text);
      const [intro, reference, outro] = [...el.querySelectorAll('p')];
      expect(reference!.querySelector('a')).to.equal(null);
      md.finish(text);
      expect(el.innerHTML).to.equal(fullHTML(text));
      const [intro2, reference2, outro2] = [...el.querySelectorAll('p')];
      expect(intro2).to.equal(intro);
      expect(outro2).to.equal(outro);
      expect(reference2).not.to.equal(reference);
      expect(reference2!.querySelector('a')!.getAttribute('href')).to.equal(
        'https://example.com/d'
      );
    });

    it('settles raw HTML that spans blocks', async () => {
      const el = container();
      const md = new StreamingMarkdown(el);
      const text = '<details>\n\ninside\n\n</details>\n\nafter\n';
      for (const end of fixedCuts(text.length, 3)) md.update(text.slice(0, end));
      md.finish(text);
      expect(el.innerHTML).to.equal(fullHTML(text));
      expect(el.querySelector('details > p')!.textContent).to.equal('inside');
    });
  });

  it('re-renders everything when the text is not an extension of the last one', async () => {
    const el = container();
    const md = new StreamingMarkdown(el);
    md.update('First answer.\n\nWith two paragraphs.\n\nAnd');
    md.update('A different answer\n\n- with a list');
    expect(el.innerHTML).to.equal(fullHTML('A different answer\n\n- with a list'));
    md.finish('A different answer\n\n- with a list\n');
    const list = el.querySelector('ul');
    md.update('A different answer\n\n- with a list\n');
    expect(el.querySelector('ul'), 'same text after finish() is a no-op').to.equal(list);
    md.update('After finish, a new text');
    expect(el.innerHTML).to.equal(fullHTML('After finish, a new text'));
  });

  it('reset() empties the container and starts over', async () => {
    const el = container();
    const md = new StreamingMarkdown(el);
    md.update('Some text\n\nmore');
    md.reset();
    expect(el.childNodes.length).to.equal(0);
    md.update('# New');
    expect(el.innerHTML).to.equal(fullHTML('# New'));
  });

  it('replaces stale content the container already had', async () => {
    const el = container();
    el.innerHTML = '<p>stale</p>';
    const md = new StreamingMarkdown(el);
    md.update('fresh');
    expect(el.innerHTML).to.equal(fullHTML('fresh'));
  });

  describe('with a budget per update (maxCharsPerUpdate)', () => {
    it('renders a burst that arrived at once in bounded parts, then the final render', async () => {
      const el = container();
      const md = new StreamingMarkdown(el, {maxCharsPerUpdate: 120});
      const shown: number[] = [];
      let calls = 0;
      while (!md.finish(RICH_DOCUMENT)) {
        calls++;
        shown.push(el.textContent!.length);
        expect(calls, 'finish() gets there').to.be.below(100);
      }
      expect(calls).to.be.greaterThan(RICH_DOCUMENT.length / 120 - 1);
      // Each part shows more than the one before, never the whole text at once.
      for (let i = 1; i < shown.length; i++) expect(shown[i]).to.be.at.least(shown[i - 1]!);
      const whole = container();
      whole.innerHTML = fullHTML(RICH_DOCUMENT);
      expect(shown[0]).to.be.below(whole.textContent!.length / 2);
      expect(el.innerHTML).to.equal(fullHTML(RICH_DOCUMENT));
      expect(md.finish(RICH_DOCUMENT), 'nothing left to do').to.equal(true);
    });

    it('update() says whether the text is all on screen, and goes on from where it stopped', async () => {
      const text = TRICKY_DOCUMENTS['bullet list with an indented continuation']!;
      const long = `${text}\n\n${'A line of text that goes on.\n'.repeat(40)}`;
      const el = container();
      const md = new StreamingMarkdown(el, {maxCharsPerUpdate: 64});
      expect(md.update(long.slice(0, 40))).to.equal(true);
      let rounds = 0;
      while (!md.update(long)) rounds++;
      expect(rounds).to.be.greaterThan(long.length / 64 - 2);
      expect(el.innerHTML).to.equal(fullHTML(long));
      // A different text starts over, still within the budget.
      expect(md.update(`Another answer\n\n${long}`)).to.equal(false);
      expect(el.textContent).to.contain('Another answer');
    });

    it('keeps a finished block in place while later parts render', async () => {
      const el = container();
      const md = new StreamingMarkdown(el, {maxCharsPerUpdate: 40});
      const text = `# Title\n\n${'Some words in a paragraph.\n\n'.repeat(8)}`;
      md.update(text);
      const heading = el.querySelector('h1');
      while (!md.update(text));
      expect(el.querySelector('h1')).to.equal(heading);
      expect(md.finish(text)).to.equal(true);
      expect(el.querySelector('h1')).to.equal(heading);
      expect(el.innerHTML).to.equal(fullHTML(text));
    });
  });
});
