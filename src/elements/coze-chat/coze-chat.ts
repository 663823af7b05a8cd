// Over 400 lines on purpose: the public element, whose documented properties (one per option)
// are the manifest and the README's option table; the session and the panel live in
// chat-session.ts, the lifecycle in session-controller.ts.
import {html, LitElement, nothing, type PropertyValues} from 'lit';
import type {TokenProvider} from '../../api/auth.js';
import {chatActionsContext, chatStateContext, chatUiContext} from '../../state/context.js';
import type {SendOptions} from '../../state/types.js';
import {
  launcherStringsFor,
  loadStrings,
  toLang,
  type Lang,
  type LauncherStrings,
  type Strings,
} from '../../i18n/index.js';
import {tokens} from '../shared/tokens.styles.js';
import type {LauncherTarget} from '../coze-launcher/coze-launcher.js';
import {styles} from './coze-chat.styles.js';
import type {ChatSession} from './chat-session.js';
import {SessionController} from './session-controller.js';
import {
  isFeedbackTags,
  isFooterLinks,
  isRecord,
  jsonAttribute,
  numberAttribute,
  oneOf,
  reportOption,
  slotted,
  type FeedbackPanel,
  type FeedbackTag,
  type FooterLinks,
} from './options.js';

export type ChatMode = 'floating' | 'inline' | 'headless';
export type ChatType = 'bot' | 'app';
export type Layout = 'pc' | 'mobile';
export type Theme = 'light' | 'dark' | 'auto';
export type Position = 'right' | 'left';
/** Replacement strings; `errors` entries are merged one by one. */
export type StringOverrides = Partial<Omit<Strings, 'errors'>> & {errors?: Record<string, string>};

/** A show/hide hook; returning `false` (or a Promise of it) vetoes. */
export type VisibilityHook = () => boolean | void | Promise<boolean | void>;

const launcherParts = 'button: launcher-button, badge, icon: launcher-icon';

/** The contexts a chat provides (from its session chunk, see `providers.ts`). */
const provided: unknown[] = [chatStateContext, chatActionsContext, chatUiContext];

/**
 * A chat with a Coze bot. Owns the configuration, the Coze API client and the
 * conversation state, and provides them to the parts inside it through
 * `@lit/context`. In `floating` mode (the default) it shows a launcher button
 * bottom-right that opens the chat panel; `inline` fills the element itself;
 * `headless` renders only its children, so a page can compose
 * `<coze-message-list>` and `<coze-composer>` itself.
 *
 * @summary A streaming chat with a Coze bot, in one tag.
 * @tag coze-chat
 *
 * @slot - In `headless` mode, the page's own composition of parts.
 * @slot header - Replaces the icon and title in the title bar.
 * @slot empty - Shown instead of the prologue and suggested questions while the conversation is empty.
 * @slot footer - Replaces the footer line.
 * @slot launcher - Replaces the launcher's icon.
 *
 * @event {CozeBeforeShowEvent} coze-before-show - Before the panel opens; cancelable.
 * @event {CozeShowEvent} coze-show - The panel opened.
 * @event {CozeBeforeHideEvent} coze-before-hide - Before the panel closes; cancelable.
 * @event {CozeHideEvent} coze-hide - The panel closed.
 * @event {CozeSendEvent} coze-send - A question is about to be sent (`detail.text`); cancelable.
 * @event {CozeMessageEvent} coze-message - An assistant answer completed (`detail.message`).
 * @event {CozeErrorEvent} coze-error - A request or stream failed (`detail.code`, `detail.message`, `detail.logId`); never carries the token.
 * @event {CozeConversationChangeEvent} coze-conversation-change - The conversation shown changed (`detail.conversationId`).
 * @event {CozeToolCallEvent} coze-tool-call - The bot asks the page to run local functions (`detail.toolCalls`); answer with `event.respondWith(outputs)`.
 * @event {CozeLinkClickEvent} coze-link-click - The reader follows a link in an answer (`detail.href`, `detail.text`); cancelable, to route it in the page (from `coze-message-list`).
 * @event {CozeImageClickEvent} coze-image-click - The reader clicks an image in an answer (`detail.src`, `detail.alt`); cancelable, to show it in the page's own viewer instead of the lightbox.
 * @event {CozeUnreadChangeEvent} coze-unread-change - The count of answers that arrived while the panel was closed changed (`detail.unread`, also `unread`).
 *
 * @csspart launcher - The floating button.
 * @csspart launcher-button - The button inside the launcher (from `coze-launcher`).
 * @csspart badge - The unread count on the launcher.
 * @csspart launcher-icon - The bot's icon on the launcher, or the chat glyph (from `coze-launcher`).
 * @csspart panel - The chat window.
 * @csspart header - The title bar.
 * @csspart title - The title text.
 * @csspart icon - The bot icon in the title bar.
 * @csspart close-button - Closes the panel.
 * @csspart conversations-button - Shows the conversation list (and, while it shows, goes back to the chat).
 * @csspart new-conversation-button - Starts a new conversation.
 * @csspart clear-context-button - Starts a new context section (the bot forgets what came before).
 * @csspart conversation-list - The conversation list (from `coze-conversation-list`).
 * @csspart conversation - One entry in the conversation list.
 * @csspart load-more - Loads more conversations.
 * @csspart new-button - Starts a new conversation from the conversation list.
 * @csspart group - One group of conversations (Today, Last 30 days, Older).
 * @csspart group-heading - The heading of a group.
 * @csspart rename-button - Renames a conversation.
 * @csspart delete-button - Deletes a conversation.
 * @csspart rename-form - The inline rename form.
 * @csspart rename-input - The name field of that form.
 * @csspart save-button - Saves the new name.
 * @csspart cancel-button - Leaves the rename form or the delete confirmation.
 * @csspart confirm-delete - The delete confirmation.
 * @csspart confirm-delete-button - Deletes for good.
 * @csspart loading - Shown while the conversation list loads.
 * @csspart empty - Shown when there are no conversations.
 * @csspart footer - The footer line.
 * @csspart message-list - The scrolling transcript (from `coze-message-list`).
 * @csspart message - One message row, with `data-role` and `data-status`.
 * @csspart bubble - The text of a message.
 * @csspart code-block - A code block in an answer: its header (language, Copy) and the code, always left to right.
 * @csspart copy-code-button - Copies the code of one code block; says "Copied" (also to screen readers).
 * @csspart jump-to-latest - Shown while the reader is scrolled away from the bottom of the transcript: brings the newest message into view.
 * @csspart image-placeholder - Stands for an answer's image from a host off `image-hosts`; names the host and loads the image when pressed.
 * @csspart avatar - A sender's picture.
 * @csspart nickname - A sender's name.
 * @csspart error - An error shown to the reader.
 * @csspart retry-button - Sends a failed or stopped question again.
 * @csspart load-older - Loads older history.
 * @csspart follow-up - One suggested question.
 * @csspart lightbox - An answer's image shown full size after a click (unless the page canceled `coze-image-click`), with Close and a link to the original (from `coze-message-list`).
 * @csspart welcome - Shown while the conversation is empty: the bot's picture, name and description, its prologue and the suggested questions as cards (from `coze-message-list`).
 * @csspart quote - The answer a question quoted, above its text.
 * @csspart reasoning - The model's thought process above an answer.
 * @csspart function-call - A plugin the bot used, or a function the page ran for it, with its input and result; `data-state` is `running`, `done` or `failed`.
 * @csspart option - One choice offered by a question node.
 * @csspart divider - Where the context was cleared.
 * @csspart copy-button - Copies an answer.
 * @csspart quote-button - Quotes an answer into the next question.
 * @csspart like-button - Likes an answer.
 * @csspart unlike-button - Unlikes an answer and opens the feedback panel.
 * @csspart feedback-panel - The form shown after "unlike".
 * @csspart composer - The input area (from `coze-composer`).
 * @csspart input - The textarea.
 * @csspart send-button - Sends the question.
 * @csspart stop-button - Stops the answer being streamed.
 * @csspart upload-button - Attaches files and images.
 * @csspart audio-button - Starts (and stops) voice input.
 * @csspart input-mode-button - In voice mode (the bot's default input is voice), switches to typing (from `coze-composer`).
 * @csspart attachment - A file or image about to be sent, with its progress.
 * @csspart quote-preview - The reply quoted into the next question.
 * @csspart attachments - The files about to be sent.
 * @csspart progress - An upload's progress.
 * @csspart remove-button - Removes a file before sending.
 * @csspart drop-hint - Shown while files are dragged over the composer.
 * @csspart recording - Shown while voice input records.
 * @csspart cancel-recording-button - Stops recording without transcribing.
 * @csspart shortcuts - The row of the bot's shortcut commands (from `coze-composer`).
 * @csspart shortcut - One shortcut command's button.
 * @csspart shortcut-menu - The commands matching a typed `/`.
 * @csspart shortcut-form - The parameters of the command about to run.
 * @csspart shortcut-send-button - Runs the command with the parameters given.
 *
 * @cssprop --coze-color-accent - Accent colour: launcher, user bubbles, send button, links.
 * @cssprop --coze-color-accent-text - Text on the accent colour.
 * @cssprop --coze-color-background - Panel background.
 * @cssprop --coze-color-surface - Assistant bubbles and input background.
 * @cssprop --coze-color-text - Main text colour.
 * @cssprop --coze-color-muted - Secondary text colour.
 * @cssprop --coze-color-border - Borders and dividers.
 * @cssprop --coze-color-user-bubble - User bubble background.
 * @cssprop --coze-color-user-text - User bubble text.
 * @cssprop --coze-color-assistant-bubble - Assistant bubble background.
 * @cssprop --coze-color-danger - Errors and the unread badge.
 * @cssprop --coze-color-scrim - Laid over the bot's background picture so the transcript stays readable; default the panel background at 88 %.
 * @cssprop --coze-color-focus - Focus ring.
 * @cssprop --coze-radius - Corner radius of the panel and bubbles.
 * @cssprop --coze-font-family - Font of the widget.
 * @cssprop --coze-font-family-mono - Font of code.
 * @cssprop --coze-font-size - Base font size; every other size is relative to it.
 * @cssprop --coze-spacing - Base padding and gaps.
 * @cssprop --coze-z-index - Stacking level of the launcher; the panel sits one below.
 * @cssprop --coze-offset - Distance of the launcher and panel from the viewport edge.
 * @cssprop --coze-launcher-size - Diameter of the launcher.
 * @cssprop --coze-panel-width - Width of the floating panel on wide screens.
 */
export class CozeChat extends LitElement implements LauncherTarget {
  static override styles = [tokens, styles];
  // Declared here rather than with decorators: the first chunk every page loads stays smaller.
  // Each property's documentation is on its field below.
  static override properties = {
    type: {},
    botId: {attribute: 'bot-id'},
    appId: {attribute: 'app-id'},
    workflowId: {attribute: 'workflow-id'},
    appVersion: {attribute: 'app-version'},
    parameters: {converter: jsonAttribute('parameters', isRecord, 'a JSON object')},
    token: {attribute: 'token'},
    onRefreshToken: {attribute: false},
    tokenUrl: {attribute: 'token-url'},
    apiBase: {attribute: 'api-base'},
    connectorId: {attribute: 'connector-id'},
    streamTimeout: {attribute: 'stream-timeout', converter: numberAttribute('stream-timeout')},
    requestTimeout: {attribute: 'request-timeout', converter: numberAttribute('request-timeout')},
    tokenTimeout: {attribute: 'token-timeout', converter: numberAttribute('token-timeout')},
    toolTimeout: {attribute: 'tool-timeout', converter: numberAttribute('tool-timeout')},
    userId: {attribute: 'user-id'},
    userAvatar: {attribute: 'user-avatar'},
    userNickname: {attribute: 'user-nickname'},
    icon: {},
    chatTitle: {attribute: 'chat-title'},
    mode: {reflect: true},
    open: {type: Boolean, reflect: true},
    layout: {},
    position: {reflect: true},
    width: {converter: numberAttribute('width')},
    zIndex: {attribute: 'z-index', converter: numberAttribute('z-index')},
    theme: {reflect: true},
    lang: {reflect: true},
    i18n: {attribute: false},
    noLauncher: {type: Boolean, attribute: 'no-launcher'},
    noHeader: {type: Boolean, attribute: 'no-header'},
    noClose: {type: Boolean, attribute: 'no-close'},
    noFooter: {type: Boolean, attribute: 'no-footer'},
    footerText: {attribute: 'footer-text'},
    footerLinks: {
      attribute: 'footer-links',
      converter: jsonAttribute('footer-links', isFooterLinks, 'an object of {text, link}'),
    },
    noUpload: {type: Boolean, attribute: 'no-upload'},
    noAudio: {type: Boolean, attribute: 'no-audio'},
    noFunctionCalls: {type: Boolean, attribute: 'no-function-calls'},
    newConversationButton: {type: Boolean, attribute: 'new-conversation'},
    quote: {type: Boolean},
    noClearContext: {type: Boolean, attribute: 'no-clear-context'},
    feedback: {type: Boolean},
    feedbackTitle: {attribute: 'feedback-title'},
    feedbackPlaceholder: {attribute: 'feedback-placeholder'},
    feedbackTags: {
      attribute: 'feedback-tags',
      converter: jsonAttribute(
        'feedback-tags',
        isFeedbackTags,
        'an array of {label, isNeedDetail}'
      ),
    },
    conversations: {type: Boolean},
    placeholder: {},
    defaultText: {attribute: 'default-text'},
    readonly: {type: Boolean, reflect: true},
    noBackground: {type: Boolean, attribute: 'no-background'},
    noShortcuts: {type: Boolean, attribute: 'no-shortcuts'},
    imageHosts: {attribute: 'image-hosts'},
    onBeforeShow: {attribute: false},
    onBeforeHide: {attribute: false},
    beforeShow: {attribute: false},
    beforeHide: {attribute: false},
    onShow: {attribute: false},
    onHide: {attribute: false},
    autoLayout: {state: true, attribute: false},
  };
  // The accessors exist as soon as the class does, as they did with decorators (before `define`).
  static {
    this.finalize();
  }

  /** What to chat with: `bot` (default) or `app` (a Coze app's chatflow). */
  type: ChatType = 'bot';

  /** Id of the Coze bot to chat with (`type="bot"`). */
  botId = '';

  /** Id of the Coze app (`type="app"`). */
  appId = '';

  /** Id of the app's chatflow to run (`type="app"`). */
  workflowId = '';

  /** App version to run (`type="app"`); the published one when empty. */
  appVersion = '';

  /** Start-node inputs of a chatflow, sent as `parameters` (JSON in the attribute). */
  parameters?: Record<string, unknown>;

  /**
   * Access token sent as `Authorization: Bearer`, or a function `(previousToken?) => string | Promise<string>`
   * called for the first token and with the rejected one on refresh (in place of `onRefreshToken`, and bindable
   * from every framework); never reflected, logged or put in an event.
   */
  token: string | TokenProvider = '';

  /** Returns a fresh token when none is set or the current one is rejected; concurrent calls share one refresh. */
  onRefreshToken?: (oldToken: string) => string | Promise<string>;

  /** URL of the site's own endpoint returning `{access_token, expires_in, user_id?}`; used for the first token and refreshes; its `user_id` becomes the Coze `user_id` unless `user-id` is set. */
  tokenUrl = '';

  /** Coze OpenAPI base URL: `https://api.coze.cn` (default), `https://api.coze.com`, or a proxy (relative URLs resolve against the page). */
  apiBase = 'https://api.coze.cn';

  /** Channel id sent to Coze; `999` is the Chat SDK channel. */
  connectorId = '999';

  /** Seconds an answer may go without any event from Coze before the send fails with Retry (default 210, as the official SDK). */
  streamTimeout?: number;

  /** Seconds any other request (profile, lists, history, feedback) may wait for Coze, or an upload go without progress, before it fails with Retry (default 30). */
  requestTimeout?: number;

  /** Seconds the token function, `onRefreshToken` or the token-url may take to give a token before the send fails with Retry (default 15). */
  tokenTimeout?: number;

  /** Seconds a `coze-tool-call` handler may take to answer before the answer fails with Retry (default 60); Stop ends the wait at once. */
  toolTimeout?: number;

  /** End-user id sent as `user_id` and kept with the conversations the chat creates (it lists and resumes only those); when empty, the token-url's `user_id`, else one generated once and kept in localStorage. */
  userId = '';

  /** Picture shown beside the user's messages. */
  userAvatar = '';

  /** Name shown on the user's messages; also fills `{{user_name}}` in the prologue. */
  userNickname = '';

  /** Bot or app icon for the launcher and header; defaults to the bot's (app's) own icon. */
  icon = '';

  /** Panel title; defaults to the bot's (app's) name. */
  chatTitle = '';

  /** `floating` (launcher + panel), `inline` (fills this element) or `headless` (renders only children). */
  mode: ChatMode = 'floating';

  /** Whether the floating panel is shown. */
  open = false;

  /** `pc` (panel bottom-right) or `mobile` (full viewport); when empty, decided from the viewport width and re-decided on resize. */
  layout: '' | Layout = '';

  /** Side of the screen the launcher and the floating panel sit on: `right` (default) or `left`; mirrored in right-to-left documents (`dir="rtl"`). */
  position: Position = 'right';

  /** Panel width in px, for the floating panel in the `pc` layout (default 460). */
  width?: number;

  /** Stacking level: the launcher at this z-index, the panel one below, previews two above. */
  zIndex?: number;

  /** Colour theme: `light` (default), `dark`, or `auto` (follows the system). */
  theme: Theme = 'light';

  /** UI language, `en` or `zh-CN`; when absent, the nearest `[lang]` ancestor's, else `en`. */
  override lang!: string;

  /** Replacement strings for any visible text, merged over the current language's table. */
  i18n?: StringOverrides;

  /** Hides the floating launcher; open and close with `show()`/`hide()`. */
  noLauncher = false;

  /** Hides the title bar (the close button stays, unless `no-close`). */
  noHeader = false;

  /** Hides the close button. */
  noClose = false;

  /** Hides the footer line. */
  noFooter = false;

  /** Footer text; `{{name}}` placeholders are filled from `footer-links`. */
  footerText = '';

  /** Footer placeholders: `{name: {text, link}}` (JSON in the attribute); only http(s) links are kept. */
  footerLinks?: FooterLinks;

  /** Turns off file and image upload. */
  noUpload = false;

  /** Turns off voice input. */
  noAudio = false;

  /** Hides plugin and tool-call messages. */
  noFunctionCalls = false;

  /**
   * Shows a "new conversation" button in the header. (The property is not
   * called `newConversation`: that name is the method that starts one.)
   */
  newConversationButton = false;

  /** Lets the reader quote an answer into the next question. */
  quote = false;

  /** Hides the "clear context" button. */
  noClearContext = false;

  /** Shows like / unlike on answers. */
  feedback = false;

  /** Title of the card shown after "unlike". */
  feedbackTitle = '';

  /** Placeholder of the comment box in that card. */
  feedbackPlaceholder = '';

  /** Reasons offered in that card: `[{label, isNeedDetail}]`, at most 10, each at most 30 characters (JSON in the attribute). */
  feedbackTags?: FeedbackTag[];

  /** Shows the conversation list: browse, resume, create, rename and delete conversations. */
  conversations = false;

  /** The input's placeholder; defaults to the language's ("Ask a question…"). */
  placeholder = '';

  /** Text the input starts with, for the reader to send or change. */
  defaultText = '';

  /**
   * Shows the conversation for reading: history, and answers to questions the page asks with
   * `send()`, without the input. A reader can read (reasoning, tool cards, older history, the
   * conversation list) and copy (answers, code); nothing in the transcript asks or changes
   * anything: no suggested questions or follow-ups, question-node options, shortcut commands,
   * retry or regenerate, like / unlike or quote, and no clear-context or new-conversation button.
   */
  readonly = false;

  /** Hides the bot's background picture (the one set in Coze for the web, or for phones on the mobile layout) behind the transcript. */
  noBackground = false;

  /** Hides the bot's shortcut commands (the buttons above the input and the `/` menu). */
  noShortcuts = false;

  /**
   * Hosts an answer's images load from at once, separated by spaces or commas (`example.com`
   * covers its subdomains, `*` any host); default Coze's file hosts (`coze.cn coze.com
   * byteimg.com`). The page's own origin is always allowed; any other image is a button naming
   * its host, which loads it when pressed.
   */
  imageHosts = '';

  /** Called before the panel opens; return `false` (or a Promise of it) to keep it closed. */
  onBeforeShow?: VisibilityHook;

  /** Called before the panel closes; return `false` (or a Promise of it) to keep it open. */
  onBeforeHide?: VisibilityHook;

  /** Called before the panel opens, after `onBeforeShow`; return `false` (or a Promise of it) to keep it closed. The name frameworks pass as a property. */
  beforeShow?: VisibilityHook;

  /** Called before the panel closes, after `onBeforeHide`; return `false` (or a Promise of it) to keep it open. The name frameworks pass as a property. */
  beforeHide?: VisibilityHook;

  /** Called after the panel opened. */
  onShow?: () => void;

  /** Called after the panel closed. */
  onHide?: () => void;

  /** The feedback card, as the official `feedbackPanel` object (`{title, placeholder, tags}`). */
  get feedbackPanel(): FeedbackPanel {
    return {
      ...(this.feedbackTitle ? {title: this.feedbackTitle} : {}),
      ...(this.feedbackPlaceholder ? {placeholder: this.feedbackPlaceholder} : {}),
      ...(this.feedbackTags ? {tags: this.feedbackTags} : {}),
    };
  }
  set feedbackPanel(panel: FeedbackPanel | undefined) {
    this.feedbackTitle = panel?.title ?? '';
    this.feedbackPlaceholder = panel?.placeholder ?? '';
    this.feedbackTags = panel?.tags;
  }

  /** The layout in use: `layout`, or the one the viewport width calls for. */
  private autoLayout: Layout = 'pc';

  /** The connection to Coze and the panel, loaded on intent (see `#load`); until then only the launcher shows. */
  #session?: ChatSession;
  #loading?: Promise<ChatSession>;
  #loadingStrings?: Promise<unknown>;
  /** Starts, reloads and disposes of the session; shows and hides the panel. */
  readonly #controller = new SessionController(this, () => this.#load());
  /**
   * Requests for the chat's context that came before its providers (a part, or the page's own
   * element, asking while the session chunk is on its way), each with the element that asked:
   * passed on once the providers exist. `undefined` from then on.
   */
  #held: Array<[EventTarget, Event]> | undefined = [];
  readonly #holdRequest = (event: Event) => {
    if (!this.#held || !provided.includes((event as Event & {context?: unknown}).context)) return;
    event.stopPropagation();
    this.#held.push([event.composedPath()[0]!, event]);
  };
  /** Slotted content can come and go. */
  readonly #children = new MutationObserver(() => this.requestUpdate());
  /** Narrow viewports get the full-screen layout when `layout` is not set. */
  readonly #narrow = matchMedia('(max-width: 640px)');
  readonly #handleViewportChange = () => {
    this.autoLayout = this.#narrow.matches ? 'mobile' : 'pc';
  };

  constructor() {
    super();
    this.addEventListener('context-request', this.#holdRequest);
  }

  /** Answers that arrived while the panel was closed. */
  get unread(): number {
    return this.#controller.unread;
  }

  /** The launcher's strings in use: the current language's, with `i18n` overrides applied (the panel's arrive with it). */
  get strings(): LauncherStrings {
    return {...launcherStringsFor(this.#lang), ...this.i18n};
  }

  /** The chat window, for `aria-controls`. */
  get panelElement(): HTMLElement | null {
    return this.renderRoot?.querySelector('[part~="panel"]') ?? null;
  }

  get #lang(): Lang {
    if (this.lang) return toLang(this.lang);
    return toLang(this.parentElement?.closest('[lang]')?.getAttribute('lang'));
  }

  /** Opens the panel; resolves to whether it opened (a before-hook may veto, a later `hide()` supersedes). */
  show(): Promise<boolean> {
    return this.#controller.request(true);
  }

  /** Closes the panel; resolves to whether it closed (a before-hook may veto, a later `show()` supersedes). */
  hide(): Promise<boolean> {
    return this.#controller.request(false);
  }

  /** Opens the panel when closed, closes it when open. */
  toggle(): Promise<boolean> {
    return this.#controller.request(!this.open);
  }

  /** Sends a question (fires the cancelable `coze-send`); resolves when the answer has finished or failed; rejects with a `ChatBusyError` (sending nothing) while an earlier answer is still being written. */
  async send(text: string, options?: SendOptions): Promise<void> {
    await (await this.#load()).send(text, options);
  }

  /** Starts a new context section: the bot forgets the conversation so far (a divider marks it). */
  async clearContext(): Promise<void> {
    await (await this.#load()).clearContext();
  }

  /** Starts a new, empty conversation; resolves to its id. */
  async newConversation(): Promise<string | undefined> {
    return (await this.#load()).newConversation();
  }

  /** Stops the answer being streamed (aborts the stream and asks Coze to cancel the chat). */
  async cancel(): Promise<void> {
    await this.#session?.cancel();
  }

  /** The current access token (obtained through `onRefreshToken`/`token-url` when none is set). */
  async getToken(): Promise<string> {
    return (await this.#load()).getToken();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#children.observe(this, {childList: true});
    this.#narrow.addEventListener('change', this.#handleViewportChange);
    this.#handleViewportChange();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#children.disconnect();
    this.#narrow.removeEventListener('change', this.#handleViewportChange);
  }

  /** Settles once the chat has rendered, including the panel when it is being loaded to be shown. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while ((this.#loading && !this.#session) || this.#loadingStrings || this.#controller.opening) {
      await Promise.all([
        this.#session ? undefined : this.#loading,
        this.#loadingStrings,
        this.#controller.opening,
      ]).catch(() => undefined);
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** The layout in use. */
  get #layout(): Layout {
    return this.layout || this.autoLayout;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#validate(changed);
    if (changed.has('lang') && this.#session) this.#loadStrings();
    this.#controller.update(changed);
  }

  /** Reports a bad option value in the console (and falls back to the default), never silently. */
  #validate(changed: PropertyValues<this>): void {
    if (changed.has('type')) this.type = oneOf('type', this.type, ['bot', 'app'], 'bot');
    if (changed.has('mode'))
      this.mode = oneOf('mode', this.mode, ['floating', 'inline', 'headless'], 'floating');
    if (changed.has('layout') && this.layout)
      this.layout = oneOf('layout', this.layout, ['pc', 'mobile'], 'pc');
    if (changed.has('theme'))
      this.theme = oneOf('theme', this.theme, ['light', 'dark', 'auto'], 'light');
    if (changed.has('zIndex') && this.zIndex !== undefined && !Number.isInteger(this.zIndex)) {
      reportOption('z-index', `${this.zIndex} is not an integer; using the default.`);
      this.zIndex = undefined;
    }
  }

  /**
   * The session module, loaded once for all chats on the page: on intent (the launcher is
   * pointed at or focused), on `show()`/`open`, at once in `inline`/`headless` mode, or when a
   * method needs it. Never while the page is idle.
   */
  #load(): Promise<ChatSession> {
    this.#loadStrings();
    this.#loading ??= import('./chat-session.js').then(async ({ChatSession, createProviders}) => {
      await this.#loadingStrings;
      const session = new ChatSession({
        host: this,
        lang: () => this.#lang,
        layout: () => this.#layout,
        ...createProviders(this),
        visibility: this.#controller,
      });
      this.#session = session;
      // The requests held until now, from the elements that asked (and are still in the page),
      // now meet the providers on their way up.
      const held = this.#held ?? [];
      this.#held = undefined;
      for (const [asker, request] of held)
        if ((asker as Node).isConnected) asker.dispatchEvent(request);
      return session;
    });
    return this.#loading;
  }

  /** The current language's strings, when they are not in the first chunk. */
  #loadStrings(): void {
    const lang = this.#lang;
    const loading = loadStrings(lang).then((loaded) => {
      if (loaded && this.#lang === lang) this.requestUpdate();
    });
    this.#loadingStrings = loading;
    void loading.finally(() => {
      if (this.#loadingStrings === loading) this.#loadingStrings = undefined;
    });
  }

  readonly #handleIntent = () => void this.#load();
  #zSheet?: CSSStyleSheet;

  protected override render() {
    if (this.mode === 'headless') return html`<slot></slot>`;
    const floating = this.mode === 'floating';
    return html`
      ${this.#session?.renderPanel() ?? nothing}
      ${
        floating && !this.noLauncher
          ? html`<coze-launcher
              part="launcher"
              class=${this.#layout}
              exportparts=${launcherParts}
              .target=${this}
              @pointerenter=${this.#handleIntent}
              @focusin=${this.#handleIntent}
            >
              ${slotted(this, 'launcher') ? html`<slot name="launcher" slot="icon"></slot>` : nothing}
            </coze-launcher>`
          : nothing
      }
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('zIndex')) return;
    // In a sheet of the chat's own, not a style attribute: a strict CSP needs no unsafe-inline.
    if (!this.#zSheet) {
      const root = this.renderRoot as ShadowRoot;
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, (this.#zSheet = new CSSStyleSheet())];
    }
    this.#zSheet.replaceSync(this.zIndex === undefined ? '' : `:host{--_z:${this.zIndex}}`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'coze-chat': CozeChat;
  }
}
