export {renderMarkdown, warmUpMarkdown} from './render.js';
export {StreamingMarkdown} from './streaming.js';
export {sanitizeToFragment, sanitizeToHTML, setMarkdownTrustedTypesPolicy} from './sanitize.js';
export type {MarkdownTrustedTypesPolicy} from './sanitize.js';
