// React 19 JSX: the plain tags with one import, and the components of coze-chat-elements/react.
import type {} from 'coze-chat-elements/types/react';
import {CozeChat} from 'coze-chat-elements/react';
import type {CozeMessageEvent} from 'coze-chat-elements';

export const plainTag = (
  <coze-chat
    bot-id="7420000000000000000"
    mode="inline"
    theme="dark"
    no-header
    token={async () => 'token from the server'}
    beforeShow={() => true}
    oncoze-message={(event) => event.detail.message.content}
    oncoze-error={(event) => event.detail.code}
  >
    <coze-message-list></coze-message-list>
    <coze-composer></coze-composer>
  </coze-chat>
);
// @ts-expect-error: not a mode
export const badMode = <coze-chat mode="popup" />;
// @ts-expect-error: the event's detail has no such field
export const badDetail = <coze-chat oncoze-message={(event) => event.detail.nope} />;
// @ts-expect-error: React turns on… functions into listeners on the plain tag, so this is not offered
export const onProp = <coze-chat onRefreshToken={async () => 't'} />;
export const launcher = <coze-launcher for="chat" />;

export const wrapper = (
  <CozeChat
    botId="7420000000000000000"
    mode="floating"
    onRefreshToken={async (old: string) => `${old}fresh`}
    onBeforeShow={() => true}
    onCozeMessage={(event: CozeMessageEvent) => event.detail.message.content}
    onCozeSend={(event) => event.detail.text}
  />
);
// @ts-expect-error: not a mode
export const badWrapperMode = <CozeChat mode="popup" />;
