/// <reference types="mocha" />
// A bot whose profile says `default_user_input_type: voice` (or `call`) opens the composer in
// voice mode when voice input works: a wide button records, what was said is sent at once, and
// "Type instead" brings the text input back. With `no-audio`, without MediaRecorder, or for a
// bot that defaults to text, the composer opens for typing.
import {aTimeout, expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {deep, loggedRequests, messages, settled, uniqueToken} from './helpers.js';

const crossOrigin = () => `http://localhost:${location.port}`;
const part = <T extends HTMLElement = HTMLElement>(chat: CozeChat, name: string) =>
  deep<T>(chat, 'coze-composer', `[part~="${name}"]`);
const textarea = (chat: CozeChat) => deep(chat, 'coze-composer', 'textarea');
const speakButton = (chat: CozeChat) =>
  deep<HTMLButtonElement>(chat, 'coze-composer', '[part~="audio-button"].speak');

async function mount(label: string, botId: string, noAudio = false) {
  const token = uniqueToken(label);
  const chat = await fixture<CozeChat>(
    html`<coze-chat
      mode="inline"
      bot-id=${botId}
      token=${token}
      api-base=${crossOrigin()}
      user-id=${`user-${token}`}
      ?no-audio=${noAudio}
    ></coze-chat>`
  );
  await waitUntil(() => deep(chat, 'coze-message-list', '.prologue'), 'the chat loaded');
  await chat.updateComplete;
  return {chat, token};
}

describe('voice-first bots', () => {
  it('open in voice mode: speaking sends the question at once', async function () {
    this.timeout(30000);
    const {chat, token} = await mount('voice-first', '7500000000000000001-voice-first');
    await waitUntil(() => speakButton(chat), 'no voice mode');
    expect(textarea(chat), 'no text input in voice mode').to.equal(null);
    expect(speakButton(chat)!.textContent!.trim()).to.equal('Tap to speak');
    await expect(chat).to.be.accessible();
    speakButton(chat)!.click();
    await waitUntil(() => part(chat, 'recording'), 'recording started');
    expect(speakButton(chat)!.textContent!.trim()).to.equal('Stop and send');
    await aTimeout(1200);
    speakButton(chat)!.click();
    await waitUntil(() => messages(chat).length >= 2, 'the spoken question was not sent', {
      timeout: 15000,
    });
    await settled(chat);
    const [question] = messages(chat);
    expect(question!.textContent).to.contain("What's the weather like in Paris?");
    const requests = await loggedRequests(token);
    expect(requests.map((r) => r.path)).to.include.members([
      '/v1/audio/transcriptions',
      '/v3/chat',
    ]);
    const chatBody = requests.find((r) => r.path === '/v3/chat')!.body as {
      additional_messages: Array<{content: string}>;
    };
    expect(chatBody.additional_messages[0]!.content).to.match(
      /^What's the weather like in Paris\?/
    );
    // Still in voice mode for the next question.
    expect(speakButton(chat)).to.not.equal(null);
    expect(textarea(chat)).to.equal(null);
  });

  it('"Type instead" brings the text input back, focused', async () => {
    const {chat} = await mount('voice-type', '7500000000000000001-voice-first');
    await waitUntil(() => speakButton(chat), 'no voice mode');
    const toggle = part<HTMLButtonElement>(chat, 'input-mode-button')!;
    expect(toggle.getAttribute('aria-label')).to.equal('Type instead');
    toggle.click();
    await waitUntil(() => textarea(chat), 'no text input');
    const composerRoot = deep(chat, 'coze-composer')!.shadowRoot!;
    await waitUntil(() => composerRoot.activeElement === textarea(chat), 'not focused');
    expect(speakButton(chat)).to.equal(null);
    // The microphone beside the text input stays, for transcribing into the draft.
    expect(part(chat, 'audio-button')).to.not.equal(null);
  });

  it('a bot that defaults to a voice call opens in voice mode too', async () => {
    const {chat} = await mount('voice-call', '7500000000000000001-voice-call');
    await waitUntil(() => speakButton(chat), 'no voice mode for call');
  });

  it('open for typing with no-audio', async () => {
    const {chat} = await mount('voice-no-audio', '7500000000000000001-voice-first', true);
    await aTimeout(50);
    expect(textarea(chat)).to.not.equal(null);
    expect(part(chat, 'audio-button')).to.equal(null);
    expect(part(chat, 'input-mode-button')).to.equal(null);
  });

  it('open for typing where the browser cannot record', async () => {
    const saved = Object.getOwnPropertyDescriptor(window, 'MediaRecorder')!;
    // A browser without MediaRecorder (as some embedded web views are).
    delete (window as {MediaRecorder?: unknown}).MediaRecorder;
    try {
      const {chat} = await mount('voice-no-recorder', '7500000000000000001-voice-first');
      await aTimeout(50);
      expect(textarea(chat)).to.not.equal(null);
      expect(speakButton(chat)).to.equal(null);
    } finally {
      Object.defineProperty(window, 'MediaRecorder', saved);
    }
  });

  it('a bot that defaults to text opens for typing', async () => {
    const {chat} = await mount('voice-text', '7500000000000000001');
    await aTimeout(50);
    expect(textarea(chat)).to.not.equal(null);
    expect(speakButton(chat)).to.equal(null);
  });
});
