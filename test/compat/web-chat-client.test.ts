/// <reference types="mocha" />
import {aTimeout, expect, waitUntil} from '@open-wc/testing';
import {WebChatClient} from '../../src/index.js';
import {
  answered,
  ask,
  BOT,
  botOptions,
  chatOf,
  chatsInPage,
  deep,
  destroyAll,
  loggedRequests,
  messages,
  prologue,
  uniqueToken,
} from './helpers.js';

/** A sized box in the page, removed after the test. */
function box(tag = 'div'): HTMLElement {
  const el = document.createElement(tag);
  el.style.cssText = 'display: block; width: 400px; height: 560px;';
  document.body.append(el);
  boxes.push(el);
  return el;
}
const boxes: HTMLElement[] = [];

afterEach(() => {
  destroyAll();
  for (const el of boxes.splice(0)) el.remove();
});

describe('WebChatClient: the official snippet', () => {
  it('mounts a floating <coze-chat> at the end of the body, configured from the options', async () => {
    const token = uniqueToken('mount');
    const client = new WebChatClient(botOptions(token, {ui: {chatBot: {title: 'Trail guide'}}}));
    const chat = chatOf(client);
    expect(chat.tagName).to.equal('COZE-CHAT');
    expect(chat.parentElement).to.equal(document.body);
    expect(document.body.lastElementChild).to.equal(chat);
    expect(chat.mode).to.equal('floating');
    expect(chat.botId).to.equal(BOT);
    expect(chat.open).to.equal(false);
    expect(WebChatClient.clients).to.include(client);
    await chat.updateComplete;
    expect(deep(chat, 'coze-launcher')).to.exist;
    await expect(chat).to.be.accessible();
  });

  it('showChatBot() opens the panel and the bot answers', async () => {
    const token = uniqueToken('answer');
    const client = new WebChatClient(botOptions(token));
    const chat = chatOf(client);
    expect(await client.showChatBot()).to.equal(true);
    expect(chat.open).to.equal(true);
    expect(deep(chat, '[part~="panel"]')!.hidden).to.equal(false);
    await prologue(chat);
    await ask(chat, 'hello from the facade');
    await answered(chat);
    expect(messages(chat)[0].textContent).to.contain('hello from the facade');
    expect(messages(chat).at(-1)!.textContent).to.contain('hello from the facade');
    await expect(chat).to.be.accessible();
  });

  it('hideChatBot() closes it, running onBeforeHide then onHide', async () => {
    const calls: string[] = [];
    const client = new WebChatClient(
      botOptions(uniqueToken('hide'), {
        ui: {
          chatBot: {
            onBeforeShow: () => calls.push('beforeShow'),
            onShow: () => calls.push('show'),
            onBeforeHide: () => calls.push('beforeHide'),
            onHide: () => calls.push('hide'),
          },
        },
      })
    );
    await client.showChatBot();
    expect(await client.hideChatBot()).to.equal(true);
    expect(chatOf(client).open).to.equal(false);
    expect(deep(chatOf(client), '[part~="panel"]')!.hidden).to.equal(true);
    expect(calls).to.deep.equal(['beforeShow', 'show', 'beforeHide', 'hide']);
  });

  it('onBeforeShow returning false (or a Promise of false) keeps the panel closed', async () => {
    let allow = false;
    const shown: string[] = [];
    const client = new WebChatClient(
      botOptions(uniqueToken('veto'), {
        ui: {chatBot: {onBeforeShow: async () => allow, onShow: () => shown.push('show')}},
      })
    );
    const chat = chatOf(client);
    expect(await client.showChatBot()).to.equal(false);
    expect(chat.open).to.equal(false);
    // Not shown: not built at all, or hidden.
    const panel = deep(chat, '[part~="panel"]');
    expect(panel === null || panel.hidden).to.equal(true);
    expect(shown).to.deep.equal([]);
    allow = true;
    expect(await client.showChatBot()).to.equal(true);
    expect(shown).to.deep.equal(['show']);
  });

  it('onBeforeHide returning false keeps the panel open', async () => {
    const client = new WebChatClient(
      botOptions(uniqueToken('vetohide'), {ui: {chatBot: {onBeforeHide: () => false}}})
    );
    await client.showChatBot();
    expect(await client.hideChatBot()).to.equal(false);
    expect(chatOf(client).open).to.equal(true);
  });

  it('destroy() removes the widget and forgets the client; calling it again is harmless', async () => {
    const client = new WebChatClient(botOptions(uniqueToken('destroy')));
    const chat = chatOf(client);
    await client.showChatBot();
    client.destroy();
    expect(chat.isConnected).to.equal(false);
    expect(chatsInPage()).not.to.include(chat);
    expect(WebChatClient.clients).not.to.include(client);
    expect(client.element).to.equal(undefined);
    client.destroy();
    expect(await client.showChatBot()).to.equal(false);
    expect(await client.getToken()).to.equal(undefined);
  });

  it('keeps several clients apart', async () => {
    const a = new WebChatClient(botOptions(uniqueToken('a'), {ui: {chatBot: {title: 'A'}}}));
    const b = new WebChatClient(botOptions(uniqueToken('b'), {ui: {chatBot: {title: 'B'}}}));
    expect(WebChatClient.clients.slice(-2)).to.deep.equal([a, b]);
    a.destroy();
    expect(WebChatClient.clients).to.include(b);
    expect(chatOf(b).isConnected).to.equal(true);
  });

  it('getToken() gives auth.token, or what onRefreshToken returns when there is none', async () => {
    const token = uniqueToken('gettoken');
    expect(await new WebChatClient(botOptions(token)).getToken()).to.equal(token);
    const fromRefresh = new WebChatClient(
      botOptions(token, {
        auth: {type: 'token', token: undefined, onRefreshToken: async () => `${token}_minted`},
      })
    );
    expect(await fromRefresh.getToken()).to.equal(`${token}_minted`);
  });

  it('auth.onRefreshToken replaces an expired token and the chat goes on', async () => {
    const token = uniqueToken('refresh');
    const seen: Array<string | undefined> = [];
    const client = new WebChatClient(
      botOptions(`${token}_expired`, {
        auth: {
          type: 'token',
          token: `${token}_expired`,
          onRefreshToken: async (old?: string) => {
            seen.push(old);
            return `${token}_fresh`;
          },
        },
      })
    );
    const chat = chatOf(client);
    await client.showChatBot();
    await prologue(chat);
    expect(seen).to.deep.equal([`${token}_expired`]);
    await ask(chat, 'still there?');
    await answered(chat);
    const log = await loggedRequests(token);
    expect(log.some((r) => r.headers.authorization === `Bearer ${token}_expired`)).to.equal(true);
    const sent = log.filter((r) => r.path === '/v3/chat');
    expect(sent.map((r) => r.headers.authorization)).to.deep.equal([`Bearer ${token}_fresh`]);
    expect(await client.getToken()).to.equal(`${token}_fresh`);
  });
});

describe('WebChatClient: what the options do', () => {
  it('userInfo.id is sent as user_id, config.botId as bot_id, botInfo.parameters as parameters', async () => {
    const token = uniqueToken('wire');
    const client = new WebChatClient(
      botOptions(token, {
        config: {
          type: 'bot',
          botInfo: {botId: BOT, parameters: {city: 'Oslo'}},
          apiBase: location.origin,
        },
        userInfo: {id: 'customer-17', nickname: 'Ada'},
      })
    );
    const chat = chatOf(client);
    await client.showChatBot();
    await prologue(chat);
    await ask(chat, 'what goes over the wire?');
    await answered(chat);
    const [request] = (await loggedRequests(token)).filter((r) => r.path === '/v3/chat');
    const body = request.body as Record<string, unknown>;
    expect(body.user_id).to.equal('customer-17');
    expect(body.bot_id).to.equal(BOT);
    expect(body.connector_id).to.equal('999');
    expect(body.parameters).to.deep.equal({city: 'Oslo'});
    expect(request.headers.authorization).to.equal(`Bearer ${token}`);
  });

  it('config.connectorId is the connector_id sent to Coze', async () => {
    const token = uniqueToken('connector');
    const client = new WebChatClient(
      botOptions(token, {config: {botId: BOT, apiBase: location.origin, connectorId: '1024'}})
    );
    await client.showChatBot();
    await prologue(chatOf(client));
    const lists = (await loggedRequests(token)).filter((r) => r.path === '/v1/conversations');
    expect(lists.length).to.be.greaterThan(0);
    expect(lists[0].query.connector_id).to.equal('1024');
  });

  it('userInfo.nickname fills {{user_name}} in the prologue', async () => {
    const client = new WebChatClient(
      botOptions(uniqueToken('nick'), {userInfo: {id: 'u', nickname: 'Grace'}})
    );
    await client.showChatBot();
    await prologue(chatOf(client));
    expect(deep(chatOf(client), 'coze-message-list', '.prologue')!.textContent).to.contain('Grace');
  });

  it('ui.chatBot.title is the header text', async () => {
    const client = new WebChatClient(
      botOptions(uniqueToken('title'), {ui: {chatBot: {title: 'Trail guide'}}})
    );
    await client.showChatBot();
    expect(deep(chatOf(client), '[part~="title"]')!.textContent!.trim()).to.equal('Trail guide');
  });

  it('legacy componentProps.title is the header text when ui.chatBot.title is absent', async () => {
    const client = new WebChatClient(
      botOptions(uniqueToken('legacytitle'), {componentProps: {title: 'Old name'}})
    );
    await client.showChatBot();
    expect(deep(chatOf(client), '[part~="title"]')!.textContent!.trim()).to.equal('Old name');
  });

  it('ui.base.zIndex is the launcher z-index, the panel one below', async () => {
    const client = new WebChatClient(botOptions(uniqueToken('z'), {ui: {base: {zIndex: 4242}}}));
    const chat = chatOf(client);
    await chat.updateComplete;
    expect(getComputedStyle(deep(chat, 'coze-launcher')!).zIndex).to.equal('4242');
    await client.showChatBot();
    expect(getComputedStyle(deep(chat, '[part~="panel"]')!).zIndex).to.equal('4241');
  });

  it('ui.asstBtn.isNeed: false leaves no launcher; showChatBot() still opens the panel', async () => {
    const client = new WebChatClient(
      botOptions(uniqueToken('nobtn'), {ui: {asstBtn: {isNeed: false}}})
    );
    const chat = chatOf(client);
    await chat.updateComplete;
    expect(deep(chat, 'coze-launcher')).to.equal(null);
    await client.showChatBot();
    expect(deep(chat, '[part~="panel"]')!.hidden).to.equal(false);
  });

  it('ui.header.isShow: false hides the title bar; isNeedClose: false hides the close button', async () => {
    const client = new WebChatClient(
      botOptions(uniqueToken('header'), {ui: {header: {isShow: false, isNeedClose: false}}})
    );
    await client.showChatBot();
    expect(deep(chatOf(client), '[part~="header"]')).to.equal(null);
    expect(deep(chatOf(client), '[part~="close-button"]')).to.equal(null);
  });

  it('ui.footer.expressionText + linkvars: a safe link in a new tab, a javascript: link dropped', async () => {
    const client = new WebChatClient(
      botOptions(uniqueToken('footer'), {
        ui: {
          footer: {
            expressionText: 'Answers by {{brand}}; {{trap}}; {{note}}',
            linkvars: {
              brand: {text: 'Northwind', link: 'https://example.com/about'},
              trap: {text: 'click me', link: 'javascript:alert(1)'},
              note: {text: 'check facts'},
            },
          },
        },
      })
    );
    await client.showChatBot();
    const footer = deep(chatOf(client), '[part~="footer"]')!;
    expect(footer.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Answers by Northwind; click me; check facts'
    );
    const links = [...footer.querySelectorAll('a')];
    expect(links).to.have.length(1);
    expect(links[0].textContent).to.equal('Northwind');
    expect(links[0].getAttribute('href')).to.equal('https://example.com/about');
    expect(links[0].getAttribute('target')).to.equal('_blank');
    expect(links[0].getAttribute('rel')).to.equal('noopener noreferrer');
  });

  it('ui.footer.isShow: false hides the footer', async () => {
    const client = new WebChatClient(
      botOptions(uniqueToken('nofooter'), {ui: {footer: {isShow: false, expressionText: 'x'}}})
    );
    await client.showChatBot();
    expect(deep(chatOf(client), '[part~="footer"]')).to.equal(null);
  });

  it('ui.chatBot.el: the panel fills that element, always shown, with no launcher', async () => {
    const host = box();
    const client = new WebChatClient(
      botOptions(uniqueToken('inline'), {ui: {chatBot: {el: host, title: 'Inline'}}})
    );
    const chat = chatOf(client);
    expect(chat.parentElement).to.equal(host);
    expect(chat.mode).to.equal('inline');
    await chat.updateComplete;
    expect(deep(chat, 'coze-launcher')).to.equal(null);
    const panel = deep(chat, '[part~="panel"]')!;
    expect(panel.hidden).to.equal(false);
    const rect = panel.getBoundingClientRect();
    const hostRect = host.getBoundingClientRect();
    expect(rect.left).to.be.at.least(hostRect.left);
    expect(rect.right).to.be.at.most(hostRect.right + 0.5);
    expect(rect.height).to.be.closeTo(hostRect.height, 1);
    // Inline loads at once, without showChatBot().
    await prologue(chat);
    await expect(chat).to.be.accessible();
  });

  it('legacy top-level el: the floating widget lives inside that element', async () => {
    const host = box('aside');
    const client = new WebChatClient(botOptions(uniqueToken('legacyel'), {el: host}));
    const chat = chatOf(client);
    expect(chat.parentElement).to.equal(host);
    expect(chat.mode).to.equal('floating');
    await chat.updateComplete;
    expect(deep(chat, 'coze-launcher')).to.exist;
    expect(await client.showChatBot()).to.equal(true);
  });

  it("app mode: config.type 'app' with appInfo, inline in ui.chatBot.el, chats through the chatflow", async () => {
    const host = box();
    const token = uniqueToken('app');
    const client = new WebChatClient({
      config: {
        type: 'app',
        appInfo: {
          appId: '7400000000000000001',
          workflowId: '7400000000000000002',
          version: '0.0.3',
          parameters: {plan: 'pro'},
        },
        apiBase: location.origin,
      },
      auth: {type: 'token', token, onRefreshToken: () => token},
      userInfo: {id: 'app-user-1', nickname: 'Ada'},
      ui: {chatBot: {el: host}},
    });
    const chat = chatOf(client);
    expect(chat.parentElement).to.equal(host);
    expect(chat.mode).to.equal('inline');
    await prologue(chat);
    await ask(chat, 'hello app');
    await answered(chat);
    expect(messages(chat).at(-1)!.textContent).to.contain('hello app');
    const log = await loggedRequests(token);
    expect(log.find((r) => r.path === '/v1/apps/7400000000000000001')?.query.version).to.equal(
      '0.0.3'
    );
    const run = log.find((r) => r.path === '/v1/workflows/chat')!;
    const body = run.body as Record<string, unknown>;
    expect(body).to.include({app_id: '7400000000000000001', workflow_id: '7400000000000000002'});
    expect(body.parameters).to.deep.equal({plan: 'pro'});
    expect(body.ext).to.deep.equal({user_id: 'app-user-1'});
    expect(log.some((r) => r.path === '/v3/chat')).to.equal(false);
  });
});

describe('WebChatClient: mistakes and secrets', () => {
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  type Method = (typeof methods)[number];
  let originals: Record<Method, (...args: unknown[]) => void>;
  let logged: Array<{method: Method; args: unknown[]}>;

  beforeEach(() => {
    logged = [];
    originals = {} as typeof originals;
    for (const method of methods) {
      originals[method] = console[method];
      console[method] = (...args: unknown[]) => logged.push({method, args});
    }
  });
  afterEach(() => {
    for (const method of methods) console[method] = originals[method];
  });

  /** Everything a console argument could show, including an Error's stack and an object's JSON. */
  function text(arg: unknown): string {
    const parts = [String(arg)];
    if (arg instanceof Error) parts.push(arg.stack ?? '', arg.message);
    try {
      parts.push(JSON.stringify(arg) ?? '');
    } catch {
      // Circular: String() above is what the console would print first.
    }
    return parts.join('\n');
  }

  it("auth.type 'unauth' mounts nothing, says how to fix it, and shows no alert", async () => {
    const alerts: unknown[] = [];
    const alert = window.alert;
    window.alert = (message?: unknown) => alerts.push(message);
    try {
      const before = chatsInPage().length;
      const client = new WebChatClient({config: {bot_id: BOT}, auth: {type: 'unauth'}});
      expect(chatsInPage()).to.have.length(before);
      expect(WebChatClient.clients).not.to.include(client);
      expect(await client.showChatBot()).to.equal(false);
      expect(await client.getToken()).to.equal(undefined);
      client.destroy();
      expect(alerts).to.deep.equal([]);
      const errors = logged.filter((l) => l.method === 'error').map((l) => String(l.args[0]));
      expect(errors).to.have.length(1);
      expect(errors[0]).to.match(
        /^\[CozeWebSDK\.WebChatClient\] auth\.type 'unauth' is not supported/
      );
      expect(errors[0]).to.contain("auth: {type: 'token', token, onRefreshToken}");
    } finally {
      window.alert = alert;
    }
  });

  it('reports a wrong value with the prefix and still mounts', async () => {
    const client = new WebChatClient(
      botOptions(uniqueToken('badwidth'), {ui: {chatBot: {width: 'abc'}}})
    );
    expect(client.element).to.exist;
    const errors = logged.filter((l) => l.method === 'error').map((l) => String(l.args[0]));
    expect(errors).to.deep.equal([
      '[CozeWebSDK.WebChatClient] ui.chatBot.width: expected a positive number of pixels, got a string; ignored.',
    ]);
    expect(chatOf(client).width).to.equal(undefined);
  });

  it('never hands the token to the console while constructing, showing, chatting or failing', async () => {
    const token = `pat_${uniqueToken('console')}`;
    const client = new WebChatClient(
      botOptions(token, {
        // A few mistakes, so the error path is exercised too.
        ui: {chatBot: {width: 'abc', el: 'nope'}, base: {layout: 'tablet'}},
        userInfo: {id: 12.5},
      })
    );
    const chat = chatOf(client);
    await client.showChatBot();
    await prologue(chat);
    await ask(chat, 'fail 500');
    await waitUntil(() => messages(chat).at(-1)?.dataset.status === 'error', 'the error shows', {
      timeout: 8000,
    });
    expect(await client.getToken()).to.equal(token);
    await client.hideChatBot();
    client.destroy();
    await aTimeout(50);
    expect(
      logged.length,
      'something was logged, so the check below means something'
    ).to.be.greaterThan(0);
    for (const {method, args} of logged) {
      for (const arg of args) expect(text(arg), `console.${method}`).not.to.contain(token);
    }
  });
});
