import {mount} from 'svelte'
// Registers <coze-chat> and the other elements.
import 'coze-chat-elements'
import App from './App.svelte'

const app = mount(App, {
  target: document.getElementById('app')!,
})

export default app
