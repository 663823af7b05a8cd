// Over 400 lines on purpose: the panel of a chat in use, where the store, the header, the phone
// sheet's focus and scroll lock and the Escape levels meet; each piece is small and reads the
// same snapshot.
/**
 * The part of `<coze-chat>` that is loaded when a chat is about to be used (see
 * `coze-chat.ts`): the token source, the Coze client, the conversation store, the
 * panel's template and styles, and the parts it renders. Importing this module
 * registers `<coze-message-list>` and `<coze-composer>` (if not yet registered).
 */
import {html, nothing} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {CozeClient} from '../../api/client.js';
import {TokenSource} from '../../api/auth.js';
import {ConversationStore, type StoreNotice} from '../../state/store.js';
import {ChatBusyError} from '../../state/errors.js';
import type {ChatActions, ChatSnapshot, SendOptions} from '../../state/types.js';
import type {UiConfig} from '../../state/ui-config.js';
import {resolveUserId} from '../../state/user-id.js';
import {browserStorage} from '../shared/browser-storage.js';
import {en} from '../../i18n/en.js';
import {format, stringsFor, type Lang, type Strings} from '../../i18n/index.js';
import {CozeToolCallEvent} from '../../events/coze-tool-call-event.js';
import {CozeSendEvent} from '../../events/coze-send-event.js';
import {CozeMessageEvent} from '../../events/coze-message-event.js';
import {CozeErrorEvent} from '../../events/coze-error-event.js';
import {CozeConversationChangeEvent} from '../../events/coze-conversation-change-event.js';
import {identityImage} from '../shared/identity.js';
import {LeaveGrace} from '../shared/leave-grace.js';
import {iconButton} from '../shared/icon-button.js';
import {backIcon, broomIcon, closeIcon, listIcon, plusIcon} from '../shared/icons.js';
import {CozeMessageList} from '../coze-message-list/coze-message-list.js';
import {CozeComposer} from '../coze-composer/coze-composer.js';
import type {CozeChat} from './coze-chat.js';
import {parseImageHosts} from '../../markdown/image-hosts.js';
import {panelStyles} from './chat-panel.styles.js';
import {HostVars} from './host-vars.js';
import {MobileSheet} from './mobile-sheet.js';
import {oneOf, reportOption, slotted} from './options.js';
import {footerPieces, safeHref} from './footer-text.js';
import {composerParts, conversationParts, listParts} from './parts.js';

export {createProviders} from './providers.js';

for (const [tag, element] of [
  ['coze-message-list', CozeMessageList],
  ['coze-composer', CozeComposer],
] as const) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

/** The conversation list is a feature of its own: loaded when a chat turns it on. */
let conversationList: Promise<unknown> | undefined;
function loadConversationList(): void {
  conversationList ??= import('../coze-conversation-list/coze-conversation-list.js').then(
    ({CozeConversationList}) => {
      if (!customElements.get('coze-conversation-list'))
        customElements.define('coze-conversation-list', CozeConversationList);
    }
  );
}

interface Provider<T> {
  setValue(value: T): void;
}

/** What the session needs from its `<coze-chat>` beyond its public properties. */
export interface SessionPort {
  readonly host: CozeChat;
  lang(): Lang;
  layout(): 'pc' | 'mobile';
  /** Where the state, the actions and the display settings are provided to the parts. */
  readonly state: Provider<ChatSnapshot>;
  readonly actions: Provider<ChatActions>;
  readonly ui: Provider<UiConfig>;
  /** Told when an answer arrived (for the unread count). */
  readonly visibility: {answered(): void};
}

const identity = [
  'type',
  'botId',
  'appId',
  'workflowId',
  'appVersion',
  'apiBase',
  'userId',
  'connectorId',
] as const;
const tokenSource = ['token', 'tokenUrl', 'onRefreshToken'] as const;

/** One `<coze-chat>`'s connection to Coze and its panel. */
export class ChatSession {
  readonly #port: SessionPort;
  readonly #tokens: TokenSource;
  readonly #store: ConversationStore;
  readonly actions: ChatActions;
  #started = false;
  readonly #leaving: LeaveGrace;
  #warnedAboutPat = false;
  #ui?: UiConfig;
  /** The conversation list is shown in place of the transcript. */
  #showingConversations = false;
  readonly #vars: HostVars;
  readonly #sheet: MobileSheet;

  constructor(port: SessionPort) {
    this.#port = port;
    this.#leaving = new LeaveGrace(port.host, () => this.dispose());
    const host = port.host;
    this.#tokens = new TokenSource(() => ({
      token: host.token || undefined,
      onRefreshToken: host.onRefreshToken,
      tokenUrl: host.tokenUrl || undefined,
      timeout: ms(host.tokenTimeout),
    }));
    const client = new CozeClient({
      // A relative base (e.g. a same-origin proxy at "/coze") resolves against the page.
      apiBase: () =>
        new URL(host.apiBase || 'https://api.coze.cn', document.baseURI).href.replace(/\/+$/, ''),
      auth: this.#tokens,
      lang: () => port.lang(),
      streamIdleTimeout: () => ms(host.streamTimeout),
      requestTimeout: () => ms(host.requestTimeout),
    });
    this.#store = new ConversationStore({
      backend: client,
      storage: browserStorage,
      config: () => {
        const common = {
          // The site's user id from the token-url, unless the page set one.
          userId: resolveUserId(host.userId || this.#tokens.userId, browserStorage),
          connectorId: host.connectorId || '999',
          ...(host.parameters ? {parameters: host.parameters} : {}),
        };
        return host.type === 'app'
          ? {
              ...common,
              type: 'app' as const,
              appId: host.appId,
              workflowId: host.workflowId,
              ...(host.appVersion ? {appVersion: host.appVersion} : {}),
            }
          : {...common, type: 'bot' as const, botId: host.botId};
      },
      // With a token-url and no user-id, the first token tells whose chat this is.
      prepare: async () => {
        if (host.tokenUrl && !host.userId) await this.#tokens.get();
      },
      notify: (notice) => this.#handleNotice(notice),
      runTools: (toolCalls) => {
        const event = new CozeToolCallEvent({toolCalls});
        host.dispatchEvent(event);
        return event.response;
      },
      toolTimeout: () => ms(host.toolTimeout),
    });
    // The store's actions, with sending gated by the cancelable `coze-send`.
    this.actions = Object.freeze({
      ...this.#store.actions,
      send: (text: string, options?: SendOptions) =>
        this.#allowSend(text, options) && this.#store.actions.send(text, options),
    });
    port.actions.setValue(this.actions);
    port.state.setValue(this.#store.snapshot);
    let shown = headerState(this.#store.snapshot);
    this.#store.subscribe((snapshot) => {
      port.state.setValue(snapshot);
      // The header shows the bot and a few buttons; nothing here follows the stream token by token.
      const now = headerState(snapshot);
      if (now !== shown) {
        shown = now;
        host.requestUpdate();
      }
    });
    // The panel's styles join the chat's shadow root as the session arrives.
    const root = host.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, panelStyles.styleSheet!];
    this.#vars = new HostVars(root);
    this.#sheet = new MobileSheet(host, this.#vars, () => this.#mobile && host.open);
    this.update(new Map());
    host.requestUpdate();
  }

  get started(): boolean {
    return this.#started;
  }

  /** Whether there is something to chat with. */
  get #hasTarget(): boolean {
    const host = this.#port.host;
    return host.type === 'app' ? Boolean(host.appId && host.workflowId) : Boolean(host.botId);
  }

  /** Loads the profile and the conversation, once there is something to chat with. */
  start(): void {
    if (this.#started || !this.#hasTarget || !this.#port.host.isConnected) return;
    this.#started = true;
    void this.#store.init();
  }

  connected(): void {
    this.#leaving.connected();
  }

  /** Nothing keeps loading or streaming into a widget that left the page; one that only moved goes on. */
  disconnected(): void {
    this.#leaving.disconnected();
  }

  /** Stops every request and the answer being streamed; `start()` (back in the page) resumes. */
  dispose(): void {
    this.#started = false;
    this.#store.dispose();
  }

  /** Called from the chat's `willUpdate` (and once on arrival, with nothing changed): checks, display settings, a reload when the identity changed. */
  update(changed: ReadonlyMap<PropertyKey, unknown>): void {
    this.#validate(changed);
    this.#ui = this.#uiConfig();
    this.#port.ui.setValue(this.#ui);
    const host = this.#port.host;
    this.#vars.set({
      '--_panel-width': host.width && !this.#mobile ? `${host.width}px` : undefined,
    });
    if (this.#ui.features.conversations) loadConversationList();
    if (
      this.#started &&
      identity.some((key) => changed.has(key) && changed.get(key) !== undefined)
    ) {
      void this.#store.reload();
    } else if (this.#started && tokenSource.some((key) => changed.has(key))) {
      // A token that arrives late starts the load that lacked it; a loaded chat just uses it.
      // A load still failing for want of it ends first: the second call then starts a new one.
      void this.#store.init().then(() => this.#store.init());
    }
  }

  /** Reports the options only the session uses when they are wrong (see `CozeChat#validate` for the others). */
  #validate(changed: ReadonlyMap<PropertyKey, unknown>): void {
    const host = this.#port.host;
    const first = !this.#ui;
    if (this.#started && !this.#hasTarget) {
      reportOption(host.type === 'app' ? 'app-id / workflow-id' : 'bot-id', 'is required to chat.');
    }
    if ((first || changed.has('lang')) && host.lang && !/^(en|zh)(-|$)/i.test(host.lang)) {
      reportOption(
        'lang',
        `"${host.lang}" is not supported; use "en" or "zh-CN". Showing English.`
      );
    }
    if (first || changed.has('position'))
      host.position = oneOf('position', host.position, ['right', 'left'], 'right');
    if ((first || changed.has('width')) && host.width !== undefined && !(host.width > 0)) {
      reportOption('width', `${host.width} is not a positive number of pixels; using the default.`);
      host.width = undefined;
    }
    if ((first || changed.has('feedbackTags')) && host.feedbackTags) {
      if (host.feedbackTags.length > 10 || host.feedbackTags.some((t) => t.label.length > 30)) {
        reportOption(
          'feedback-tags',
          'at most 10 tags of at most 30 characters each; extra tags and characters are dropped.'
        );
        host.feedbackTags = host.feedbackTags
          .slice(0, 10)
          .map((t) => ({...t, label: t.label.slice(0, 30)}));
      }
    }
    if (
      (first || changed.has('token')) &&
      typeof host.token === 'string' &&
      host.token.startsWith('pat_') &&
      !this.#warnedAboutPat
    ) {
      this.#warnedAboutPat = true;
      console.warn(
        '[coze-chat] A personal access token (pat_…) is set in a web page, where every visitor can read it and act as you. ' +
          'Use it only for local testing; in production, mint short-lived tokens on your server and pass them with onRefreshToken or token-url.'
      );
    }
  }

  /**
   * Resolves once the panel's opening motion has ended (at once when there is none), or after
   * a second at most: a page in a background tab may not run its animations until it is seen.
   */
  async shown(): Promise<void> {
    const panel = this.#port.host.panelElement;
    const motion = panel?.getAnimations() ?? [];
    if (!motion.length) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.all(motion.map((animation) => animation.finished.catch(() => undefined))),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, 1000))),
    ]);
    clearTimeout(timer);
  }

  /** After the panel closed with focus in it: back to what opened it, else to the launcher. */
  restoreFocus(opener: HTMLElement | undefined): void {
    const host = this.#port.host;
    if (opener?.isConnected && !host.contains(opener) && opener !== host) opener.focus();
    else host.renderRoot.querySelector<HTMLElement>('coze-launcher')?.focus();
  }

  async send(text: string, options?: SendOptions): Promise<void> {
    if (this.#store.busy && (text.trim() || options?.files?.length)) throw new ChatBusyError();
    if (!this.#allowSend(text, options)) return;
    await this.#store.send(text, options);
  }

  clearContext(): Promise<void> {
    return this.#store.clearContext();
  }

  newConversation(): Promise<string | undefined> {
    this.start();
    return this.#store.newConversation();
  }

  cancel(): Promise<void> {
    return this.#store.cancel();
  }

  getToken(): Promise<string> {
    return this.#tokens.get();
  }

  #allowSend(text: string, options?: SendOptions): boolean {
    if (!this.#store.canSend(text, options)) return false;
    this.start();
    return this.#port.host.dispatchEvent(
      new CozeSendEvent({text: text.trim(), files: options?.files ?? []})
    );
  }

  #handleNotice(notice: StoreNotice): void {
    const host = this.#port.host;
    switch (notice.type) {
      case 'answer':
        this.#port.visibility.answered();
        host.dispatchEvent(new CozeMessageEvent({message: notice.message}));
        break;
      case 'error':
        host.dispatchEvent(new CozeErrorEvent({...notice.error}));
        break;
      case 'conversation':
        host.dispatchEvent(
          new CozeConversationChangeEvent({conversationId: notice.conversationId})
        );
        break;
    }
  }

  /** The strings in use: the current language's (English until its table arrives), with `i18n` overrides applied. */
  get strings(): Strings {
    const base = stringsFor(this.#port.lang()) ?? en;
    const overrides = this.#port.host.i18n;
    if (!overrides) return base;
    return {...base, ...overrides, errors: {...base.errors, ...overrides.errors}} as Strings;
  }

  #parsedImageHosts?: {value: string; hosts: readonly string[]};

  /** `image-hosts` read once per value, so the list keeps its identity between renders. */
  #imageHosts(value: string): readonly string[] {
    if (this.#parsedImageHosts?.value !== value) {
      this.#parsedImageHosts = {value, hosts: parseImageHosts(value)};
    }
    return this.#parsedImageHosts.hosts;
  }

  #uiConfig(): UiConfig {
    const host = this.#port.host;
    const strings = this.strings;
    const bot = this.#store.snapshot.bot;
    const icon = host.icon || bot?.iconUrl;
    // The picture made for phones on the mobile layout, the wide one elsewhere; either if only one.
    const pictures = host.noBackground ? undefined : bot?.background;
    const background =
      this.#port.layout() === 'mobile'
        ? (pictures?.mobile ?? pictures?.web)
        : (pictures?.web ?? pictures?.mobile);
    return {
      lang: this.#port.lang(),
      strings,
      botName: host.chatTitle || bot?.name || strings.botName,
      ...(icon ? {botIcon: icon} : {}),
      ...(host.userAvatar ? {userAvatar: host.userAvatar} : {}),
      ...(host.userNickname ? {userNickname: host.userNickname} : {}),
      // A read-only chat keeps what reads (history, reasoning, tool cards, copy, the list) and
      // drops what would ask, send or change the conversation.
      features: {
        upload: !host.noUpload,
        audio: !host.noAudio,
        functionCalls: !host.noFunctionCalls,
        quote: host.quote && !host.readonly,
        feedback: host.feedback && !host.readonly,
        clearContext: !host.noClearContext && !host.readonly,
        newConversation: host.newConversationButton && !host.readonly,
        // The official SDK has no conversation list for apps either.
        conversations: host.conversations && host.type === 'bot',
        shortcuts: !host.noShortcuts && !host.readonly,
        readOnly: host.readonly,
      },
      imageHosts: this.#imageHosts(host.imageHosts),
      feedbackPanel: host.feedbackPanel,
      ...(host.placeholder ? {placeholder: host.placeholder} : {}),
      ...(host.defaultText ? {defaultText: host.defaultText} : {}),
      ...(background ? {background} : {}),
    };
  }

  /** The chat window: header, transcript (or conversation list), composer, footer. */
  renderPanel() {
    const host = this.#port.host;
    const ui = this.#ui ?? this.#uiConfig();
    const floating = host.mode === 'floating';
    const mobile = this.#mobile;
    // Finger-sized controls on a phone-sized screen, whatever the pointer.
    const touch = mobile || matchMedia('(pointer: coarse)').matches;
    const closable = floating && !host.noClose;
    return html`<section
      part="panel"
      class="${mobile ? 'mobile' : 'pc'}${touch ? ' touch' : ''}"
      role=${floating ? 'dialog' : 'region'}
      aria-label=${format(ui.strings.panelLabel, {name: ui.botName})}
      aria-modal=${ifDefined(mobile ? 'true' : undefined)}
      dir=${this.#dir}
      ?hidden=${floating && !host.open}
      @keydown=${this.#handlePanelKeydown}
    >
      ${
        host.noHeader
          ? html`${
              ui.features.conversations
                ? html`<div class="floating-start">${this.#renderHeaderStart(ui)}</div>`
                : nothing
            }${closable ? html`<div class="floating-close">${this.#renderClose(ui)}</div>` : nothing}`
          : html`<header part="header">
              ${this.#renderHeaderStart(ui)}
              <slot name="header">
                ${identityImage({host, src: ui.botIcon, name: ui.botName, part: 'icon'})}
                <h2 part="title">${ui.botName}</h2>
              </slot>
              ${this.#renderHeaderActions(ui)} ${closable ? this.#renderClose(ui) : nothing}
            </header>`
      }
      ${
        this.#showingConversations
          ? html`<coze-conversation-list
              exportparts=${conversationParts}
              @coze-conversation-select=${this.#handleConversationSelect}
            ></coze-conversation-list>`
          : nothing
      }
      <coze-message-list exportparts=${listParts} ?hidden=${this.#showingConversations}
        >${slotted(host, 'empty') ? html`<slot name="empty" slot="empty"></slot>` : nothing}</coze-message-list
      >
      ${
        host.readonly
          ? nothing
          : html`<coze-composer
              exportparts=${composerParts}
              ?hidden=${this.#showingConversations}
            ></coze-composer>`
      }
      ${host.noFooter ? nothing : html`<div part="footer" dir="auto"><slot name="footer">${this.#renderFooterText(ui)}</slot></div>`}
    </section>`;
  }

  /** The conversations button (or, while the list shows, the way back to the chat). */
  #renderHeaderStart(ui: UiConfig) {
    if (!ui.features.conversations) return nothing;
    const label = this.#showingConversations ? ui.strings.backToChat : ui.strings.conversations;
    const open = this.#showingConversations;
    return iconButton(
      'conversations-button',
      label,
      open ? backIcon : listIcon,
      this.#handleConversationsClick,
      {class: 'header-button', expanded: open ? 'true' : 'false'}
    );
  }

  #renderHeaderActions(ui: UiConfig) {
    const state = this.#store.snapshot;
    const busy = state.status === 'streaming';
    return html`${
      ui.features.newConversation
        ? iconButton(
            'new-conversation-button',
            ui.strings.newConversation,
            plusIcon,
            this.#handleNewConversationClick,
            {class: 'header-button'}
          )
        : nothing
    }
    ${
      ui.features.clearContext && state.conversationId && state.messages.length
        ? iconButton(
            'clear-context-button',
            ui.strings.clearContext,
            broomIcon,
            this.#handleClearContextClick,
            {class: 'header-button', disabled: busy}
          )
        : nothing
    }`;
  }

  #renderClose(ui: UiConfig) {
    return iconButton('close-button', ui.strings.close, closeIcon, this.#handleCloseClick);
  }

  #renderFooterText(ui: UiConfig) {
    const host = this.#port.host;
    if (!host.footerText) return ui.strings.footer;
    const links = host.footerLinks ?? {};
    return footerPieces(host.footerText).map((piece) => {
      if ('text' in piece) return piece.text;
      const entry = links[piece.name];
      if (!entry) return '';
      const href = safeHref(entry.link);
      return href
        ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${entry.text}</a>`
        : entry.text;
    });
  }

  /**
   * The widget's direction, from its own language (not the page's): English stays left to right
   * on a right-to-left page; Arabic, Hebrew, Persian, Urdu… read right to left.
   */
  get #dir(): 'rtl' | 'ltr' {
    const host = this.#port.host;
    const lang = host.lang || host.parentElement?.closest('[lang]')?.getAttribute('lang') || '';
    return /^(ar|arc|ckb|dv|fa|he|iw|ks|ku|ps|sd|ug|ur|yi)(-|$)/i.test(lang) ? 'rtl' : 'ltr';
  }

  /** A floating chat in the full-screen layout. */
  get #mobile(): boolean {
    return this.#port.host.mode === 'floating' && this.#port.layout() === 'mobile';
  }

  readonly #handlePanelKeydown = (event: KeyboardEvent) => {
    const host = this.#port.host;
    this.#sheet.trapTab(event, event.currentTarget as HTMLElement);
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // One level at a time: the conversation list back to the chat, then the chat closes.
    if (this.#showingConversations) {
      event.stopPropagation();
      this.#showingConversations = false;
      host.requestUpdate();
      void host.updateComplete.then(() =>
        host.renderRoot.querySelector<HTMLElement>('[part~="conversations-button"]')?.focus()
      );
    } else if (host.mode === 'floating' && host.open) {
      event.stopPropagation();
      void host.hide();
    }
  };

  readonly #handleCloseClick = () => {
    void this.#port.host.hide();
  };

  readonly #handleConversationsClick = () => {
    const host = this.#port.host;
    this.#showingConversations = !this.#showingConversations;
    host.requestUpdate();
    if (this.#showingConversations) {
      void host.updateComplete.then(() =>
        host.renderRoot.querySelector<HTMLElement>('coze-conversation-list')?.focus()
      );
    }
  };

  readonly #handleConversationSelect = () => {
    const host = this.#port.host;
    this.#showingConversations = false;
    host.requestUpdate();
    void host.updateComplete.then(() => host.renderRoot.querySelector('coze-composer')?.focus());
  };

  readonly #handleNewConversationClick = () => {
    this.#showingConversations = false;
    this.#port.host.requestUpdate();
    void this.#port.host.newConversation();
  };

  readonly #handleClearContextClick = () => {
    void this.clearContext();
  };
}

/** What the header depends on, as one comparable value. */
function headerState(snapshot: ChatSnapshot): string {
  return [
    snapshot.bot?.name,
    snapshot.bot?.iconUrl,
    snapshot.bot?.background?.web?.url,
    snapshot.bot?.background?.mobile?.url,
    snapshot.conversationId,
    snapshot.messages.length > 0,
    snapshot.status,
  ].join('|');
}

/** An option in seconds as milliseconds; undefined (the default applies) unless positive. */
function ms(seconds: number | undefined): number | undefined {
  return seconds !== undefined && seconds > 0 ? seconds * 1000 : undefined;
}
