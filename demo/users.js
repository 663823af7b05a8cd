// The site's sign-in, reduced to a cookie naming the user: the token handler on the demo server
// reads it as the session. Switching users reloads the page, as signing in does on a real site;
// each user's history survives reloads because it lives with Coze, under that user's identity.
const cookie = 'demo_user';
const current = document.cookie.match(new RegExp(`(?:^|; )${cookie}=([^;]*)`))?.[1] ?? '';
const chat = document.querySelector('coze-chat');
const status = document.querySelector('[data-status]');

for (const button of document.querySelectorAll('button[data-user]')) {
  const user = button.dataset.user;
  button.setAttribute('aria-pressed', String(user === current));
  button.addEventListener('click', () => {
    document.cookie = `${cookie}=${user}; path=/; SameSite=Lax`;
    location.reload();
  });
}

if (current) {
  chat.setAttribute('token-url', '/demo/coze-token');
  chat.hidden = false;
  status.textContent = `Signed in as ${current}. Ask something, reload, switch users: each sees only their own chats.`;
} else {
  status.textContent = 'Choose a user to sign in.';
}
