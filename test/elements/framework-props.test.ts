/// <reference types="mocha" />
import {aTimeout, expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import type {CozeErrorEvent} from '../../src/events/coze-error-event.js';
import {deep, lastRow, loggedRequests, mountChat, uniqueToken} from './helpers.js';

/** Everything a page (or a screen reader) can read of the element: attributes and every open shadow root. */
function visibleText(root: Element): string {
  let text = root.outerHTML;
  const walk = (node: Element) => {
    if (node.shadowRoot) {
      text += node.shadowRoot.innerHTML;
      node.shadowRoot.querySelectorAll('*').forEach(walk);
    }
    node.querySelectorAll('*').forEach(walk);
  };
  walk(root);
  return text;
}

/** An inline chat on the emulator whose token comes from `supply`. */
function mountWithFunction(
  supply: (previous?: string) => string | Promise<string>,
  user: string
): Promise<CozeChat> {
  return fixture<CozeChat>(
    html`<coze-chat
      mode="inline"
      bot-id="7500000000000000001"
      api-base=${location.origin}
      user-id=${user}
      .token=${supply}
    ></coze-chat>`
  );
}

describe('<coze-chat> callbacks that frameworks can pass', () => {
  it('takes a function as the token: asked for the first token, then once with the rejected one', async () => {
    const token = uniqueToken('fn');
    const calls: Array<string | undefined> = [];
    // The first token it hands out is expired; the emulator answers 4100 and the widget asks again.
    const supply = async (previous?: string) => {
      calls.push(previous);
      await aTimeout(10);
      return calls.length === 1 ? `${token}_expired` : `${token}_fresh`;
    };
    const errors: CozeErrorEvent[] = [];
    const chat = await fixture<CozeChat>(
      html`<coze-chat
        mode="inline"
        bot-id="7500000000000000001"
        api-base=${location.origin}
        user-id=${uniqueToken('visitor')}
        .token=${supply}
        @coze-error=${(e: CozeErrorEvent) => errors.push(e)}
      ></coze-chat>`
    );
    await waitUntil(
      () => deep(chat, 'coze-message-list', '.prologue'),
      'loaded with the supplied token'
    );
    await chat.send('hello with a token function');
    expect(lastRow(chat).dataset.status).to.equal('complete');
    expect(calls).to.deep.equal([undefined, `${token}_expired`]);
    const sent = (await loggedRequests(token)).map((r) => r.headers.authorization);
    expect(sent).to.include(`Bearer ${token}_expired`);
    expect(sent.at(-1)).to.equal(`Bearer ${token}_fresh`);
    expect(await chat.getToken()).to.equal(`${token}_fresh`);
    // Never in the DOM, never in an event, never an attribute.
    expect(chat.hasAttribute('token')).to.equal(false);
    // (Compared as booleans: the page text is long.)
    expect(visibleText(chat).includes(token), 'token in the DOM').to.equal(false);
    expect(
      JSON.stringify(errors.map((e) => e.detail)).includes(token),
      'token in an event'
    ).to.equal(false);
  });

  it('keeps its token when a re-render passes a new token function', async () => {
    const token = uniqueToken('rerender');
    let calls = 0;
    const make = () => () => {
      calls++;
      return token;
    };
    const chat = await mountWithFunction(make(), `u-${token}`);
    await chat.send('first');
    chat.token = make();
    await chat.send('second');
    expect(calls).to.equal(1);
    expect(lastRow(chat).dataset.status).to.equal('complete');
  });

  it('reports a token function that fails as a coze-error without losing the question', async () => {
    const errors: CozeErrorEvent[] = [];
    const listen = (e: Event) => errors.push(e as CozeErrorEvent);
    document.addEventListener('coze-error', listen);
    const chat = await mountWithFunction(
      () => Promise.reject(new Error('the site is down')),
      `u-${uniqueToken('failing')}`
    );
    await chat.send('kept question');
    document.removeEventListener('coze-error', listen);
    await waitUntil(() => errors.length > 0, 'coze-error fired');
    expect(errors.at(-1)!.detail.message).to.match(/token|sign in|authentication/i);
    expect(lastRow(chat).textContent).to.contain('kept question');
  });

  it('vetoes show and hide through beforeShow / beforeHide, after the events and the on* hooks', async () => {
    const chat = await mountChat(uniqueToken('before'));
    const order: string[] = [];
    chat.addEventListener('coze-before-show', () => order.push('event'));
    chat.onBeforeShow = () => {
      order.push('onBeforeShow');
    };
    let allowShow = false;
    chat.beforeShow = async () => {
      order.push('beforeShow');
      await aTimeout(10);
      return allowShow;
    };
    expect(await chat.show()).to.equal(false);
    expect(chat.open).to.equal(false);
    expect(order).to.deep.equal(['event', 'onBeforeShow', 'beforeShow']);
    allowShow = true;
    expect(await chat.show()).to.equal(true);
    expect(chat.open).to.equal(true);

    chat.beforeHide = () => false;
    expect(await chat.hide()).to.equal(false);
    expect(chat.open).to.equal(true);
    // An on* hook that vetoes wins before beforeHide is asked.
    let askedBeforeHide = false;
    chat.onBeforeHide = () => false;
    chat.beforeHide = () => {
      askedBeforeHide = true;
      return true;
    };
    expect(await chat.hide()).to.equal(false);
    expect(askedBeforeHide).to.equal(false);
    chat.onBeforeHide = undefined;
    expect(await chat.hide()).to.equal(true);
    expect(askedBeforeHide).to.equal(true);
    expect(chat.open).to.equal(false);
  });
});
