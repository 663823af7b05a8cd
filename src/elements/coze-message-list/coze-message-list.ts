// Over 400 lines on purpose: one row template for every kind of message (answers, tool cards,
// reasoning, options, actions, feedback) rendered through the same memoised row; scrolling,
// the render queue, tool cards and reasoning have their own files.
import {html, LitElement, nothing, type PropertyValues} from 'lit';
import {state} from 'lit/decorators.js';
import {ContextConsumer} from '@lit/context';
import {guard} from 'lit/directives/guard.js';
import {repeat} from 'lit/directives/repeat.js';
import {chatActionsContext, chatStateContext, chatUiContext} from '../../state/context.js';
import {
  emptySnapshot,
  isLoadError,
  type ChatMessage,
  type ChatSnapshot,
  type LoadError,
} from '../../state/types.js';
import type {UiConfig} from '../../state/ui-config.js';
import {format} from '../../i18n/index.js';
import {errorText, loadFailedText} from '../shared/error-text.js';
import {tokens} from '../shared/tokens.styles.js';
import {defaultUi} from '../shared/default-ui.js';
import {retryIcon} from '../shared/icons.js';
import {markdown} from './markdown-directive.js';
import {arrowDownIcon} from './message-icons.js';
import {Lightbox} from './lightbox.js';
import {loadImagePlaceholder} from './answer-images.js';
import {imageHostAllowed} from '../../markdown/image-hosts.js';
import {codeOfBlock} from './markdown-blocks.js';
import {identityImage, usable} from '../shared/identity.js';
import {renderActions} from './message-actions.js';
import {feedbackIds, maxFeedbackTags, type FeedbackForm} from './feedback-form.js';

let feedbackPanel: Promise<typeof import('./feedback-panel.js')> | undefined;
/** The panel shown after "unlike", loaded when first opened (again if that failed). */
const loadFeedbackPanel = () =>
  (feedbackPanel ??= import('./feedback-panel.js').catch((error: unknown) => {
    feedbackPanel = undefined;
    throw error;
  }));
import {fillPrologue, onlyImageUrl, plainText} from './message-text.js';
import {renderReasoning} from './reasoning-block.js';
import {renderNewest, warmUpWhenIdle} from './render-queue.js';
import {ScrollFollow} from './scroll-follow.js';
import {renderToolCard, toolCardState} from './tool-card.js';
import {chunkRows, RowNumbers, transcriptRows, type TranscriptRow} from './transcript-rows.js';
import {renderFiles, renderQuote} from './user-content.js';
import {styles} from './coze-message-list.styles.js';
import {BackgroundSheet} from './background.js';
import {liveStyles} from './live.styles.js';
import {CozeImageClickEvent, CozeLinkClickEvent} from '../../events/coze-click-events.js';

/** How long "Copied" shows, in ms. */
const copiedFor = 2000;

const hasText = (text: string) => /\S/.test(text);

/**
 * The newest rows are always laid out; older ones, a chunk of them at a time, skip style,
 * layout and paint while out of sight (`content-visibility`), holding the size they had when
 * last seen. A chunk becomes far only when all its rows have this many newer ones, so rows
 * scrolled into view while following the bottom have been laid out once already and never
 * change size as they come in. Far chunks, not far rows: the engine checks each far box for
 * visibility at every frame, and walks each in layout and paint.
 */
const nearRows = 20;

/**
 * The conversation transcript: user and assistant bubbles with streaming
 * markdown, the files and quote a question carried, the model's reasoning,
 * plugin calls, question-node options, a divider where the context was
 * cleared, and under each answer copy, regenerate, quote and like/unlike
 * (with a feedback form). Shows the bot's prologue and suggested questions
 * when empty, a streaming indicator, errors with retry, and older history on
 * demand. Reads the state of the nearest `<coze-chat>` through context.
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
 * @csspart attachment - A file or image sent with a question.
 * @csspart quote - The answer a question quoted, above its text.
 * @csspart reasoning - The model's thought process above an answer (collapsible).
 * @csspart function-call - A plugin the bot used, or a function the page ran for it, with its input and result (collapsible); `data-state` is `running`, `done` or `failed`.
 * @csspart option - One choice offered by a question node; sends it.
 * @csspart divider - Where the context was cleared: the bot does not remember the messages above it.
 * @csspart copy-button - Copies an answer.
 * @csspart retry-button - Sends a failed or stopped question again, or regenerates the last answer.
 * @csspart quote-button - Quotes an answer into the next question (`quote` on `<coze-chat>`).
 * @csspart like-button - Likes an answer (`feedback` on `<coze-chat>`).
 * @csspart unlike-button - Unlikes an answer and opens the feedback panel (`feedback` on `<coze-chat>`).
 * @csspart feedback-panel - The form shown after "unlike": reasons, comment, send and cancel.
 * @csspart error - An error shown to the reader.
 * @csspart load-older - Loads older history.
 * @csspart follow-up - One suggested question.
 * @csspart lightbox - An answer's image shown full size after a click (unless the page canceled `coze-image-click`), with Close and a link to the original.
 * @csspart welcome - Shown while the conversation is empty: the bot's picture, name and description, its prologue and the suggested questions as cards.
 * @csspart code-block - A code block in an answer: its header (language, Copy) and the code, always left to right.
 * @csspart copy-code-button - Copies the code of one code block; says "Copied" (also to screen readers).
 * @csspart jump-to-latest - Shown while the reader is scrolled away from the bottom: brings the newest message into view (its name says "New messages below" once more arrived).
 * @csspart image-placeholder - Stands for an answer's image from a host off `image-hosts`; names the host and loads the image when pressed.
 *
 * @cssprop --coze-color-scrim - Laid over the bot's background picture so the transcript stays readable; default the panel background at 88 %.
 */
export class CozeMessageList extends LitElement {
  static override styles = [tokens, styles, liveStyles];

  readonly #state = new ContextConsumer(this, {context: chatStateContext, subscribe: true});
  readonly #actions = new ContextConsumer(this, {context: chatActionsContext, subscribe: true});
  readonly #ui = new ContextConsumer(this, {context: chatUiContext, subscribe: true});
  readonly #scroll = new ScrollFollow(
    this,
    () => this.#scroller,
    () => Boolean(this.#state.value?.messages.length)
  );
  /** The bot's background picture behind the transcript, through a stylesheet of its own. */
  readonly background = new BackgroundSheet(this, () => this.#ui.value?.background);

  /** An answer's image shown full size. */
  readonly #lightbox = new Lightbox(this);

  /** The answer whose copy just succeeded. */
  @state() private copiedKey?: string;
  /** The feedback form being filled in, if any. */
  @state() private feedbackForm?: FeedbackForm;
  #feedbackPanel?: typeof import('./feedback-panel.js');
  /** Counts likes and unlikes, so a panel that loaded late opens only for the last. */
  #feedbackOpenings = 0;
  /** The answer whose feedback details were just sent. */
  @state() private thanksKey?: string;
  /** A short polite announcement for an action (e.g. "Copied"). */
  @state() private notice = '';

  #heightBeforeOlder?: number;
  /** The last message rendered, to tell a question just sent or new content. */
  #lastKey?: string;
  /** Content arrived while the reader was away from the bottom (announced once). */
  #newBelow = false;
  #announcedAnswers = 0;
  #announcement = '';
  #copiedTimer?: ReturnType<typeof setTimeout>;
  #copiedCodeTimer?: ReturnType<typeof setTimeout>;
  /** What the reader chose for reasoning blocks and tool cards (open or not), by message key. */
  readonly #disclosures = new Map<string, boolean>();
  /** Counts changes to `#disclosures`, so chunks can tell that one of theirs may have changed. */
  #disclosuresChanged = 0;
  /** Keeps each shown message in its chunk (see `nearRows`). */
  readonly #numbers = new RowNumbers();
  /** When the model started thinking, and for how long it did, by message key (seen live). */
  readonly #thinking = new Map<string, {start: number; seconds?: number}>();

  get #scroller(): HTMLElement | null {
    return this.renderRoot.querySelector('.scroller');
  }

  /** Scrolls to the newest message, and follows new content from there. */
  scrollToEnd(): void {
    this.#scroll.follow();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    warmUpWhenIdle();
    // Buttons inside rendered markdown (code blocks' Copy) are plain DOM: one listener for all.
    this.renderRoot.addEventListener('click', this.#handleMarkdownClick);
    // An answer's image that fails to load: marked, so it can be drawn without the broken-image glyph.
    this.renderRoot.addEventListener('error', this.#handleImageError, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.renderRoot.removeEventListener('click', this.#handleMarkdownClick);
    this.renderRoot.removeEventListener('error', this.#handleImageError, true);
    clearTimeout(this.#copiedTimer);
    clearTimeout(this.#copiedCodeTimer);
  }

  protected override willUpdate(): void {
    const state = this.#state.value ?? emptySnapshot;
    const last = state.messages.at(-1);
    // A question just sent is always brought into view, wherever the reader was.
    if (last?.role === 'user' && last.key !== this.#lastKey && this.#lastKey !== undefined) {
      this.#scroll.followNext();
    }
    this.#lastKey = last?.key;
    if (this.#scroll.newBelow !== this.#newBelow) {
      this.#newBelow = this.#scroll.newBelow;
      // Said once each time the reader is away and more arrives, never per token.
      if (this.#newBelow) this.notice = (this.#ui.value ?? defaultUi).strings.newBelow;
    }
    if (state.loadingOlder && this.#heightBeforeOlder === undefined) {
      this.#heightBeforeOlder = this.#scroller?.scrollHeight;
    }
    this.#prepareAnnouncement();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Answers that came finished (history): the newest are rendered before this frame paints.
    renderNewest(12);
    const state = this.#state.value ?? emptySnapshot;
    const scroller = this.#scroller;
    if (scroller && this.#heightBeforeOlder !== undefined && !state.loadingOlder) {
      // Older messages went in above: keep the reader's place (once per page of history).
      scroller.scrollTop += scroller.scrollHeight - this.#heightBeforeOlder;
      this.#heightBeforeOlder = undefined;
    }
  }

  /** One polite announcement per completed answer, never per token. */
  #prepareAnnouncement(): void {
    const state = this.#state.value ?? emptySnapshot;
    if (state.completedAnswers === this.#announcedAnswers) return;
    const first = this.#announcedAnswers === 0 && state.completedAnswers > 0 && !this.hasUpdated;
    this.#announcedAnswers = state.completedAnswers;
    if (first) return;
    const answer = state.messages.findLast(
      (m) => m.role === 'assistant' && m.status === 'complete' && !m.tool
    );
    if (!answer) return;
    const ui = this.#ui.value ?? defaultUi;
    // Only its start is read out: no need to strip all of a long answer.
    const text = plainText(answer.content.slice(0, 2000)).replace(/\s+/g, ' ');
    this.#announcement = format(ui.strings.answered, {
      name: ui.botName,
      text: text.length > 280 ? `${text.slice(0, 280)}…` : text,
    });
  }

  #isOpen(key: string, byDefault: boolean): boolean {
    return this.#disclosures.get(key) ?? byDefault;
  }

  #toggle(key: string, now: boolean) {
    this.#disclosures.set(key, !now);
    this.#disclosuresChanged++;
    // Opening a card or a block keeps the reader's place.
    this.#scroll.hold();
    this.requestUpdate();
  }

  #handleJumpClick() {
    // The button goes away at the bottom: focus stays in the transcript.
    this.#scroller?.focus({preventScroll: true});
    this.#scroll.follow();
  }

  #handleRetryClick(message?: ChatMessage) {
    void this.#actions.value?.retry(message?.key);
  }

  /** Runs the failed loads again; focus, whose button leaves with the error, goes to the transcript. */
  #handleLoadRetryClick(error: LoadError) {
    void this.#actions.value?.reload(...error.loads);
    void this.updateComplete.then(() => this.#scroller?.focus());
  }

  #handleSuggestionClick(text: string) {
    this.#actions.value?.send(text);
  }

  #handleLoadOlderClick() {
    this.#scroll.stop();
    void this.#actions.value?.loadOlder();
  }

  async #handleCopy(m: ChatMessage) {
    const ui = this.#ui.value ?? defaultUi;
    try {
      await navigator.clipboard.writeText(m.content);
    } catch {
      // The page may not allow the clipboard; the button stays as it was.
      return;
    }
    this.copiedKey = m.key;
    this.notice = ui.strings.copied;
    clearTimeout(this.#copiedTimer);
    this.#copiedTimer = setTimeout(() => {
      this.copiedKey = undefined;
      this.notice = '';
    }, copiedFor);
  }

  readonly #handleMarkdownClick = (event: Event) => {
    const target = event.target as Element | null;
    if (this.#handleAnswerLinkOrImage(event, target)) return;
    const button = target?.closest?.('.copy-code');
    if (button) void this.#handleCopyCode(button as HTMLButtonElement);
    const placeholder = target?.closest?.<HTMLElement>('.image-placeholder');
    const src = placeholder && loadImagePlaceholder(placeholder);
    if (src) this.#loadedImages.add(src);
  };

  /** Links and images in answers: the page may take them over (`coze-link-click`, `coze-image-click`). */
  #handleAnswerLinkOrImage(event: Event, target: Element | null): boolean {
    if (!target?.closest?.('.md')) return false;
    const link = target.closest<HTMLAnchorElement>('a[href]');
    if (link) {
      const click = new CozeLinkClickEvent({href: link.href, text: link.textContent ?? ''});
      this.dispatchEvent(click);
      if (click.defaultPrevented) event.preventDefault();
      return true;
    }
    const image = target.localName === 'img' ? (target as HTMLImageElement) : null;
    if (!image) return false;
    const src = image.currentSrc || image.src;
    const click = new CozeImageClickEvent({src, alt: image.alt});
    this.dispatchEvent(click);
    if (!click.defaultPrevented) void this.#lightbox.open(src, image.alt);
    return true;
  }

  /** Images the reader chose to load from hosts off the list. */
  readonly #loadedImages = new Set<string>();
  #imagePolicy?: {hosts: readonly string[]; allow: (src: string) => boolean};

  /** Whether an answer's image loads at once (else it is a click-to-load placeholder). */
  #allowImage(hosts: readonly string[]): (src: string) => boolean {
    if (this.#imagePolicy?.hosts !== hosts) {
      const allow = (src: string) =>
        this.#loadedImages.has(src) || imageHostAllowed(src, hosts, location.origin);
      this.#imagePolicy = {hosts, allow};
    }
    return this.#imagePolicy.allow;
  }

  readonly #handleImageError = (event: Event) => {
    const target = event.target as Element | null;
    if (target?.localName === 'img' && target.closest('.md')) target.classList.add('failed');
  };

  async #handleCopyCode(button: HTMLButtonElement) {
    const ui = this.#ui.value ?? defaultUi;
    const code = codeOfBlock(button);
    if (code === undefined) return;
    try {
      await navigator.clipboard.writeText(code);
    } catch {
      return;
    }
    for (const other of this.renderRoot.querySelectorAll('.copy-code.copied')) {
      other.classList.remove('copied');
      other.textContent = ui.strings.copyCode;
    }
    button.classList.add('copied');
    button.textContent = ui.strings.copied;
    this.notice = ui.strings.copied;
    clearTimeout(this.#copiedCodeTimer);
    this.#copiedCodeTimer = setTimeout(() => {
      button.classList.remove('copied');
      button.textContent = ui.strings.copyCode;
      this.notice = '';
    }, copiedFor);
  }

  #handleRegenerate() {
    void this.#actions.value?.regenerate();
  }

  #handleQuote(m: ChatMessage) {
    const imageUrl = onlyImageUrl(m.content);
    this.#actions.value?.setQuote(imageUrl ? {imageUrl} : {text: plainText(m.content)});
  }

  #sendFeedback(m: ChatMessage, type: 'like' | 'unlike' | undefined) {
    // A failure reverts the button and shows the error through the snapshot.
    return this.#actions.value?.feedback(m.key, type).catch(() => undefined);
  }

  #handleLike(m: ChatMessage) {
    this.#feedbackOpenings++;
    if (this.feedbackForm?.key === m.key) this.feedbackForm = undefined;
    if (this.thanksKey === m.key) this.thanksKey = undefined;
    void this.#sendFeedback(m, m.feedback === 'like' ? undefined : 'like');
  }

  async #handleUnlike(m: ChatMessage) {
    if (this.thanksKey === m.key) this.thanksKey = undefined;
    if (m.feedback === 'unlike') {
      this.#feedbackOpenings++;
      if (this.feedbackForm?.key === m.key) this.feedbackForm = undefined;
      void this.#sendFeedback(m, undefined);
      return;
    }
    // The unlike counts at once, as in the official widget; the panel only adds details.
    void this.#sendFeedback(m, 'unlike');
    const opening = ++this.#feedbackOpenings;
    try {
      this.#feedbackPanel ??= await loadFeedbackPanel();
    } catch {
      // Without its module there is no panel; the unlike has counted all the same.
      return;
    }
    // Another like or unlike came while the panel loaded: that one decides.
    if (opening !== this.#feedbackOpenings) return;
    this.#scroll.hold();
    this.feedbackForm = {key: m.key, reasons: [], comment: ''};
    await this.updateComplete;
    const panel = this.renderRoot.querySelector<HTMLElement>('[part~="feedback-panel"]');
    panel?.querySelector<HTMLElement>(':is(.feedback-tag, textarea)')?.focus({preventScroll: true});
    // The whole form in view, its Send clear of the jump-to-latest button (its scroll margin).
    panel?.scrollIntoView({block: 'nearest'});
  }

  #handleTagToggle(label: string) {
    const form = this.feedbackForm;
    if (!form) return;
    const reasons = form.reasons.includes(label)
      ? form.reasons.filter((r) => r !== label)
      : [...form.reasons, label];
    this.feedbackForm = {...form, reasons, error: undefined};
  }

  #handleCommentInput(comment: string) {
    const form = this.feedbackForm;
    if (form)
      this.feedbackForm = {...form, comment, ...(hasText(comment) ? {error: undefined} : {})};
  }

  async #handleFeedbackSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = this.feedbackForm;
    if (!form) return;
    const ui = this.#ui.value ?? defaultUi;
    const tags = (ui.feedbackPanel.tags ?? []).slice(0, maxFeedbackTags);
    const comment = form.comment.trim();
    const needsDetail = tags.find((t) => t.isNeedDetail && form.reasons.includes(t.label));
    if (needsDetail && !comment) {
      this.feedbackForm = {
        ...form,
        error: format(ui.strings.feedbackDetailRequired, {tag: needsDetail.label}),
      };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${feedbackIds(form.key).comment}`)?.focus();
      return;
    }
    if (form.reasons.length || comment) {
      try {
        await this.#actions.value?.feedback(form.key, 'unlike', {
          ...(form.reasons.length ? {reasons: form.reasons} : {}),
          ...(comment ? {comment} : {}),
        });
      } catch {
        // The snapshot shows the error; the form stays so the reader can try again.
        return;
      }
    }
    this.feedbackForm = undefined;
    this.thanksKey = form.key;
    await this.#focusUnlike(form.key);
  }

  async #handleFeedbackCancel() {
    const key = this.feedbackForm?.key;
    this.feedbackForm = undefined;
    if (key) await this.#focusUnlike(key);
  }

  #handleFeedbackKeydown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    // Escape closes the form, not the chat panel around it.
    event.preventDefault();
    event.stopPropagation();
    void this.#handleFeedbackCancel();
  }

  async #focusUnlike(key: string) {
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(`[data-key="${key}"] [part~="unlike-button"]`)
      ?.focus();
  }

  protected override render() {
    const state = this.#state.value ?? emptySnapshot;
    const ui = this.#ui.value ?? defaultUi;
    const streaming = state.status === 'streaming';
    const last = state.messages.at(-1);
    const waiting = streaming && last?.role === 'user';
    const lastError = last?.status === 'error' ? last : undefined;
    const shown = ui.features.functionCalls
      ? state.messages
      : state.messages.filter((m) => !m.tool);
    const rows = transcriptRows(shown, state.sectionId);
    const chunks = chunkRows(rows, this.#numbers.number(shown));
    const farFrom = rows.length - nearRows;
    const chunkInputs = this.#chunkInputs(state, ui);
    return html`
      <div
        part="message-list"
        class="scroller"
        role="region"
        tabindex="0"
        aria-label=${ui.strings.transcriptLabel}
        aria-busy=${streaming || state.status === 'loading' ? 'true' : 'false'}
      >
        ${
          state.hasOlder
            ? html`<button
                part="load-older"
                type="button"
                ?disabled=${state.loadingOlder}
                @click=${this.#handleLoadOlderClick}
              >
                ${state.loadingOlder ? ui.strings.loadingOlder : ui.strings.loadOlder}
              </button>`
            : nothing
        }
        ${
          state.messages.length === 0
            ? html`<slot name="empty">${this.#renderEmpty(ui, state.status === 'loading')}</slot>`
            : nothing
        }
        <div class="transcript" role="list">
          ${repeat(
            chunks,
            (c) => c.id,
            (c) =>
              guard(
                chunkInputs(c.rows, c.end < farFrom),
                () =>
                  html`<div class=${c.end < farFrom ? 'chunk far' : 'chunk'}>
                    ${repeat(
                      c.rows,
                      (e) => ('divider' in e ? `divider:${e.divider}` : e.message.key),
                      (e) => this.#renderRow(e, state, ui)
                    )}
                  </div>`
              )
          )}
          ${waiting ? this.#renderTyping(ui) : nothing}
        </div>
        ${
          !streaming && state.followUps.length && !ui.features.readOnly
            ? this.#renderChips(state.followUps, 'follow-up', ui.strings.suggestions)
            : nothing
        }
        ${state.error && (!lastError || isLoadError(state.error)) ? this.#renderPanelError(ui) : nothing}
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
          ${this.#announcement}
        </div>
        <div class="visually-hidden" role="status" aria-live="polite">${this.notice}</div>
      </div>
      ${!this.#scroll.atBottom && state.messages.length ? this.#renderJump(ui) : nothing}
      ${this.#lightbox.render(ui.strings)}
    `;
  }

  #renderRow(e: TranscriptRow, state: ChatSnapshot, ui: UiConfig) {
    return 'divider' in e
      ? guard([ui], () => this.#renderDivider(ui))
      : guard(this.#rowInputs(e.message, e.continued, state, ui), () =>
          this.#renderMessage(e.message, e.continued, state, ui)
        );
  }

  /**
   * What the rows of one chunk read, for all its rows together: their messages and, from
   * `#rowInputs`, what any row may read besides. While these stay the same the chunk is not
   * rendered again, so a streamed frame does not walk the rows of every chunk above.
   */
  #chunkInputs(state: ChatSnapshot, ui: UiConfig) {
    const last = state.messages.at(-1);
    const streaming = state.status === 'streaming';
    const shared = [
      ui,
      this.copiedKey,
      this.feedbackForm,
      this.thanksKey,
      this.#disclosuresChanged,
      usable(ui.userAvatar),
      usable(ui.botIcon),
    ];
    return (rows: readonly TranscriptRow[], far: boolean): unknown[] => {
      const inputs: unknown[] = [far, ...shared];
      for (const row of rows) {
        if ('divider' in row) inputs.push(row.divider);
        else {
          const m = row.message;
          // As in `#rowInputs`: whether an answer streams matters to few rows.
          const waitingTool = m.tool !== undefined && m.tool.output === undefined;
          const streamingMatters = m === last || waitingTool || m.status === 'error';
          inputs.push(m, row.continued, m === last, streamingMatters && streaming);
        }
      }
      return inputs;
    };
  }

  #renderJump(ui: UiConfig) {
    const label = this.#newBelow ? ui.strings.newBelow : ui.strings.jumpToLatest;
    return html`<button
      part="jump-to-latest"
      class=${this.#newBelow ? 'jump new' : 'jump'}
      type="button"
      aria-label=${label}
      title=${label}
      @click=${this.#handleJumpClick}
    >
      ${arrowDownIcon}
    </button>`;
  }

  /**
   * Everything a row's template reads: while these stay the same the row is
   * not rendered again, so a streamed frame re-renders only the changing row.
   */
  #rowInputs(m: ChatMessage, continued: boolean, state: ChatSnapshot, ui: UiConfig): unknown[] {
    const form = this.feedbackForm;
    const last = state.messages.at(-1) === m;
    // Whether an answer streams changes only the last row, a tool still waiting for its output
    // and a failed row's Retry: other rows do not render again at each question and answer.
    const waitingTool = m.tool !== undefined && m.tool.output === undefined;
    const streamingMatters = last || waitingTool || m.status === 'error';
    return [
      m,
      continued,
      ui,
      streamingMatters && state.status === 'streaming',
      last,
      this.copiedKey === m.key,
      form?.key === m.key ? form : undefined,
      this.thanksKey === m.key,
      this.#disclosures.get(m.key),
      this.#disclosures.get(`reasoning:${m.key}`),
      // A picture that failed shows a monogram instead.
      usable(m.role === 'user' ? ui.userAvatar : ui.botIcon),
    ];
  }

  #renderEmpty(ui: UiConfig, loading: boolean) {
    if (loading) return html`<p class="status-note">${ui.strings.loading}</p>`;
    const bot = this.#state.value?.bot;
    const prologue = bot?.prologue ? fillPrologue(bot.prologue, ui.userNickname) : '';
    const questions = ui.features.readOnly ? [] : (bot?.suggestedQuestions ?? []);
    return html`<div part="welcome" class="empty">
      ${identityImage({host: this, src: ui.botIcon, name: ui.botName, part: 'avatar'})}
      <p class="welcome-name">${ui.botName}</p>
      ${bot?.description ? html`<p class="welcome-description" dir="auto">${bot.description}</p>` : nothing}
      ${prologue ? html`<div part="bubble" class="prologue" dir="auto">${prologue}</div>` : nothing}
      ${questions.length ? this.#renderChips(questions, 'follow-up', ui.strings.suggestions) : nothing}
    </div>`;
  }

  #renderAvatar(src: string | undefined, name: string, fallback = true) {
    if (!src && !fallback) return nothing;
    return identityImage({host: this, src, name, part: 'avatar'});
  }

  /** Suggested questions, follow-ups or a question node's options: buttons that send their text. */
  #renderChips(texts: readonly string[], part: 'follow-up' | 'option', label?: string) {
    // A chip without text would be an empty button.
    const shown = texts.filter((t) => typeof t === 'string' && t.trim() !== '');
    if (!shown.length) return nothing;
    return html`<ul class="suggestions ${part}" aria-label=${label ?? nothing}>
      ${shown.map(
        (t) =>
          html`<li>
            <button
              part=${part}
              class="chip"
              type="button"
              @click=${() => this.#handleSuggestionClick(t)}
            >
              ${t}
            </button>
          </li>`
      )}
    </ul>`;
  }

  #renderDivider(ui: UiConfig) {
    return html`<div class="divider-row" role="listitem">
      <div part="divider" role="separator" aria-label=${ui.strings.contextCleared}>
        <span>${ui.strings.contextCleared}</span>
      </div>
    </div>`;
  }

  #renderTyping(ui: UiConfig) {
    return html`<div
      part="message"
      class="row"
      role="listitem"
      data-role="assistant"
      data-status="streaming"
    >
      ${this.#renderAvatar(ui.botIcon, ui.botName)}
      <div class="body">
        <div part="bubble">${this.#renderDots(ui)}</div>
      </div>
    </div>`;
  }

  #renderDots(ui: UiConfig) {
    return html`<span
      class="typing"
      role="img"
      aria-label=${format(ui.strings.answering, {name: ui.botName})}
      ><span></span><span></span><span></span
    ></span>`;
  }

  #renderMessage(m: ChatMessage, continued: boolean, state: ChatSnapshot, ui: UiConfig) {
    const user = m.role === 'user';
    const name = user ? (ui.userNickname ?? ui.strings.you) : ui.botName;
    const nameHidden = continued || (user && !ui.userNickname);
    const hidden = nameHidden ? 'visually-hidden' : '';
    const nickname = html`<span part="nickname" class=${hidden}>${name}</span>`;
    // A continued message's name is read, not shown: it goes before the body, so the body's
    // first child is what the reader sees first (styled without a sibling selector).
    return html`<div
      part="message"
      role="listitem"
      class=${continued ? 'row continued' : 'row'}
      data-role=${m.role}
      data-status=${m.status}
      data-key=${m.key}
    >
      ${user ? this.#renderAvatar(ui.userAvatar, name, false) : this.#renderAvatar(ui.botIcon, ui.botName)}
      ${continued ? nickname : nothing}
      <div class="body">
        ${continued ? nothing : nickname}
        ${user ? this.#renderQuestion(m, ui) : this.#renderAnswer(m, state, ui)}
        ${this.#renderStatus(m, ui)}
      </div>
    </div>`;
  }

  #renderQuestion(m: ChatMessage, ui: UiConfig) {
    const quote = renderQuote(m.quote, ui);
    return html`${renderFiles(m.files, ui)}
    ${m.content || quote !== nothing ? html`<div part="bubble" dir="auto">${quote}${m.content}</div>` : nothing}`;
  }

  #renderAnswer(m: ChatMessage, state: ChatSnapshot, ui: UiConfig) {
    if (m.tool) {
      const id = `tool-${m.key}`;
      const open = this.#isOpen(m.key, false);
      const toolState = toolCardState(m.tool, state.status === 'streaming');
      return renderToolCard(
        {id, tool: m.tool, state: toolState, open, onToggle: () => this.#toggle(m.key, open)},
        ui
      );
    }
    const streaming = m.status === 'streaming';
    const answered = hasText(m.content);
    const last = state.messages.at(-1) === m;
    const idle = state.status !== 'streaming';
    return html`${m.reasoning ? this.#renderReasoning(m, answered, ui) : nothing}
    ${
      answered
        ? html`<div part="bubble" dir="auto">
            <div
              class="md"
              ${markdown(m.content, !streaming, ui.strings, this.#allowImage(ui.imageHosts))}
            ></div>
          </div>`
        : m.contentType === 'card' && !streaming
          ? html`<div part="bubble"><p class="card-note">${ui.strings.card}</p></div>`
          : streaming && !m.reasoning
            ? html`<div part="bubble">${this.#renderDots(ui)}</div>`
            : nothing
    }
    ${m.options?.length && last && idle && !ui.features.readOnly ? this.#renderChips(m.options, 'option') : nothing}
    ${m.status === 'complete' ? this.#renderActions(m, last && idle && !ui.features.readOnly, ui) : nothing}
    ${this.#renderFeedback(m, ui)}`;
  }

  #renderReasoning(m: ChatMessage, answered: boolean, ui: UiConfig) {
    // Open while only the reasoning has arrived; folded away once the answer comes, unless the reader chose.
    const thinking = m.status === 'streaming' && !answered;
    const open = this.#isOpen(`reasoning:${m.key}`, thinking);
    // Timed from the first thought seen here to the first word of the answer.
    let time = this.#thinking.get(m.key);
    if (thinking && !time) this.#thinking.set(m.key, (time = {start: performance.now()}));
    if (!thinking && time && time.seconds === undefined) {
      time.seconds = Math.max(1, Math.round((performance.now() - time.start) / 1000));
    }
    return renderReasoning(
      {
        id: `reasoning-${m.key}`,
        text: m.reasoning ?? '',
        open,
        thinking,
        ...(time?.seconds !== undefined ? {seconds: time.seconds} : {}),
        onToggle: () => this.#toggle(`reasoning:${m.key}`, open),
      },
      ui
    );
  }

  #renderActions(m: ChatMessage, regenerable: boolean, ui: UiConfig) {
    return renderActions(
      {
        message: m,
        regenerable,
        copied: this.copiedKey === m.key,
        onCopy: () => void this.#handleCopy(m),
        onRegenerate: () => this.#handleRegenerate(),
        onQuote: () => this.#handleQuote(m),
        onLike: () => this.#handleLike(m),
        onUnlike: () => void this.#handleUnlike(m),
      },
      ui
    );
  }

  #renderFeedback(m: ChatMessage, ui: UiConfig) {
    const form = this.feedbackForm;
    const panel = this.#feedbackPanel;
    if (panel && form?.key === m.key && m.feedback === 'unlike') {
      return panel.renderFeedbackPanel(
        {
          form,
          onToggleTag: (label) => this.#handleTagToggle(label),
          onComment: (comment) => this.#handleCommentInput(comment),
          onSubmit: (e) => void this.#handleFeedbackSubmit(e),
          onCancel: () => void this.#handleFeedbackCancel(),
          onKeydown: (e) => this.#handleFeedbackKeydown(e),
        },
        ui
      );
    }
    if (this.thanksKey === m.key && m.feedback === 'unlike') {
      return html`<p class="status-note feedback-thanks" role="status">
        ${ui.strings.feedbackThanks}
      </p>`;
    }
    return nothing;
  }

  #renderStatus(m: ChatMessage, ui: UiConfig) {
    const busy = this.#state.value?.status === 'streaming';
    if (m.status === 'error' && m.error) {
      const what = m.role === 'user' ? ui.strings.notSent : ui.strings.interrupted;
      return html`<div part="error" role="alert">
        <span>${what} ${errorText(ui.strings, m.error)}</span>
        ${busy || ui.features.readOnly ? nothing : this.#renderRetry(ui, m)}
      </div>`;
    }
    if (m.status === 'canceled') {
      return html`<div class="status-note">
        <span>${ui.strings.stopped}</span>
        ${busy || ui.features.readOnly ? nothing : this.#renderRetry(ui, m)}
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
    if (!isLoadError(error)) {
      return html`<div part="error" role="alert">
        <span>${errorText(ui.strings, error)}</span>
      </div>`;
    }
    // Which loads failed, why, and a Retry that runs just those again.
    const what = error.loads.map((load) => loadFailedText(ui.strings, load)).join(' ');
    return html`<div part="error" role="alert" data-loads=${error.loads.join(' ')}>
      <span id="load-error">${what} ${errorText(ui.strings, error)}</span>
      <button
        part="retry-button"
        type="button"
        aria-describedby="load-error"
        @click=${() => this.#handleLoadRetryClick(error)}
      >
        ${retryIcon} ${ui.strings.retry}
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'coze-message-list': CozeMessageList;
  }
}
