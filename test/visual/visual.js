// Puts one <coze-chat> in the page as the query says, asks its question, and marks the body
// `data-settled` once the answer (and whatever loads for it) is on screen. Query: `bot`, `mode`
// (inline, or floating and open), `theme`, `lang`, `dir`, `layout`, `ask` (a question for the
// emulator), `shortcut` (a command's name to open), `attrs` (boolean attributes, comma-separated).
const query = new URLSearchParams(location.search);
const mode = query.get('mode') ?? 'inline';
const theme = query.get('theme') ?? 'light';
document.documentElement.lang = query.get('lang') ?? 'en';
if (query.get('dir')) document.documentElement.dir = query.get('dir');
document.body.classList.add(mode, theme);

const chat = document.createElement('coze-chat');
const attributes = {
  'bot-id': query.get('bot') ?? '7500000000000000001',
  // A conversation of its own for each state (the emulator resumes a user's last one).
  token: `visual-${query.get('state')}`,
  'user-id': `visual-${query.get('state')}`,
  'user-nickname': 'Ada',
  'api-base': location.origin,
  mode,
  theme,
};
if (query.get('layout')) attributes.layout = query.get('layout');
for (const [name, value] of Object.entries(attributes)) chat.setAttribute(name, value);
for (const name of (query.get('attrs') ?? '').split(',').filter(Boolean))
  chat.toggleAttribute(name, true);
document.body.append(chat);

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const until = async (test, what) => {
  for (let i = 0; i < 400; i++) {
    if (test()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`visual: ${what}`);
};
const root = (tag) => chat.shadowRoot?.querySelector(tag)?.shadowRoot;

async function settle() {
  await customElements.whenDefined('coze-chat');
  if (mode === 'floating') await chat.show();
  await until(
    () => root('coze-message-list')?.querySelector('.empty, [part~="message"]'),
    'no transcript'
  );
  // The welcome screen's suggestions, or the bot's commands, arrive with the profile.
  await until(
    () => root('coze-message-list')?.querySelector('[part~="follow-up"], .prologue'),
    'no profile'
  );
  if (query.get('bot')?.includes('shortcuts'))
    await until(() => root('coze-composer')?.querySelector('[part~="shortcut"]'), 'no commands');
  if (query.get('ask')) await chat.send(query.get('ask'));
  const shortcut = query.get('shortcut');
  if (shortcut) {
    [...root('coze-composer').querySelectorAll('[part~="shortcut"]')]
      .find((b) => b.textContent.trim() === shortcut)
      ?.click();
    await until(() => root('coze-composer')?.querySelector('[part~="shortcut-form"]'), 'no form');
  }
  const list = root('coze-message-list');
  // What loads for an answer: the highlighter, the typesetter, images, fonts.
  if (list?.querySelector('pre code'))
    await until(
      () => list.querySelector('pre code.hljs, pre code [class^="hljs-"]'),
      'not highlighted'
    ).catch(() => {});
  if (query.get('ask') === 'math')
    await until(() => list.querySelectorAll('.math-typeset').length > 0, 'no math');
  await Promise.all([...list.querySelectorAll('img')].map((img) => img.decode?.().catch(() => {})));
  await document.fonts.ready;
  // "Thought for N s" depends on the machine's speed: the same number in every shot.
  for (const part of list.querySelectorAll('[part~="reasoning"]')) {
    const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (/\d+ ?s\b|\d+ 秒/.test(node.textContent))
        node.textContent = node.textContent.replace(/\d+/g, '2');
  }
  // No caret: nothing keeps focus.
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  active?.blur?.();
  for (let i = 0; i < 3; i++) await frame();
  document.body.dataset.settled = 'true';
}

settle().catch((error) => {
  document.body.dataset.settled = 'failed';
  document.body.dataset.error = String(error?.message ?? error);
});
