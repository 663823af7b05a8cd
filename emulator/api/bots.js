// @ts-check
/** `GET /v1/bots/{bot_id}`: the emulator bot's profile and onboarding. */
import {SUGGESTED_QUESTIONS} from '../answers.js';
import {NOT_ON_CHANNEL, UNPUBLISHED_ERROR} from '../errors.js';
import {iconUrl} from '../inspect.js';
import {profileExtras} from '../profile-extras.js';

/** @typedef {import('../exchange.js').Exchange} Exchange */

/** Bot ids containing this word behave as bots not published to the API channel. */
export const UNPUBLISHED_MARK = 'unpublished';

/** Bot or app ids containing this word are published to the API channel only, not to 999. */
export const API_ONLY_MARK = 'api-only';

/** The Chat SDK channel. */
export const CHAT_SDK_CONNECTOR = '999';

/**
 * Whether a bot or app id is refused on a channel: one marked `api-only` is not published to the
 * Chat SDK channel.
 * @param {string} botId
 * @param {string} connectorId
 */
export function offChannel(botId, connectorId) {
  return connectorId === CHAT_SDK_CONNECTOR && botId.includes(API_ONLY_MARK);
}

/** A fixed creation time, so the profile is stable across restarts. */
const CREATED = 1750000000;

/**
 * @param {Exchange} ex
 */
export function getBot(ex) {
  const botId = ex.params.bot_id;
  if (botId.includes(UNPUBLISHED_MARK))
    return ex.fail(UNPUBLISHED_ERROR.code, UNPUBLISHED_ERROR.msg);
  if (offChannel(botId, ex.url.searchParams.get('connector_id') ?? '')) {
    return ex.fail(NOT_ON_CHANNEL.code, NOT_ON_CHANNEL.msg);
  }
  const text = ex.state.profiles.get(botId) ?? {};
  ex.ok({
    bot_id: botId,
    name: text.name ?? 'Emulator Bot',
    description:
      text.description ?? 'A scripted stand-in for a Coze bot, served locally for demos and tests.',
    icon_url: iconUrl(ex.req, 'icon.svg'),
    version: '1750000000000',
    create_time: CREATED,
    update_time: CREATED,
    bot_mode: 0,
    onboarding_info: {
      prologue:
        text.prologue ??
        'Hi {{user_name}}, I am the Coze emulator. Ask me anything, or type "help" to see what I can do.',
      suggested_questions: text.suggested_questions ?? [...SUGGESTED_QUESTIONS],
    },
    ...profileExtras(ex.req, botId),
  });
}
