/**
 * coze-chat-elements/react: React components for the elements, made with
 * `@lit/react`. Every prop the element has is set as a property (so
 * `onRefreshToken={fn}`, `token={fn}` and `footerLinks={{…}}` reach it), every
 * event has an `onCoze<Name>` prop typed with its event class, and the rest
 * (`className`, `style`, `id`, `lang`, `slot`, `children`) goes to the tag as
 * usual. Importing this module registers the elements.
 */
import * as React from 'react';
import {createComponent, type EventName, type ReactWebComponent} from '@lit/react';
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
  CozeUnreadChangeEvent,
} from '../events/index.js';

/** The React component for a tag: `coze-message-list` → `CozeMessageList`, its events as `on<Name>` props. */
function wrap<
  I extends HTMLElement,
  E extends Record<string, EventName | string> = Record<never, never>,
>(tagName: string, elementClass: new () => I, events?: E): ReactWebComponent<I, E> {
  const displayName = tagName.replace(/(?:^|-)(\w)/g, (_, letter: string) => letter.toUpperCase());
  return createComponent({react: React, tagName, elementClass, displayName, events});
}

/** `<coze-chat>`: the whole widget. */
export const CozeChat = wrap('coze-chat', CozeChatElement, {
  onCozeBeforeShow: 'coze-before-show' as EventName<CozeBeforeShowEvent>,
  onCozeShow: 'coze-show' as EventName<CozeShowEvent>,
  onCozeBeforeHide: 'coze-before-hide' as EventName<CozeBeforeHideEvent>,
  onCozeHide: 'coze-hide' as EventName<CozeHideEvent>,
  onCozeSend: 'coze-send' as EventName<CozeSendEvent>,
  onCozeMessage: 'coze-message' as EventName<CozeMessageEvent>,
  onCozeError: 'coze-error' as EventName<CozeErrorEvent>,
  onCozeConversationChange: 'coze-conversation-change' as EventName<CozeConversationChangeEvent>,
  onCozeToolCall: 'coze-tool-call' as EventName<CozeToolCallEvent>,
  onCozeUnreadChange: 'coze-unread-change' as EventName<CozeUnreadChangeEvent>,
  onCozeLinkClick: 'coze-link-click' as EventName<CozeLinkClickEvent>,
  onCozeImageClick: 'coze-image-click' as EventName<CozeImageClickEvent>,
});

/** `<coze-launcher>`: the button that opens a chat (`for="<id of a coze-chat>"` when outside it). */
export const CozeLauncher = wrap('coze-launcher', CozeLauncherElement);

/** `<coze-message-list>`: the transcript, inside a `<coze-chat>`. */
export const CozeMessageList = wrap('coze-message-list', CozeMessageListElement);

/** `<coze-composer>`: the input area, inside a `<coze-chat>`. */
export const CozeComposer = wrap('coze-composer', CozeComposerElement);

/** `<coze-conversation-list>`: the conversation list, inside a `<coze-chat>`. */
export const CozeConversationList = wrap('coze-conversation-list', CozeConversationListElement, {
  onCozeConversationSelect: 'coze-conversation-select' as EventName<CozeConversationSelectEvent>,
});
