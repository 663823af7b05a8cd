import {html, LitElement} from 'lit';
import {state} from 'lit/decorators.js';
import {ContextConsumer} from '@lit/context';
import {chatActionsContext, chatStateContext, chatUiContext} from '../../state/context.js';
import {en} from '../../i18n/en.js';
import {tokens} from '../shared/tokens.styles.js';
import {sendIcon, stopIcon} from '../shared/icons.js';
import {styles} from './coze-composer.styles.js';

/**
 * The input area: a growing textarea where Enter sends and Shift+Enter starts
 * a new line, a send button (disabled while empty) that becomes Stop while an
 * answer streams. Talks to the nearest `<coze-chat>` through context.
 *
 * @summary Where the reader types a question.
 * @tag coze-composer
 *
 * @csspart composer - The input area.
 * @csspart input - The textarea.
 * @csspart send-button - Sends the question.
 * @csspart stop-button - Stops the answer being streamed.
 */
export class CozeComposer extends LitElement {
  static override styles = [tokens, styles];
  static override shadowRootOptions = {...LitElement.shadowRootOptions, delegatesFocus: true};

  readonly #state = new ContextConsumer(this, {context: chatStateContext, subscribe: true});
  readonly #actions = new ContextConsumer(this, {context: chatActionsContext, subscribe: true});
  readonly #ui = new ContextConsumer(this, {context: chatUiContext, subscribe: true});

  /** The text being written. */
  @state() private draft = '';

  get #streaming(): boolean {
    return this.#state.value?.status === 'streaming';
  }

  /** Sends the draft; it is cleared only when the question was accepted. */
  submit(): boolean {
    if (this.#streaming || !this.draft.trim()) return false;
    const sent = this.#actions.value?.send(this.draft) ?? false;
    if (sent) this.draft = '';
    return sent;
  }

  #handleInput(event: InputEvent) {
    this.draft = (event.target as HTMLTextAreaElement).value;
  }

  #handleKeydown(event: KeyboardEvent) {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    this.submit();
  }

  #handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    // The send button turns into Stop; keep the caret where the reader types.
    if (this.submit()) this.renderRoot.querySelector('textarea')?.focus();
  }

  #handleStopClick() {
    void this.#actions.value?.cancel();
    this.renderRoot.querySelector('textarea')?.focus();
  }

  protected override render() {
    const strings = this.#ui.value?.strings ?? en;
    return html`
      <form part="composer" @submit=${this.#handleSubmit}>
        <textarea
          part="input"
          rows="1"
          aria-label=${strings.inputLabel}
          placeholder=${strings.inputPlaceholder}
          .value=${this.draft}
          @input=${this.#handleInput}
          @keydown=${this.#handleKeydown}
        ></textarea>
        ${this.#streaming
          ? html`<button part="stop-button" type="button" aria-label=${strings.stop} title=${strings.stop} @click=${this.#handleStopClick}>
              ${stopIcon}
            </button>`
          : html`<button part="send-button" type="submit" aria-label=${strings.send} title=${strings.send} ?disabled=${!this.draft.trim()}>
              ${sendIcon}
            </button>`}
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'coze-composer': CozeComposer;
  }
}
