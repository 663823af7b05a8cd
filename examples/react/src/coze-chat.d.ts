// <coze-chat> in JSX: its attributes, its properties (React 19 sets a prop as a property when
// the element has one) and `oncoze-*` listeners (React 19 adds `on<event-name>` as a listener).
import type {CozeChat, CozeMessageEvent, CozeErrorEvent} from 'coze-chat-elements'
import type {DetailedHTMLProps, HTMLAttributes} from 'react'

type CozeChatProps = DetailedHTMLProps<HTMLAttributes<CozeChat>, CozeChat> & {
  mode?: 'floating' | 'inline' | 'headless'
  'bot-id'?: string
  'api-base'?: string
  'user-id'?: string
  token?: CozeChat['token']
  'oncoze-message'?: (event: CozeMessageEvent) => void
  'oncoze-error'?: (event: CozeErrorEvent) => void
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'coze-chat': CozeChatProps
    }
  }
}
