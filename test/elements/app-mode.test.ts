import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {deep, lastRow, loggedRequests, messages, uniqueToken} from './helpers.js';

const APP = '7500000000000000101';
const FLOW = '7500000000000000102';

async function mountApp(token: string, extra: {version?: string} = {}): Promise<CozeChat> {
  return fixture<CozeChat>(
    html`<coze-chat
      mode="inline"
      type="app"
      app-id=${APP}
      workflow-id=${FLOW}
      app-version=${extra.version ?? ''}
      token=${token}
      api-base=${location.origin}
      user-id=${`u-${token}`}
      user-nickname="Ada"
      parameters='{"store":"north"}'
    ></coze-chat>`
  );
}

describe('<coze-chat type="app">', () => {
  it("shows the chatflow's name, icon and prologue, and chats through /v1/workflows/chat", async () => {
    const token = uniqueToken('app');
    const chat = await mountApp(token, {version: '0.0.3'});
    await waitUntil(() => deep(chat, 'coze-message-list', '.prologue'), 'prologue');
    expect(deep(chat, 'coze-message-list', '.prologue')!.textContent).to.contain('Hello Ada');
    expect(deep(chat, '[part~="title"]')!.textContent).to.equal('Emulator Chatflow');
    expect(deep(chat, '[part~="icon"]')!.getAttribute('src')).to.contain('chatflow-icon');

    await chat.send('hello app');
    expect(lastRow(chat).dataset.status).to.equal('complete');
    expect(lastRow(chat).textContent).to.contain('hello app');

    const log = await loggedRequests(token);
    expect(log.find((r) => r.path === `/v1/apps/${APP}`)!.query.version).to.equal('0.0.3');
    const create = log.find((r) => r.path === '/v1/conversation/create')!.body as Record<
      string,
      unknown
    >;
    expect(create).to.include({
      app_id: APP,
      workflow_id: FLOW,
      conversation_name: 'Default',
      get_or_create: true,
      connector_id: '999',
    });
    const run = log.find((r) => r.path === '/v1/workflows/chat')!;
    const body = run.body as Record<string, unknown>;
    expect(body).to.include({
      workflow_id: FLOW,
      app_id: APP,
      connector_id: '999',
      version: '0.0.3',
    });
    expect(body).not.to.have.property('workflow_version');
    expect(body.conversation_id).to.match(/^\d{19}$/);
    expect(body.parameters).to.deep.equal({store: 'north'});
    expect(body.ext).to.deep.equal({user_id: `u-${token}`});
    expect(run.query).not.to.have.property('conversation_id');
    expect(log.some((r) => r.path === '/v3/chat')).to.equal(false);
  });

  it('lets the reader answer a question node, and the chatflow resumes', async () => {
    const token = uniqueToken('size');
    const chat = await mountApp(token);
    await chat.send('I want a jacket, what size?');
    expect(lastRow(chat).dataset.status).to.equal('complete');
    expect(lastRow(chat).textContent).to.contain('Which size');
    expect(deep(chat, 'coze-message-list', '[part~="error"]')).to.equal(null);
    await chat.send('M');
    expect(lastRow(chat).textContent).to.contain('size M');
    expect(messages(chat).map((m) => m.dataset.role)).to.deep.equal([
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
  });

  it('keeps the same conversation across reloads', async () => {
    const token = uniqueToken('appreload');
    const first = await mountApp(token);
    await first.send('remember me');
    first.remove();
    const again = await mountApp(token);
    await waitUntil(() => messages(again).length >= 2, 'history');
    expect(messages(again)[0].textContent).to.contain('remember me');
  });

  it('shows the chatflow failure with its string code as a readable error', async () => {
    const chat = await mountApp(uniqueToken('appfail'));
    const error = new Promise<CustomEvent>((resolve) =>
      chat.addEventListener('coze-error', (e) => resolve(e as CustomEvent), {once: true})
    );
    await chat.send('fail chat');
    expect((await error).detail.code).to.equal(720702204);
    expect(
      deep(chat, 'coze-message-list', '[part~="error"]')!.textContent!.trim().length
    ).to.be.greaterThan(10);
    await expect(chat).to.be.accessible();
  });
});
