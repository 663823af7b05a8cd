/// <reference types="mocha" />
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {list, messages, mountChat, uniqueToken} from './helpers.js';

/** Every style rule's selector in a shadow root's sheets, also inside `@media` and the like. */
function selectorsOf(root: ShadowRoot): string[] {
  const found: string[] = [];
  const walk = (rules: CSSRuleList) => {
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSStyleRule) found.push(rule.selectorText);
      if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules);
    }
  };
  for (const sheet of [...root.adoptedStyleSheets, ...Array.from(root.styleSheets)]) {
    walk(sheet.cssRules);
  }
  return found;
}

/** A selector list cut into complex selectors, each into compounds with the combinator before each. */
function compoundsOf(selectorList: string): Array<Array<{combinator: string; compound: string}>> {
  const complexes: Array<Array<{combinator: string; compound: string}>> = [];
  let parts: Array<{combinator: string; compound: string}> = [];
  let compound = '';
  let combinator = '';
  let depth = 0;
  let quote = '';
  const end = () => {
    if (compound) parts.push({combinator, compound});
    compound = '';
    combinator = '';
  };
  for (const c of selectorList) {
    if (quote) {
      compound += c;
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
      compound += c;
    } else if (c === '(' || c === '[') {
      depth++;
      compound += c;
    } else if (c === ')' || c === ']') {
      depth--;
      compound += c;
    } else if (depth > 0) {
      compound += c;
    } else if (c === ',') {
      end();
      complexes.push(parts);
      parts = [];
    } else if (c === '>' || c === '+' || c === '~') {
      end();
      combinator = c;
    } else if (/\s/.test(c)) {
      if (compound) {
        end();
        combinator = ' ';
      }
    } else {
      compound += c;
    }
  }
  end();
  complexes.push(parts);
  return complexes;
}

const matches = (element: Element, compound: string) => {
  try {
    return element.matches(compound);
  } catch {
    return false; // a pseudo-element (::marker) matches no element
  }
};

/**
 * Selectors whose matching depends on a row's siblings: a sibling combinator (+, ~) with a row
 * on either side, or an nth-child-like pseudo-class matching a row. With one, inserting a row
 * restyles every row laid out, and a turn costs more the longer the transcript is.
 */
function siblingDependent(root: ShadowRoot, rows: Element[]): string[] {
  const found: string[] = [];
  for (const selector of selectorsOf(root)) {
    for (const parts of compoundsOf(selector)) {
      const risky = parts.filter(
        ({combinator, compound}, i) =>
          combinator === '+' ||
          combinator === '~' ||
          ['+', '~'].includes(parts[i + 1]?.combinator ?? '') ||
          /:nth-|:only-child|:last-of-type|:first-of-type|:only-of-type/.test(compound)
      );
      if (risky.some(({compound}) => rows.some((row) => matches(row, compound)))) {
        found.push(selector);
      }
    }
  }
  return found;
}

const px = (element: Element, property: string) =>
  parseFloat(getComputedStyle(element).getPropertyValue(property));
const box = (element: Element) => element.getBoundingClientRect();

/** Rows still rising into place (the newest row's animation) move; wait until none does. */
async function settled(chat: CozeChat) {
  await list(chat).updateComplete;
  await Promise.all(messages(chat).flatMap((row) => row.getAnimations().map((a) => a.finished)));
}

/** The transcript's rows in order, across its chunks. */
const rowsOf = (root: ShadowRoot) => [...root.querySelectorAll('.transcript [role="listitem"]')];

async function chatWith(label: string, questions: string[]): Promise<CozeChat> {
  const chat = await mountChat(uniqueToken(label), {mode: 'inline'});
  chat.style.cssText = 'display:block;height:640px';
  for (const question of questions) await chat.send(question);
  await waitUntil(() => chat.shadowRoot && list(chat)?.shadowRoot, 'the transcript is there');
  await settled(chat);
  return chat;
}

describe('<coze-message-list> per-turn cost', () => {
  it('styles no row by its siblings, so a new row restyles only itself', async () => {
    // A plugin call and its answer (one sender twice: a continued row), and lists in markdown.
    const chat = await chatWith('turn-cost-selectors', ['tool', 'markdown', 'hello']);
    const root = list(chat).shadowRoot!;
    const rows = [...root.querySelectorAll('.transcript > *, .chunk > *')];
    expect(rows.length).to.be.greaterThan(5);
    expect(root.querySelector('.continued'), 'a continued row').to.exist;
    expect(selectorsOf(root).length, 'the stylesheets were read').to.be.greaterThan(100);
    expect(siblingDependent(root, rows)).to.deep.equal([]);
  });

  it('keeps the spacing of rows, of a group and of list items, and moves no row when one is added', async () => {
    const chat = await chatWith('turn-cost-spacing', ['tool', 'markdown']);
    const root = list(chat).shadowRoot!;
    const transcript = root.querySelector('.transcript')!;
    const space = px(root.querySelector('.scroller')!, 'row-gap');
    expect(space).to.be.greaterThan(4);
    const rows = rowsOf(root);
    expect(box(rows[0]).top, 'the first row at the top').to.be.closeTo(box(transcript).top, 0.1);
    let continued = 0;
    for (let i = 1; i < rows.length; i++) {
      const gap = box(rows[i]).top - box(rows[i - 1]).bottom;
      if (rows[i].classList.contains('continued')) {
        continued++;
        // One sender's messages: closer together, and the hidden name leaves no gap above the text.
        expect(gap, `gap above row ${i}`).to.be.closeTo(0.35 * px(rows[i], 'font-size'), 0.1);
        const first = rows[i].querySelector('.body > :not([part~="nickname"])')!;
        expect(box(first).top - box(rows[i]).top, 'text of a continued row').to.be.closeTo(
          -0.25 * px(first, 'font-size'),
          0.1
        );
      } else {
        expect(gap, `gap above row ${i}`).to.be.closeTo(space, 0.1);
      }
    }
    expect(continued, 'a continued row').to.equal(1);

    const items = [...root.querySelectorAll('.md ul')].find((ul) => ul.children.length > 1)!;
    const [firstItem, secondItem] = [...items.children];
    expect(box(firstItem).top, 'the first item at the top of its list').to.be.closeTo(
      box(items).top,
      0.1
    );
    expect(box(secondItem).top - box(firstItem).bottom, 'between list items').to.be.closeTo(
      0.2 * px(secondItem, 'font-size'),
      0.1
    );

    const before = rows.map((row) => box(row).top - box(transcript).top);
    await chat.send('hello');
    await settled(chat);
    const after = rowsOf(root).map((row) => box(row).top - box(transcript).top);
    expect(after.length).to.equal(before.length + 2);
    // Within half a pixel: engines place rows on fractions of a pixel; a moved row moves by more.
    before.forEach((top, i) => expect(after[i], `row ${i}`).to.be.closeTo(top, 0.5));
    const [question, answer] = rowsOf(root).slice(-2);
    expect(box(question).top - box(rows.at(-1)!).bottom).to.be.closeTo(space, 0.1);
    expect(box(answer).top - box(question).bottom).to.be.closeTo(space, 0.1);
  });

  it("spaces rows the same across chunks, a group's second message at a chunk's start too", async () => {
    // Nine questions and answers are rows 0-17; the plugin call's question, call and answer
    // are 18, 19 and 20: the answer, continuing the call, starts a chunk.
    const chat = await chatWith('turn-cost-chunks', [...Array(9).fill('hello'), 'tool', 'hello']);
    const root = list(chat).shadowRoot!;
    const chunks = [...root.querySelectorAll('.chunk')];
    expect(chunks.length, 'rows in chunks').to.be.greaterThan(1);
    const opening = chunks.find((c) => c.firstElementChild!.classList.contains('continued'));
    expect(opening, 'a chunk opens with a continued row').to.exist;
    const space = px(root.querySelector('.scroller')!, 'row-gap');
    const rows = rowsOf(root);
    expect(rows.length).to.equal(23);
    for (let i = 1; i < rows.length; i++) {
      const gap = box(rows[i]).top - box(rows[i - 1]).bottom;
      const want = rows[i].classList.contains('continued')
        ? 0.35 * px(rows[i], 'font-size')
        : space;
      expect(gap, `gap above row ${i}`).to.be.closeTo(want, 0.1);
    }
  });

  it('renders a row again in a chunk far above, and the last chunk, when what it shows changes', async function () {
    this.timeout(30_000);
    // 16 questions and answers: 32 rows in 4 chunks, the first far from the bottom. A streamed
    // frame renders only the chunk that changes; the others must still follow what they show.
    const chat = await chatWith('turn-cost-far-rows', Array(16).fill('hello'));
    const root = list(chat).shadowRoot!;
    const chunks = [...root.querySelectorAll('.chunk')];
    expect(chunks.length).to.equal(4);
    expect(chunks[0].classList.contains('far'), 'the first chunk is far').to.equal(true);
    // The answer before the last one, in the chunk above the last, lost its Regenerate.
    const regenerate = [...root.querySelectorAll('[part~="retry-button"]')];
    expect(regenerate, 'one Regenerate').to.have.length(1);
    expect(rowsOf(root).at(-1)!.contains(regenerate[0])).to.equal(true);
    // Copy in the first answer, far above: it says so.
    const copy = rowsOf(root)[1].querySelector<HTMLButtonElement>('[part~="copy-button"]')!;
    expect(copy.getAttribute('aria-label')).to.equal('Copy');
    copy.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => copy.getAttribute('aria-label') === 'Copied', 'copied, far above', {
      timeout: 2000,
    });
  });
});
