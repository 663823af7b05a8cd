/// <reference types="mocha" />
import {aTimeout, expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import type {CozeComposer} from '../../src/elements/coze-composer/coze-composer.js';
import {
  deep,
  deepAll,
  input,
  lastRow,
  loggedRequests,
  mountChat,
  typeInto,
  uniqueToken,
} from './helpers.js';

/** A part inside the composer. */
const part = <T extends HTMLElement = HTMLElement>(chat: CozeChat, name: string) =>
  deep<T>(chat, 'coze-composer', `[part~="${name}"]`);
const chips = (chat: CozeChat) => deepAll(chat, 'coze-composer', '[part~="attachment"]');
const sendButton = (chat: CozeChat) => part<HTMLButtonElement>(chat, 'send-button')!;
const notice = (chat: CozeChat) =>
  deepAll(chat, 'coze-composer', '[part~="error"]').map((e) => e.textContent!.trim());

function transfer(files: readonly File[]): DataTransfer {
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  return data;
}

/** Chooses files in the hidden file input, as the picker does. */
function pick(chat: CozeChat, ...files: File[]): void {
  const picker = deep<HTMLInputElement>(chat, 'coze-composer', 'input[type="file"]')!;
  picker.files = transfer(files).files;
  picker.dispatchEvent(new Event('change', {bubbles: true}));
}

function paste(chat: CozeChat, ...files: File[]): ClipboardEvent {
  const event = new ClipboardEvent('paste', {
    clipboardData: transfer(files),
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  // Firefox's ClipboardEvent constructor copies the strings of clipboardData but not its
  // files (a real paste carries them), so the event gets the transfer itself there.
  if (event.clipboardData?.files.length !== files.length)
    Object.defineProperty(event, 'clipboardData', {value: transfer(files)});
  input(chat).dispatchEvent(event);
  return event;
}

const textFile = (name: string, size: number) =>
  new File(['x'.repeat(size)], name, {type: 'text/plain'});

async function pngFile(name: string, width = 400, height = 300): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#3366cc';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#ffcc00';
  context.fillRect(width / 4, height / 4, width / 2, height / 2);
  return new File([await canvas.convertToBlob({type: 'image/png'})], name, {type: 'image/png'});
}

const uploaded = (chat: CozeChat, count: number) => () =>
  chips(chat).length === count && chips(chat).every((chip) => chip.dataset.status === 'done');

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

describe('<coze-composer> files and images', () => {
  it('has a real upload button that opens a hidden multi-file input, and is accessible', async () => {
    const {chat} = await inlineChat('upload-default');
    const button = part<HTMLButtonElement>(chat, 'upload-button')!;
    expect(button.tagName).to.equal('BUTTON');
    expect(button.getAttribute('aria-label')).to.equal('Attach files or images');
    const picker = deep<HTMLInputElement>(chat, 'coze-composer', 'input[type="file"]')!;
    expect(picker.multiple).to.equal(true);
    expect(picker.hidden).to.equal(true);
    let opened = false;
    picker.addEventListener('click', (e) => {
      opened = true;
      e.preventDefault();
    });
    button.click();
    expect(opened, 'the button clicks the input').to.equal(true);
    await expect(chat).to.be.accessible();
  });

  it('uploads picked files as chips with name, size and progress to 100%, multipart on the wire', async () => {
    const {chat, token} = await inlineChat('upload-pick');
    pick(chat, textFile('notes.txt', 12595));
    await waitUntil(() => chips(chat).length === 1, 'a chip appears');
    const chip = chips(chat)[0]!;
    expect(chip.textContent).to.contain('notes.txt');
    expect(chip.textContent).to.contain('12.3 KB');
    expect(chip.querySelector('[part~="remove-button"]')!.getAttribute('aria-label')).to.equal(
      'Remove notes.txt'
    );
    await waitUntil(uploaded(chat, 1), 'the upload finished');
    const progress = chips(chat)[0]!.querySelector('progress')!;
    expect(progress.getAttribute('aria-label')).to.equal('Uploading notes.txt');
    expect(progress.value).to.be.greaterThan(0);
    expect(progress.value).to.equal(progress.max);
    const uploads = (await loggedRequests(token)).filter((r) => r.path === '/v1/files/upload');
    expect(uploads).to.have.length(1);
    expect(uploads[0]!.method).to.equal('POST');
    expect(uploads[0]!.headers['content-type']).to.match(/^multipart\/form-data; boundary=/);
    expect(uploads[0]!.body).to.deep.equal({
      multipart: true,
      parts: [{name: 'file', filename: 'notes.txt', content_type: 'text/plain', bytes: 12595}],
    });
    expect(uploads[0]!.status).to.equal(200);
    await expect(chat).to.be.accessible();
  });

  it('takes pasted files (an image gets a small thumbnail) and leaves pasted text alone', async () => {
    const {chat} = await inlineChat('upload-paste');
    const event = paste(chat, await pngFile('photo.png'));
    expect(event.defaultPrevented, 'files are not pasted as text').to.equal(true);
    await waitUntil(uploaded(chat, 1), 'the image uploaded');
    const thumb = chips(chat)[0]!.querySelector('img')!;
    expect(thumb.src).to.match(/^data:image\/png;base64,/);
    expect(thumb.alt).to.equal('Image photo.png');
    await thumb.decode();
    expect(thumb.naturalWidth).to.equal(160);
    expect(thumb.naturalHeight).to.equal(120);
    const plain = new ClipboardEvent('paste', {
      clipboardData: new DataTransfer(),
      bubbles: true,
      cancelable: true,
    });
    plain.clipboardData!.setData('text/plain', 'hello');
    input(chat).dispatchEvent(plain);
    expect(plain.defaultPrevented).to.equal(false);
    expect(chips(chat)).to.have.length(1);
    await expect(chat).to.be.accessible();
  });

  it('takes files dropped on the composer, with a visible hint while dragging', async () => {
    const {chat} = await inlineChat('upload-drop');
    const form = part(chat, 'composer')!;
    const hint = part(chat, 'drop-hint')!;
    expect(getComputedStyle(hint).display).to.equal('none');
    const data = transfer([textFile('dropped.csv', 300)]);
    const enter = new DragEvent('dragenter', {
      dataTransfer: data,
      bubbles: true,
      cancelable: true,
      composed: true,
    });
    form.dispatchEvent(enter);
    expect(enter.defaultPrevented).to.equal(true);
    await rendered(chat);
    expect(getComputedStyle(hint).display).not.to.equal('none');
    expect(hint.textContent!.trim()).to.equal('Drop files to attach them');
    const over = new DragEvent('dragover', {
      dataTransfer: data,
      bubbles: true,
      cancelable: true,
      composed: true,
    });
    form.dispatchEvent(over);
    expect(over.defaultPrevented, 'dropping is allowed').to.equal(true);
    form.dispatchEvent(
      new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true, composed: true})
    );
    await waitUntil(uploaded(chat, 1), 'the dropped file uploaded');
    expect(chips(chat)[0]!.textContent).to.contain('dropped.csv');
    expect(chips(chat)[0]!.textContent).to.contain('300 B');
    expect(getComputedStyle(hint).display).to.equal('none');
  });

  it('removes a chip, also one still uploading', async () => {
    const {chat} = await inlineChat('upload-remove');
    pick(chat, textFile('a.txt', 10), textFile('big.txt', 4 * 1024 * 1024));
    await waitUntil(() => chips(chat).length === 2);
    // The 4 MB upload is in flight: removing it aborts it.
    (chips(chat)[1]!.querySelector('[part~="remove-button"]') as HTMLButtonElement).click();
    await rendered(chat);
    expect(chips(chat).map((c) => c.textContent!.includes('a.txt'))).to.deep.equal([true]);
    await waitUntil(uploaded(chat, 1), 'the other upload finished');
    await aTimeout(200);
    expect(notice(chat), 'an aborted upload is not an error').to.deep.equal([]);
    (chips(chat)[0]!.querySelector('[part~="remove-button"]') as HTMLButtonElement).click();
    await rendered(chat);
    expect(chips(chat)).to.have.length(0);
    expect(deep(chat, 'coze-composer')!.shadowRoot!.activeElement).to.equal(input(chat));
  });

  it('refuses a 7th file with a message, keeping the six', async () => {
    const {chat} = await inlineChat('upload-seven');
    pick(chat, ...Array.from({length: 7}, (_, i) => textFile(`f${i + 1}.txt`, 20)));
    await waitUntil(uploaded(chat, 6), 'six uploaded');
    expect(chips(chat).map((c) => c.querySelector('.name')!.textContent)).to.deep.equal([
      'f1.txt',
      'f2.txt',
      'f3.txt',
      'f4.txt',
      'f5.txt',
      'f6.txt',
    ]);
    expect(notice(chat)).to.deep.equal(['You can attach up to 6 files.']);
    const alert = part(chat, 'error')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    paste(chat, textFile('f8.txt', 20));
    await aTimeout(50);
    expect(chips(chat)).to.have.length(6);
    await expect(chat).to.be.accessible();
  });

  it('sends text and files as object_string with the uploaded file ids, then clears', async () => {
    const {chat, token} = await inlineChat('upload-send');
    typeInto(chat, 'What is in these?');
    pick(chat, textFile('notes.txt', 12595));
    paste(chat, await pngFile('photo.png'));
    await waitUntil(uploaded(chat, 2), 'both uploaded');
    expect(sendButton(chat).disabled).to.equal(false);
    sendButton(chat).click();
    await waitUntil(() => chips(chat).length === 0, 'the chips clear');
    expect(input(chat).value).to.equal('');
    await waitUntil(
      () =>
        lastRow(chat)?.dataset.role === 'assistant' && lastRow(chat)!.dataset.status === 'complete',
      'answered',
      {timeout: 8000}
    );
    // The emulator names the uploads behind the ids it got.
    expect(lastRow(chat).textContent).to.contain(
      'I received 2 files: notes.txt (12.3 KB), photo.png (an image).'
    );
    const log = await loggedRequests(token);
    expect(
      log
        .filter((r) => r.path === '/v1/files/upload')
        .every((r) => r.body && (r.body as {multipart?: boolean}).multipart)
    ).to.equal(true);
    const [chatRequest] = log.filter((r) => r.path === '/v3/chat');
    const [message] = (
      chatRequest!.body as {
        additional_messages: Array<{content: string; content_type: string; role: string}>;
      }
    ).additional_messages;
    expect(message!.role).to.equal('user');
    expect(message!.content_type).to.equal('object_string');
    const items = JSON.parse(message!.content) as Array<{
      type: string;
      text?: string;
      file_id?: string;
    }>;
    expect(items.map((i) => i.type)).to.deep.equal(['text', 'file', 'image']);
    expect(items[0]!.text).to.equal('What is in these?');
    expect(items[1]!.file_id).to.match(/^\d+$/);
    expect(items[2]!.file_id).to.match(/^\d+$/);
    expect(items[1]!.file_id).not.to.equal(items[2]!.file_id);
    // The image's thumbnail went with it, so history in this browser can show the picture.
    expect(localStorage.getItem(`coze-chat-elements:thumb:${items[2]!.file_id}`)).to.match(
      /^data:image\/png;base64,/
    );
  });

  it('sends a files-only message', async () => {
    const {chat, token} = await inlineChat('upload-only');
    expect(sendButton(chat).disabled).to.equal(true);
    pick(chat, textFile('report.md', 100));
    await waitUntil(uploaded(chat, 1));
    expect(sendButton(chat).disabled).to.equal(false);
    input(chat).focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(
      async () => (await loggedRequests(token)).some((r) => r.path === '/v3/chat'),
      'sent'
    );
    const [chatRequest] = (await loggedRequests(token)).filter((r) => r.path === '/v3/chat');
    const [message] = (
      chatRequest!.body as {additional_messages: Array<{content: string; content_type: string}>}
    ).additional_messages;
    expect(message!.content_type).to.equal('object_string');
    expect(
      (JSON.parse(message!.content) as Array<{type: string}>).map((i) => i.type)
    ).to.deep.equal(['file']);
  });

  it('keeps text and files when the send is vetoed', async () => {
    const {chat, token} = await inlineChat('upload-veto');
    chat.addEventListener('coze-send', (e) => e.preventDefault());
    typeInto(chat, 'keep me');
    pick(chat, textFile('keep.txt', 10));
    await waitUntil(uploaded(chat, 1));
    sendButton(chat).click();
    await aTimeout(100);
    expect(input(chat).value).to.equal('keep me');
    expect(chips(chat)).to.have.length(1);
    expect((await loggedRequests(token)).filter((r) => r.path === '/v3/chat')).to.have.length(0);
  });

  it('shows an unsupported type (4303) and a too-large file (4302) under the chip, keeping the draft', async () => {
    const {chat} = await inlineChat('upload-errors');
    typeInto(chat, 'my draft');
    pick(
      chat,
      textFile('bad.exe', 50),
      new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'huge.bin')
    );
    await waitUntil(
      () => chips(chat).filter((c) => c.dataset.status === 'error').length === 2,
      'both failed',
      {timeout: 8000}
    );
    const [bad, huge] = chips(chat);
    expect(bad!.querySelector('[part~="error"]')!.textContent!.trim()).to.equal(
      'bad.exe could not be uploaded: This file type is not supported.'
    );
    expect(huge!.querySelector('[part~="error"]')!.textContent!.trim()).to.equal(
      'huge.bin could not be uploaded: The file is too large.'
    );
    expect(bad!.querySelector('[part~="error"]')!.getAttribute('role')).to.equal('alert');
    expect(input(chat).value).to.equal('my draft');
    expect(sendButton(chat).disabled, 'a failed file blocks sending').to.equal(true);
    await expect(chat).to.be.accessible();
    for (const chip of chips(chat))
      (chip.querySelector('[part~="remove-button"]') as HTMLButtonElement).click();
    await rendered(chat);
    expect(chips(chat)).to.have.length(0);
    expect(input(chat).value).to.equal('my draft');
    expect(sendButton(chat).disabled).to.equal(false);
  });

  it('disables send while an upload runs', async () => {
    const {chat} = await inlineChat('upload-busy');
    typeInto(chat, 'text');
    pick(chat, textFile('slow.txt', 4 * 1024 * 1024));
    await rendered(chat);
    expect(chips(chat)[0]!.dataset.status).to.equal('uploading');
    expect(sendButton(chat).disabled).to.equal(true);
    const enter = new KeyboardEvent('keydown', {
      key: 'Enter',
      bubbles: true,
      cancelable: true,
      composed: true,
    });
    input(chat).dispatchEvent(enter);
    await rendered(chat);
    expect(input(chat).value, 'Enter does not send either').to.equal('text');
    await waitUntil(uploaded(chat, 1), 'uploaded', {timeout: 8000});
    expect(sendButton(chat).disabled).to.equal(false);
  });

  it('no-upload hides the button and ignores pasted and dropped files', async () => {
    const {chat} = await inlineChat('upload-off');
    chat.noUpload = true;
    await rendered(chat);
    expect(part(chat, 'upload-button')).to.equal(null);
    const event = paste(chat, textFile('x.txt', 3));
    expect(event.defaultPrevented).to.equal(false);
    const form = part(chat, 'composer')!;
    const drop = new DragEvent('drop', {
      dataTransfer: transfer([textFile('y.txt', 3)]),
      bubbles: true,
      cancelable: true,
    });
    form.dispatchEvent(drop);
    expect(drop.defaultPrevented).to.equal(false);
    await aTimeout(50);
    expect(chips(chat)).to.have.length(0);
  });
});
