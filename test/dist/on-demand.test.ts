/// <reference types="mocha" />
// Features the panel does not carry (voice recording, the feedback panel, image previews) work
// from the built files: the ES module build loads each from its own directory when first used,
// the classic script has them inside.
import {expect, waitUntil} from '@open-wc/testing';
import {
  ask,
  BOT,
  BUNDLES,
  built,
  deep,
  fetchedScripts,
  loggedRequests,
  page,
  rows,
  uniqueToken,
} from './helpers.js';

/** The path of the chunk named `name` the page loaded, if it did. */
const chunk = (frame: HTMLIFrameElement, name: string) =>
  fetchedScripts(frame)
    .map((script) => script.path)
    .find((path) => new RegExp(`^/dist/cdn/${name}-[\\w-]{8}\\.js$`).test(path));

const composerPart = <T extends HTMLElement = HTMLElement>(chat: Element, name: string) =>
  deep<T>(chat, 'coze-composer', `[part~="${name}"]`);

async function pngFile(win: Window & typeof globalThis, name: string): Promise<File> {
  const canvas = new win.OffscreenCanvas(400, 300);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#3366cc';
  context.fillRect(0, 0, 400, 300);
  return new win.File([await canvas.convertToBlob({type: 'image/png'})], name, {
    type: 'image/png',
  });
}

for (const bundle of BUNDLES) {
  const split = bundle.name === 'ES module';

  describe(`features loaded when first used, from the built ${bundle.name}`, function () {
    this.timeout(30000);
    let frame: HTMLIFrameElement | undefined;
    before(() => built(bundle.src));
    afterEach(() => frame?.remove());

    async function chatPage(label: string, attributes = '', height = 700) {
      const token = uniqueToken(label);
      frame = await page(
        `<coze-chat mode="inline" style="display:block;height:${height}px" bot-id="${BOT}"
          token="${token}" api-base="${location.origin}" user-id="reader-${token}" ${attributes}>
        </coze-chat>`,
        bundle.tag
      );
      const win = frame.contentWindow! as Window & typeof globalThis;
      const chat = win.document.querySelector('coze-chat')!;
      await waitUntil(() => deep(chat, 'coze-message-list', '.prologue'), 'the chat loaded', {
        timeout: 8000,
      });
      return {chat, token, win, frame};
    }

    it('unliking an answer opens the feedback panel', async () => {
      const {chat, token, frame} = await chatPage(
        'dist-feedback',
        `feedback feedback-tags='${JSON.stringify([{label: 'Wrong'}, {label: 'Too long'}])}'`,
        440
      );
      await ask(chat, 'hello');
      const answer = () => rows(chat).at(-1)!;
      await waitUntil(() => answer().dataset.status === 'complete', 'the answer', {timeout: 8000});
      if (split) expect(chunk(frame, 'feedback-panel'), 'not loaded before').to.equal(undefined);
      deep<HTMLButtonElement>(answer(), '[part~="unlike-button"]')!.click();
      await waitUntil(() => deep(answer(), '[part~="feedback-panel"]'), 'the panel opened', {
        timeout: 8000,
      });
      const tags = [...answer().querySelectorAll('.feedback-tag')].map((t) =>
        t.textContent!.trim()
      );
      expect(tags).to.deep.equal(['Wrong', 'Too long']);
      const focused = answer().getRootNode() as ShadowRoot;
      expect(
        focused.activeElement?.classList.contains('feedback-tag'),
        'focus on a reason'
      ).to.equal(true);
      if (split) expect(chunk(frame, 'feedback-panel'), 'its chunk').to.be.a('string');
      // A short chat: the form scrolls into view, Send inside the list and clear of the
      // jump-to-latest button.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const send = deep(answer(), '[part~="feedback-panel"] button[type="submit"]')!;
      const box = send.getBoundingClientRect();
      const scroller = deep(chat, 'coze-message-list', '.scroller')!;
      expect(box.bottom, 'Send in view').to.be.at.most(scroller.getBoundingClientRect().bottom);
      const jump = deep(chat, 'coze-message-list', '[part~="jump-to-latest"]');
      if (jump) {
        const j = jump.getBoundingClientRect();
        const overlap =
          j.top < box.bottom && j.bottom > box.top && j.left < box.right && j.right > box.left;
        expect(overlap, 'Send clear of jump-to-latest').to.equal(false);
      }
      const calls = (await loggedRequests(token)).filter((r) => r.path.endsWith('/feedback'));
      expect(calls.map((c) => c.body)).to.deep.equal([{feedback_type: 'unlike'}]);
    });

    it('voice input records and transcribes', async () => {
      const {chat, token, frame} = await chatPage('dist-voice');
      if (split) expect(chunk(frame, 'microphone'), 'not loaded before').to.equal(undefined);
      composerPart<HTMLButtonElement>(chat, 'audio-button')!.click();
      await waitUntil(() => composerPart(chat, 'recording'), 'recording started', {timeout: 8000});
      if (split) expect(chunk(frame, 'microphone'), 'its chunk').to.be.a('string');
      await new Promise((resolve) => setTimeout(resolve, 1200));
      composerPart<HTMLButtonElement>(chat, 'audio-button')!.click();
      const text = () => deep<HTMLTextAreaElement>(chat, 'coze-composer', 'textarea')!.value;
      await waitUntil(() => text().includes('Paris'), 'the transcription arrived', {
        timeout: 15000,
      });
      const transcriptions = (await loggedRequests(token)).filter(
        (r) => r.path === '/v1/audio/transcriptions'
      );
      expect(transcriptions).to.have.length(1);
    });

    it('an attached image gets its preview', async () => {
      const {chat, win, frame} = await chatPage('dist-preview');
      if (split) expect(chunk(frame, 'thumbnail'), 'not loaded before').to.equal(undefined);
      const picker = deep<HTMLInputElement>(chat, 'coze-composer', 'input[type="file"]')!;
      const files = new win.DataTransfer();
      files.items.add(await pngFile(win, 'photo.png'));
      picker.files = files.files;
      picker.dispatchEvent(new win.Event('change', {bubbles: true}));
      const chip = () => composerPart(chat, 'attachment');
      await waitUntil(() => chip()?.dataset.status === 'done', 'the image uploaded', {
        timeout: 8000,
      });
      const thumb = chip()!.querySelector('img')!;
      expect(thumb.src).to.match(/^data:image\/png;base64,/);
      await thumb.decode();
      expect([thumb.naturalWidth, thumb.naturalHeight]).to.deep.equal([160, 120]);
      if (split) expect(chunk(frame, 'thumbnail'), 'its chunk').to.be.a('string');
    });
  });
}
