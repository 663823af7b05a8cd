import DOMPurify from 'dompurify';
import type {Config, DOMPurify as Purifier} from 'dompurify';
import type {
  TrustedHTML,
  TrustedScriptURL,
  TrustedTypePolicy,
  TrustedTypesWindow,
} from 'trusted-types/lib/index.js';

/** What DOMPurify needs from a Trusted Types policy. */
export interface MarkdownTrustedTypesPolicy {
  createHTML(input: string): TrustedHTML;
  createScriptURL(input: string): TrustedScriptURL;
}

const words = (list: string): string[] => list.trim().split(/\s+/);

/**
 * The HTML a model answer may render as: what markdown produces, plus a few
 * inline tags models like to write by hand. No scripting, no embedding, no
 * forms, no SVG/MathML, no styling.
 */
const ALLOWED_TAGS = words(`
  a b blockquote br code del details em h1 h2 h3 h4 h5 h6 hr i img kbd li mark
  ol p pre s span strong sub summary sup table tbody td tfoot th thead tr ul
`);

/** `class` is further limited to `language-*` on `<code>` and `math-*` on `<span>` by a hook. */
const ALLOWED_ATTR = words(`
  align alt class colspan height href open rowspan src start title width
`);

/**
 * Already excluded by the allow-list; named again so that a later widening of
 * `ALLOWED_TAGS` cannot let them in by accident (FORBID_TAGS wins).
 */
const FORBID_TAGS = words(`
  base button embed form frame frameset iframe input link math meta noscript
  object script select style svg template textarea
`);

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);
const CODE_CLASS = /^language-[\w#+.-]+$/;
/** A formula's source, typeset later (see `math.ts`). */
const MATH_CLASS = /^math-(?:inline|display)$/;

const BASE_CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  FORBID_TAGS,
  FORBID_ATTR: ['style'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // First line of defence; the hook below re-checks with the URL parser.
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  // Every other attribute's value must match ALLOWED_URI_REGEXP unless it is
  // "URI-safe": without these, table alignment, an ordered list's start
  // number, spans and sizes were all dropped.
  ADD_URI_SAFE_ATTR: ['align', 'colspan', 'rowspan', 'start', 'width', 'height', 'open'],
} satisfies Config;

/**
 * Whether `value` is an absolute URL whose scheme is in `allowed`. Relative
 * URLs are refused: an answer has no meaningful base to resolve them against.
 */
function hasProtocol(value: string, allowed: ReadonlySet<string>): boolean {
  if (!URL.canParse(value)) return false;
  return allowed.has(new URL(value).protocol);
}

let trustedTypesPolicy: MarkdownTrustedTypesPolicy | undefined;

/** Whether this browser has Trusted Types (enforced or not). */
const hasTrustedTypes = () =>
  Boolean((window as unknown as Partial<TrustedTypesWindow>).trustedTypes);

/**
 * The hooks every instance gets: no event handlers, `class` only for a code
 * block's language, links and images limited to their schemes, and links
 * opened in a new, unrelated tab.
 */
function addHooks(instance: Purifier): void {
  instance.addHook('uponSanitizeAttribute', (node, data) => {
    const name = data.attrName;
    if (name.startsWith('on')) {
      data.keepAttr = false;
    } else if (name === 'class') {
      data.keepAttr =
        (node.localName === 'code' && CODE_CLASS.test(data.attrValue)) ||
        (node.localName === 'span' && MATH_CLASS.test(data.attrValue));
    }
  });
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.localName === 'a') {
      const href = node.getAttribute('href');
      if (href !== null && !hasProtocol(href.trim(), LINK_PROTOCOLS)) {
        node.removeAttribute('href');
      }
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else if (node.localName === 'img') {
      const src = node.getAttribute('src');
      if (src !== null && !hasProtocol(src.trim(), IMAGE_PROTOCOLS)) {
        node.removeAttribute('src');
      }
    }
  });
}

/**
 * One dedicated DOMPurify instance, so neither our configuration nor our hooks
 * touch the page's global DOMPurify (and only one `dompurify` Trusted Types
 * policy is ever created). Its fragment configuration is set once
 * (`setConfig`) rather than parsed on every call: streaming sanitises on
 * every update.
 */
let purifier: Purifier | undefined;

function config(): Config {
  return {
    ...BASE_CONFIG,
    // DOMPurify only ever calls createHTML and createScriptURL.
    ...(trustedTypesPolicy && {TRUSTED_TYPES_POLICY: trustedTypesPolicy as TrustedTypePolicy}),
  };
}

function getPurifier(): Purifier {
  if (!purifier) {
    purifier = DOMPurify(window);
    addHooks(purifier);
    purifier.setConfig({...config(), RETURN_DOM_FRAGMENT: true});
  }
  return purifier;
}

/**
 * The Trusted Types hook. DOMPurify parses the markup it is given in an inert
 * document; under `require-trusted-types-for 'script'` that parse needs a
 * policy. By default DOMPurify creates one named `dompurify`; a page whose CSP
 * allows only its own policy names passes one of its policies here instead,
 * before the first render. Its output only ever reaches DOMPurify's parser,
 * never the page. A later call replaces the policy; there is no way back to
 * DOMPurify's own.
 */
export function setMarkdownTrustedTypesPolicy(policy: MarkdownTrustedTypesPolicy): void {
  trustedTypesPolicy = policy;
  purifier?.setConfig({...config(), RETURN_DOM_FRAGMENT: true});
}

/**
 * Sanitises model-produced HTML into a DocumentFragment owned by an inert
 * document; appending it adopts the nodes. No HTML string sink is involved,
 * so this works unchanged on pages that enforce Trusted Types.
 */
export function sanitizeToFragment(html: string): DocumentFragment {
  return getPurifier().sanitize(html) as unknown as DocumentFragment;
}

/**
 * Sanitises model-produced HTML for callers that must hand markup to an HTML
 * sink: a `TrustedHTML` when the browser has Trusted Types, a string
 * otherwise. Prefer {@link sanitizeToFragment}.
 */
export function sanitizeToHTML(html: string): TrustedHTML | string {
  const instance = getPurifier();
  // A per-call configuration only applies while no persistent one is set.
  instance.clearConfig();
  try {
    return hasTrustedTypes()
      ? instance.sanitize(html, {...config(), RETURN_TRUSTED_TYPE: true})
      : instance.sanitize(html, config());
  } finally {
    instance.setConfig({...config(), RETURN_DOM_FRAGMENT: true});
  }
}
