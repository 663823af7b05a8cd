import {expect, waitUntil} from '@open-wc/testing';
import type {CozeToolCallEvent} from '../../src/events/coze-tool-call-event.js';
import {deep, lastRow, loggedRequests, messages, mountChat, uniqueToken} from './helpers.js';

describe('<coze-chat> local function calls (requires_action)', () => {
  it('raises coze-tool-call and sends the handler output with submit_tool_outputs', async () => {
    const token = uniqueToken('tool');
    const chat = await mountChat(token, {mode: 'inline'});
    const seen: CozeToolCallEvent[] = [];
    chat.addEventListener('coze-tool-call', (event) => {
      seen.push(event);
      const [call] = event.detail.toolCalls;
      event.respondWith(
        new Promise((resolve) =>
          setTimeout(
            () =>
              resolve([
                {toolCallId: call.id, output: JSON.stringify({temperature: '18°C', sky: 'clear'})},
              ]),
            20
          )
        )
      );
    });
    await chat.send('What is the local weather?');
    expect(seen).to.have.length(1);
    const [call] = seen[0].detail.toolCalls;
    expect(call.name).to.equal('get_local_weather');
    expect(call.arguments).to.deep.equal({city: 'Paris'});
    expect(lastRow(chat).dataset.status).to.equal('complete');
    expect(lastRow(chat).textContent).to.contain('18°C');

    const log = await loggedRequests(token);
    const started = log.find((r) => r.path === '/v3/chat')!;
    const submit = log.find((r) => r.path === '/v3/chat/submit_tool_outputs')!;
    expect(submit.query.conversation_id).to.equal(started.query.conversation_id);
    expect(submit.query.chat_id).to.match(/^\d{19}$/);
    expect(submit.body).to.deep.equal({
      tool_outputs: [
        {tool_call_id: call.id, output: JSON.stringify({temperature: '18°C', sky: 'clear'})},
      ],
      stream: true,
    });
  });

  it('without a handler, the reader gets a readable notice and a retry', async () => {
    const token = uniqueToken('notool');
    const chat = await mountChat(token, {mode: 'inline'});
    await chat.send('What is the local weather?');
    const error = deep(chat, 'coze-message-list', '[part~="error"]')!;
    expect(error.textContent).to.contain('get_local_weather');
    expect(error.textContent).not.to.contain('{');
    expect(messages(chat)[0].textContent).to.contain('local weather');
    expect(
      (await loggedRequests(token)).some((r) => r.path === '/v3/chat/submit_tool_outputs')
    ).to.equal(false);
    await waitUntil(
      () => deep(chat, 'coze-message-list', '[part~="retry-button"]'),
      'retry offered'
    );
    await expect(chat).to.be.accessible();
  });
});
