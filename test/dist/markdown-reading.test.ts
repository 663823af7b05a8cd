/// <reference types="mocha" />
// How answers read in the built bundle: tables, lists, code blocks, images, pictures that fail.
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {pressKeys} from '../keys.js';
import {
  allInList,
  axeViolations,
  bundlePage,
  inList,
  lineCount,
  send,
  type BundlePage,
} from './bundle-page.js';

describe('answers in the built bundle read well', () => {
  let page: BundlePage | undefined;
  afterEach(() => page?.frame.remove());

  it('puts a wide table in its own scroll box: one-word headers on one line, alignment kept, keyboard-scrollable', async () => {
    page = await bundlePage('wide-table', {width: 480});
    await send(page.chat, 'Show me a wide table');
    const box = inList(page.chat, '.md .table-scroll')!;
    expect(Boolean(box), 'a scroll box around the table').to.equal(true);
    expect(box.scrollWidth, 'the table is wider than its box').to.be.greaterThan(box.clientWidth);
    expect(page.win.getComputedStyle(box).overflowX).to.equal('auto');
    const headers = [...box.querySelectorAll('th')];
    expect(headers.map((th) => th.textContent)).to.include.members(['Throughput', 'Maintainer']);
    for (const th of headers) expect(lineCount(th), `"${th.textContent}" on one line`).to.equal(1);
    for (const td of box.querySelectorAll('td'))
      expect(lineCount(td), `"${td.textContent}" whole`).to.equal(1);
    const align = headers.map((th) => page!.win.getComputedStyle(th).textAlign);
    expect(align.slice(0, 4)).to.deep.equal(['left', 'right', 'right', 'center']);
    // The box is in the tab order and scrolls with the arrow keys.
    expect(box.tabIndex).to.equal(0);
    page.frame.focus();
    box.focus();
    for (let i = 0; i < 5; i++) await sendKeys({press: 'ArrowRight'});
    await waitUntil(() => box.scrollLeft > 0, 'the arrow keys scroll the table', {timeout: 2000});
    expect(await axeViolations(page)).to.deep.equal([]);
  });

  it('numbers ordered lists (and nests them)', async () => {
    page = await bundlePage('ol');
    await send(page.chat, 'Show me some markdown');
    const ol = inList(page.chat, '.md ol')!;
    expect(page.win.getComputedStyle(ol).listStyleType).to.equal('decimal');
    const item = ol.querySelector('li')!;
    expect(page.win.getComputedStyle(item).display).to.equal('list-item');
    const nested = inList(page.chat, '.md ul ul')!;
    expect(page.win.getComputedStyle(nested).listStyleType).to.equal('circle');
  });

  it('gives code blocks a language, a Copy button that copies exactly the code, a dark surface, and highlighting once fenced', async () => {
    page = await bundlePage('code');
    const chunkLoads = () =>
      page!.win.performance
        .getEntriesByType('resource')
        .filter((e) => /\/highlighter-[\w-]+\.js$/.test(e.name)).length;
    await waitUntil(() => inList(page!.chat, '.prologue'), 'the chat loaded', {timeout: 5000});
    expect(chunkLoads(), 'no highlighter in the first load').to.equal(0);
    await send(page.chat, 'Show me some code');
    const blocks = allInList(page.chat, '.md [part~="code-block"]');
    expect(blocks.length).to.equal(4);
    expect(blocks.map((b) => b.querySelector('.code-language')!.textContent)).to.deep.equal([
      'python',
      'js',
      'brainfuck-ish',
      'Code',
    ]);
    await waitUntil(() => blocks[0]!.querySelector('.hljs-keyword'), 'python highlighted', {
      timeout: 5000,
    });
    // Blocks are highlighted a few milliseconds' worth per frame: the next may wait a frame.
    await waitUntil(() => blocks[1]!.querySelector('.hljs-string'), 'js highlighted', {
      timeout: 5000,
    });
    expect(chunkLoads(), 'the highlighter loaded once').to.equal(1);
    expect(
      Boolean(blocks[2]!.querySelector('pre span')),
      'an unknown language stays plain'
    ).to.equal(false);
    const pre = blocks[0]!.querySelector('pre')!;
    expect(pre.tabIndex, 'code can be scrolled with the keyboard').to.equal(0);
    const long = blocks[3]!.querySelector('pre')!;
    expect(long.scrollWidth).to.be.greaterThan(long.clientWidth);
    expect(page.win.getComputedStyle(blocks[0]!).backgroundColor).to.equal('rgb(31, 33, 40)');

    const copy = blocks[0]!.querySelector<HTMLButtonElement>('[part~="copy-code-button"]')!;
    expect(copy.textContent).to.equal('Copy');
    page.frame.focus();
    copy.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => copy.textContent === 'Copied', 'Copied shown', {timeout: 2000});
    const status = allInList(page.chat, '[role="status"]').map((s) => s.textContent ?? '');
    expect(
      status.some((text) => text.includes('Copied')),
      'Copied announced'
    ).to.equal(true);
    const target = document.createElement('textarea');
    target.setAttribute('aria-label', 'paste target');
    document.body.append(target);
    try {
      target.focus();
      await pressKeys('Control', 'KeyV');
      await waitUntil(() => target.value, 'pasted', {timeout: 2000});
      expect(target.value).to.equal(
        'def greet(name: str) -> str:\n    """Say hello."""\n    return f"Hello, {name}!"  # a comment'
      );
    } finally {
      target.remove();
    }
    expect(await axeViolations(page)).to.deep.equal([]);
  });

  it('highlights every code block of answers that finish many at once, keeping their text', async () => {
    page = await bundlePage('many-code');
    const code = (n: number) => `def step_${n}(x):\n    return x + ${n}  # step ${n}`;
    const answer = (from: number) =>
      Array.from({length: 30}, (_, i) => '```python\n' + code(from + i) + '\n```').join('\n\n');
    // Pieces of 4,000 characters: a burst that finishes a dozen blocks in one render.
    await send(page.chat, `hostile say answer/4000 ${answer(0)}`);
    await send(page.chat, `hostile say answer/4000 ${answer(30)}`);
    await waitUntil(
      () => allInList(page!.chat, '.md [part~="code-block"]').length === 60,
      'both answers shown',
      {timeout: 5000}
    );
    await waitUntil(
      () =>
        allInList(page!.chat, '.md [part~="code-block"] code').every((c) =>
          c.querySelector('.hljs-keyword')
        ),
      'every block highlighted',
      {timeout: 8000}
    );
    const texts = allInList(page.chat, '.md [part~="code-block"] code').map((c) => c.textContent);
    expect(texts).to.deep.equal(Array.from({length: 60}, (_, n) => `${code(n)}\n`));
    expect(allInList(page.chat, '.md .code-block.pending')).to.deep.equal([]);
  });

  it('gives every answer image alt text and is accessible with images', async () => {
    page = await bundlePage('images', {
      attributes: 'mode="inline" image-hosts="images.example.invalid"',
    });
    await send(page.chat, 'Show me images');
    const images = allInList<HTMLImageElement>(page.chat, '.md img');
    expect(images.length).to.equal(3);
    for (const img of images) expect(img.hasAttribute('alt'), img.src).to.equal(true);
    expect(images.map((img) => img.alt)).to.deep.equal(['A red square', '', 'Logo']);
    expect(await axeViolations(page)).to.deep.equal([]);
  });

  it('shows the reasoning exactly once', async () => {
    // What the emulator streams (its plain-JS module, served by the test server).
    const answers = '/emulator/answers.js';
    const {REASONING_TEXT} = (await import(answers)) as {REASONING_TEXT: string};
    page = await bundlePage('reasoning');
    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      const text = inList(page!.chat, '.reasoning-text')?.textContent?.trim();
      if (text) seen.push(text);
    });
    await waitUntil(
      () => page!.chat.shadowRoot?.querySelector('coze-message-list')?.shadowRoot,
      'list',
      {timeout: 5000}
    );
    observer.observe(page.chat.shadowRoot!.querySelector('coze-message-list')!.shadowRoot!, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    await send(page.chat, 'think');
    observer.disconnect();
    expect(inList(page.chat, '.reasoning-text')!.textContent!.trim()).to.equal(REASONING_TEXT);
    expect(seen.length, 'reasoning seen while streaming').to.be.greaterThan(0);
    for (const text of seen)
      expect(REASONING_TEXT.startsWith(text), `never doubled: "${text.slice(0, 40)}"`).to.equal(
        true
      );
  });
});

describe('pictures and greetings that degrade well in the built bundle', () => {
  let page: BundlePage | undefined;
  afterEach(() => page?.frame.remove());

  it('shows a monogram or the chat glyph, never a broken image, when the icon fails', async () => {
    page = await bundlePage('broken-icon', {
      attributes: 'icon="/no-such-icon.png" user-avatar="/no-such-avatar.png"',
    });
    const {chat} = page;
    const launcher = chat.shadowRoot!.querySelector('coze-launcher')!;
    await waitUntil(
      () => launcher.shadowRoot?.querySelector('button svg'),
      'the launcher falls back to its glyph',
      {
        timeout: 5000,
      }
    );
    expect(Boolean(launcher.shadowRoot!.querySelector('img'))).to.equal(false);
    await chat.show();
    await send(chat, 'hello');
    const imgs = () => [
      ...chat.shadowRoot!.querySelectorAll('img'),
      ...allInList(chat, 'img:not(.md img)'),
    ];
    await waitUntil(() => imgs().length === 0, 'no image left that failed', {timeout: 5000});
    const icon = chat.shadowRoot!.querySelector('[part~="icon"]')!;
    expect(icon.textContent!.trim()).to.equal('E'); // Emulator Bot
    const avatars = allInList(chat, '[part~="avatar"]');
    expect(avatars.length).to.be.greaterThan(0);
    for (const avatar of avatars) expect(avatar.localName).to.equal('span');
    expect(await axeViolations(page)).to.deep.equal([]);
  });

  it('greets without a stray comma when there is no nickname', async () => {
    page = await bundlePage('no-nickname');
    const prologue = await waitUntil(() => inList(page!.chat, '.prologue'), 'prologue', {
      timeout: 5000,
    }).then(() => inList(page!.chat, '.prologue')!);
    expect(prologue.textContent).to.match(/^Hi, I am the Coze emulator/);
    expect(prologue.textContent).not.to.contain(' ,');
  });
});
