// Prints the size of every CDN file (raw, min+gzip) against its budget; with --check, fails
// when one is over. The ES module build is an entry plus content-hashed chunks, matched here by
// the name before the hash; a chunk no budget names fails the check, so a new one gets a budget.
import {readdirSync, readFileSync} from 'node:fs';
import {gzipSync} from 'node:zlib';

const dir = 'dist/cdn';
const kb = (n) => (n / 1024).toFixed(1);

/**
 * Budgets in KB of min+gzip. The entry is what every page with the widget loads (the elements
 * and the launcher); the panel chunk is what a chat needs to open (client, store, markdown,
 * DOMPurify, the transcript and the composer); the features load only when turned on. Each
 * budget sits a little above what the build measures, to catch growth nobody meant; the
 * closing notes of each release record the measured sizes, and CHANGELOG.md what they bought.
 */
const budgets = [
  // 12.6 KB: the position attribute and the launcher's side, mirrored in right-to-left documents.
  // 12 KB (the first-load target): properties declared without decorators, and the context
  // providers loaded with the session.
  {name: 'first chunk (entry)', match: /^coze-chat-elements\.js$/, kb: 12},
  // 73.5 KB: every wait has an end (request, token and tool-call deadlines), and Coze's answers
  // checked where they arrive, with their own error texts.
  {
    name: 'panel (session, transcript, composer, markdown)',
    match: /^chat-session-[\w-]+\.js$/,
    // 74.5 KB: the welcome screen, the image lightbox and the transcript's motion; 75 KB with
    // long plain-text lines shown in runs and hostile markdown sent to plain text early. 76 KB
    // with the context providers (and Lit's property decorator the parts use) moved here from the
    // entry: the entry lost what this gained; the build as a whole did not grow. 76.5 KB with a
    // Retry for a failed load. 75.5 KB with voice recording, the feedback panel and image
    // previews loaded when first used.
    kb: 75.5,
  },
  {name: 'voice recording (loaded when first used)', match: /^microphone-[\w-]+\.js$/, kb: 1.5},
  {name: 'feedback panel (loaded when first opened)', match: /^feedback-panel-[\w-]+\.js$/, kb: 1},
  {name: 'image previews (loaded for the first image)', match: /^thumbnail-[\w-]+\.js$/, kb: 0.75},
  // Lit's `live` directive, shared by the feedback panel and the shortcut form.
  {name: 'live directive (shared by two features)', match: /^live-[\w-]+\.js$/, kb: 0.6},
  {name: 'conversation list', match: /^coze-conversation-list-[\w-]+\.js$/, kb: 5},
  {name: 'zh-CN strings', match: /^zh-CN-[\w-]+\.js$/, kb: 2.8},
  {name: 'compat facade (WebChatClient)', match: /^web-chat-client-[\w-]+\.js$/, kb: 3},
  {name: 'code highlighter (loaded for code blocks)', match: /^highlighter-[\w-]+\.js$/, kb: 22},
  {
    name: 'shortcut commands (loaded for bots that have them)',
    match: /^shortcuts-[\w-]+\.js$/,
    kb: 3.5,
  },
  // KaTeX with mhchem and its styles, loaded the first time an answer has a formula; the same as
  // a module of its own beside the classic script.
  {name: 'formula typesetter (loaded for math)', match: /^math-typesetter-[\w-]+\.js$/, kb: 90},
  {name: 'formula typesetter for the classic script', match: /^coze-chat-math\.js$/, kb: 96},
  // One self-contained file: it also carries what the module build loads on demand, but for
  // KaTeX, which stays in coze-chat-math.js. 115.5 KB with Coze's answers checked at the door.
  // 117 KB: the welcome screen, the image lightbox and the transcript's motion; 117.5 KB with
  // long plain-text lines shown in runs; 118.5 KB with a Retry for a failed load; 119 KB with the
  // wrappers of three more modules the module build loads on demand.
  {name: 'classic script (one file)', match: /^coze-chat-elements\.iife\.js$/, kb: 119},
];
/**
 * All chunks of the ES module build together but those loaded only for some answers or bots (the
 * highlighter, the shortcut commands, the formula typesetter). The single bundle they replaced
 * was 75.8 KB. 94.5 KB with Coze's answers checked at the door.
 */
// 95.5 KB: the welcome screen, the image lightbox and the transcript's motion; 96 KB with the
// request, token and tool-call deadlines; 96.5 KB with long plain-text lines shown in runs; 97.5
// KB with a Retry for a failed load. 99 KB with voice recording, the feedback panel and image
// previews as chunks of their own: each file's gzip costs its own header and dictionary, 1.4 KB
// in all, the price of a panel 1.4 KB smaller.
const totalBudgetKb = 99;
const onDemand = /^(highlighter-|shortcuts-|math-typesetter-|coze-chat-math\.js)/;

const files = readdirSync(dir)
  .filter((file) => file.endsWith('.js'))
  .sort();
let over = false;
let total = 0;
const width = Math.max(...files.map((f) => f.length));
for (const file of files) {
  const bytes = readFileSync(`${dir}/${file}`);
  const gz = gzipSync(bytes, {level: 9}).length;
  const budget = budgets.find((b) => b.match.test(file));
  if (!file.endsWith('.iife.js') && !onDemand.test(file)) total += gz;
  const fits = budget ? gz / 1024 <= budget.kb : false;
  if (!fits) over = true;
  const verdict = budget
    ? `${fits ? '' : 'OVER '}budget ${budget.kb} KB, ${budget.name}`
    : 'NO BUDGET: add one in scripts/size.mjs';
  console.log(
    `${dir}/${file.padEnd(width)}  ${kb(bytes.length).padStart(6)} KB min  ${kb(gz).padStart(5)} KB (${gz} B) min+gzip  (${verdict})`
  );
}
const totalFits = total / 1024 <= totalBudgetKb;
if (!totalFits) over = true;
console.log(
  `ES module build, all chunks but those loaded for some answers or bots: ${kb(total)} KB min+gzip (${totalFits ? '' : 'OVER '}budget ${totalBudgetKb} KB)`
);
if (over && process.argv.includes('--check')) {
  console.error('A CDN file is over its size budget (or has none).');
  process.exit(1);
}
