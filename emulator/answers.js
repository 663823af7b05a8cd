// @ts-check
/** The texts the scripted bot answers with. Pure data and text builders; no I/O. */

/** The bot's onboarding suggestions. */
export const SUGGESTED_QUESTIONS = ['Show me some markdown', 'Tell me something long', 'help'];

/** @typedef {import('./api/object-string.js').Attachment} Attachment */

/**
 * The echo answer for anything that matches no trigger.
 * @param {string} question the user's text
 * @param {Attachment[]} [attachments] files/images that came with it
 */
export function echoAnswer(question, attachments = []) {
  const said = question.replace(/\s+/g, ' ').trim();
  /** @type {string[]} */
  const lines = [];
  if (attachments.length > 0) lines.push(describeAttachments(attachments), '');
  if (said) lines.push(`You said: **${said}**`);
  else if (attachments.length === 0) lines.push('You sent no text.');
  lines.push(
    '',
    'I am the Coze emulator, so I simply repeat what I hear. Type "help" to see what else I can do.'
  );
  return lines.join('\n');
}

/**
 * One sentence naming every attachment: "I received 2 files: report.pdf (12.3 KB), photo.png
 * (an image)."
 * @param {Attachment[]} attachments
 */
export function describeAttachments(attachments) {
  const noun = attachments.length === 1 ? 'file' : 'files';
  const each = attachments.map((a) => {
    if (a.type === 'image') return `${a.name} (an image)`;
    if (a.type === 'audio') return `${a.name} (audio)`;
    return a.bytes === undefined ? `${a.name} (a link)` : `${a.name} (${formatBytes(a.bytes)})`;
  });
  return `I received ${attachments.length} ${noun}: ${each.join(', ')}.`;
}

/**
 * A size as people read it: "512 bytes", "12.3 KB", "4.0 MB".
 * @param {number} bytes
 */
export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The answer to a question that quotes something (lines starting with `>`) before asking.
 * @param {string} quote the quoted text, without the `>` markers
 * @param {string} rest what the user wrote after the quote
 * @param {Attachment[]} [attachments]
 */
export function quoteAnswer(quote, rest, attachments = []) {
  const quoted = quote.replace(/\s+/g, ' ').trim();
  const short = quoted.length > 120 ? `${quoted.slice(0, 117)}…` : quoted;
  const said = rest.replace(/\s+/g, ' ').trim();
  const lines = [`You quoted: "${short}"`, ''];
  if (attachments.length > 0) lines.push(describeAttachments(attachments), '');
  lines.push(said ? `About that, you said: **${said}**` : 'You quoted it without a question.');
  return lines.join('\n');
}

/** The local plugin the `local weather` question asks the page to run. */
export const LOCAL_WEATHER_CALL = {
  name: 'get_local_weather',
  arguments: JSON.stringify({city: 'Paris'}),
};

/**
 * The answer after the page submitted its tool outputs.
 * @param {string[]} outputs in the order of the tool calls
 */
export function toolOutputAnswer(outputs) {
  const said = outputs.map((o) => (o.length > 500 ? `${o.slice(0, 497)}…` : o)).join('; ');
  return `The page's tool says: ${said}`;
}

/**
 * A card answer (`content_type: "card"`): a small card DSL as a JSON string, with a title and
 * some text, the parts a widget without Coze's card renderer can fall back to.
 */
export const CARD_CONTENT = JSON.stringify({
  card_type: 'basic',
  title: 'Weather card',
  elements: [
    {tag: 'image', image_url: 'https://example.com/sun.png', alt: 'A sun'},
    {tag: 'text', text: 'Paris: sunny, 24 °C.'},
    {tag: 'button', text: 'Tomorrow', action: {type: 'send_message', value: 'And tomorrow?'}},
  ],
});

/** The question node's options for the `choose` trigger. */
export const COLOUR_OPTIONS = ['Red', 'Green', 'Blue'];

/** A question node's answer: a JSON object with the question and its options, as Coze sends it. */
export const COLOUR_QUESTION = JSON.stringify({
  question: 'Which colour would you like?',
  options: COLOUR_OPTIONS.map((name) => ({name})),
});

/**
 * The answer to the reply after the `choose` question: the option it names, or the reply itself.
 * @param {string} reply
 */
export function colourChosen(reply) {
  const said = reply.replace(/\s+/g, ' ').trim();
  const option = COLOUR_OPTIONS.find((name) => new RegExp(`\\b${name}\\b`, 'i').test(said));
  return `You chose **${option ?? said}**.`;
}

/**
 * The `help` answer: every trigger phrase with one line about it.
 * @param {readonly {phrase: string, about: string}[]} triggers
 */
export function helpAnswer(triggers) {
  const fail = triggers.filter((t) => t.phrase.startsWith('fail'));
  const other = triggers.filter((t) => !t.phrase.startsWith('fail'));
  const item = (/** @type {{phrase: string, about: string}} */ t) =>
    `- \`${t.phrase}\` — ${t.about}`;
  return [
    '## What I can do',
    '',
    'Send a message containing one of these words (case does not matter):',
    '',
    ...other.map(item),
    '',
    '### Failures on purpose',
    '',
    'These are checked first, so they win over everything above:',
    '',
    ...fail.map(item),
    '',
    'Anything else is echoed back to you. Start a message with a quote (`> …`) and I acknowledge',
    'the quoted text; send files or images (`object_string`) and I list what I received.',
  ].join('\n');
}

/** A tour of the markdown a model typically produces, CJK included. */
export const MARKDOWN_SHOWCASE = `## Markdown showcase

This answer exercises the renderer: **bold**, *italic*, ***both at once***, ~~struck out~~ and \`inline code\`.

### Lists

1. First ordered item
2. Second item, with a nested list:
   - a nested bullet
   - another one, with \`code\` inside
3. Third item

- Unordered item
- Another unordered item
  - Nested item
    1. Deeply nested and ordered

### A table

| Feature | Supported | Notes |
| :--- | :---: | ---: |
| Streaming | yes | a delta every few milliseconds |
| Tables | yes | split across many deltas |
| 中文 | 是 | 混合排版 |

### Some code

\`\`\`ts
interface Greeting {
  text: string;
  at: Date;
}

export function greet(name: string): Greeting {
  return {text: \`Hello, \${name}!\`, at: new Date()};
}
\`\`\`

> A blockquote: the emulator speaks the same event-stream framing as the real service.
> It spans two lines.

---

Read more on [the Coze site](https://www.coze.cn) or at https://example.com/docs.

### 中文段落

扣子模拟器会把回答切成很小的片段逐个发送，所以表格和代码块都会跨越好几个增量事件。渲染器需要在每一步都保持正确。🙂`;

/** A table wider than any chat panel: one-word headers, aligned columns. */
export const WIDE_TABLE = `Here is the comparison you asked for:

| Model | Weight | Height | Throughput | Latency | Accuracy | Licence | Maintainer |
| :--- | ---: | ---: | :---: | ---: | ---: | :---: | :--- |
| Alpha | 12.5 | 180 | high | 35 | 91.2 | MIT | Community |
| Beta | 8.1 | 165 | medium | 48 | 88.7 | Apache | Foundation |
| Gamma | 20.0 | 201 | low | 120 | 94.5 | GPL | University |

The last column scrolls into view.`;

/** Fenced code in a few languages, one the highlighter does not know, and inline code. */
export const CODE_ANSWER = `Three ways to say hello, and \`inline code\` too:

\`\`\`python
def greet(name: str) -> str:
    """Say hello."""
    return f"Hello, {name}!"  # a comment
\`\`\`

\`\`\`js
const greet = (name) => \`Hello, \${name}!\`;
console.log(greet('world'), 42, /re+gex/g);
\`\`\`

\`\`\`brainfuck-ish
++++[>++++<-]>.  this language is not known, so it stays plain
\`\`\`

A very long line that must scroll, not wrap:

\`\`\`
const aVeryLongLine = 'abcdefghijklmnopqrstuvwxyz'.repeat(8) + 'the end of a line that is far wider than the panel';
\`\`\``;

/** Images in an answer: one described, one without alt text, one that never loads. */
export const IMAGES_ANSWER = `Two pictures:

![A red square](https://images.example.invalid/red-square.png)

![](https://images.example.invalid/undescribed.png)

An image link: [![Logo](https://images.example.invalid/logo.png)](https://example.com/)`;

/** Sentences mixed into the long answer. */
const LONG_SENTENCES = [
  'Streaming answers arrive as many small pieces, and the widget has to keep up without flicker.',
  'A renderer that re-parses the whole answer on every piece does quadratic work on long replies.',
  'Finished blocks can be rendered once and kept, while only the open tail is parsed again.',
  'Scrolling should follow the answer only while the reader is already near the bottom.',
  'Screen readers should hear one announcement per finished answer, not one per token.',
  'Code blocks deserve a copy button and a horizontal scrollbar instead of wrapping.',
  'Tables wider than the panel should scroll inside their own box.',
  'Links open in a new tab, and only http, https and mailto survive sanitising.',
];

/** Topics for the long answer's section headings. */
const LONG_TOPICS = [
  'Rendering',
  'Scrolling',
  'Accessibility',
  'Sanitising',
  'Performance',
  'Theming',
  'Networking',
  'Testing',
];

/**
 * A long markdown answer of at least `minLength` characters (about 30 KB by default), built
 * deterministically from varied paragraphs, lists, tables and code.
 * @param {number} [minLength]
 */
export function longAnswer(minLength = 30_000) {
  const parts = [
    '# A long answer',
    '',
    'Here is a long, varied answer to stress the renderer.',
    '',
  ];
  let length = parts.join('\n').length;
  for (let i = 0; length < minLength; i++) {
    const topic = LONG_TOPICS[i % LONG_TOPICS.length];
    const pick = (/** @type {number} */ k) => LONG_SENTENCES[(i * 3 + k) % LONG_SENTENCES.length];
    /** @type {string[]} */
    const section = [`## Part ${i + 1}: ${topic}`, '', `${pick(0)} ${pick(1)} ${pick(2)}`, ''];
    switch (i % 4) {
      case 0:
        section.push(`- ${pick(3)}`, `- ${pick(4)}`, `  - nested note number ${i + 1}`, '');
        break;
      case 1:
        section.push(
          '```js',
          `function part${i + 1}(items) {`,
          `  return items.filter((item) => item.score > ${i}).map((item) => item.name);`,
          '}',
          '```',
          ''
        );
        break;
      case 2:
        section.push(
          '| step | what happens |',
          '| --- | --- |',
          `| ${i + 1}.1 | ${pick(5)} |`,
          `| ${i + 1}.2 | ${pick(6)} |`,
          ''
        );
        break;
      default:
        section.push(
          `> ${pick(7)}`,
          '',
          `1. first *point* of part ${i + 1}`,
          '2. second **point**',
          ''
        );
    }
    parts.push(...section);
    length += section.join('\n').length + 1;
  }
  parts.push('That is the end of the long answer.');
  return parts.join('\n');
}

/** The slow answer: about 300 characters, sent as ~60 pieces. */
export const SLOW_ANSWER =
  'This answer is deliberately slow. Each small piece arrives about a tenth of a second after ' +
  'the previous one, which leaves plenty of time to press the Stop button while it is still ' +
  'streaming. If you are reading this sentence in full, nobody pressed Stop, and the answer ' +
  'simply ran to its end.';

/** What a malicious or confused model might send; the widget must render it inert. */
export const XSS_ANSWER = `Here are some things that must never run:

<script>alert(1)</script>

An image: <img src=x onerror=alert(1)>

A link: [click](javascript:alert(1))

An SVG: <svg onload=alert(1)>

An anchor: <a href="https://example.com" onclick="alert(1)">ok</a>

If no alert appeared, the sanitiser did its job.`;

/** The reasoning shown before the `think` answer. */
export const REASONING_TEXT =
  'The user wants to see reasoning. I should think step by step: first restate the question, ' +
  'then weigh two options, then answer briefly. 先想一想，再回答。';

/** The `think` answer; starts with a blank line as real reasoning models' answers do. */
export const REASONED_ANSWER =
  '\n\n**Answer:** after thinking it over, the shortest good reply is this one. ' +
  'The reasoning above arrived first, as `reasoning_content` pieces with empty `content`.';

/**
 * The `tool` scenario: the plugin call and its result (both JSON strings, as in message
 * `content`) and the answer built from them. The plugin and api ids are bare 19-digit numbers
 * inside the JSON text, as Coze writes them, so they are spliced in as text.
 */
export const TOOL_SCENARIO = {
  callContent: JSON.stringify({
    name: 'weather-get',
    arguments: {city: 'Paris'},
    plugin_id: '@plugin',
    api_id: '@api',
    plugin_type: 1,
    thought: 'The user asks about the weather, so call the weather plugin for Paris.',
  })
    .replace('"@plugin"', '7400000000000000101')
    .replace('"@api"', '7400000000000000102'),
  resultContent: JSON.stringify({
    content_type: 1,
    response_for_model: JSON.stringify({
      city: 'Paris',
      condition: 'light rain',
      high_c: 17,
      low_c: 11,
    }),
    type_for_model: 1,
  }),
  answer:
    'I checked the weather plugin: in **Paris** expect light rain, between 11 and 17 °C. ' +
    'Take an umbrella.',
};

/** The few words streamed before a scripted failure. */
export const PARTIAL_ANSWER = 'Let me look into that for you, one moment while I';

/** The chatflow's onboarding suggestions; the first one starts the question-node flow. */
export const CHATFLOW_SUGGESTED_QUESTIONS = [
  'I want a jacket, what size?',
  'Show me some markdown',
  'help',
];

/** The chatflow role's prologue. */
export const CHATFLOW_PROLOGUE =
  'Hello {{user_name}}, I am a chatflow running in the emulator. Ask me for a jacket and I will ' +
  'ask which size you need, or type "help" to see what else I can do.';

/** What the `size` question node asks. */
export const SIZE_QUESTION = 'Which size do you need: S, M or L?';

/**
 * The question node asked again, after a reply that named no size.
 * @param {string} reply
 */
export function sizeAskedAgain(reply) {
  const said = reply.replace(/\s+/g, ' ').trim().slice(0, 60);
  return `Sorry, I did not catch a size in "${said}". ${SIZE_QUESTION}`;
}

/**
 * The chatflow's answer once the question node has its reply.
 * @param {string} size
 */
export function sizeNoted(size) {
  return (
    `Noted: size ${size}. A jacket in size ${size} is set aside for you; ` +
    'the chatflow has finished, so ask me anything else.'
  );
}
