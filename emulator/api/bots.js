// @ts-check
/** `GET /v1/bots/{bot_id}`: the emulator bot's profile and onboarding. */
import {SUGGESTED_QUESTIONS} from '../answers.js';
import {UNPUBLISHED_ERROR} from '../errors.js';
import {iconUrl} from '../inspect.js';

/** @typedef {import('../exchange.js').Exchange} Exchange */

/** Bot ids containing this word behave as bots not published to the API channel. */
export const UNPUBLISHED_MARK = 'unpublished';

/** A fixed creation time, so the profile is stable across restarts. */
const CREATED = 1750000000;

/**
 * @param {Exchange} ex
 */
export function getBot(ex) {
  const botId = ex.params.bot_id;
  if (botId.includes(UNPUBLISHED_MARK))
    return ex.fail(UNPUBLISHED_ERROR.code, UNPUBLISHED_ERROR.msg);
  ex.ok({
    bot_id: botId,
    name: 'Emulator Bot',
    description: 'A scripted stand-in for a Coze bot, served locally for demos and tests.',
    icon_url: iconUrl(ex.req, 'icon.svg'),
    version: '1750000000000',
    create_time: CREATED,
    update_time: CREATED,
    bot_mode: 0,
    onboarding_info: {
      prologue:
        'Hi {{user_name}}, I am the Coze emulator. Ask me anything, or type "help" to see what I can do.',
      suggested_questions: [...SUGGESTED_QUESTIONS],
    },
  });
}
