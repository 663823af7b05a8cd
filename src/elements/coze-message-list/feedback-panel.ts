// Loaded when an answer is first unliked with a feedback panel configured.
import {html, nothing} from 'lit';
import {live} from 'lit/directives/live.js';
import type {UiConfig} from '../../state/ui-config.js';
import {feedbackIds, maxFeedbackTags, type FeedbackForm} from './feedback-form.js';

export interface FeedbackPanelView {
  readonly form: FeedbackForm;
  readonly onToggleTag: (label: string) => void;
  readonly onComment: (comment: string) => void;
  readonly onSubmit: (event: SubmitEvent) => void;
  readonly onCancel: () => void;
  readonly onKeydown: (event: KeyboardEvent) => void;
}

/** The form shown under an answer after "unlike": preset reasons, a comment, Send and Cancel. */
export function renderFeedbackPanel(view: FeedbackPanelView, ui: UiConfig) {
  const {form} = view;
  const s = ui.strings;
  const panel = ui.feedbackPanel;
  const tags = (panel.tags ?? []).slice(0, maxFeedbackTags);
  const ids = feedbackIds(form.key);
  const placeholder = panel.placeholder || s.feedbackPlaceholder;
  return html`<form
    part="feedback-panel"
    class="feedback-panel"
    aria-labelledby=${ids.title}
    novalidate
    @submit=${view.onSubmit}
    @keydown=${view.onKeydown}
  >
    <p id=${ids.title} class="feedback-title">${panel.title || s.feedbackTitle}</p>
    ${
      tags.length
        ? html`<div class="feedback-tags" role="group" aria-labelledby=${ids.title}>
            ${tags.map(
              (tag) =>
                html`<button
                  class="chip feedback-tag"
                  type="button"
                  aria-pressed=${form.reasons.includes(tag.label) ? 'true' : 'false'}
                  @click=${() => view.onToggleTag(tag.label)}
                >
                  ${tag.label}
                </button>`
            )}
          </div>`
        : nothing
    }
    <textarea
      id=${ids.comment}
      class="feedback-comment"
      rows="2"
      aria-label=${placeholder}
      placeholder=${placeholder}
      aria-invalid=${form.error ? 'true' : 'false'}
      aria-describedby=${form.error ? ids.error : nothing}
      .value=${live(form.comment)}
      @input=${(e: InputEvent) => view.onComment((e.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${form.error ? html`<p id=${ids.error} class="feedback-error" role="alert">${form.error}</p>` : nothing}
    <div class="feedback-buttons">
      <button class="primary" type="submit">${s.feedbackSubmit}</button>
      <button type="button" @click=${view.onCancel}>${s.feedbackCancel}</button>
    </div>
  </form>`;
}
