// The bot's background picture from its profile (`background_image_info`), behind the transcript:
// the wide one on the pc layout, the phone one on mobile, text over it still readable in both
// themes, none with `no-background`, and never through a `style` attribute.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {cssUrl} from '../../src/elements/coze-message-list/background.js';
import {deep, list, messages, settled, uniqueToken} from './helpers.js';

/** An emulator bot whose profile has a web and a mobile background picture. */
const BOT = '7500000000000000001-background';
/** A second origin served by the same emulator, so the profile and the pictures are cross-origin. */
const crossOrigin = () => `http://localhost:${location.port}`;

interface Options {
  layout?: string;
  theme?: string;
  noBackground?: boolean;
  botId?: string;
}

async function mount(label: string, options: Options = {}): Promise<CozeChat> {
  const token = uniqueToken(label);
  const chat = await fixture<CozeChat>(
    html`<coze-chat
      mode="inline"
      style="height: 640px; width: 420px"
      bot-id=${options.botId ?? BOT}
      token=${token}
      api-base=${crossOrigin()}
      user-id=${`user-${token}`}
      layout=${options.layout ?? 'pc'}
      theme=${options.theme ?? 'light'}
      ?no-background=${options.noBackground ?? false}
    ></coze-chat>`
  );
  await waitUntil(() => list(chat)?.shadowRoot?.querySelector('.empty'), 'no welcome');
  return chat;
}

const backgroundOf = (chat: CozeChat) => getComputedStyle(list(chat)).backgroundImage;
const picture = (chat: CozeChat) =>
  /background-(web|mobile)\.svg/.exec(backgroundOf(chat))?.[1] ?? 'none';
async function pictureShown(chat: CozeChat, which: string) {
  await waitUntil(() => picture(chat) === which, `the ${which} picture did not show`);
}

type Rgba = [number, number, number, number];

/** `rgb(…)`, `rgba(…)` or `color(srgb …)`, as engines compute colours. */
function parseColor(value: string): Rgba {
  const srgb = /color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)/.exec(value);
  if (srgb) return [+srgb[1]! * 255, +srgb[2]! * 255, +srgb[3]! * 255, srgb[4] ? +srgb[4] : 1];
  const rgb = /rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:[,/] ?([\d.]+))?\)/.exec(value);
  if (rgb) return [+rgb[1]!, +rgb[2]!, +rgb[3]!, rgb[4] ? +rgb[4] : 1];
  throw new Error(`unparsed colour ${value}`);
}

const over = (top: Rgba, bottom: Rgba): Rgba => [
  top[0] * top[3] + bottom[0] * (1 - top[3]),
  top[1] * top[3] + bottom[1] * (1 - top[3]),
  top[2] * top[3] + bottom[2] * (1 - top[3]),
  1,
];

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

const contrast = (a: Rgba, b: Rgba) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** The scrim as the engine resolves it. */
function scrimColor(chat: CozeChat): Rgba {
  const root = list(chat).shadowRoot!;
  const probe = document.createElement('div');
  root.append(probe);
  probe.style.backgroundColor = 'var(--_scrim)';
  const color = parseColor(getComputedStyle(probe).backgroundColor);
  probe.remove();
  return color;
}

/**
 * The lowest contrast of any text in the transcript, over any picture: each text is measured on
 * what lies under it (its own and its ancestors' backgrounds over the scrim over the picture),
 * with the picture's pixel pure black and pure white, the worst a picture can be.
 */
function worstContrast(chat: CozeChat): {ratio: number; text: string} {
  const host = list(chat);
  const scrim = scrimColor(chat);
  let worst = {ratio: Infinity, text: ''};
  const walker = document.createTreeWalker(host.shadowRoot!, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    const element = node.parentElement;
    if (!text || !element || element.closest('.visually-hidden, pre, [hidden]')) continue;
    if (!element.getClientRects().length) continue;
    const layers: Rgba[] = [];
    for (let e: Element | null = element; e; e = e.parentElement) {
      layers.unshift(parseColor(getComputedStyle(e).backgroundColor));
    }
    for (const pixel of [
      [0, 0, 0, 1],
      [255, 255, 255, 1],
    ] as Rgba[]) {
      const under = layers.reduce((acc, layer) => over(layer, acc), over(scrim, pixel));
      const ratio = contrast(over(parseColor(getComputedStyle(element).color), under), under);
      if (ratio < worst.ratio) worst = {ratio, text};
    }
  }
  return worst;
}

describe('bot background picture', () => {
  it('draws the web picture behind the transcript under a scrim, with no style attribute', async () => {
    const chat = await mount('background-web');
    await pictureShown(chat, 'web');
    const image = backgroundOf(chat);
    // The scrim is the top layer, the picture under it.
    expect(image.indexOf('gradient')).to.be.lessThan(image.indexOf('background-web.svg'));
    expect(image).to.contain(`${crossOrigin()}/__emulator/background-web.svg`);
    expect(getComputedStyle(list(chat)).backgroundSize).to.contain('cover');
    expect(list(chat).hasAttribute('style'), 'a style attribute on the list').to.equal(false);
    expect(chat.shadowRoot!.querySelector('[style]'), 'a style attribute in the panel').to.equal(
      null
    );
    await expect(chat).to.be.accessible();
  });

  it('draws the phone picture on the mobile layout, and switches with the layout', async () => {
    const chat = await mount('background-mobile', {layout: 'mobile'});
    await pictureShown(chat, 'mobile');
    chat.layout = 'pc';
    await pictureShown(chat, 'web');
  });

  it('shows no picture with no-background, nor for a bot without one', async () => {
    const off = await mount('background-off', {noBackground: true});
    await waitUntil(() => deep(off, 'coze-message-list', '[part~="follow-up"]'), 'no suggestions');
    expect(backgroundOf(off)).to.equal('none');
    off.noBackground = false;
    await pictureShown(off, 'web');
    off.noBackground = true;
    await pictureShown(off, 'none');
    const plain = await mount('background-none', {botId: '7500000000000000001'});
    await waitUntil(() => deep(plain, 'coze-message-list', '[part~="follow-up"]'));
    expect(backgroundOf(plain)).to.equal('none');
  });

  for (const theme of ['light', 'dark']) {
    it(`keeps every text in the transcript readable over any picture (${theme})`, async () => {
      const chat = await mount(`background-${theme}`, {theme});
      await pictureShown(chat, 'web');
      await waitUntil(() => deep(chat, 'coze-message-list', '[part~="follow-up"]'));
      const welcome = worstContrast(chat);
      expect(welcome.ratio, `“${welcome.text}” on the welcome screen`).to.be.at.least(4.5);
      await chat.send('markdown');
      await settled(chat);
      expect(messages(chat).length).to.be.at.least(2);
      const transcript = worstContrast(chat);
      expect(transcript.ratio, `“${transcript.text}” in the transcript`).to.be.at.least(4.5);
      // The measure can fail: without the scrim, some text is unreadable on some picture.
      chat.style.setProperty('--coze-color-scrim', 'transparent');
      expect(worstContrast(chat).ratio).to.be.below(4.5);
    });
  }

  it('keeps only http(s) pictures, quoted for CSS', () => {
    expect(cssUrl('https://cdn.example/a b".png')).to.equal('"https://cdn.example/a%20b%22.png"');
    expect(cssUrl('http://x.example/p\\q.png')).to.equal('"http://x.example/p/q.png"');
    expect(cssUrl('javascript:alert(1)')).to.equal('');
    expect(cssUrl('data:image/svg+xml,<svg/>')).to.equal('');
    expect(cssUrl('/relative.png')).to.equal('');
    expect(cssUrl(undefined)).to.equal('');
  });
});
