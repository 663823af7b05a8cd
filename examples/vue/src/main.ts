import {createApp} from 'vue'
// Registers <coze-chat> and the other elements.
import 'coze-chat-elements'
import App from './App.vue'

createApp(App).mount('#app')
