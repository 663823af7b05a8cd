import {html, nothing} from 'lit';
import type {MessageFile, QuotedReply} from '../../state/types.js';
import type {UiConfig} from '../../state/ui-config.js';
import {format} from '../../i18n/index.js';
import {fileIcon} from './message-icons.js';
import {formatSize} from '../shared/format-size.js';

/** What a user message carries besides its text: the files sent with it and the answer it quotes. */

/** The files of a user message: images as previews, everything else (or an image without a preview) as a chip. */
export function renderFiles(files: readonly MessageFile[] | undefined, ui: UiConfig) {
  if (!files?.length) return nothing;
  return html`<ul class="attachments">
    ${files.map((file) => html`<li>${renderFile(file, ui)}</li>`)}
  </ul>`;
}

function renderFile(file: MessageFile, ui: UiConfig) {
  if (file.kind === 'image' && file.previewUrl) {
    return html`<img
      part="attachment"
      class="attachment-image"
      src=${file.previewUrl}
      alt=${format(ui.strings.image, {name: file.name})}
    />`;
  }
  return html`<span part="attachment" class="file-chip">
    ${fileIcon}
    <span class="file-name">${file.name}</span>
    ${file.size === undefined ? nothing : html`<span class="file-size">${formatSize(file.size, ui.lang)}</span>`}
  </span>`;
}

/** The answer a question quotes, as a compact quote above its text. */
export function renderQuote(quote: QuotedReply | undefined, ui: UiConfig) {
  if (!quote || !(quote.text || quote.imageUrl)) return nothing;
  return html`<blockquote part="quote" class="quote">
    <span class="visually-hidden">${ui.strings.quoting}:</span>
    ${quote.imageUrl ? html`<img class="quote-image" src=${quote.imageUrl} alt="" />` : nothing}
    ${quote.text ? html`<span class="quote-text">${quote.text}</span>` : nothing}
  </blockquote>`;
}
