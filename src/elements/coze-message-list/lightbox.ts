/**
 * An answer's image shown full size over the page: a modal `<dialog>` in the top layer (so no
 * panel edge clips it), closed by Escape, its Close button or a click beside the image, with a
 * link to open the original in a new tab. Opened for a `coze-image-click` the page let through.
 */
import {html, nothing, type ReactiveControllerHost} from 'lit';
import {format, type Strings} from '../../i18n/index.js';

export class Lightbox {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #image?: {src: string; alt: string};

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.#host.shadowRoot?.querySelector('dialog.lightbox') ?? null;
  }

  async open(src: string, alt: string): Promise<void> {
    this.#image = {src, alt};
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const dialog = this.#dialog;
    if (dialog && !dialog.open) dialog.showModal();
  }

  close(): void {
    this.#dialog?.close();
  }

  readonly #handleClose = () => {
    this.#image = undefined;
    this.#host.requestUpdate();
  };

  /** A click on the dialog itself (not the image or a control) is a click on the backdrop. */
  readonly #handleClick = (event: MouseEvent) => {
    if (event.target === event.currentTarget) this.close();
  };

  /** Escape closes the picture only, not the chat panel around it. */
  readonly #handleKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') event.stopPropagation();
  };

  render(strings: Strings) {
    const image = this.#image;
    if (!image) return nothing;
    const name = image.alt || '';
    return html`<dialog
      part="lightbox"
      class="lightbox"
      aria-label=${format(strings.image, {name}).trim()}
      @close=${this.#handleClose}
      @click=${this.#handleClick}
      @keydown=${this.#handleKeydown}
    >
      <img src=${image.src} alt=${image.alt} />
      <div class="lightbox-bar">
        <a href=${image.src} target="_blank" rel="noopener noreferrer"
          >${format(strings.openImage, {name}).trim()}</a
        >
        <button type="button" @click=${() => this.close()}>${strings.close}</button>
      </div>
    </dialog>`;
  }
}
