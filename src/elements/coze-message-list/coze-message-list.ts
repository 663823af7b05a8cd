import {html, LitElement, nothing, type PropertyValues} from 'lit';
import {ContextConsumer} from '@lit/context';
import {repeat} from 'lit/directives/repeat.js';
import {chatActionsContext, chatStateContext, chatUiContext} from '../../state/context.js';
import {emptySnapshot, type ChatMessage} from '../../state/types.js';
import {defaultFeatures, type UiConfig} from '../../state/ui-config.js';
import {en} from '../../i18n/en.js';
import {errorText, format} from '../../i18n/index.js';
import {tokens} from '../shared/tokens.styles.js';
import {retryIcon} from '../shared/icons.js';
import {markdown} from './markdown-directive.js';
import {styles} from './coze-message-list.styles.js';

/** How close to the bottom (px) the reader must be for new content to scroll into view. */
const stickThreshold = 48;

const defaultUi: UiConfig = {
  lang: 'en',
  strings: en,
  botName: en.botName,
  features: defaultFeatures,
  feedbackPanel: {},
};

/**
 * The conversation transcript: user and assistant bubbles with streaming
 * markdown, the bot's prologue and suggested questions when empty, a
 * streaming indicator, errors with retry, and older history on demand.
 * Reads the state of the nearest `<coze-chat>` through context.
 *
 * @summary The scrolling transcript of a Coze chat.
 * @tag coze-message-list
 *
 * @slot empty - Shown instead of the prologue and suggested questions while the conversation is empty.
 *
 * @csspart message-list - The scrolling transcript.
 * @csspart message - One message row; carries `data-role` and `data-status`.
 * @csspart bubble - The text of a message.
 * @csspart avatar - The sender's picture.
 * @csspart nickname - The sender's name.
 * @csspart error - An error shown to the reader.
 * @csspart retry-button - Sends a failed or stopped question again.
 * @csspart load-older - Loads older history.
 * @csspart follow-up - One suggested question.
 */
export class CozeMessageList extends LitElement {
  static override styles = [tokens, styles];

  readonly #state = new ContextConsumer(this, {context: chatStateContext, subscribe: true});
  readonly #actions = new ContextConsumer(this, {context: chatActionsContext, subscribe: true});
  readonly #ui = new ContextConsumer(this, {context: chatUiContext, subscribe: true});

  #stickToBottom = true;
  #heightBeforeOlder?: number;
  #announcedAnswers = 0;
  #announcement = '';

  get #scroller(): HTMLElement | null {
    return this.renderRoot.querySelector('.scroller');
  }

  /** Scrolls to the newest message. */
  scrollToEnd(): void {
    const scroller = this.#scroller;
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
  }

  protected override willUpdate(): void {
    const scroller = this.#scroller;
    if (!scroller) return;
    this.#stickToBottom =
      scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < stickThreshold;
    const state = this.#state.value ?? emptySnapshot;
    if (state.loadingOlder) this.#heightBeforeOlder = scroller.scrollHeight;
    this.#prepareAnnouncement();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const scroller = this.#scroller;
    if (!scroller) return;
    const state = this.#state.value ?? emptySnapshot;
    if (this.#heightBeforeOlder !== undefined && !state.loadingOlder) {
      // Older messages went in above: keep the reader's place.
      scroller.scrollTop += scroller.scrollHeight - this.#heightBeforeOlder;
      this.#heightBeforeOlder = undefined;
    } else if (this.#stickToBottom) {
      scroller.scrollTop = scroller.scrollHeight;
    }
  }

  /** One polite announcement per completed answer, never per token. */
  #prepareAnnouncement(): void {
    const state = this.#state.value ?? emptySnapshot;
    if (state.completedAnswers === this.#announcedAnswers) return;
    const first = this.#announcedAnswers === 0 && state.completedAnswers > 0 && !this.hasUpdated;
    this.#announcedAnswers = state.completedAnswers;
    if (first) return;
    const answer = state.messages.findLast((m) => m.role === 'assistant' && m.status === 'complete');
    if (!answer) return;
    const ui = this.#ui.value ?? defaultUi;
    const text = answer.content.replace(/[#*_`>|[\]()~-]+/g, ' ').replace(/\s+/g, ' ').trim();
    this.#announcement = format(ui.strings.answered, {
      name: ui.botName,
      text: text.length > 280 ? `${text.slice(0, 280)}…` : text,
    });
  }

  #handleRetryClick(message?: ChatMessage) {
    void this.#actions.value?.retry(message?.key);
  }

  #handleSuggestionClick(text: string) {
    this.#actions.value?.send(text);
  }

  #handleLoadOlderClick() {
    void this.#actions.value?.loadOlder();
  }

  protected override render() {
    const state = this.#state.value ?? emptySnapshot;
    const ui = this.#ui.value ?? defaultUi;
    const streaming = state.status === 'streaming';
    const last = state.messages.at(-1);
    const waiting = streaming && last?.role === 'user';
    const lastError = last?.status === 'error' ? last : undefined;
    return html`
      <div
        part="message-list"
        class="scroller"
        role="region"
        tabindex="0"
        aria-label=${ui.strings.transcriptLabel}
        aria-busy=${streaming || state.status === 'loading' ? 'true' : 'false'}
      >
        ${state.hasOlder
          ? html`<button part="load-older" type="button" ?disabled=${state.loadingOlder} @click=${this.#handleLoadOlderClick}>
              ${state.loadingOlder ? ui.strings.loadingOlder : ui.strings.loadOlder}
            </button>`
          : nothing}
        ${state.messages.length === 0
          ? html`<slot name="empty">${this.#renderEmpty(ui, state.status === 'loading')}</slot>`
          : nothing}
        <ol>
          ${repeat(
            state.messages,
            (m) => m.key,
            (m) => this.#renderMessage(m, ui)
          )}
          ${waiting ? this.#renderTyping(ui) : nothing}
        </ol>
        ${!streaming && state.followUps.length
          ? this.#renderSuggestions(state.followUps, ui)
          : nothing}
        ${state.error && !lastError ? this.#renderPanelError(ui) : nothing}
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#announcement}</div>
      </div>
    `;
  }

  #renderEmpty(ui: UiConfig, loading: boolean) {
    if (loading) return html`<p class="status-note">${ui.strings.loading}</p>`;
    const bot = this.#state.value?.bot;
    const prologue = bot?.prologue?.replace(/\{\{\s*user_name\s*\}\}/g, ui.userNickname ?? '');
    return html`<div class="empty">
      ${prologue
        ? html`<div part="message" class="row" data-role="assistant" data-status="complete">
            ${this.#renderAvatar(ui.botIcon)}
            <div class="body">
              <span part="nickname">${ui.botName}</span>
              <div part="bubble" class="prologue">${prologue}</div>
            </div>
          </div>`
        : nothing}
      ${bot?.suggestedQuestions.length ? this.#renderSuggestions(bot.suggestedQuestions, ui) : nothing}
    </div>`;
  }

  #renderAvatar(src?: string) {
    return src ? html`<img part="avatar" src=${src} alt="" />` : nothing;
  }

  #renderSuggestions(questions: readonly string[], ui: UiConfig) {
    return html`<ul class="suggestions" aria-label=${ui.strings.suggestions}>
      ${questions.map(
        (q) => html`<li>
          <button part="follow-up" class="chip" type="button" @click=${() => this.#handleSuggestionClick(q)}>${q}</button>
        </li>`
      )}
    </ul>`;
  }

  #renderTyping(ui: UiConfig) {
    return html`<li part="message" class="row" data-role="assistant" data-status="streaming">
      ${this.#renderAvatar(ui.botIcon)}
      <div class="body">
        <div part="bubble">
          <span class="typing" role="img" aria-label=${format(ui.strings.answering, {name: ui.botName})}
            ><span></span><span></span><span></span
          ></span>
        </div>
      </div>
    </li>`;
  }

  #renderMessage(m: ChatMessage, ui: UiConfig) {
    const user = m.role === 'user';
    const name = user ? (ui.userNickname ?? ui.strings.you) : ui.botName;
    return html`<li part="message" class="row" data-role=${m.role} data-status=${m.status}>
      ${this.#renderAvatar(user ? ui.userAvatar : ui.botIcon)}
      <div class="body">
        <span part="nickname" class=${user && !ui.userNickname ? 'visually-hidden' : ''}>${name}</span>
        <div part="bubble">
          ${user
            ? m.content
            : m.content
              ? html`<div class="md" ${markdown(m.content, m.status !== 'streaming')}></div>`
              : m.status === 'streaming'
                ? html`<span class="typing" role="img" aria-label=${format(ui.strings.answering, {name: ui.botName})}
                    ><span></span><span></span><span></span
                  ></span>`
                : nothing}
        </div>
        ${this.#renderStatus(m, ui)}
      </div>
    </li>`;
  }

  #renderStatus(m: ChatMessage, ui: UiConfig) {
    const busy = this.#state.value?.status === 'streaming';
    if (m.status === 'error' && m.error) {
      const what = m.role === 'user' ? ui.strings.notSent : ui.strings.interrupted;
      return html`<div part="error" role="alert">
        <span>${what} ${errorText(ui.strings, m.error)}</span>
        ${busy ? nothing : this.#renderRetry(ui, m)}
      </div>`;
    }
    if (m.status === 'canceled') {
      return html`<div class="status-note">
        <span>${ui.strings.stopped}</span>
        ${busy ? nothing : this.#renderRetry(ui, m)}
      </div>`;
    }
    return nothing;
  }

  #renderRetry(ui: UiConfig, m?: ChatMessage) {
    return html`<button part="retry-button" type="button" @click=${() => this.#handleRetryClick(m)}>
      ${retryIcon} ${ui.strings.retry}
    </button>`;
  }

  #renderPanelError(ui: UiConfig) {
    const error = this.#state.value?.error;
    if (!error) return nothing;
    return html`<div part="error" role="alert"><span>${errorText(ui.strings, error)}</span></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'coze-message-list': CozeMessageList;
  }
}
