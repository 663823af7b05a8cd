// @ts-check
/**
 * What some emulator bots add to their profile (`GET /v1/bots/{bot_id}`), chosen by a word in the
 * bot id: shortcut commands (`shortcuts`), background images (`background`) and voice as the
 * default input (`voice-first`). Field names from Coze's OpenAPI spec (coze-dev/coze-sdk-gen
 * `coze-openapi.yaml`: `BotInfo.background_image_info`, `BackgroundImageDetail`,
 * `default_user_input_type`, `shortcut_commands`).
 */
import {shortcutCommands} from './shortcuts.js';

/** Bot ids containing this word have background images. */
export const BACKGROUND_MARK = 'background';
/** Bot ids containing this word open in voice input. */
export const VOICE_FIRST_MARK = 'voice-first';
/** Bot ids containing this word default to a voice call (`call`). */
export const VOICE_CALL_MARK = 'voice-call';

/**
 * A busy picture, so tests and screenshots show whether text on it stays readable.
 * @param {number} width
 * @param {number} height
 */
function backgroundSvg(width, height) {
  const stripes = Array.from({length: 12}, (_, i) => {
    const x = (i * width) / 6 - width / 2;
    return `<path d="M${x} 0l${width / 2} ${height}" stroke="#ffffff" stroke-opacity="0.35" stroke-width="${width / 40}"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#ff8a3d"/><stop offset="0.5" stop-color="#7b3fe4"/><stop offset="1" stop-color="#0b8793"/></linearGradient></defs>
<rect width="${width}" height="${height}" fill="url(#g)"/>${stripes}
<circle cx="${width * 0.75}" cy="${height * 0.3}" r="${Math.min(width, height) / 5}" fill="#ffe14d" fill-opacity="0.8"/>
<circle cx="${width * 0.2}" cy="${height * 0.75}" r="${Math.min(width, height) / 7}" fill="#111111" fill-opacity="0.6"/>
</svg>
`;
}

/** Background pictures served under `/__emulator/`. */
export const BACKGROUND_FILES = new Map([
  ['background-web.svg', backgroundSvg(1200, 800)],
  ['background-mobile.svg', backgroundSvg(600, 1200)],
]);

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {string} botId
 */
export function profileExtras(req, botId) {
  const base = `http://${req.headers.host ?? 'localhost'}/__emulator/`;
  /** @type {Record<string, unknown>} */
  const extras = {
    shortcut_commands: shortcutCommands(botId),
    default_user_input_type: botId.includes(VOICE_FIRST_MARK)
      ? 'voice'
      : botId.includes(VOICE_CALL_MARK)
        ? 'call'
        : 'text',
  };
  if (botId.includes(BACKGROUND_MARK)) {
    // Coze's `BackgroundImageDetail`: the picture in use (`image_uri`/`image_url`), the one the
    // owner uploaded (`origin_*`), its colour and where it was placed on the canvas.
    const detail = (/** @type {string} */ file) => ({
      image_uri: `tos-cn-i-emulator/${file}`,
      image_url: base + file,
      origin_image_uri: `tos-cn-i-emulator/origin-${file}`,
      origin_image_url: base + file,
      theme_color: '#7b3fe4',
      canvas_position: {left: 0, top: 0, width: 1, height: 1},
      gradient_position: {left: 0, right: 0},
    });
    extras.background_image_info = {
      web_background_image: detail('background-web.svg'),
      mobile_background_image: detail('background-mobile.svg'),
    };
  }
  return extras;
}
