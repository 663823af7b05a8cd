import {StrictMode} from 'react'
import {createRoot} from 'react-dom/client'
// Registers <coze-chat> and the other elements before React renders them.
import 'coze-chat-elements'
import './index.css'
import App from './App.tsx'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
