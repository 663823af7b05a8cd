/// <reference types="mocha" />
import {expect, waitUntil} from '@open-wc/testing';
import {createElement as h, act, type ComponentProps} from 'react';
import {createRoot, type Root} from 'react-dom/client';
import {CozeChat, CozeConversationList} from '../../src/react/index.js';
import type {CozeChat as CozeChatElement} from '../../src/elements/coze-chat/coze-chat.js';
import {CozeMessageEvent} from '../../src/events/coze-message-event.js';
import {deep, lastRow} from '../elements/helpers.js';
import {loggedRequests, uniqueToken} from '../api/helpers.js';

// React warns when act() runs outside a test environment it knows.
(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;

const botId = '7500000000000000001';

describe('coze-chat-elements/react', () => {
  let container: HTMLElement;
  let root: Root;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(async () => {
    await act(async () => root.unmount());
    container.remove();
  });

  async function render(element: Parameters<Root['render']>[0]): Promise<CozeChatElement> {
    await act(async () => root.render(element));
    const chat = container.querySelector('coze-chat');
    if (!chat) throw new Error('no <coze-chat> rendered');
    return chat;
  }

  it('<CozeChat>: onRefreshToken reaches the element as a property, onCozeMessage gets the event class', async () => {
    const token = uniqueToken('react_wrapper');
    const asked: string[] = [];
    const answers: CozeMessageEvent[] = [];
    const props: ComponentProps<typeof CozeChat> = {
      mode: 'inline',
      botId,
      apiBase: location.origin,
      userId: uniqueToken('visitor'),
      onRefreshToken: async (old: string) => {
        asked.push(old);
        return token;
      },
      onCozeMessage: (event) => answers.push(event),
    };
    const chat = await render(h(CozeChat, props));
    expect(typeof chat.onRefreshToken).to.equal('function');
    expect(chat.hasAttribute('onRefreshToken') || chat.hasAttribute('onrefreshtoken')).to.equal(
      false
    );
    await waitUntil(
      () => deep(chat, 'coze-message-list', '.prologue'),
      'loaded with the refreshed token'
    );
    await chat.send('hello from React');
    await waitUntil(() => answers.length === 1, 'onCozeMessage called');
    expect(answers[0]).to.be.instanceOf(CozeMessageEvent);
    expect(answers[0].detail.message.content).to.contain('hello from React');
    expect(asked).to.deep.equal(['']);
    const sent = (await loggedRequests(token)).filter((r) => r.path === '/v3/chat');
    expect(sent.map((r) => r.headers.authorization)).to.deep.equal([`Bearer ${token}`]);
  });

  it('<CozeChat>: a prop changed by a re-render reaches the element, and the token function survives it', async () => {
    const token = uniqueToken('react_rerender');
    let calls = 0;
    const view = (title: string) =>
      h(CozeChat, {
        mode: 'inline',
        botId,
        apiBase: location.origin,
        userId: uniqueToken('visitor'),
        chatTitle: title,
        // A new function on every render, as React code writes it.
        token: () => {
          calls++;
          return token;
        },
      });
    const chat = await render(view('First title'));
    await chat.send('one');
    await render(view('Second title'));
    expect(chat.chatTitle).to.equal('Second title');
    await chat.send('two');
    expect(lastRow(chat).dataset.status).to.equal('complete');
    expect(calls).to.equal(1);
  });

  it('every event of every element in custom-elements.json has its onCoze<Name> prop', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as {
      modules: Array<{declarations?: Array<{tagName?: string; events?: Array<{name: string}>}>}>;
    };
    const components = {
      'coze-chat': CozeChat,
      'coze-conversation-list': CozeConversationList,
    } as const;
    const declarations = manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .filter((d) => d.tagName);
    let checked = 0;
    for (const declaration of declarations) {
      for (const {name} of declaration.events ?? []) {
        const component = components[declaration.tagName as keyof typeof components];
        expect(component, `a component with events for <${declaration.tagName}>`).to.exist;
        const prop = `on${name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}`;
        const heard: Event[] = [];
        await act(async () =>
          root.render(h(component as typeof CozeChat, {[prop]: (e: Event) => heard.push(e)}))
        );
        const element = container.querySelector(declaration.tagName!)!;
        element.dispatchEvent(new Event(name));
        expect(heard, `${prop} on <${declaration.tagName}> hears ${name}`).to.have.length(1);
        checked++;
      }
    }
    expect(checked).to.be.greaterThan(10);
  });

  it('React 19 on the plain tag: token={async () => …} reaches the element, oncoze-message listens', async () => {
    const token = uniqueToken('react_tag');
    const answers: Event[] = [];
    const chat = await render(
      h('coze-chat', {
        mode: 'inline',
        'bot-id': botId,
        'api-base': location.origin,
        'user-id': uniqueToken('visitor'),
        token: async () => token,
        'oncoze-message': (event: Event) => answers.push(event),
      })
    );
    expect(typeof chat.token).to.equal('function');
    expect(chat.hasAttribute('token')).to.equal(false);
    await chat.send('hello from the plain tag');
    await waitUntil(() => answers.length === 1, 'oncoze-message called');
    expect(answers[0]).to.be.instanceOf(CozeMessageEvent);
    const sent = (await loggedRequests(token)).filter((r) => r.path === '/v3/chat');
    expect(sent.map((r) => r.headers.authorization)).to.deep.equal([`Bearer ${token}`]);
  });
});
