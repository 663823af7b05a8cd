/// <reference types="mocha" />
import {expect} from '@open-wc/testing';
import {toChatSettings, type ChatProperties} from '../../src/compat/options.js';
import type {WebChatClientOptions} from '../../src/compat/types.js';

const BOT = '7500000000000000001';

/** The smallest options that work, with `patch` merged one level into each section. */
function options(patch: Record<string, unknown> = {}): WebChatClientOptions {
  const base: Record<string, Record<string, unknown>> = {
    config: {botId: BOT},
    auth: {type: 'token', token: 'tok_1'},
  };
  const out: Record<string, unknown> = {...base};
  for (const [key, value] of Object.entries(patch)) {
    out[key] = base[key] && value && typeof value === 'object' ? {...base[key], ...value} : value;
  }
  return out as unknown as WebChatClientOptions;
}

/** Options read as `any`, to feed values of the wrong type the way plain JavaScript would. */
const loose = (o: unknown) => o as WebChatClientOptions;

const refresh = () => 'tok_2';
const beforeShow = () => false;
const beforeHide = () => true;
const onShow = () => {};
const onHide = () => {};

/** [official option, options patch, the properties it must produce]. */
const rows: Array<[string, Record<string, unknown>, ChatProperties]> = [
  ['config.type', {config: {type: 'bot'}}, {type: 'bot'}],
  [
    'config.bot_id',
    {config: {botId: undefined, bot_id: '7500000000000000002'}},
    {botId: '7500000000000000002'},
  ],
  ['config.botId', {config: {botId: '7500000000000000003'}}, {botId: '7500000000000000003'}],
  [
    'config.botInfo.botId',
    {config: {botInfo: {botId: '7500000000000000004'}}},
    {botId: '7500000000000000004'},
  ],
  [
    'config.botInfo.parameters',
    {config: {botInfo: {botId: BOT, parameters: {city: 'Paris', n: 2}}}},
    {parameters: {city: 'Paris', n: 2}},
  ],
  [
    'config.appInfo.{appId, workflowId, version, parameters}',
    {
      config: {
        type: 'app',
        appInfo: {
          appId: '7400000000000000001',
          workflowId: '7400000000000000002',
          version: '0.0.3',
          parameters: {a: 1},
        },
      },
    },
    {
      type: 'app',
      appId: '7400000000000000001',
      workflowId: '7400000000000000002',
      appVersion: '0.0.3',
      parameters: {a: 1},
    },
  ],
  [
    'config.apiBase (addition)',
    {config: {apiBase: 'https://api.coze.com'}},
    {apiBase: 'https://api.coze.com'},
  ],
  ['config.connectorId (addition)', {config: {connectorId: '1024'}}, {connectorId: '1024'}],
  ['auth.token', {auth: {token: 'tok_9'}}, {token: 'tok_9'}],
  ['auth.onRefreshToken', {auth: {onRefreshToken: refresh}}, {onRefreshToken: refresh}],
  ['auth.connectorId', {auth: {connectorId: '1024'}}, {connectorId: '1024'}],
  ['userInfo.id', {userInfo: {id: 'u-42'}}, {userId: 'u-42'}],
  [
    'userInfo.url',
    {userInfo: {url: 'https://example.com/me.png'}},
    {userAvatar: 'https://example.com/me.png'},
  ],
  ['userInfo.nickname', {userInfo: {nickname: 'Ada'}}, {userNickname: 'Ada'}],
  [
    'ui.base.icon',
    {ui: {base: {icon: 'https://example.com/bot.png'}}},
    {icon: 'https://example.com/bot.png'},
  ],
  ['ui.base.layout', {ui: {base: {layout: 'mobile'}}}, {layout: 'mobile'}],
  ['ui.base.lang', {ui: {base: {lang: 'zh-CN'}}}, {lang: 'zh-CN'}],
  ['ui.base.zIndex', {ui: {base: {zIndex: 3000}}}, {zIndex: 3000}],
  ['ui.asstBtn.isNeed: false', {ui: {asstBtn: {isNeed: false}}}, {noLauncher: true}],
  ['ui.asstBtn.isNeed: true', {ui: {asstBtn: {isNeed: true}}}, {noLauncher: false}],
  ['ui.header.isShow: false', {ui: {header: {isShow: false}}}, {noHeader: true}],
  ['ui.header.isNeedClose: false', {ui: {header: {isNeedClose: false}}}, {noClose: true}],
  ['ui.footer.isShow: false', {ui: {footer: {isShow: false}}}, {noFooter: true}],
  [
    'ui.footer.expressionText',
    {ui: {footer: {expressionText: 'By {{me}}'}}},
    {footerText: 'By {{me}}'},
  ],
  [
    'ui.footer.linkvars',
    {
      ui: {
        footer: {linkvars: {me: {text: 'Me', link: 'https://example.com'}, plain: {text: 'Plain'}}},
      },
    },
    {footerLinks: {me: {text: 'Me', link: 'https://example.com'}, plain: {text: 'Plain'}}},
  ],
  ['ui.chatBot.title', {ui: {chatBot: {title: 'Helper'}}}, {chatTitle: 'Helper'}],
  ['ui.chatBot.uploadable: false', {ui: {chatBot: {uploadable: false}}}, {noUpload: true}],
  ['ui.chatBot.width', {ui: {chatBot: {width: 520}}}, {width: 520}],
  ['ui.chatBot.isNeedAudio: false', {ui: {chatBot: {isNeedAudio: false}}}, {noAudio: true}],
  [
    'ui.chatBot.isNeedFunctionCallMessage: false',
    {ui: {chatBot: {isNeedFunctionCallMessage: false}}},
    {noFunctionCalls: true},
  ],
  [
    'ui.chatBot.isNeedAddNewConversation',
    {ui: {chatBot: {isNeedAddNewConversation: true}}},
    {newConversationButton: true},
  ],
  ['ui.chatBot.isNeedQuote', {ui: {chatBot: {isNeedQuote: true}}}, {quote: true}],
  [
    'ui.chatBot.isNeedClearContext: false',
    {ui: {chatBot: {isNeedClearContext: false}}},
    {noClearContext: true},
  ],
  [
    'ui.chatBot.feedback.isNeedFeedback',
    {ui: {chatBot: {feedback: {isNeedFeedback: true}}}},
    {feedback: true},
  ],
  [
    'ui.chatBot.feedback.feedbackPanel',
    {
      ui: {
        chatBot: {
          feedback: {
            isNeedFeedback: true,
            feedbackPanel: {
              title: 'Why?',
              placeholder: 'Tell us',
              tags: [{label: 'Wrong', isNeedDetail: true}, {label: 'Slow'}],
            },
          },
        },
      },
    },
    {
      feedback: true,
      feedbackPanel: {
        title: 'Why?',
        placeholder: 'Tell us',
        tags: [{label: 'Wrong', isNeedDetail: true}, {label: 'Slow'}],
      },
    },
  ],
  [
    'ui.chatBot.{onShow, onHide, onBeforeShow, onBeforeHide}',
    {ui: {chatBot: {onShow, onHide, onBeforeShow: beforeShow, onBeforeHide: beforeHide}}},
    {onShow, onHide, onBeforeShow: beforeShow, onBeforeHide: beforeHide},
  ],
  ['ui.conversations.isNeed', {ui: {conversations: {isNeed: true}}}, {conversations: true}],
  [
    'legacy componentProps',
    {
      componentProps: {
        title: 'Old',
        icon: 'https://example.com/old.png',
        lang: 'zh-CN',
        layout: 'pc',
        width: 400,
        zIndex: 7,
        uploadable: false,
      },
    },
    {
      chatTitle: 'Old',
      icon: 'https://example.com/old.png',
      lang: 'zh-CN',
      layout: 'pc',
      width: 400,
      zIndex: 7,
      noUpload: true,
    },
  ],
];

describe('toChatSettings: official option → <coze-chat> property', () => {
  for (const [option, patch, expected] of rows) {
    it(option, () => {
      const {properties, errors, rejected} = toChatSettings(options(patch));
      expect(errors).to.deep.equal([]);
      expect(rejected).to.equal(false);
      for (const [key, value] of Object.entries(expected)) {
        expect(properties[key as keyof ChatProperties], key).to.deep.equal(value);
      }
    });
  }

  it('sets only what was given', () => {
    const {properties, mount, errors} = toChatSettings(options());
    expect(properties).to.deep.equal({botId: BOT, token: 'tok_1'});
    expect(mount).to.deep.equal({inline: false});
    expect(errors).to.deep.equal([]);
  });

  it('prefers botInfo.botId, then botId, then bot_id', () => {
    const config = {botInfo: {botId: '1'}, botId: '2', bot_id: '3'};
    expect(toChatSettings(options({config})).properties.botId).to.equal('1');
    expect(toChatSettings(options({config: {...config, botInfo: {}}})).properties.botId).to.equal(
      '2'
    );
    expect(
      toChatSettings(loose({config: {bot_id: '3'}, auth: {token: 't'}})).properties.botId
    ).to.equal('3');
  });

  it('takes parameters from the section of the type in use', () => {
    const config = {
      botInfo: {botId: BOT, parameters: {from: 'bot'}},
      appInfo: {appId: 'a', workflowId: 'w', parameters: {from: 'app'}},
    };
    expect(toChatSettings(options({config})).properties.parameters).to.deep.equal({from: 'bot'});
    expect(
      toChatSettings(options({config: {...config, type: 'app'}})).properties.parameters
    ).to.deep.equal({from: 'app'});
  });

  it('prefers config.connectorId over auth.connectorId', () => {
    const {properties} = toChatSettings(
      options({config: {connectorId: '1'}, auth: {connectorId: '2'}})
    );
    expect(properties.connectorId).to.equal('1');
  });

  it('accepts config.isIframe and ignores it', () => {
    for (const isIframe of [true, false]) {
      const {properties, errors} = toChatSettings(options({config: {isIframe}}));
      expect(properties).to.deep.equal({botId: BOT, token: 'tok_1'});
      expect(errors).to.deep.equal([]);
    }
  });

  it('ignores unknown keys', () => {
    const {properties, errors} = toChatSettings(
      options({
        extra: {webChat: {a: 'b'}},
        config: {sdk_verify_token: 'x'},
        ui: {chatBot: {isNeedClearMessage: true}, other: {}},
      })
    );
    expect(properties).to.deep.equal({botId: BOT, token: 'tok_1'});
    expect(errors).to.deep.equal([]);
  });

  it('accepts a token without auth.type, and onRefreshToken without a token', () => {
    for (const auth of [
      {token: 't'},
      {type: 'token', onRefreshToken: refresh},
      {onRefreshToken: refresh},
    ]) {
      const result = toChatSettings(loose({config: {botId: BOT}, auth}));
      expect(result.errors, JSON.stringify(Object.keys(auth))).to.deep.equal([]);
      expect(result.rejected).to.equal(false);
    }
  });
});

describe('toChatSettings: mounting', () => {
  it('ui.chatBot.el → inline in that element', () => {
    const el = document.createElement('div');
    const {properties, mount} = toChatSettings(options({ui: {chatBot: {el}}}));
    expect(properties.mode).to.equal('inline');
    expect(mount).to.deep.equal({el, inline: true});
  });

  it('legacy top-level el → floating inside that element', () => {
    const el = document.createElement('section');
    const {properties, mount} = toChatSettings(options({el}));
    expect(properties).not.to.have.property('mode');
    expect(mount).to.deep.equal({legacyEl: el, inline: false});
  });

  it('with both, the panel goes inline into ui.chatBot.el', () => {
    const legacyEl = document.createElement('section');
    const el = document.createElement('div');
    const {mount, properties} = toChatSettings(options({el: legacyEl, ui: {chatBot: {el}}}));
    expect(mount.el).to.equal(el);
    expect(mount.inline).to.equal(true);
    expect(properties.mode).to.equal('inline');
  });
});

describe('toChatSettings: legacy componentProps', () => {
  it('lies under ui.base and ui.chatBot: the ui values win, key by key', () => {
    const {properties, errors} = toChatSettings(
      options({
        componentProps: {
          title: 'Old title',
          icon: 'old.png',
          lang: 'en',
          width: 300,
          uploadable: false,
          zIndex: 5,
        },
        ui: {base: {icon: 'new.png', zIndex: 9}, chatBot: {title: 'New title'}},
      })
    );
    expect(errors).to.deep.equal([]);
    expect(properties).to.include({
      chatTitle: 'New title',
      icon: 'new.png',
      zIndex: 9,
      lang: 'en',
      width: 300,
      noUpload: true,
    });
  });

  it('reports a bad legacy value under its own path', () => {
    const {errors} = toChatSettings(loose({...options(), componentProps: {width: 'wide'}}));
    expect(errors).to.have.length(1);
    expect(errors[0]).to.match(/^componentProps\.width:/);
  });
});

describe('toChatSettings: auth', () => {
  it("rejects auth.type 'unauth' and names the fix", () => {
    const {errors, rejected} = toChatSettings(
      loose({config: {botId: BOT}, auth: {type: 'unauth'}})
    );
    expect(rejected).to.equal(true);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain("auth.type 'unauth' is not supported");
    expect(errors[0]).to.contain("auth: {type: 'token', token, onRefreshToken}");
    expect(errors[0]).to.match(/server/);
  });

  it('rejects any other auth.type, even with a token', () => {
    const {errors, rejected} = toChatSettings(
      loose({config: {botId: BOT}, auth: {type: 'oauth', token: 't'}})
    );
    expect(rejected).to.equal(true);
    expect(errors[0]).to.contain("auth.type 'oauth' is not supported");
  });

  it('rejects options without any token source (the legacy no-auth setup)', () => {
    for (const auth of [undefined, {}, {type: 'token'}]) {
      const {errors, rejected} = toChatSettings(
        loose({config: {bot_id: BOT}, componentProps: {title: 'x'}, auth})
      );
      expect(rejected).to.equal(true);
      expect(errors.join('\n')).to.match(/token is required/);
    }
  });

  it('never puts the token into an error, even a token of the wrong type', () => {
    const {errors} = toChatSettings(
      loose({
        config: {botId: BOT},
        auth: {type: 'token', token: 987654321, onRefreshToken: 'secret_abc'},
      })
    );
    expect(errors.length).to.be.greaterThan(0);
    expect(errors.join('\n')).not.to.contain('987654321');
    expect(errors.join('\n')).not.to.contain('secret_abc');
  });
});

describe('toChatSettings: wrong values', () => {
  const cases: Array<[string, Record<string, unknown>, RegExp, keyof ChatProperties]> = [
    [
      'ui.chatBot.width: "abc"',
      {ui: {chatBot: {width: 'abc'}}},
      /^ui\.chatBot\.width: expected a positive number/,
      'width',
    ],
    ['ui.chatBot.width: -5', {ui: {chatBot: {width: -5}}}, /^ui\.chatBot\.width:/, 'width'],
    [
      'ui.base.zIndex: "10"',
      {ui: {base: {zIndex: '10'}}},
      /^ui\.base\.zIndex: expected an integer, got a string/,
      'zIndex',
    ],
    [
      'ui.base.layout: "tablet"',
      {ui: {base: {layout: 'tablet'}}},
      /^ui\.base\.layout: expected 'pc' or 'mobile', got another value; ignored\.$/,
      'layout',
    ],
    [
      'ui.base.lang: "fr"',
      {ui: {base: {lang: 'fr'}}},
      /^ui\.base\.lang: expected 'en' or 'zh-CN', got another value/,
      'lang',
    ],
    [
      'ui.asstBtn.isNeed: "false"',
      {ui: {asstBtn: {isNeed: 'false'}}},
      /^ui\.asstBtn\.isNeed: expected true or false, got a string/,
      'noLauncher',
    ],
    [
      'ui.chatBot.title: 5',
      {ui: {chatBot: {title: 5}}},
      /^ui\.chatBot\.title: expected a string, got a number/,
      'chatTitle',
    ],
    [
      'ui.chatBot.onShow: "go"',
      {ui: {chatBot: {onShow: 'go'}}},
      /^ui\.chatBot\.onShow: expected a function/,
      'onShow',
    ],
    [
      'ui.chatBot.el: "#chat"',
      {ui: {chatBot: {el: '#chat'}}},
      /^ui\.chatBot\.el: expected an element, got a string/,
      'mode',
    ],
    [
      'config.type: "agent"',
      {config: {type: 'agent'}},
      /^config\.type: expected 'bot' or 'app'/,
      'type',
    ],
    [
      'config.botInfo.parameters: []',
      {config: {botInfo: {botId: BOT, parameters: []}}},
      /^config\.botInfo\.parameters: expected an object, got an array/,
      'parameters',
    ],
    [
      'userInfo.nickname: {}',
      {userInfo: {nickname: {}}},
      /^userInfo\.nickname: expected a string, got an object/,
      'userNickname',
    ],
    [
      'ui.conversations.isNeed: 1',
      {ui: {conversations: {isNeed: 1}}},
      /^ui\.conversations\.isNeed: expected true or false/,
      'conversations',
    ],
  ];
  for (const [name, patch, message, property] of cases) {
    it(`${name} is reported and left out`, () => {
      const {properties, errors, rejected} = toChatSettings(options(patch));
      expect(errors).to.have.length(1);
      expect(errors[0]).to.match(message);
      expect(properties).not.to.have.property(property);
      expect(rejected).to.equal(false);
    });
  }

  it('a bot id written as a number has lost digits: reported, not used', () => {
    const {properties, errors} = toChatSettings(
      loose({config: {botId: Number('7500000000000000001')}, auth: {token: 't'}})
    );
    expect(properties).not.to.have.property('botId');
    expect(errors[0]).to.match(
      /^config\.botId: expected a string \(a 19-digit id loses digits as a number\), got a number/
    );
  });

  it('a small numeric user id is fine', () => {
    const {properties, errors} = toChatSettings(options({userInfo: {id: 42}}));
    expect(errors).to.deep.equal([]);
    expect(properties.userId).to.equal('42');
  });

  it('a section of the wrong type is reported once', () => {
    const {errors} = toChatSettings(options({ui: {chatBot: 'big'}}));
    expect(errors).to.deep.equal(['ui.chatBot: expected an object, got a string; ignored.']);
  });

  it('drops bad footer links and feedback tags one by one', () => {
    const {properties, errors} = toChatSettings(
      options({
        ui: {
          footer: {
            expressionText: '{{a}} {{b}} {{c}}',
            linkvars: {a: {text: 'A', link: 'https://a.example'}, b: 'B', c: {text: 'C', link: 5}},
          },
          chatBot: {
            feedback: {
              isNeedFeedback: true,
              feedbackPanel: {tags: [{label: 'ok'}, {name: 'bad'}, 'worse']},
            },
          },
        },
      })
    );
    expect(properties.footerLinks).to.deep.equal({a: {text: 'A', link: 'https://a.example'}});
    expect(properties.feedbackPanel).to.deep.equal({tags: [{label: 'ok'}]});
    expect(errors.map((e) => e.split(':')[0])).to.deep.equal([
      'ui.footer.linkvars.b',
      'ui.footer.linkvars.c',
      'ui.chatBot.feedback.feedbackPanel.tags[1]',
      'ui.chatBot.feedback.feedbackPanel.tags[2]',
    ]);
  });

  it('reports a missing bot id, or app ids, without rejecting', () => {
    const bot = toChatSettings(loose({config: {}, auth: {token: 't'}}));
    expect(bot.errors).to.have.length(1);
    expect(bot.errors[0]).to.match(/^config\.botId: is required/);
    expect(bot.rejected).to.equal(false);
    const app = toChatSettings(
      loose({config: {type: 'app', appInfo: {appId: 'a'}}, auth: {token: 't'}})
    );
    expect(app.errors[0]).to.match(/^config\.appInfo: appId and workflowId are required/);
  });

  it('rejects options that are not an object or have no config', () => {
    for (const bad of [undefined, null, 'bot', {auth: {token: 't'}}]) {
      const {errors, rejected} = toChatSettings(loose(bad));
      expect(rejected, String(bad)).to.equal(true);
      expect(errors.length).to.be.greaterThan(0);
    }
  });
});
