// The coze-* tags in templates: their props and events, checked by vue-tsc.
import type {} from 'coze-chat-elements/types/vue'
