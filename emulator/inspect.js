// @ts-check
/** Routes under `/__emulator/`: the request log, reset, fixture replay and the avatars. */
import {
  fixtureContentType,
  listFixtures,
  parseSizes,
  readFixture,
  resolveFixture,
  sendChunked,
} from './fixture-files.js';
import {plainIdentity} from './exchange.js';
import {HOSTILE_SHAPES, hostileAnswer} from './hostile.js';
import {isPlainObject, parseJson, readBody, sendJson, writeHead} from './http.js';
import {BACKGROUND_FILES} from './profile-extras.js';
import {hangUntilClosed} from './routes.js';

/** @typedef {import('./exchange.js').EmulatorState} EmulatorState */

/**
 * An avatar: a rounded square in `color` with a speech bubble.
 * @param {string} color
 */
function avatarSvg(color) {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">
<rect width="64" height="64" rx="14" fill="${color}"/>
<path d="M16 20h32a4 4 0 0 1 4 4v14a4 4 0 0 1-4 4H30l-9 7v-7h-5a4 4 0 0 1-4-4V24a4 4 0 0 1 4-4z" fill="#fff"/>
<circle cx="25" cy="31" r="3" fill="${color}"/><circle cx="39" cy="31" r="3" fill="${color}"/>
</svg>
`;
}

/** The bot's avatar. */
export const ICON_SVG = avatarSvg('#4d53e8');

/** Avatars served under `/__emulator/`: the bot's, the app's and the chatflow role's. */
const ICONS = new Map([
  ['icon.svg', ICON_SVG],
  ['app-icon.svg', avatarSvg('#0f8a5f')],
  ['chatflow-icon.svg', avatarSvg('#c2410c')],
  ...BACKGROUND_FILES,
]);

/**
 * The URL of an avatar served by this emulator, on the host the request came to.
 * @param {import('node:http').IncomingMessage} req
 * @param {'icon.svg' | 'app-icon.svg' | 'chatflow-icon.svg'} file
 */
export function iconUrl(req, file) {
  return `http://${req.headers.host ?? 'localhost'}/__emulator/${file}`;
}

const FIXTURE_PREFIX = '/__emulator/fixture/';

/**
 * A whole-number query parameter, or `fallback` when absent or malformed.
 * @param {URLSearchParams} query
 * @param {string} name
 * @param {number} fallback
 */
function intParam(query, name, fallback) {
  const value = Number(query.get(name));
  return query.has(name) && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

/**
 * Answers one request under `/__emulator/`.
 * @param {EmulatorState} state
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @param {() => void} reset
 */
export async function handleInspect(state, req, res, url, reset) {
  const method = req.method ?? 'GET';
  const path = url.pathname;
  if (method === 'OPTIONS') {
    writeHead(res, 204);
    res.end();
    return;
  }
  if (path === '/__emulator/requests' && method === 'GET') {
    const q = url.searchParams;
    sendJson(res, 200, state.log.find(q.get('token') ?? '', intParam(q, 'since', 0)));
    return;
  }
  if (path === '/__emulator/feedback' && method === 'GET') {
    const messageId = url.searchParams.get('message_id') ?? '';
    sendJson(res, 200, {
      message_id: messageId,
      feedback: state.store.feedback(messageId) ?? null,
    });
    return;
  }
  if (path === '/__emulator/clock' && method === 'POST') {
    // Moves the token clock forward, so minted tokens and JWTs expire without waiting.
    const raw = await readBody(req, 4096);
    const parsed = parseJson(raw);
    const value =
      parsed.ok && isPlainObject(parsed.value) ? parsed.value.advance_seconds : undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      sendJson(res, 400, {error: 'send {"advance_seconds": <non-negative number>}'});
      return;
    }
    state.clock.advanceMs += value * 1000;
    sendJson(res, 200, {now: Math.floor((Date.now() + state.clock.advanceMs) / 1000)});
    return;
  }
  if (path === '/__emulator/hang') {
    // A dependency that accepted the connection and never answers (a token-url, say).
    req.resume();
    await hangUntilClosed(res);
    return;
  }
  if (path === '/__emulator/fixtures' && method === 'GET') {
    sendJson(res, 200, await listFixtures(state.fixturesDir));
    return;
  }
  if (path === '/__emulator/profile' && method === 'POST') {
    // Replaces a bot's profile texts (name, description, prologue, suggestions) until a reset.
    const parsed = parseJson(await readBody(req, 1 << 20));
    const value = parsed.ok && isPlainObject(parsed.value) ? parsed.value : undefined;
    const strings = (/** @type {unknown} */ list) =>
      Array.isArray(list) && list.every((q) => typeof q === 'string');
    const optional = (/** @type {unknown} */ v) => v === undefined || typeof v === 'string';
    if (
      !value ||
      typeof value.bot_id !== 'string' ||
      !optional(value.name) ||
      !optional(value.description) ||
      !optional(value.prologue) ||
      !(value.suggested_questions === undefined || strings(value.suggested_questions))
    ) {
      sendJson(res, 400, {
        error:
          'send {"bot_id", "name"?, "description"?, "prologue"?, "suggested_questions"?: string[]}',
      });
      return;
    }
    const {bot_id: botId, ...text} = value;
    state.profiles.set(botId, /** @type {import('./exchange.js').ProfileText} */ (text));
    sendJson(res, 200, {ok: true});
    return;
  }
  if (path === '/__emulator/history' && method === 'POST') {
    // Adds a question `hostile <shape>` and the shape's answer to a conversation's history, as
    // if the bot had answered it earlier: a hostile answer that arrives from history, not streamed.
    const parsed = parseJson(await readBody(req, 4096));
    const value = parsed.ok && isPlainObject(parsed.value) ? parsed.value : undefined;
    const token = typeof value?.token === 'string' ? value.token : '';
    const shape = typeof value?.shape === 'string' ? value.shape : '';
    const owner = state.oauth.token(token)?.identity ?? plainIdentity(token);
    const record =
      typeof value?.conversation_id === 'string'
        ? state.store.conversation(value.conversation_id, owner)
        : undefined;
    const answer = hostileAnswer(shape);
    if (!record || answer === undefined) {
      sendJson(res, 400, {
        error: `send {"token", "conversation_id" (of that token's), "shape": ${Object.keys(HOSTILE_SHAPES).join(' | ')}}`,
      });
      return;
    }
    const text = {content_type: 'text', ...(record.botId ? {bot_id: record.botId} : {})};
    const question = state.store.newMessage(record, {
      ...text,
      role: 'user',
      type: 'question',
      content: `hostile ${shape}`,
    });
    const reply = state.store.newMessage(record, {
      ...text,
      role: 'assistant',
      type: 'answer',
      content: answer,
    });
    state.store.save(record, [question, reply]);
    sendJson(res, 200, {conversation_id: record.data.id, message_ids: [question.id, reply.id]});
    return;
  }
  if (path === '/__emulator/reset' && method === 'POST') {
    req.resume();
    reset();
    sendJson(res, 200, {ok: true});
    return;
  }
  const icon = ICONS.get(path.slice('/__emulator/'.length));
  if (icon && method === 'GET') {
    writeHead(res, 200, {'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=3600'});
    res.end(icon);
    return;
  }
  if (path.startsWith(FIXTURE_PREFIX) && (method === 'GET' || method === 'POST')) {
    req.resume();
    let name;
    try {
      name = decodeURIComponent(path.slice(FIXTURE_PREFIX.length));
    } catch {
      name = '';
    }
    const file = resolveFixture(state.fixturesDir, name);
    if (!file) {
      sendJson(res, 400, {error: 'bad fixture path'});
      return;
    }
    const bytes = await readFixture(file);
    if (!bytes) {
      sendJson(res, 404, {error: `no fixture ${name}`});
      return;
    }
    const q = url.searchParams;
    await sendChunked(res, bytes, {
      type: q.get('type') || fixtureContentType(file),
      chunk: intParam(q, 'chunk', 0),
      sizes: parseSizes(q.get('sizes')),
      delayMs: intParam(q, 'delay', 0),
    });
    return;
  }
  sendJson(res, 404, {error: `unknown emulator route ${method} ${path}`});
}
