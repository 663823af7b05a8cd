// @ts-check
/** The Coze error codes and messages the emulator answers with. */

/** Malformed request; the message says which parameter. */
export const INVALID_PARAMETER = 4000;

export const AUTH_ERROR = {code: 4100, msg: 'authentication is invalid'};
export const PERMISSION_ERROR = {
  code: 4101,
  msg: 'the token does not have permission to access this resource',
};
export const CONVERSATION_NOT_FOUND = {code: 4001, msg: 'conversation not found'};
/** `meta_data` over Coze's limits (16 pairs, 64-character keys, 512-character values). */
export const META_DATA_LIMIT = 4003;
/** More `additional_messages` than Coze takes in one request. */
export const MESSAGES_LIMIT = 4004;
/** The API's request rate was exceeded. */
export const RATE_LIMITED = {
  code: 4013,
  msg: 'request rate limit exceeded, please try again later',
};
/** A bot published to the API but not to the Chat SDK channel (999), on a Chat SDK call. */
export const NOT_ON_CHANNEL = {
  code: 702242003,
  msg: 'the bot has not been published to the Chat SDK channel',
};
export const MESSAGE_NOT_FOUND = {code: 4005, msg: 'message not found'};
export const UNPUBLISHED_ERROR = {
  code: 4015,
  msg: 'The bot has not been published to this channel',
};
export const BUSY_ERROR = {
  code: 4016,
  msg: 'a chat is already in progress in this conversation; wait for it to finish or cancel it',
};
export const CANNOT_CANCEL = {code: 4104, msg: 'chat cannot be canceled in its current state'};
export const NOT_FOUND = {code: 4200, msg: 'the requested API does not exist'};
export const INTERNAL_ERROR = {code: 5000, msg: 'internal server error'};
/** submit_tool_outputs on a chat started with `auto_save_history: false`, as Coze answers it. */
export const NOT_SAVED_ERROR = {
  code: 5000,
  msg: 'internal server error: the chat was started with auto_save_history false, so it cannot take tool outputs',
};
export const WORKFLOW_NOT_PUBLISHED = {code: 4200, msg: 'the workflow has not been published'};
export const APP_NOT_PUBLISHED = {
  code: 4200,
  msg: 'the app does not exist or has not been published to this channel',
};
