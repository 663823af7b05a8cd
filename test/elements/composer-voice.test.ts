/// <reference types="mocha" />
import {aTimeout, expect, waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import type {CozeComposer} from '../../src/elements/coze-composer/coze-composer.js';
import {deep, deepAll, input, loggedRequests, mountChat, typeInto, uniqueToken} from './helpers.js';

// Each engine runs with a fake microphone that needs no permission prompt: Chromium's
// beeps, Firefox's tone, WebKitGTK's mock device (scripts/browsers.mjs).

const part = <T extends HTMLElement = HTMLElement>(chat: CozeChat, name: string) =>
  deep<T>(chat, 'coze-composer', `[part~="${name}"]`);
const audioButton = (chat: CozeChat) => part<HTMLButtonElement>(chat, 'audio-button')!;
const liveRegion = (chat: CozeChat) => deep(chat, 'coze-composer', '[role="status"]')!;
const errors = (chat: CozeChat) =>
  deepAll(chat, 'coze-composer', '[part~="error"]').map((e) => e.textContent!.trim());
const composerFocus = (chat: CozeChat) => deep(chat, 'coze-composer')!.shadowRoot!.activeElement;

/** Waits for the composer to render its latest state. */
const rendered = async (chat: CozeChat) => {
  await chat.updateComplete;
  await deep<CozeComposer>(chat, 'coze-composer')!.updateComplete;
};

async function inlineChat(label: string): Promise<{chat: CozeChat; token: string}> {
  const token = uniqueToken(label);
  const chat = await mountChat(token, {mode: 'inline'});
  await waitUntil(() => deep(chat, 'coze-message-list', '.prologue'), 'the chat loaded');
  return {chat, token};
}

const transcriptions = async (token: string) =>
  (await loggedRequests(token)).filter((r) => r.path === '/v1/audio/transcriptions');

describe('<coze-composer> voice input', () => {
  it('records, shows the elapsed time, and puts the transcription after the draft', async function () {
    // Recording, decoding and transcribing take a few seconds of their own.
    this.timeout(30000);
    const {chat, token} = await inlineChat('voice-record');
    typeInto(chat, 'Question:');
    const button = audioButton(chat);
    expect(button.getAttribute('aria-label')).to.equal('Speak your question');
    button.click();
    await waitUntil(() => part(chat, 'recording'), 'recording started');
    const startedAt = performance.now();
    expect(audioButton(chat).getAttribute('aria-label')).to.equal('Stop and transcribe');
    expect(part(chat, 'recording')!.textContent).to.contain('Recording 0:00');
    expect(liveRegion(chat).textContent!.trim()).to.equal('Recording 0:00');
    await expect(chat).to.be.accessible();
    await aTimeout(1200);
    expect(part(chat, 'recording')!.textContent).to.match(/Recording 0:0[1-9]/);
    expect(liveRegion(chat).textContent!.trim(), 'announced once, not every second').to.equal(
      'Recording 0:00'
    );
    audioButton(chat).click();
    const recorded = (performance.now() - startedAt) / 1000;
    await waitUntil(() => input(chat).value.includes('Paris'), 'the transcription arrived', {
      timeout: 15000,
    });
    const value = input(chat).value;
    expect(value).to.match(
      /^Question: What's the weather like in Paris\? \((\d+\.\d) s of audio\)$/
    );
    // The emulator reads the duration from the WAV header: about what was recorded.
    const seconds = Number(/\((\d+\.\d) s/.exec(value)![1]);
    // Never longer than the time between the two clicks; WebKitGTK's recorder may start late.
    expect(recorded).to.be.greaterThan(1.2);
    expect(seconds).to.be.within(0.9, recorded + 1);
    expect(part(chat, 'recording')).to.equal(null);
    expect(composerFocus(chat)).to.equal(input(chat));
    const [request] = await transcriptions(token);
    expect(request!.method).to.equal('POST');
    expect(request!.headers['content-type']).to.match(/^multipart\/form-data; boundary=/);
    const body = request!.body as {
      multipart: boolean;
      parts: Array<{name: string; content_type: string; bytes: number}>;
    };
    expect(body.multipart).to.equal(true);
    expect(body.parts).to.have.length(1);
    expect(body.parts[0]!.name).to.equal('file');
    expect(body.parts[0]!.content_type).to.equal('audio/wav');
    // 16 kHz, 16-bit mono: 32,000 bytes a second after the 44-byte header.
    expect(body.parts[0]!.bytes).to.be.within(
      44 + (seconds - 0.1) * 32000,
      44 + (seconds + 0.1) * 32000
    );
    expect(request!.status).to.equal(200);
    expect(errors(chat)).to.deep.equal([]);
  });

  it('cancel discards the recording: no request, draft unchanged', async () => {
    const {chat, token} = await inlineChat('voice-cancel');
    typeInto(chat, 'keep');
    audioButton(chat).click();
    await waitUntil(() => part(chat, 'cancel-recording-button'), 'recording started');
    await aTimeout(400);
    part<HTMLButtonElement>(chat, 'cancel-recording-button')!.click();
    await rendered(chat);
    expect(part(chat, 'recording')).to.equal(null);
    expect(audioButton(chat).getAttribute('aria-label')).to.equal('Speak your question');
    await aTimeout(500);
    expect(await transcriptions(token)).to.have.length(0);
    expect(input(chat).value).to.equal('keep');
  });

  it('says why when the transcription fails, keeping the draft', async function () {
    this.timeout(30000);
    // A token the emulator rejects (4100) on every call, transcriptions included.
    const token = uniqueToken('voice_expired');
    const chat = await mountChat(token, {mode: 'inline'});
    typeInto(chat, 'draft stays');
    audioButton(chat).click();
    await waitUntil(() => part(chat, 'recording'), 'recording started');
    // Long enough for a whole MP4 fragment in WebKitGTK, whose recorder at times drops the
    // last, partial one at stop: half a second could leave a header that does not decode, and
    // the failure shown would be the decoding, with no transcription request.
    await aTimeout(1500);
    audioButton(chat).click();
    await waitUntil(
      () => errors(chat).some((e) => e.startsWith('Your speech')),
      'the failure shows',
      {timeout: 15000}
    );
    expect(errors(chat)).to.include(
      'Your speech could not be turned into text: Authentication failed. The access token is invalid or has expired.'
    );
    expect((await transcriptions(token)).length).to.be.greaterThan(0);
    expect(input(chat).value).to.equal('draft stays');
    expect(part(chat, 'recording')).to.equal(null);
    expect(audioButton(chat).disabled).to.equal(false);
  });

  describe('without microphone access', () => {
    // The override is an own property; deleting it brings back the browser's method.
    afterEach(() => {
      Reflect.deleteProperty(navigator.mediaDevices, 'getUserMedia');
    });

    it('says so when permission is denied or there is no microphone, keeping the draft', async () => {
      const {chat, token} = await inlineChat('voice-denied');
      typeInto(chat, 'still here');
      // Stands in for the browser's permission prompt, which the reader refused.
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
      audioButton(chat).click();
      await waitUntil(() => errors(chat).length === 1, 'the problem shows');
      expect(errors(chat)).to.deep.equal([
        'Microphone access was denied. Allow it in the browser to speak your question.',
      ]);
      expect(part(chat, 'error')!.getAttribute('role')).to.equal('alert');
      expect(part(chat, 'recording')).to.equal(null);
      expect(input(chat).value).to.equal('still here');
      await expect(chat).to.be.accessible();

      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
      audioButton(chat).click();
      await waitUntil(() => errors(chat)[0] === 'No microphone was found.', 'no microphone');
      expect(input(chat).value).to.equal('still here');
      expect(await transcriptions(token)).to.have.length(0);
    });
  });

  it('no-audio hides the button', async () => {
    const {chat} = await inlineChat('voice-off');
    expect(audioButton(chat)).to.exist;
    chat.noAudio = true;
    await rendered(chat);
    expect(part(chat, 'audio-button')).to.equal(null);
  });
});
