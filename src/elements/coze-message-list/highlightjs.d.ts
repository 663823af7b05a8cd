// The ES module build of highlight.js (the core and one file per grammar) ships without types.
declare module '@highlightjs/cdn-assets/es/core.min.js' {
  export interface HighlightResult {
    /** The code as markup: `<span class="hljs-…">` around escaped text. */
    value: string;
  }
  export interface HLJSApi {
    newInstance(): HLJSApi;
    configure(options: {
      classPrefix?: string;
      ignoreUnescapedHTML?: boolean;
      throwUnescapedHTML?: boolean;
    }): void;
    registerLanguage(name: string, grammar: LanguageFn): void;
    registerAliases(aliases: string | string[], options: {languageName: string}): void;
    getLanguage(name: string): object | undefined;
    highlight(code: string, options: {language: string; ignoreIllegals?: boolean}): HighlightResult;
  }
  export type LanguageFn = (hljs: HLJSApi) => object;
  const hljs: HLJSApi;
  export default hljs;
}

declare module '@highlightjs/cdn-assets/es/languages/*.min.js' {
  import type {LanguageFn} from '@highlightjs/cdn-assets/es/core.min.js';
  const grammar: LanguageFn;
  export default grammar;
}
