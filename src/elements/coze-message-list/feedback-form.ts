// What the answer list keeps of the feedback panel; the panel itself (feedback-panel.ts) loads
// when it is first opened.

/** What the reader has put in the panel shown after "unlike". */
export interface FeedbackForm {
  /** The answer's key. */
  readonly key: string;
  readonly reasons: readonly string[];
  readonly comment: string;
  /** Why the form was not sent. */
  readonly error?: string;
}

/** The official panel allows ten preset reasons. */
export const maxFeedbackTags = 10;

export const feedbackIds = (key: string) => ({
  title: `feedback-title-${key}`,
  comment: `feedback-comment-${key}`,
  error: `feedback-error-${key}`,
});
