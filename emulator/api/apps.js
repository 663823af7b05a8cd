// @ts-check
/** `GET /v1/apps/{app_id}`: the emulator app's name, icon and description. */
import {APP_NOT_PUBLISHED} from '../errors.js';
import {iconUrl} from '../inspect.js';
import {UNPUBLISHED_MARK} from './bots.js';

/** @typedef {import('../exchange.js').Exchange} Exchange */

/** A fixed creation time, so the profile is stable across restarts. */
const CREATED = 1750000000;

/** `GET /v1/apps/{app_id}?version=&connector_id=` @param {Exchange} ex */
export function getApp(ex) {
  const appId = ex.params.app_id;
  if (appId.includes(UNPUBLISHED_MARK))
    return ex.fail(APP_NOT_PUBLISHED.code, APP_NOT_PUBLISHED.msg);
  ex.ok({
    app_id: appId,
    name: 'Emulator App',
    description: 'A scripted stand-in for a Coze app whose chatflow runs in the emulator.',
    icon_url: iconUrl(ex.req, 'app-icon.svg'),
    version: ex.url.searchParams.get('version') || '1.0.0',
    create_time: CREATED,
    update_time: CREATED,
  });
}
