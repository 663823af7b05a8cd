// The demo pages talk to the local emulator (api-base="/"), unless the visitor
// saved a real bot id and token in the form (kept for this tab only). This
// module runs before the elements' bundle, so they start with the right target.
const saved = JSON.parse(sessionStorage.getItem('coze-demo-real') ?? 'null');

if (saved) {
  for (const chat of document.querySelectorAll('coze-chat')) {
    chat.setAttribute('bot-id', saved.botId);
    chat.setAttribute('api-base', saved.apiBase);
    chat.token = saved.token;
  }
}

const status = document.querySelector('[data-status]');
if (status) {
  status.textContent = saved
    ? `Talking to real Coze at ${saved.apiBase} with bot ${saved.botId}.`
    : 'Talking to the local Coze emulator: no account or network needed. Type "help" in the chat.';
}

const form = document.querySelector('form.real');
if (form) {
  if (saved) {
    form.elements.botId.value = saved.botId;
    form.elements.apiBase.value = saved.apiBase;
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    sessionStorage.setItem(
      'coze-demo-real',
      JSON.stringify({
        botId: String(data.get('botId')).trim(),
        token: String(data.get('token')).trim(),
        apiBase: String(data.get('apiBase')),
      })
    );
    location.reload();
  });
  form.querySelector('[data-reset]').addEventListener('click', () => {
    sessionStorage.removeItem('coze-demo-real');
    location.reload();
  });
}

// Show what the widget reports, as a page integrating it would.
for (const type of [
  'coze-show',
  'coze-hide',
  'coze-message',
  'coze-error',
  'coze-conversation-change',
]) {
  document.addEventListener(type, (event) => console.info(`[demo] ${type}`, event.detail ?? ''));
}

// The emulator's bot asks for `get_local_weather` when you mention the local weather:
// a page answers local function calls like this.
document.addEventListener('coze-tool-call', (event) => {
  event.respondWith(
    event.detail.toolCalls.map((call) => ({
      toolCallId: call.id,
      output: JSON.stringify({
        city: call.arguments?.city ?? 'here',
        temperature: '18°C',
        sky: 'clear',
      }),
    }))
  );
});
