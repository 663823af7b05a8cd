/// <reference types="mocha" />
// The welcome screen of an empty conversation, in the built bundle: who the bot is, its prologue
// with the reader's name filled in (or cleanly left out), and the suggested questions as cards.
import {expect, waitUntil} from '@open-wc/testing';
import {allInList, axeViolations, bundlePage, inList, type BundlePage} from './bundle-page.js';

describe('the welcome screen (built bundle)', () => {
  let page: BundlePage | undefined;
  afterEach(() => page?.frame.remove());

  it('shows the bot, its description, the prologue and the suggested questions as cards', async function () {
    this.timeout(20000);
    page = await bundlePage('welcome');
    const {chat} = page;
    await waitUntil(() => inList(chat, '[part~="welcome"] .prologue'), 'no welcome screen');
    const welcome = inList(chat, '[part~="welcome"]')!;
    expect(welcome.querySelector('[part~="avatar"]'), 'the bot picture').to.not.equal(null);
    expect(welcome.querySelector('.welcome-name')!.textContent).to.equal('Emulator Bot');
    expect(welcome.querySelector('.welcome-description')!.textContent).to.contain(
      'A scripted stand-in for a Coze bot'
    );
    const prologue = welcome.querySelector('.prologue')!.textContent!;
    expect(prologue).to.match(/^Hi, I am the Coze emulator\./);
    expect(prologue).to.not.match(/Hi ,|\{\{/);
    // A list of full-width cards, one question each.
    const cards = allInList(chat, '[part~="welcome"] ul > li > button[part~="follow-up"]');
    expect(cards.length).to.be.greaterThan(1);
    const list = welcome.querySelector('ul')!.getBoundingClientRect();
    for (const card of cards)
      expect(card.getBoundingClientRect().width, 'card as wide as the list').to.be.closeTo(
        list.width,
        1
      );
    expect(await axeViolations(page)).to.deep.equal([]);

    // A card asks its question; the welcome screen gives way to the conversation.
    const question = cards[0]!.textContent!.trim();
    cards[0]!.click();
    await waitUntil(() => !inList(chat, '[part~="welcome"]'), 'the welcome screen stayed');
    expect(allInList(chat, '[part~="message"]')[0]!.textContent).to.contain(question);
  });

  it('fills the reader name into the prologue', async function () {
    this.timeout(20000);
    page = await bundlePage('welcome-name', {attributes: 'mode="inline" user-nickname="Ada"'});
    await waitUntil(() => inList(page!.chat, '.prologue'), 'no prologue');
    expect(inList(page.chat, '.prologue')!.textContent).to.match(/^Hi Ada, I am/);
  });
});
