// Vue 3: the tags in GlobalComponents with one import, checked the way vue-tsc reads a template.
import type {} from 'coze-chat-elements/types/vue';
import type {GlobalComponents} from 'vue';

type Chat = InstanceType<GlobalComponents['coze-chat']>;
export const props: Chat['$props'] = {
  botId: '7420000000000000000',
  mode: 'inline',
  token: async () => 'token from the server',
  beforeShow: () => true,
  class: 'chat',
};
// @ts-expect-error: not a mode
export const badMode: Chat['$props'] = {mode: 'popup'};
export const emit = (chat: Chat) => chat.$emit('coze-message', new Event('x') as never);
export const element = (chat: Chat) => chat.send('hello');
// @ts-expect-error: not an event of <coze-chat>
export const badEmit = (chat: Chat) => chat.$emit('coze-nope', new Event('x'));
