/// <reference types="mocha" />
import {expect, waitUntil} from '@open-wc/testing';
import {
  DEFAULT_IMAGE_HOSTS,
  imageHostAllowed,
  parseImageHosts,
} from '../../src/markdown/image-hosts.js';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {deepAll, mountChat, settled, uniqueToken} from '../elements/helpers.js';

const answerImages = (chat: CozeChat) => deepAll(chat, 'coze-message-list', '.md img');
const placeholders = (chat: CozeChat) =>
  deepAll(chat, 'coze-message-list', '.md [part~="image-placeholder"]');

describe('image hosts', () => {
  it('read the attribute: names, subdomains, any host, and the default', () => {
    expect(parseImageHosts('')).to.equal(DEFAULT_IMAGE_HOSTS);
    expect(parseImageHosts(' a.example, *.B.example  c.example ')).to.deep.equal([
      'a.example',
      'b.example',
      'c.example',
    ]);
    const hosts = parseImageHosts('files.example');
    const page = 'https://site.example';
    expect(imageHostAllowed('https://files.example/a.png', hosts, page)).to.equal(true);
    expect(imageHostAllowed('https://cdn.files.example/a.png', hosts, page)).to.equal(true);
    expect(imageHostAllowed('https://evilfiles.example/a.png', hosts, page)).to.equal(false);
    expect(imageHostAllowed('https://files.example.evil/a.png', hosts, page)).to.equal(false);
    expect(imageHostAllowed('https://site.example/own.png', hosts, page)).to.equal(true);
    expect(imageHostAllowed('https://site.example:8443/own.png', hosts, page)).to.equal(false);
    expect(imageHostAllowed('data:image/png;base64,AAAA', ['*'], page)).to.equal(false);
    expect(imageHostAllowed('https://any.example/a.png', ['*'], page)).to.equal(true);
    const coze = 'https://p9-bot-sign.byteimg.com/tos/a.png';
    expect(imageHostAllowed(coze, DEFAULT_IMAGE_HOSTS, page)).to.equal(true);
  });
});

describe('an answer image from another host', () => {
  it('is a placeholder naming the host until pressed, then loads and stays', async () => {
    const chat = await mountChat(uniqueToken('images-default'), {mode: 'inline'});
    await chat.send('images');
    await settled(chat);
    expect(answerImages(chat)).to.have.length(0);
    const buttons = placeholders(chat);
    expect(buttons).to.have.length(3);
    expect(buttons[0]!.localName).to.equal('button');
    expect(buttons[0]!.textContent).to.contain('A red square');
    expect(buttons[0]!.textContent).to.contain('images.example.invalid');
    expect(buttons[1]!.textContent).to.equal('Load image from images.example.invalid');
    await expect(chat).to.be.accessible();

    buttons[0]!.click();
    const [img] = answerImages(chat) as HTMLImageElement[];
    expect(img?.getAttribute('src')).to.equal('https://images.example.invalid/red-square.png');
    expect(img?.alt).to.equal('A red square');
    expect(placeholders(chat)).to.have.length(2);
    // Another render of the transcript keeps the reader's choice.
    await chat.send('and after that');
    await settled(chat);
    expect(answerImages(chat)).to.have.length(1);
    expect(placeholders(chat)).to.have.length(2);
    chat.remove();
  });

  it('loads at once from a host in image-hosts and from the page itself', async () => {
    const chat = await mountChat(uniqueToken('images-listed'), {mode: 'inline'});
    chat.setAttribute('image-hosts', 'example.invalid');
    await chat.send('images');
    await settled(chat);
    expect(answerImages(chat)).to.have.length(3);
    expect(placeholders(chat)).to.have.length(0);
    chat.removeAttribute('image-hosts');
    await chat.send(`Look: ![own icon](${location.origin}/__emulator/icon.svg)`);
    await settled(chat);
    await waitUntil(() => placeholders(chat).length === 3, 'the first answer follows the list');
    const own = answerImages(chat).filter((img) => img.getAttribute('alt') === 'own icon');
    expect(own).to.have.length(1);
    chat.remove();
  });
});
