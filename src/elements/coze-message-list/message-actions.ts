import {html, nothing} from 'lit';
import type {ChatMessage} from '../../state/types.js';
import type {UiConfig} from '../../state/ui-config.js';
import {iconButton} from '../shared/icon-button.js';
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
        ? iconButton('copy-button', copyLabel, view.copied ? checkIcon : copyIcon, view.onCopy)
        : nothing
    }
    ${
      view.regenerable
        ? iconButton('retry-button', s.regenerate, retryIcon, view.onRegenerate, {
            class: 'icon-button',
          })
        : nothing
    }
    ${quotable ? iconButton('quote-button', s.quoteReply, quoteIcon, view.onQuote) : nothing}
    ${
      feedback
        ? html`${iconButton('like-button', s.like, likeIcon, view.onLike, {
            pressed: m.feedback === 'like' ? 'true' : 'false',
          })}
          ${iconButton('unlike-button', s.unlike, unlikeIcon, view.onUnlike, {
            pressed: m.feedback === 'unlike' ? 'true' : 'false',
          })}`
        : nothing
    }
  </div>`;
}
