/**
 * coze-chat-elements/react: React components for the elements, made with
 * `@lit/react`. Every prop the element has is set as a property (so
 * `onRefreshToken={fn}`, `token={fn}` and `footerLinks={{…}}` reach it), every
 * event has an `onCoze<Name>` prop typed with its event class, and the rest
 * (`className`, `style`, `id`, `lang`, `slot`, `children`) goes to the tag as
 * usual. Importing this module registers the elements.
 */
import * as React from 'react';
import {createComponent, type EventName} from '@lit/react';
import '../define.js';
import {
  CozeChat as CozeChatElement,
  CozeComposer as CozeComposerElement,
  CozeConversationList as CozeConversationListElement,
  CozeLauncher as CozeLauncherElement,
  CozeMessageList as CozeMessageListElement,
} from '../elements/index.js';
import type {
  CozeBeforeHideEvent,
  CozeBeforeShowEvent,
  CozeConversationChangeEvent,
  CozeConversationSelectEvent,
  CozeErrorEvent,
  CozeHideEvent,
  CozeImageClickEvent,
  CozeLinkClickEvent,
  CozeMessageEvent,
  CozeSendEvent,
  CozeShowEvent,
  CozeToolCallEvent,
} from '../events/index.js';

/** `<coze-chat>`: the whole widget. */
export const CozeChat = createComponent({
  react: React,
  tagName: 'coze-chat',
  elementClass: CozeChatElement,
  displayName: 'CozeChat',
  events: {
    onCozeBeforeShow: 'coze-before-show' as EventName<CozeBeforeShowEvent>,
    onCozeShow: 'coze-show' as EventName<CozeShowEvent>,
    onCozeBeforeHide: 'coze-before-hide' as EventName<CozeBeforeHideEvent>,
    onCozeHide: 'coze-hide' as EventName<CozeHideEvent>,
    onCozeSend: 'coze-send' as EventName<CozeSendEvent>,
    onCozeMessage: 'coze-message' as EventName<CozeMessageEvent>,
    onCozeError: 'coze-error' as EventName<CozeErrorEvent>,
    onCozeConversationChange: 'coze-conversation-change' as EventName<CozeConversationChangeEvent>,
    onCozeToolCall: 'coze-tool-call' as EventName<CozeToolCallEvent>,
    onCozeUnreadChange: 'coze-unread-change' as EventName<Event>,
    onCozeLinkClick: 'coze-link-click' as EventName<CozeLinkClickEvent>,
    onCozeImageClick: 'coze-image-click' as EventName<CozeImageClickEvent>,
  },
});

/** `<coze-launcher>`: the button that opens a chat (`for="<id of a coze-chat>"` when outside it). */
export const CozeLauncher = createComponent({
  react: React,
  tagName: 'coze-launcher',
  elementClass: CozeLauncherElement,
  displayName: 'CozeLauncher',
});

/** `<coze-message-list>`: the transcript, inside a `<coze-chat>`. */
export const CozeMessageList = createComponent({
  react: React,
  tagName: 'coze-message-list',
  elementClass: CozeMessageListElement,
  displayName: 'CozeMessageList',
});

/** `<coze-composer>`: the input area, inside a `<coze-chat>`. */
export const CozeComposer = createComponent({
  react: React,
  tagName: 'coze-composer',
  elementClass: CozeComposerElement,
  displayName: 'CozeComposer',
});

/** `<coze-conversation-list>`: the conversation list, inside a `<coze-chat>`. */
export const CozeConversationList = createComponent({
  react: React,
  tagName: 'coze-conversation-list',
  elementClass: CozeConversationListElement,
  displayName: 'CozeConversationList',
  events: {
    onCozeConversationSelect: 'coze-conversation-select' as EventName<CozeConversationSelectEvent>,
  },
});
