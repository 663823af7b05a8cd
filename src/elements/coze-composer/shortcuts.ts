import {html, nothing, type ReactiveController, type ReactiveControllerHost} from 'lit';
import {live} from 'lit/directives/live.js';
import type {ShortcutCommand, ShortcutParameter} from '../../api/types.js';
import type {ChatActions, ChatError, MessageFile} from '../../state/types.js';
import {toChatError} from '../../state/store.js';
import {
  asksForParameters,
  matchingShortcuts,
  shortcutRun,
  type ShortcutValue,
} from '../../state/shortcuts.js';
import {format, type Strings} from '../../i18n/index.js';
import {errorText} from '../shared/error-text.js';
import {iconButton} from '../shared/icon-button.js';
import {closeIcon} from '../shared/icons.js';

export {shortcutStyles} from './shortcuts.styles.js';

/** What the controller needs from its composer. */
export interface ShortcutsPort {
  commands(): readonly ShortcutCommand[];
  actions(): ChatActions | undefined;
  strings(): Strings;
  /** Whether a question can be sent now (no answer streaming). */
  idle(): boolean;
  /** The command was sent: the composer clears a `/` it typed and refocuses. */
  sent(): void;
}

/** A file parameter's upload. */
interface Upload {
  readonly name: string;
  readonly status: 'uploading' | 'done' | 'error';
  readonly file?: MessageFile;
  readonly error?: ChatError;
}

/** File kinds a command may accept (Coze's names) and what the file picker offers for each. */
const accepts: Record<string, string> = {
  image: 'image/*',
  audio: 'audio/*',
  video: 'video/*',
  doc: '.pdf,.doc,.docx,.md,.rtf',
  table: '.xls,.xlsx,.csv',
  zip: '.zip,.rar,.7z,.tar,.gz',
  code: '.js,.ts,.py,.java,.c,.cpp,.go,.rs,.json,.html,.css',
  txt: '.txt',
  ppt: '.ppt,.pptx',
};

/**
 * The bot's shortcut commands in the composer: a row of buttons, a menu for a
 * typed `/`, and the small form of a command that takes parameters. A command
 * without parameters is sent at once; the form sends the command's question
 * with its parameters in Coze's encoding (see `state/shortcuts.ts`).
 */
export class ShortcutsController implements ReactiveController {
  /** The command whose form is open. */
  active?: ShortcutCommand;
  /** The highlighted entry of the `/` menu. */
  menuIndex = 0;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #port: ShortcutsPort;
  #texts: Record<string, string> = {};
  #uploads: Record<string, Upload> = {};
  #aborts = new Set<AbortController>();
  #notice = '';

  constructor(host: ReactiveControllerHost & HTMLElement, port: ShortcutsPort) {
    this.#host = host;
    this.#port = port;
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const abort of this.#aborts) abort.abort();
    this.#aborts.clear();
  }

  /** The commands matching a draft that starts with `/` (none otherwise). */
  matches(draft: string): readonly ShortcutCommand[] {
    return matchingShortcuts(this.#port.commands(), draft);
  }

  /** Runs a command: sends it, or opens its form and focuses the first field. */
  choose(command: ShortcutCommand): void {
    this.#notice = '';
    if (!asksForParameters(command)) {
      this.close();
      if (this.#send(command, {})) this.#port.sent();
      return;
    }
    this.active = command;
    this.#texts = Object.fromEntries(
      command.parameters.map((p) => [p.name, p.type === 'file' ? '' : (p.defaultValue ?? '')])
    );
    this.#uploads = {};
    this.#host.requestUpdate();
    void (this.#host as unknown as {updateComplete: Promise<unknown>}).updateComplete.then(() =>
      this.#host.shadowRoot
        ?.querySelector<HTMLElement>('.shortcut-form input, .shortcut-form select')
        ?.focus()
    );
  }

  /** Closes the form (its uploads are dropped). */
  close(): void {
    if (!this.active) return;
    this.active = undefined;
    this.#notice = '';
    this.#host.requestUpdate();
  }

  #send(command: ShortcutCommand, values: Record<string, ShortcutValue>): boolean {
    const run = shortcutRun(command, values);
    return (
      this.#port.actions()?.send(run.text, {
        ...(run.files.length ? {files: run.files} : {}),
        shortcut: run.shortcut,
      }) ?? false
    );
  }

  #values(command: ShortcutCommand): Record<string, ShortcutValue> | string {
    const strings = this.#port.strings();
    const values: Record<string, ShortcutValue> = {};
    for (const p of command.parameters) {
      if (p.hidden) continue;
      if (p.type !== 'file') {
        const text = this.#texts[p.name] ?? '';
        if (!text.trim() && !p.defaultValue)
          return format(strings.shortcutFieldRequired, {name: p.name});
        values[p.name] = text;
        continue;
      }
      const upload = this.#uploads[p.name];
      if (upload?.status === 'uploading')
        return format(strings.shortcutUploadWait, {name: upload.name});
      if (upload?.file) values[p.name] = upload.file;
      else if (!p.defaultValue) return format(strings.shortcutFileRequired, {name: p.name});
    }
    return values;
  }

  readonly #handleSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const command = this.active;
    if (!command || !this.#port.idle()) return;
    const values = this.#values(command);
    if (typeof values === 'string') {
      this.#notice = values;
      this.#host.requestUpdate();
      return;
    }
    if (this.#send(command, values)) {
      this.close();
      this.#port.sent();
    }
  };

  readonly #handleKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.close();
    this.#port.sent();
  };

  readonly #handleCancelClick = () => {
    this.close();
    this.#port.sent();
  };

  #handleText(name: string, event: Event) {
    this.#texts = {...this.#texts, [name]: (event.target as HTMLInputElement).value};
  }

  async #handleFile(p: ShortcutParameter, event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    const actions = this.#port.actions();
    if (!file || !actions) return;
    const abort = new AbortController();
    this.#aborts.add(abort);
    const set = (upload: Upload) => {
      this.#uploads = {...this.#uploads, [p.name]: upload};
      this.#host.requestUpdate();
    };
    set({name: file.name, status: 'uploading'});
    try {
      const uploaded = await actions.uploadFile(file, {signal: abort.signal});
      set({name: file.name, status: 'done', file: uploaded});
    } catch (error) {
      if (!abort.signal.aborted) set({name: file.name, status: 'error', error: toChatError(error)});
    } finally {
      this.#aborts.delete(abort);
    }
  }

  /** The row of command buttons. */
  renderBar(strings: Strings) {
    const commands = this.#port.commands();
    if (!commands.length) return nothing;
    return html`<div
      part="shortcuts"
      class="shortcuts"
      role="group"
      aria-label=${strings.shortcuts}
    >
      ${commands.map((c) => {
        const asks = asksForParameters(c);
        return html`<button
          part="shortcut"
          class="shortcut"
          type="button"
          title=${c.description ?? c.command}
          .ariaExpanded=${asks ? String(this.active === c) : null}
          ?disabled=${!this.#port.idle()}
          @click=${() => this.choose(c)}
        >
          ${c.name}
        </button>`;
      })}
    </div>`;
  }

  /** The `/` menu for the commands a draft matches. */
  renderMenu(strings: Strings, draft: string, matches: readonly ShortcutCommand[]) {
    if (!matches.length) return nothing;
    const index = Math.min(this.menuIndex, matches.length - 1);
    return html`<ul
      part="shortcut-menu"
      class="shortcut-menu"
      id="shortcut-menu"
      role="listbox"
      aria-label=${format(strings.shortcutMenu, {text: draft})}
    >
      ${matches.map(
        (c, i) =>
          // The keyboard chooses from the textarea (aria-activedescendant), which keeps the focus.
          // eslint-disable-next-line lit-a11y/click-events-have-key-events
          html`<li
            role="option"
            id=${`shortcut-option-${i}`}
            aria-selected=${i === index ? 'true' : 'false'}
            @mousedown=${(e: Event) => e.preventDefault()}
            @click=${() => {
              this.#port.sent();
              this.choose(c);
            }}
          >
            <span class="command">${c.command || c.name}</span>
            <span class="about">${c.description ?? c.name}</span>
          </li>`
      )}
    </ul>`;
  }

  /** The open command's form, with one field per parameter it asks for. */
  renderForm(strings: Strings) {
    const command = this.active;
    if (!command) return nothing;
    return html`<form
      part="shortcut-form"
      class="shortcut-form"
      aria-labelledby="shortcut-title"
      aria-describedby=${command.description ? 'shortcut-about' : nothing}
      novalidate
      @submit=${this.#handleSubmit}
      @keydown=${this.#handleKeydown}
    >
      <div class="shortcut-head">
        <h3 id="shortcut-title">${command.name}</h3>
        ${command.command ? html`<span class="command">${command.command}</span>` : nothing}
        ${iconButton('remove-button', strings.cancel, closeIcon, this.#handleCancelClick, {
          class: 'remove',
        })}
      </div>
      ${command.description ? html`<p id="shortcut-about" class="about">${command.description}</p>` : nothing}
      ${command.parameters.map((p, i) => (p.hidden ? nothing : this.#renderField(p, i, strings)))}
      ${this.#notice ? html`<p part="error" class="notice" role="alert">${this.#notice}</p>` : nothing}
      <div class="shortcut-actions">
        <button
          part="shortcut-send-button"
          class="run"
          type="submit"
          ?disabled=${!this.#port.idle()}
        >
          ${strings.runShortcut}
        </button>
      </div>
    </form>`;
  }

  #renderField(p: ShortcutParameter, i: number, strings: Strings) {
    const id = `shortcut-field-${i}`;
    const hint = p.description ? `${id}-hint` : undefined;
    const about = p.description
      ? html`<span class="hint" id=${hint!}>${p.description}</span>`
      : nothing;
    if (p.type === 'file') {
      const upload = this.#uploads[p.name];
      const accept = p.options
        .map((o) => accepts[o])
        .filter(Boolean)
        .join(',');
      return html`<div class="field">
        <label for=${id}>${p.name}</label>
        <input
          id=${id}
          type="file"
          .accept=${accept}
          aria-required=${p.defaultValue ? 'false' : 'true'}
          aria-describedby=${hint ?? nothing}
          @change=${(e: Event) => void this.#handleFile(p, e)}
        />
        ${about}
        ${
          upload?.status === 'uploading'
            ? html`<span class="hint" role="status"
                >${format(strings.uploading, {name: upload.name})}</span
              >`
            : upload?.status === 'error'
              ? html`<span class="hint error" role="alert"
                  >${format(strings.uploadFailed, {name: upload.name, reason: errorText(strings, upload.error!)})}</span
                >`
              : nothing
        }
      </div>`;
    }
    const value = this.#texts[p.name] ?? '';
    if (p.type === 'select' && p.options.length) {
      return html`<div class="field">
        <label for=${id}>${p.name}</label>
        <select
          id=${id}
          aria-describedby=${hint ?? nothing}
          @change=${(e: Event) => this.#handleText(p.name, e)}
        >
          ${p.options.map((o) => html`<option .value=${o} ?selected=${o === value}>${o}</option>`)}
        </select>
        ${about}
      </div>`;
    }
    return html`<div class="field">
      <label for=${id}>${p.name}</label>
      <input
        id=${id}
        type="text"
        .value=${live(value)}
        placeholder=${p.defaultValue ?? ''}
        aria-required=${p.defaultValue ? 'false' : 'true'}
        aria-describedby=${hint ?? nothing}
        @input=${(e: Event) => this.#handleText(p.name, e)}
      />
      ${about}
    </div>`;
  }
}
