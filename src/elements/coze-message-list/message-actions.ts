import {html, nothing} from 'lit';
import type {ChatMessage} from '../../state/types.js';
import type {UiConfig} from '../../state/ui-config.js';
import {retryIcon} from '../shared/icons.js';
import {checkIcon, copyIcon, likeIcon, quoteIcon, unlikeIcon} from './message-icons.js';

export interface ActionsView {
  readonly message: ChatMessage;
  /** The last answer, with nothing streaming: it can be regenerated. */
  readonly regenerable: boolean;
  /** The copy just succeeded. */
  readonly copied: boolean;
  readonly onCopy: () => void;
  readonly onRegenerate: () => void;
  readonly onQuote: () => void;
  readonly onLike: () => void;
  readonly onUnlike: () => void;
}

/**
 * The actions under a completed answer. Always rendered, so they are there
 * for keyboards and touch; the stylesheet dims them until the row is hovered
 * or holds focus.
 */
export function renderActions(view: ActionsView, ui: UiConfig) {
  const {message: m} = view;
  const s = ui.strings;
  const text = /\S/.test(m.content);
  // As in the official widget: quotes take text and image answers, not cards; Coze takes feedback on text answers.
  const quotable = ui.features.quote && m.contentType !== 'card' && text;
  const feedback = ui.features.feedback && Boolean(m.id) && m.contentType === 'text';
  const copyLabel = view.copied ? s.copied : s.copy;
  return html`<div class="actions">
    ${
      text
        ? html`<button
            part="copy-button"
            type="button"
            aria-label=${copyLabel}
            title=${copyLabel}
            @click=${view.onCopy}
          >
            ${view.copied ? checkIcon : copyIcon}
          </button>`
        : nothing
    }
    ${
      view.regenerable
        ? html`<button
            part="retry-button"
            class="icon-button"
            type="button"
            aria-label=${s.regenerate}
            title=${s.regenerate}
            @click=${view.onRegenerate}
          >
            ${retryIcon}
          </button>`
        : nothing
    }
    ${
      quotable
        ? html`<button
            part="quote-button"
            type="button"
            aria-label=${s.quoteReply}
            title=${s.quoteReply}
            @click=${view.onQuote}
          >
            ${quoteIcon}
          </button>`
        : nothing
    }
    ${
      feedback
        ? html`<button
              part="like-button"
              type="button"
              aria-label=${s.like}
              title=${s.like}
              aria-pressed=${m.feedback === 'like' ? 'true' : 'false'}
              @click=${view.onLike}
            >
              ${likeIcon}
            </button>
            <button
              part="unlike-button"
              type="button"
              aria-label=${s.unlike}
              title=${s.unlike}
              aria-pressed=${m.feedback === 'unlike' ? 'true' : 'false'}
              @click=${view.onUnlike}
            >
              ${unlikeIcon}
            </button>`
        : nothing
    }
  </div>`;
}
