/// <reference types="mocha" />
// What the official widget takes from the bot's profile rather than from its options (background
// picture, voice as the default input, shortcut commands) works the same behind the compat facade,
// and the official options that touch it map: `ui.chatBot.isNeedAudio: false` keeps a voice-first
// bot's composer for typing; `ui.header.isShow: false` with `ui.conversations.isNeed` keeps a way
// to the list. The element-only switches (`no-background`, `readonly`, …) have no official key: the
// facade ignores invented ones, and they are set on `client.element`.
import {expect, waitUntil} from '@open-wc/testing';
import {WebChatClient} from '../../src/index.js';
import {toChatSettings} from '../../src/compat/options.js';
import {botOptions, chatOf, deep, destroyAll, uniqueToken} from './helpers.js';

afterEach(() => destroyAll());

const inBox = () => {
  const el = document.createElement('div');
  el.style.cssText = 'display: block; width: 400px; height: 560px;';
  document.body.append(el);
  return el;
};

function client(label: string, botId: string, ui: Record<string, unknown> = {}) {
  const options = botOptions(uniqueToken(label), {
    config: {type: 'bot', botId, apiBase: location.origin},
    ui: {...ui, chatBot: {el: inBox(), ...(ui.chatBot as object)}},
  });
  return new WebChatClient(options);
}

describe('profile features behind the compat facade', () => {
  it('shows the bot’s background picture and its shortcut commands', async () => {
    const chat = chatOf(client('compat-background', '7500000000000000001-shortcuts-background'));
    const list = () => deep(chat, 'coze-message-list');
    await waitUntil(
      () => list() && /background-web\.svg/.test(getComputedStyle(list()!).backgroundImage),
      'no background picture'
    );
    await waitUntil(() => deep(chat, 'coze-composer', '[part~="shortcut"]'), 'no commands');
    // No official key turns it off; the element does.
    chat.noBackground = true;
    await waitUntil(() => getComputedStyle(list()!).backgroundImage === 'none', 'still shown');
  });

  it('opens a voice-first bot in voice mode, or for typing with isNeedAudio: false', async () => {
    const voice = chatOf(client('compat-voice', '7500000000000000001-voice-first'));
    await waitUntil(() => deep(voice, 'coze-composer', '.speak'), 'no voice mode');
    const typing = chatOf(
      client('compat-no-audio', '7500000000000000001-voice-first', {
        chatBot: {isNeedAudio: false},
      })
    );
    await waitUntil(() => deep(typing, 'coze-composer', 'textarea'), 'no text input');
    expect(deep(typing, 'coze-composer', '.speak')).to.equal(null);
  });

  it('maps the official keys and invents none for the element-only switches', () => {
    const {properties, errors} = toChatSettings(
      botOptions('t', {
        ui: {
          header: {isShow: false},
          conversations: {isNeed: true},
          chatBot: {isNeedAudio: false, readonly: true, placeholder: 'x', background: false},
        },
      })
    );
    expect(properties).to.include({noHeader: true, conversations: true, noAudio: true});
    for (const name of ['readonly', 'placeholder', 'defaultText', 'noBackground', 'noShortcuts'])
      expect(properties, name).to.not.have.property(name);
    expect(errors).to.deep.equal([]);
  });
});
