import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {
  deep,
  deepAll,
  input,
  lastRow,
  loggedRequests,
  messages,
  settled,
  typeInto,
  uniqueToken,
} from './helpers.js';

/** An emulator bot with three commands: `/weather` (none), `/translate` (text, select, hidden), `/summarise` (file, text). */
const BOT = '7500000000000000001-shortcuts';
/** A second origin served by the same emulator, so every call here is cross-origin. */
const crossOrigin = () => `http://localhost:${location.port}`;

async function mount(token: string, extra: {noShortcuts?: boolean} = {}): Promise<CozeChat> {
  const chat = await fixture<CozeChat>(
    html`<coze-chat
      mode="inline"
      bot-id=${BOT}
      token=${token}
      api-base=${crossOrigin()}
      user-id=${`user-${token}`}
      ?no-shortcuts=${extra.noShortcuts ?? false}
    ></coze-chat>`
  );
  return chat;
}

const chips = (chat: CozeChat) => deepAll(chat, 'coze-composer', '[part~="shortcut"]');
const chip = (chat: CozeChat, name: string) =>
  chips(chat).find((b) => b.textContent?.trim() === name)!;
const form = (chat: CozeChat) =>
  deep<HTMLFormElement>(chat, 'coze-composer', '[part~="shortcut-form"]');

async function chatBodies(token: string) {
  const requests = await loggedRequests(token);
  return requests
    .filter((r) => r.path === '/v3/chat')
    .map((r) => r.body as Record<string, unknown>);
}

describe('shortcut commands', () => {
  it('shows the bot’s commands and sends one without parameters at once', async () => {
    const token = uniqueToken('shortcut-query');
    const chat = await mount(token);
    await waitUntil(() => chips(chat).length === 3, 'the commands did not show');
    expect(chips(chat).map((b) => b.textContent?.trim())).to.deep.equal([
      'Weather today',
      'Translate',
      'Summarise a file',
    ]);
    await expect(chat).to.be.accessible();
    chip(chat, 'Weather today').click();
    await settled(chat);
    const [body] = await chatBodies(token);
    expect(body.shortcut_command).to.deep.equal({command_id: '7450000000000000101'});
    expect(body.additional_messages).to.deep.equal([
      {role: 'user', content: 'What is the weather like today?', content_type: 'text'},
    ]);
    const rows = messages(chat);
    expect(rows.at(-2)!.textContent).to.contain('What is the weather like today?');
    expect(lastRow(chat).textContent).to.contain('Shortcut /weather: sunny all day');
  });

  it('asks for the parameters in a form and sends them in Coze’s encoding', async () => {
    const token = uniqueToken('shortcut-panel');
    const chat = await mount(token);
    await waitUntil(() => chips(chat).length === 3, 'the commands did not show');
    const translate = chip(chat, 'Translate');
    translate.click();
    await waitUntil(() => form(chat), 'the form did not open');
    expect(translate.getAttribute('aria-expanded')).to.equal('true');
    const root = deep(chat, 'coze-composer')!.shadowRoot!;
    const text = root.querySelector<HTMLInputElement>('.shortcut-form input[type="text"]')!;
    await waitUntil(() => root.activeElement === text, 'the first field was not focused');
    const select = root.querySelector<HTMLSelectElement>('.shortcut-form select')!;
    expect(select.value, 'the default is chosen').to.equal('French');
    // Each field is labelled by the parameter's name and described by its description.
    expect(root.querySelector(`label[for="${text.id}"]`)!.textContent).to.equal('text');
    expect(root.getElementById(text.getAttribute('aria-describedby')!)!.textContent).to.equal(
      'What to translate'
    );
    await expect(chat).to.be.accessible();

    // Sending with the text left empty says what is missing and sends nothing.
    deep<HTMLButtonElement>(chat, 'coze-composer', '[part~="shortcut-send-button"]')!.click();
    await waitUntil(() => root.querySelector('.shortcut-form [role="alert"]'), 'no message');
    expect(root.querySelector('.shortcut-form [role="alert"]')!.textContent).to.contain('text');
    expect(await chatBodies(token)).to.have.length(0);

    text.value = 'good morning';
    text.dispatchEvent(new InputEvent('input', {bubbles: true}));
    select.value = 'German';
    select.dispatchEvent(new Event('change', {bubbles: true}));
    deep<HTMLButtonElement>(chat, 'coze-composer', '[part~="shortcut-send-button"]')!.click();
    await waitUntil(() => !form(chat), 'the form did not close');
    await settled(chat);
    const [body] = await chatBodies(token);
    expect(body.shortcut_command).to.deep.equal({
      command_id: '7450000000000000102',
      parameters: {
        text: '[{"type":"text","text":"good morning"}]',
        language: '[{"type":"text","text":"German"}]',
        tone: '[{"type":"text","text":"plain"}]',
      },
    });
    const rows = messages(chat);
    expect(rows.at(-2)!.textContent).to.contain('Translate “good morning” into German');
    expect(lastRow(chat).textContent).to.contain(
      'Shortcut /translate ran with text = “good morning”, language = “German”, tone = “plain”.'
    );
  });

  it('uploads a file parameter and sends it as a file item', async () => {
    const token = uniqueToken('shortcut-file');
    const chat = await mount(token);
    await waitUntil(() => chips(chat).length === 3, 'the commands did not show');
    chip(chat, 'Summarise a file').click();
    await waitUntil(() => form(chat), 'the form did not open');
    const root = deep(chat, 'coze-composer')!.shadowRoot!;
    const picker = root.querySelector<HTMLInputElement>('.shortcut-form input[type="file"]')!;
    expect(picker.accept).to.contain('.txt');
    const transfer = new DataTransfer();
    transfer.items.add(new File(['meeting notes'], 'notes.txt', {type: 'text/plain'}));
    picker.files = transfer.files;
    picker.dispatchEvent(new Event('change', {bubbles: true}));
    await waitUntil(
      async () =>
        (await loggedRequests(token)).some(
          (r) => r.path === '/v1/files/upload' && r.status === 200
        ),
      'the file was not uploaded'
    );
    await waitUntil(() => !root.querySelector('.shortcut-form [role="status"]'), 'still uploading');
    deep<HTMLButtonElement>(chat, 'coze-composer', '[part~="shortcut-send-button"]')!.click();
    await settled(chat);
    const [body] = await chatBodies(token);
    const shortcut = body.shortcut_command as {parameters: Record<string, string>};
    const [item] = JSON.parse(shortcut.parameters.document) as {type: string; file_id: string}[];
    expect(item.type).to.equal('file');
    expect(item.file_id).to.match(/^\d+$/);
    expect(shortcut.parameters.length).to.equal('[{"type":"text","text":"short"}]');
    expect(messages(chat).at(-2)!.textContent).to.contain('Summarise notes.txt in a short summary');
    expect(lastRow(chat).textContent).to.contain('document = “notes.txt”, length = “short”');
  });

  it('offers the commands matching a typed “/” in a menu the keyboard can use', async () => {
    const token = uniqueToken('shortcut-menu');
    const chat = await mount(token);
    await waitUntil(() => chips(chat).length === 3, 'the commands did not show');
    input(chat).focus();
    typeInto(chat, '/');
    await waitUntil(() => deep(chat, 'coze-composer', '[part~="shortcut-menu"]'), 'no menu');
    const options = () => deepAll(chat, 'coze-composer', '[role="option"]');
    expect(options()).to.have.length(3);
    expect(input(chat).getAttribute('aria-activedescendant')).to.equal(options()[0].id);
    await expect(chat).to.be.accessible();
    typeInto(chat, '/tr');
    await waitUntil(() => options().length === 1, 'the menu did not narrow');
    input(chat).dispatchEvent(
      new KeyboardEvent('keydown', {key: 'Enter', bubbles: true, composed: true})
    );
    await waitUntil(() => form(chat), 'Enter did not open the command');
    expect(input(chat).value, 'the typed command is cleared').to.equal('');
    form(chat)!.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));
    await waitUntil(() => !form(chat), 'Escape did not close the form');
    expect(await chatBodies(token)).to.have.length(0);
  });

  it('hides the commands with no-shortcuts', async () => {
    const chat = await mount(uniqueToken('shortcut-off'), {noShortcuts: true});
    await waitUntil(() => deep(chat, 'coze-composer', 'textarea'), 'no composer');
    await waitUntil(() => chat.shadowRoot!.querySelector('coze-message-list'), 'no list');
    // The profile has arrived (the prologue shows) and still no command is offered.
    await waitUntil(() => deep(chat, 'coze-message-list', '[part~="follow-up"]'), 'no profile');
    expect(chips(chat)).to.have.length(0);
    typeInto(chat, '/');
    await chat.updateComplete;
    expect(deep(chat, 'coze-composer', '[part~="shortcut-menu"]')).to.equal(null);
  });
});
