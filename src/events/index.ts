export * from './coze-visibility-events.js';
export * from './coze-send-event.js';
export * from './coze-message-event.js';
export * from './coze-error-event.js';
export * from './coze-conversation-change-event.js';
export * from './coze-tool-call-event.js';
export * from './coze-conversation-select-event.js';
