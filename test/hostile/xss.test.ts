/// <reference types="mocha" />
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {
  deep,
  lastRow,
  messages,
  mountChat,
  settled,
  typeInto,
  uniqueToken,
} from '../elements/helpers.js';

/**
 * Injection vectors a model (or a prompt injection through it) could write. Each one that runs
 * calls `__xssHit(n)`; `alert`, `confirm`, `prompt` and `print` are watched too.
 */
const VECTORS: readonly string[] = [
  // script tags
  '<script>__xssHit(1)</script>',
  '<SCRIPT SRC=data:text/javascript,__xssHit(2)></SCRIPT>',
  '<script/x>__xssHit(3)</script>',
  '<<script>__xssHit(4);//<</script>',
  '<scr<script>ipt>__xssHit(5)</scr</script>ipt>',
  '</script><script>__xssHit(6)</script>',
  '<script type="module">__xssHit(7)</script>',
  // event handlers
  '<img src=x onerror=__xssHit(8)>',
  '<img src="x" onerror="__xssHit(9)" />',
  '<svg onload=__xssHit(10)>',
  '<body onload=__xssHit(11)>',
  '<details open ontoggle=__xssHit(12)>open</details>',
  '<a href="https://example.com" onclick="__xssHit(13)">x</a>',
  '<div onmouseover="__xssHit(14)">hover</div>',
  '<input autofocus onfocus=__xssHit(15)>',
  '<select autofocus onfocus=__xssHit(16)></select>',
  '<textarea autofocus onfocus=__xssHit(17)></textarea>',
  '<video><source onerror=__xssHit(18)></video>',
  '<audio src=x onerror=__xssHit(19)></audio>',
  '<marquee onstart=__xssHit(20)>x</marquee>',
  '<img src=x oNeRrOr=__xssHit(21)>',
  '<img src=x onerror&#x3d;__xssHit(22)>',
  '<img/src=x/onerror=__xssHit(23)>',
  '<img src=x onerror="&#95;&#95;xssHit(24)">',
  '<span onpointerenter=__xssHit(25)>x</span>',
  '<style onload=__xssHit(26)></style>',
  '<object data=x onerror=__xssHit(27)></object>',
  '<img src=x:x onerror=__xssHit(28) alt=x>',
  // javascript: URLs in links
  '[click](javascript:__xssHit(29))',
  '[click](JaVaScRiPt:__xssHit(30))',
  '[click](javascript&#58;__xssHit(31))',
  '[click](&#106;avascript:__xssHit(32))',
  '[click]( javascript:__xssHit(33))',
  '[click](java%0ascript:__xssHit(34))',
  '[click](<javascript:__xssHit(35)>)',
  '<a href="javascript:__xssHit(36)">x</a>',
  '<a href="jav&#x09;ascript:__xssHit(37)">x</a>',
  '<a href=" &#14; javascript:__xssHit(38)">x</a>',
  '<a href="vbscript:__xssHit(39)">x</a>',
  '[ref][r40]\n\n[r40]: javascript:__xssHit(40)',
  '<javascript:__xssHit(41)>',
  '[x](javascript://%0a__xssHit(42))',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;__xssHit(43)">x</a>',
  // images
  '![x](javascript:__xssHit(44))',
  '<img src="javascript:__xssHit(45)">',
  '![x](x" onerror="__xssHit(46))',
  '![x"onerror="__xssHit(47)](https://example.com/a.png)',
  '![x](https://example.com/a.png "t\\" onerror=\\"__xssHit(48)")',
  '[![img](https://example.com/a.png)](javascript:__xssHit(49))',
  '<img srcset="x 1x" onerror=__xssHit(50)>',
  '<picture><source srcset=x onerror=__xssHit(51)><img src=x></picture>',
  // SVG and MathML
  '<svg><script>__xssHit(52)</script></svg>',
  '<svg><a xlink:href="javascript:__xssHit(53)"><text y=20>x</text></a></svg>',
  '<svg><animate onbegin=__xssHit(54) attributeName=x dur=1s>',
  '<svg><set attributeName=href to=javascript:__xssHit(55) /></svg>',
  '<svg><foreignObject><img src=x onerror=__xssHit(56)></foreignObject></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xssHit(57)>',
  '<math><maction actiontype=statusline xlink:href=javascript:__xssHit(58)>x</maction></math>',
  '<math href="javascript:__xssHit(59)">x</math>',
  '<svg><style><img src=x onerror=__xssHit(60)></style></svg>',
  '<svg/onload=__xssHit(61)//',
  // srcdoc, frames, data: HTML
  '<iframe srcdoc="<script>parent.__xssHit(62)</script>"></iframe>',
  '<iframe src="javascript:parent.__xssHit(63)"></iframe>',
  '<iframe src="data:text/html,<script>parent.__xssHit(64)</script>"></iframe>',
  '<object data="data:text/html,<script>parent.__xssHit(65)</script>"></object>',
  '<embed src="data:text/html,<script>parent.__xssHit(66)</script>">',
  '[x](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3NIaXQoNjcpPC9zY3JpcHQ+)',
  '<a href="data:text/html,<script>opener.__xssHit(68)</script>">x</a>',
  '<form action="javascript:__xssHit(69)"><button>x</button></form>',
  '<button formaction="javascript:__xssHit(70)">x</button>',
  '<meta http-equiv="refresh" content="0;url=javascript:__xssHit(71)">',
  '<base href="javascript:__xssHit(72)//">',
  '<link rel=import href="data:text/html,<script>__xssHit(73)</script>">',
  // CSS
  '<div style="width:expression(__xssHit(74))">x</div>',
  '<div style="background:url(javascript:__xssHit(75))">x</div>',
  "<style>@import 'javascript:__xssHit(76)';</style>",
  '<style>*{background:url("javascript:__xssHit(77)")}</style>',
  '<span style="-moz-binding:url(javascript:__xssHit(78))">x</span>',
  // markdown tricks
  '[a](https://example.com "title" onclick="__xssHit(79)")',
  '`<img src=x onerror=__xssHit(80)>`',
  '```html\n<script>__xssHit(81)</script>\n```',
  '<details><summary onclick=__xssHit(82)>x</summary></details>',
  '**<img src=x onerror=__xssHit(83)>**',
  '> <img src=x onerror=__xssHit(84)>',
  '| a |\n|---|\n| <img src=x onerror=__xssHit(85)> |',
  '- [x](javascript:__xssHit(86))',
  '[<img src=x onerror=__xssHit(87)>](https://example.com)',
  '$\\href{javascript:__xssHit(88)}{x}$',
  '$$\\htmlData{x=1}{\\url{javascript:__xssHit(89)}}$$',
  // HTML entities
  '&lt;img src=x onerror=__xssHit(90)&gt;',
  '&#60;script&#62;__xssHit(91)&#60;/script&#62;',
  '<img src=x onerror=&#x5f;&#x5f;xssHit(92)>',
  '\\u003cimg src=x onerror=__xssHit(93)\\u003e',
  // mutation XSS
  '<noscript><p title="</noscript><img src=x onerror=__xssHit(94)>">',
  '<svg></p><style><a id="</style><img src=1 onerror=__xssHit(95)>">',
  '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=__xssHit(96) src>">',
  '<math><mi><table><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=__xssHit(97) src=1>"></path></textarea></mtext></svg></mglyph></mi></table></mi></math>',
  '<template><img src=x onerror=__xssHit(98)></template>',
  '<xmp><img src=x onerror=__xssHit(99)></xmp>',
  '<title><img src=x onerror=__xssHit(100)></title>',
  '<!--<img src="--><img src=x onerror=__xssHit(101)//">',
  '<a href="https://example.com/" ping="javascript:__xssHit(102)">x</a>',
];

/** The corpus in groups, so one turn carries many vectors and a broken one cannot hide the rest. */
const GROUP = 26;
const GROUPS = Array.from({length: Math.ceil(VECTORS.length / GROUP)}, (_, i) =>
  VECTORS.slice(i * GROUP, (i + 1) * GROUP)
);

declare global {
  interface Window {
    __xssHit?: (n: number) => void;
  }
}

const ran: string[] = [];
const watched = ['alert', 'confirm', 'prompt', 'print'] as const;
const originals = new Map<string, unknown>();

before(() => {
  window.__xssHit = (n: number) => void ran.push(`vector ${n}`);
  for (const name of watched) {
    originals.set(name, window[name]);
    (window as unknown as Record<string, unknown>)[name] = () => void ran.push(name);
  }
});
after(() => {
  delete window.__xssHit;
  for (const name of watched)
    (window as unknown as Record<string, unknown>)[name] = originals.get(name);
});

const URL_ATTRIBUTES =
  /^(href|src|xlink:href|action|formaction|data|poster|background|ping|srcset|to|values|from|data-src)$/i;
const FORBIDDEN_ELEMENTS =
  'script, iframe, frame, frameset, object, embed, base, meta, foreignObject, template';

/** Every element under `root`, through open shadow roots. */
function everyElement(root: Element | ShadowRoot, out: Element[] = []): Element[] {
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) everyElement(el.shadowRoot, out);
  }
  return out;
}

/** What in the rendered widget could run script: handler attributes, script URLs, embedding. */
function dangers(root: Element): string[] {
  const found: string[] = [];
  const scopes = [
    root,
    ...everyElement(root),
    ...(root.shadowRoot ? everyElement(root.shadowRoot) : []),
  ];
  for (const el of scopes) {
    if (el.shadowRoot) {
      for (const bad of el.shadowRoot.querySelectorAll(FORBIDDEN_ELEMENTS))
        found.push(`<${bad.localName}> in <${el.localName}>`);
    }
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      // Control characters and whitespace are ignored by URL parsing; strip them as it does.
      const value = [...attr.value]
        .filter((c) => c.charCodeAt(0) > 0x20 && c.charCodeAt(0) !== 0x7f)
        .join('')
        .toLowerCase();
      if (name.startsWith('on')) found.push(`${name} on <${el.localName}>`);
      if (name === 'srcdoc') found.push(`srcdoc on <${el.localName}>`);
      if (/^(javascript|vbscript|livescript):/.test(value))
        found.push(`${name}="${attr.value}" on <${el.localName}>`);
      if (URL_ATTRIBUTES.test(name) && /^data:(?!image\/(png|gif|jpeg|webp);)/.test(value))
        found.push(`${name}="${attr.value.slice(0, 40)}" on <${el.localName}>`);
      if (name === 'style' && /expression\(|javascript:|binding/.test(value))
        found.push(`style="${attr.value}" on <${el.localName}>`);
    }
  }
  return found;
}

/** Waits a little for anything deferred (an image's error, a focus) to run, then checks. */
async function expectInert(chat: Element, where: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 60));
  expect(dangers(chat), `${where}: dangerous markup`).to.deep.equal([]);
  expect(ran, `${where}: script ran`).to.deep.equal([]);
}

/** `hostile say <where> <text>` for each group, each turn checked before the next. */
async function sayEach(
  chat: CozeChat,
  where: string,
  check?: (chat: CozeChat, group: readonly string[]) => void
): Promise<void> {
  for (const [i, group] of GROUPS.entries()) {
    const before = messages(chat).length;
    void chat.send(`hostile say ${where} ${group.join('\n\n')}`).catch(() => undefined);
    await waitUntil(() => messages(chat).length > before, 'the question is shown');
    await settled(chat, 20000);
    check?.(chat, group);
    await expectInert(chat, `${where}, group ${i + 1}`);
  }
}

const text = (el: Element | null | undefined) => (el?.shadowRoot ?? el)?.textContent ?? '';
const rowsText = (chat: CozeChat) => messages(chat).map(text).join('\n');

describe('XSS corpus: no script runs from any text the model controls', function () {
  this.timeout(90000);

  it(`has about a hundred vectors (${VECTORS.length})`, () => {
    expect(VECTORS.length).to.be.within(95, 120);
  });

  for (const pieces of [2, 13, 4000]) {
    it(`answer markdown streamed in ${pieces}-character pieces`, async () => {
      const chat = await mountChat(uniqueToken(`xss-answer-${pieces}`), {mode: 'inline'});
      await sayEach(chat, `answer/${pieces}`, (c) =>
        expect(lastRow(c).dataset.role).to.equal('assistant')
      );
      chat.remove();
    });
  }

  it('reasoning', async () => {
    const chat = await mountChat(uniqueToken('xss-reasoning'), {mode: 'inline'});
    await sayEach(chat, 'reasoning', (c) =>
      expect(text(lastRow(c)), lastRow(c).outerHTML).to.contain('Fine.')
    );
    chat.remove();
  });

  it('follow-up questions', async () => {
    const chat = await mountChat(uniqueToken('xss-followup'), {mode: 'inline'});
    await sayEach(chat, 'followup', (c, group) =>
      expect(text(deep(c, 'coze-message-list'))).to.contain(group[0].slice(0, 10))
    );
    chat.remove();
  });

  it("a plugin's name, arguments and result (tool cards, opened)", async () => {
    const chat = await mountChat(uniqueToken('xss-tool'), {mode: 'inline'});
    await sayEach(chat, 'tool', (c) => {
      const list = deep(c, 'coze-message-list')!.shadowRoot!;
      for (const button of list.querySelectorAll<HTMLButtonElement>(
        '[part~="function-call"] button[aria-expanded="false"]'
      ))
        button.click();
    });
    chat.remove();
  });

  it("a local function's name and arguments (coze-tool-call, with and without a handler)", async () => {
    const chat = await mountChat(uniqueToken('xss-local'), {mode: 'inline'});
    await sayEach(chat, 'local');
    chat.addEventListener('coze-tool-call', (event) =>
      event.respondWith(event.detail.toolCalls.map((c) => ({toolCallId: c.id, output: 'ok'})))
    );
    await sayEach(chat, 'local');
    chat.remove();
  });

  for (const where of ['error', 'failed']) {
    it(`error texts (${where === 'error' ? 'event:error' : 'conversation.chat.failed'})`, async () => {
      const chat = await mountChat(uniqueToken(`xss-${where}`), {mode: 'inline'});
      await sayEach(chat, where);
      chat.remove();
    });
  }

  it('question-node options', async () => {
    const chat = await mountChat(uniqueToken('xss-options'), {mode: 'inline'});
    await sayEach(chat, 'options');
    chat.remove();
  });

  it('card text, image, link and button', async () => {
    const chat = await mountChat(uniqueToken('xss-card'), {mode: 'inline'});
    await sayEach(chat, 'card');
    chat.remove();
  });

  it('file names (composer, question and the answer that repeats them)', async () => {
    const chat = await mountChat(uniqueToken('xss-files'), {mode: 'inline'});
    for (let at = 0; at < VECTORS.length; at += 6) {
      const picker = deep<HTMLInputElement>(chat, 'coze-composer', 'input[type="file"]')!;
      const data = new DataTransfer();
      for (const vector of VECTORS.slice(at, at + 6))
        data.items.add(new File(['hello'], vector.replaceAll('/', '∕'), {type: 'text/plain'}));
      picker.files = data.files;
      picker.dispatchEvent(new Event('change', {bubbles: true}));
      await expectInert(chat, `attached files ${at}`);
      const before = messages(chat).length;
      typeInto(chat, 'hostile say answer/4000 Files.');
      const send = deep<HTMLButtonElement>(chat, 'coze-composer', '[part~="send-button"]')!;
      await waitUntil(() => !send.disabled, 'the files are uploaded', {timeout: 10000});
      send.click();
      await waitUntil(() => messages(chat).length > before + 1, 'the question is sent');
      await settled(chat, 20000);
      await expectInert(chat, `sent files ${at}`);
    }
    expect(rowsText(chat)).to.contain('Files.');
    chat.remove();
  });

  it("the bot's name, description, prologue and suggested questions", async () => {
    for (const [i, group] of GROUPS.entries()) {
      const botId = `7500000000000000001-xss-${i}-${Math.random().toString(36).slice(2, 8)}`;
      const set = await fetch('/__emulator/profile', {
        method: 'POST',
        body: JSON.stringify({
          bot_id: botId,
          name: group.join(' '),
          description: group.join('\n'),
          prologue: group.join('\n\n'),
          suggested_questions: group,
        }),
      });
      expect(set.status).to.equal(200);
      const chat = await mountChat(uniqueToken(`xss-profile-${i}`), {mode: 'floating', botId});
      chat.open = true;
      await waitUntil(
        () => text(deep(chat, 'coze-message-list')).includes(group[0].slice(0, 8)),
        'the prologue is shown'
      );
      await expectInert(chat, `profile group ${i + 1}`);
      chat.remove();
    }
  });

  it('conversation names in the list', async () => {
    const token = uniqueToken('xss-conversations');
    const userId = `user-${token}`;
    for (const vector of VECTORS.slice(0, 50)) {
      const response = await fetch('/v1/conversation/create', {
        method: 'POST',
        headers: {'Content-Type': 'application/json', Authorization: `Bearer ${token}`},
        body: JSON.stringify({
          bot_id: '7500000000000000001',
          user_id: userId,
          connector_id: '999',
          name: vector.slice(0, 100),
          meta_data: {chat_user: userId},
        }),
      });
      expect(((await response.json()) as {code: number}).code, vector).to.equal(0);
    }
    const chat = await fixture<CozeChat>(
      html`<coze-chat
        mode="headless"
        bot-id="7500000000000000001"
        token=${token}
        api-base=${location.origin}
        user-id=${userId}
        ><coze-conversation-list></coze-conversation-list
      ></coze-chat>`
    );
    const listed = chat.querySelector('coze-conversation-list')!;
    await waitUntil(
      () => listed.shadowRoot!.querySelectorAll('[part~="conversation"]').length >= 20,
      'the conversations are listed'
    );
    await expectInert(chat, 'conversation list');
    chat.remove();
  });
});
