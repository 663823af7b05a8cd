import {StrictMode} from 'react'
import {createRoot} from 'react-dom/client'
// Registers <coze-chat> and the other elements before React renders them.
import 'coze-chat-elements'
// The tags, their props and `oncoze-*` listeners in JSX.
import type {} from 'coze-chat-elements/types/react'
import './index.css'
import App from './App.tsx'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
