// Over 400 lines on purpose: one input whose text, files, quote, voice mode and shortcut
// commands share the same send path and focus; recording, shortcuts and styles have their own
// files.
import {html, LitElement, nothing, type PropertyValues} from 'lit';
import {query, state} from 'lit/decorators.js';
import {ContextConsumer} from '@lit/context';
import {chatActionsContext, chatStateContext, chatUiContext} from '../../state/context.js';
import type {MessageFile, QuotedReply} from '../../state/types.js';
import {defaultFeatures} from '../../state/ui-config.js';
import {en} from '../../i18n/en.js';
import {format, type Strings} from '../../i18n/index.js';
import {errorText} from '../shared/error-text.js';
import {tokens} from '../shared/tokens.styles.js';
import {iconButton} from '../shared/icon-button.js';
import {closeIcon, sendIcon, stopIcon} from '../shared/icons.js';
import {attachIcon, fileIcon, keyboardIcon, micIcon} from './icons.js';
import {AttachmentsController, type Attachment} from './attachments.js';
import type {ShortcutsController, ShortcutsPort} from './shortcuts.js';
import {VoiceRecorderController, type VoiceProblem} from './voice-recorder.js';
import {formatDuration, maxAttachments, maxFileBytes} from './files.js';
import {formatSize} from '../shared/format-size.js';
import {styles} from './coze-composer.styles.js';

/**
 * The input area: a growing textarea where Enter sends and Shift+Enter starts
 * a new line, a send button (disabled while empty) that becomes Stop while an
 * answer streams; files and images (button, paste or drop; up to 6, each
 * uploaded at once with its progress), voice input (recorded, turned into
 * 16 kHz WAV and transcribed into the textarea) and the preview of a quoted
 * answer, and the bot's shortcut commands (buttons, and a menu when the
 * reader types `/`; a command with parameters asks for them in a small form).
 * Talks to the nearest `<coze-chat>` through context; uploads, voice and
 * shortcuts follow its `no-upload`, `no-audio` and `no-shortcuts` options.
 *
 * @summary Where the reader types, attaches or speaks a question.
 * @tag coze-composer
 *
 * @csspart composer - The input area.
 * @csspart input - The textarea.
 * @csspart send-button - Sends the question.
 * @csspart stop-button - Stops the answer being streamed.
 * @csspart upload-button - Opens the file picker.
 * @csspart audio-button - Starts voice input; while recording, stops it and transcribes (in voice mode, the wide button that records and sends).
 * @csspart input-mode-button - In voice mode (the bot's default input is voice), switches to typing.
 * @csspart cancel-recording-button - Discards the recording (or the transcription under way).
 * @csspart recording - The recording indicator with the elapsed time.
 * @csspart attachments - The list of attached files.
 * @csspart attachment - One attached file: preview or icon, name, size, progress and error.
 * @csspart progress - An attachment's upload progress bar.
 * @csspart remove-button - Removes an attachment or the quote.
 * @csspart drop-hint - Shown while files are dragged over the composer.
 * @csspart quote-preview - The answer quoted into the next question.
 * @csspart shortcuts - The row of the bot's shortcut commands.
 * @csspart shortcut - One shortcut command's button.
 * @csspart shortcut-menu - The commands matching a typed `/`.
 * @csspart shortcut-form - The parameters of the command about to run.
 * @csspart shortcut-send-button - Runs the command with the parameters given.
 * @csspart error - A problem with files or voice input.
 */
export class CozeComposer extends LitElement {
  static override styles = [tokens, styles];
  static override shadowRootOptions = {...LitElement.shadowRootOptions, delegatesFocus: true};

  readonly #state = new ContextConsumer(this, {context: chatStateContext, subscribe: true});
  readonly #actions = new ContextConsumer(this, {context: chatActionsContext, subscribe: true});
  readonly #ui = new ContextConsumer(this, {context: chatUiContext, subscribe: true});

  readonly #attachments = new AttachmentsController(this, (file, options) => {
    const actions = this.#actions.value;
    return actions
      ? actions.uploadFile(file, options)
      : Promise.reject(new Error('No <coze-chat> to upload to.'));
  });

  readonly #voice = new VoiceRecorderController(this, {
    transcribe: (audio, signal) => {
      const actions = this.#actions.value;
      return actions
        ? actions.transcribe(audio, signal)
        : Promise.reject(new Error('No <coze-chat> to transcribe.'));
    },
    onText: (text) =>
      this.inputType === 'voice' ? this.#sendSpoken(text) : this.#insertTranscript(text),
    onProblem: (problem) => {
      this.notice = this.#problemText(problem);
    },
  });

  /** The shortcut commands' controller, loaded (as a chunk of its own) once the bot has commands. */
  #shortcuts?: ShortcutsController;
  #loadingShortcuts = false;
  readonly #shortcutsPort: ShortcutsPort = {
    commands: () => this.#commands,
    actions: () => this.#actions.value,
    strings: () => this.#strings,
    idle: () => !this.#streaming,
    sent: () => {
      if (this.draft.startsWith('/')) this.draft = '';
      this.#focusAfterUpdate = true;
      this.requestUpdate();
    },
  };

  /** The text being written. */
  @state() private draft = '';

  /** A problem with files or voice input, shown until the next attempt. */
  @state() private notice = '';

  /** Files are being dragged over the composer. */
  @state() private dragging = false;

  /**
   * `voice` when the bot answers spoken questions by default (its profile's
   * `default_user_input_type` is `voice`, or `call`, which falls back to it) and voice input
   * works here: a wide button records, and what was said is sent at once; "Type instead"
   * brings the text input back. Otherwise `text`.
   */
  @state() private inputType: 'text' | 'voice' = 'text';

  @query('textarea') private textarea?: HTMLTextAreaElement;
  @query('input[type="file"]') private fileInput?: HTMLInputElement;

  #dragDepth = 0;
  #defaultApplied = false;
  /** The bot whose default input type was applied (once per bot, so the reader's choice stays). */
  #inputTypeBot?: string;
  #quote?: QuotedReply;
  #focusAfterUpdate = false;

  get #streaming(): boolean {
    return this.#state.value?.status === 'streaming';
  }

  get #strings(): Strings {
    return this.#ui.value?.strings ?? en;
  }

  get #features() {
    return this.#ui.value?.features ?? defaultFeatures;
  }

  get #commands() {
    return this.#features.shortcuts ? (this.#state.value?.bot?.shortcuts ?? []) : [];
  }

  /** Loads the shortcut commands' controller and styles the first time the bot has commands. */
  #loadShortcuts(): void {
    if (this.#loadingShortcuts || !this.#commands.length) return;
    this.#loadingShortcuts = true;
    void import('./shortcuts.js').then(({ShortcutsController, shortcutStyles}) => {
      const root = this.renderRoot as ShadowRoot;
      if (shortcutStyles.styleSheet)
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, shortcutStyles.styleSheet];
      this.#shortcuts = new ShortcutsController(this, this.#shortcutsPort);
      this.requestUpdate();
    });
  }

  /** Whether the draft can go: text or files, no upload running or failed. */
  get #ready(): boolean {
    if (this.#attachments.busy || this.#attachments.failed) return false;
    return Boolean(this.draft.trim()) || this.#attachments.items.length > 0;
  }

  /** Focuses the textarea (not the first button, as focus delegation alone would). */
  override focus(options?: FocusOptions): void {
    if (this.textarea) this.textarea.focus(options);
    else super.focus(options);
  }

  /** Sends the draft with its files; both are cleared only when the question was accepted. */
  submit(): boolean {
    if (this.#streaming || !this.#ready) return false;
    const files: MessageFile[] = this.#attachments.files;
    const sent = this.#actions.value?.send(this.draft, files.length ? {files} : undefined) ?? false;
    if (sent) {
      this.draft = '';
      this.notice = '';
      this.#attachments.clear();
    }
    return sent;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // `default-text` fills the input once, before the reader has typed anything.
    const defaultText = this.#ui.value?.defaultText;
    if (defaultText && !this.#defaultApplied) {
      this.#defaultApplied = true;
      if (!this.draft) this.draft = defaultText;
    }
    this.#chooseInputType();
    this.#loadShortcuts();
    const quote = this.#state.value?.quote;
    if (quote !== this.#quote) {
      if (quote) this.#focusAfterUpdate = true;
      this.#quote = quote;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusAfterUpdate) {
      this.#focusAfterUpdate = false;
      this.textarea?.focus();
    }
  }

  /** Voice input: on (`no-audio` not set) and recordable in this browser. */
  get #voiceAvailable(): boolean {
    return this.#features.audio && VoiceRecorderController.supported;
  }

  #chooseInputType(): void {
    const bot = this.#state.value?.bot;
    if (bot && bot.id !== this.#inputTypeBot) {
      this.#inputTypeBot = bot.id;
      const spoken = bot.defaultInputType === 'voice' || bot.defaultInputType === 'call';
      this.inputType = spoken && this.#voiceAvailable ? 'voice' : 'text';
    }
    if (this.inputType === 'voice' && !this.#voiceAvailable) this.inputType = 'text';
  }

  /** In voice mode what was said goes at once; if it cannot, it waits in the text input. */
  #sendSpoken(text: string): void {
    this.#insertTranscript(text);
    if (!this.submit() && this.draft.trim()) this.inputType = 'text';
  }

  #addFiles(files: readonly File[]): void {
    if (!files.length) return;
    const strings = this.#strings;
    const {tooLarge, tooMany} = this.#attachments.add(files);
    const notes = [
      ...tooLarge.map((file) =>
        format(strings.fileTooLarge, {
          name: file.name,
          max: formatSize(maxFileBytes, this.#ui.value?.lang),
        })
      ),
      ...(tooMany ? [format(strings.tooManyFiles, {max: String(maxAttachments)})] : []),
    ];
    this.notice = notes.join(' ');
  }

  #insertTranscript(text: string): void {
    const spoken = text.trim();
    if (spoken) {
      const before = this.draft;
      this.draft = before && !/\s$/.test(before) ? `${before} ${spoken}` : before + spoken;
    }
    this.#focusAfterUpdate = true;
    this.requestUpdate();
  }

  #problemText(problem: VoiceProblem): string {
    const strings = this.#strings;
    if (problem.kind === 'denied') return strings.micDenied;
    if (problem.kind === 'no-mic') return strings.noMic;
    return format(strings.transcribeFailed, {reason: errorText(strings, problem.error)});
  }

  #handleInput(event: InputEvent) {
    this.draft = (event.target as HTMLTextAreaElement).value;
    if (this.#shortcuts) this.#shortcuts.menuIndex = 0;
  }

  #handleKeydown(event: KeyboardEvent) {
    if (this.#handleMenuKey(event)) return;
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229)
      return;
    event.preventDefault();
    this.submit();
  }

  /** Arrow keys, Enter, Tab and Escape in the `/` menu; true when the key was used. */
  #handleMenuKey(event: KeyboardEvent): boolean {
    const shortcuts = this.#shortcuts;
    const matches = shortcuts?.matches(this.draft) ?? [];
    if (!shortcuts || !matches.length || event.isComposing) return false;
    const index = Math.min(shortcuts.menuIndex, matches.length - 1);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      shortcuts.menuIndex = (index + step + matches.length) % matches.length;
      this.requestUpdate();
    } else if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      this.draft = '';
      shortcuts.choose(matches[index]);
    } else if (event.key === 'Escape') {
      this.draft = '';
    } else {
      return false;
    }
    event.preventDefault();
    event.stopPropagation();
    return true;
  }

  #handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    // The send button turns into Stop; keep the caret where the reader types.
    if (this.submit()) this.textarea?.focus();
  }

  #handleStopClick() {
    void this.#actions.value?.cancel();
    this.textarea?.focus();
  }

  #handleUploadClick() {
    this.fileInput?.click();
  }

  #handleFileChange(event: Event) {
    const input = event.target as HTMLInputElement;
    this.#addFiles([...(input.files ?? [])]);
    // Picking the same file again must fire `change` again.
    input.value = '';
  }

  #handlePaste(event: ClipboardEvent) {
    const files = [...(event.clipboardData?.files ?? [])];
    if (!files.length || !this.#features.upload) return;
    event.preventDefault();
    this.#addFiles(files);
  }

  #draggingFiles(event: DragEvent): boolean {
    return this.#features.upload && Boolean(event.dataTransfer?.types.includes('Files'));
  }

  #handleDragEnter(event: DragEvent) {
    if (!this.#draggingFiles(event)) return;
    event.preventDefault();
    this.#dragDepth++;
    this.dragging = true;
  }

  #handleDragOver(event: DragEvent) {
    if (!this.#draggingFiles(event)) return;
    event.preventDefault();
    event.dataTransfer!.dropEffect = 'copy';
    this.dragging = true;
  }

  #handleDragLeave() {
    if (!this.dragging) return;
    this.#dragDepth = Math.max(0, this.#dragDepth - 1);
    if (!this.#dragDepth) this.dragging = false;
  }

  #handleDrop(event: DragEvent) {
    this.#dragDepth = 0;
    this.dragging = false;
    if (!this.#draggingFiles(event)) return;
    event.preventDefault();
    this.#addFiles([...(event.dataTransfer?.files ?? [])]);
  }

  #handleRemoveClick(key: string) {
    this.#attachments.remove(key);
    if (!this.#attachments.items.length) this.notice = '';
    this.textarea?.focus();
  }

  #handleAudioClick() {
    if (this.#voice.state === 'recording') {
      void this.#voice.stop();
    } else if (this.#voice.state === 'idle') {
      this.notice = '';
      void this.#voice.start();
    }
  }

  #handleTypeInsteadClick() {
    this.#voice.cancel();
    this.inputType = 'text';
    this.#focusAfterUpdate = true;
  }

  #handleCancelRecordingClick() {
    this.#voice.cancel();
    this.textarea?.focus();
  }

  #handleRemoveQuoteClick() {
    this.#actions.value?.setQuote(undefined);
    this.textarea?.focus();
  }

  protected override render() {
    const strings = this.#strings;
    const features = this.#features;
    const voice = features.audio && VoiceRecorderController.supported;
    const shortcuts = this.#shortcuts;
    const matches = shortcuts?.matches(this.draft) ?? [];
    const active = Math.min(shortcuts?.menuIndex ?? 0, matches.length - 1);
    return html`
      ${shortcuts?.renderForm(strings) ?? nothing}
      <form
        part="composer"
        class=${this.dragging ? 'dragging' : ''}
        @submit=${this.#handleSubmit}
        @dragenter=${this.#handleDragEnter}
        @dragover=${this.#handleDragOver}
        @dragleave=${this.#handleDragLeave}
        @drop=${this.#handleDrop}
      >
        ${this.#renderQuote(strings)} ${this.#renderAttachments(strings)}
        ${this.notice ? html`<p part="error" class="notice" role="alert">${this.notice}</p>` : nothing}
        ${voice ? this.#renderRecording(strings) : nothing}
        ${shortcuts?.renderMenu(strings, this.draft, matches) ?? nothing}
        ${matches.length ? nothing : (shortcuts?.renderBar(strings) ?? nothing)}
        ${
          voice && this.inputType === 'voice'
            ? this.#renderVoiceRow(strings)
            : html`<div class="row">
                ${features.upload ? this.#renderUpload(strings) : nothing}
                <textarea
                  part="input"
                  rows="1"
                  aria-label=${strings.inputLabel}
                  placeholder=${this.#ui.value?.placeholder || strings.inputPlaceholder}
                  .value=${this.draft}
                  aria-controls=${matches.length ? 'shortcut-menu' : nothing}
                  aria-activedescendant=${matches.length ? `shortcut-option-${active}` : nothing}
                  @input=${this.#handleInput}
                  @keydown=${this.#handleKeydown}
                  @paste=${this.#handlePaste}
                ></textarea>
                ${voice ? this.#renderAudioButton(strings) : nothing}
                ${this.#renderSendOrStop(strings)}
              </div>`
        }
        ${
          features.upload
            ? html`<div part="drop-hint" class="drop-hint" ?hidden=${!this.dragging}>
                ${strings.dropFiles}
              </div>`
            : nothing
        }
        <span class="visually-hidden" role="status">${this.#announcement(strings)}</span>
      </form>
    `;
  }

  /** What the polite live region says: once when recording starts, once while transcribing. */
  #announcement(strings: Strings): string {
    if (this.#voice.state === 'recording')
      return format(strings.recording, {time: formatDuration(0)});
    if (this.#voice.state === 'transcribing') return strings.transcribing;
    return '';
  }

  #renderSendOrStop(strings: Strings) {
    // Send keeps a template of its own: it submits the form, and with Stop's template Lit would
    // change one button into the other in place (focus and all) instead of swapping them.
    return this.#streaming
      ? iconButton('stop-button', strings.stop, stopIcon, this.#handleStopClick, {class: 'primary'})
      : html`<button
          part="send-button"
          class="primary"
          type="submit"
          aria-label=${strings.send}
          title=${strings.send}
          ?disabled=${!this.#ready}
        >
          ${sendIcon}
        </button>`;
  }

  #renderUpload(strings: Strings) {
    const button = iconButton(
      'upload-button',
      strings.attach,
      attachIcon,
      this.#handleUploadClick,
      {class: 'tool'}
    );
    return html`${button}
      <input
        type="file"
        multiple
        hidden
        tabindex="-1"
        aria-label=${strings.attach}
        @change=${this.#handleFileChange}
      />`;
  }

  #renderAudioButton(strings: Strings) {
    const recording = this.#voice.state === 'recording';
    const label = recording ? strings.stopRecording : strings.voiceInput;
    return iconButton(
      'audio-button',
      label,
      recording ? stopIcon : micIcon,
      this.#handleAudioClick,
      {
        class: `tool ${recording ? 'recording' : ''}`,
        disabled: this.#voice.state === 'starting' || this.#voice.state === 'transcribing',
      }
    );
  }

  /** Voice mode's row: files, the wide button that records and sends, and the way to typing. */
  #renderVoiceRow(strings: Strings) {
    const recording = this.#voice.state === 'recording';
    const label = recording ? strings.stopAndSend : strings.speak;
    return html`<div class="row">
      ${this.#features.upload ? this.#renderUpload(strings) : nothing}
      <button
        part="audio-button"
        class="speak ${recording ? 'recording' : ''}"
        type="button"
        ?disabled=${this.#streaming || this.#voice.state === 'starting' || this.#voice.state === 'transcribing'}
        @click=${this.#handleAudioClick}
      >
        ${recording ? stopIcon : micIcon}<span>${label}</span>
      </button>
      ${iconButton(
        'input-mode-button',
        strings.typeInstead,
        keyboardIcon,
        this.#handleTypeInsteadClick,
        {class: 'tool'}
      )}
      ${this.#streaming ? this.#renderSendOrStop(strings) : nothing}
    </div>`;
  }

  #renderRecording(strings: Strings) {
    const {state, elapsed} = this.#voice;
    if (state !== 'recording' && state !== 'transcribing') return nothing;
    return html`<div part="recording" class="recording-bar ${state}">
      <span class="dot" aria-hidden="true"></span>
      <span class="recording-text">
        ${state === 'recording' ? format(strings.recording, {time: formatDuration(elapsed)}) : strings.transcribing}
      </span>
      <button
        part="cancel-recording-button"
        class="text-button"
        type="button"
        @click=${this.#handleCancelRecordingClick}
      >
        ${strings.cancelRecording}
      </button>
    </div>`;
  }

  #renderQuote(strings: Strings) {
    const quote = this.#state.value?.quote;
    if (!quote || (!quote.text && !quote.imageUrl)) return nothing;
    return html`<div part="quote-preview" class="quote" role="group" aria-label=${strings.quoting}>
      ${
        quote.text
          ? html`<p class="quote-text">${quote.text}</p>`
          : html`<img class="quote-image" src=${quote.imageUrl!} alt=${strings.quoting} />`
      }
      ${iconButton('remove-button', strings.removeQuote, closeIcon, this.#handleRemoveQuoteClick, {
        class: 'remove',
      })}
    </div>`;
  }

  #renderAttachments(strings: Strings) {
    const items = this.#attachments.items;
    if (!items.length) return nothing;
    return html`<ul part="attachments" class="attachments" aria-label=${strings.attach}>
      ${items.map((item) => this.#renderAttachment(item, strings))}
    </ul>`;
  }

  #renderAttachment(item: Attachment, strings: Strings) {
    const remove = format(strings.removeFile, {name: item.name});
    return html`<li part="attachment" class="attachment" data-status=${item.status}>
      ${
        item.previewUrl
          ? html`<img
              class="thumb"
              src=${item.previewUrl}
              alt=${format(strings.image, {name: item.name})}
            />`
          : html`<span class="thumb icon">${fileIcon}</span>`
      }
      <span class="meta">
        <span class="name" title=${item.name}>${item.name}</span>
        <span class="size">${formatSize(item.size, this.#ui.value?.lang)}</span>
      </span>
      ${iconButton('remove-button', remove, closeIcon, () => this.#handleRemoveClick(item.key), {
        class: 'remove',
      })}
      <progress
        part="progress"
        aria-label=${format(strings.uploading, {name: item.name})}
        max=${item.total || 1}
        .value=${item.status === 'uploading' ? item.loaded : item.total || 1}
        ?hidden=${item.status !== 'uploading'}
      ></progress>
      ${
        item.status === 'error'
          ? html`<p part="error" class="attachment-error" role="alert">
              ${format(strings.uploadFailed, {name: item.name, reason: errorText(strings, item.error!)})}
            </p>`
          : nothing
      }
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'coze-composer': CozeComposer;
  }
}
