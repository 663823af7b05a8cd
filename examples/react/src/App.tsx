import {useCallback, useEffect, useState} from 'react'
import type {CozeMessageEvent} from 'coze-chat-elements'
import {CozeChat} from 'coze-chat-elements/react'
import {fetchBotId, tokenFromPage} from './config.ts'

// `?wrapper` shows the React component from coze-chat-elements/react; otherwise the plain tag.
const wrapper = new URLSearchParams(location.search).has('wrapper')

export default function App() {
  // The bot id arrives after the first render, as it would from the site's own config API.
  const [botId, setBotId] = useState('')
  const [answers, setAnswers] = useState<string[]>([])
  const [tokenCalls, setTokenCalls] = useState(0)

  useEffect(() => {
    let live = true
    fetchBotId().then((id) => live && setBotId(id))
    return () => {
      live = false
    }
  }, [])

  // Called for the first token and again when Coze rejects one.
  const token = useCallback(async (previous?: string) => {
    setTokenCalls((n) => n + 1)
    return tokenFromPage(previous)
  }, [])

  const onMessage = useCallback((event: CozeMessageEvent) => {
    setAnswers((list) => [...list, event.detail.message.content])
  }, [])

  return (
    <main>
      <h1>coze-chat-elements in React ({wrapper ? 'component' : 'plain tag'})</h1>
      <p>
        Answers: <output id="answers">{answers.length}</output>, token requests:{' '}
        <output id="token-calls">{tokenCalls}</output>
      </p>
      <p id="last-answer">{answers.at(-1)?.slice(0, 80)}</p>
      {wrapper ? (
        <CozeChat
          mode="inline"
          botId={botId}
          apiBase={location.origin}
          userId="example-react"
          onRefreshToken={token}
          onCozeMessage={onMessage}
        />
      ) : (
        <coze-chat
          mode="inline"
          bot-id={botId}
          api-base={location.origin}
          user-id="example-react"
          token={token}
          oncoze-message={onMessage}
        ></coze-chat>
      )}
    </main>
  )
}
