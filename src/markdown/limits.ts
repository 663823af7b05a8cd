/**
 * What markdown is too costly to hand to the lexer, decided by one linear
 * pass before it. marked recurses once per level of nesting (a few thousand
 * `>` or `- ` overflow the stack) and its emphasis matching grows with the
 * square of the delimiter runs in one paragraph (40 KB of `__a_ ` takes
 * seconds). Text past these limits is shown as plain text instead; the
 * limits sit far above what a real answer uses.
 */

/** Container markers (`>`, `-`, `1.`) and indentation (4 columns a level) allowed before a line's text. */
export const MAX_NESTING = 16;
/**
 * Runs of `*`, `_` or `~` allowed in one paragraph (or table row): the
 * worst arrangement of this many costs a few milliseconds to lex.
 */
export const MAX_DELIMITER_RUNS = 512;
/** Characters allowed in one block outside fenced code (between blank lines). */
export const MAX_BLOCK = 64 * 1024;
/** Characters allowed in one fenced code block. */
export const MAX_CODE_BLOCK = 256 * 1024;
/**
 * Characters of open tail re-rendered as markdown on each streamed update;
 * an answer whose tail grows past it is shown as plain text from then on.
 */
export const MAX_TAIL = 64 * 1024;

/**
 * A streamed render slower than this turns the rest of the answer to plain
 * text (a backstop for costs the checks here do not foresee); answers
 * shorter than `SLOW_RENDER_MIN_LENGTH` are never judged slow.
 */
export const SLOW_RENDER_MS = 200;
export const SLOW_RENDER_MIN_LENGTH = 4096;

/** Why a text is shown as plain text rather than markdown. */
export type MarkdownHazard = 'nesting' | 'emphasis' | 'length' | 'error' | 'slow';

const TAB_COLUMNS = 4;

/**
 * Checks a growing text against the limits, scanning each complete line
 * once; the line still arriving is scanned again on each call (it is cut
 * short by {@link MAX_BLOCK}). A text that does not extend the last one is
 * scanned from the start. Once a limit is passed, the answer stays plain.
 */
export class MarkdownLimits {
  #text = '';
  /** Where the first incomplete line starts. */
  #lineStart = 0;
  /** The open code fence (its marker run, such as "```"), if any. */
  #fence: string | undefined;
  /** Characters in the current block, up to `#lineStart`. */
  #block = 0;
  /** Delimiter runs in the current paragraph, up to `#lineStart`. */
  #runs = 0;
  /** Inside a table (after its delimiter row): each row is its own paragraph. */
  #table = false;
  #hazard: MarkdownHazard | undefined;

  /** The limit `text` passes, or `undefined` when it may be rendered as markdown. */
  check(text: string): MarkdownHazard | undefined {
    if (!text.startsWith(this.#text)) this.reset();
    this.#text = text;
    if (this.#hazard) return this.#hazard;
    let end: number;
    while ((end = text.indexOf('\n', this.#lineStart)) !== -1) {
      this.#hazard = this.#line(text, this.#lineStart, end, true);
      this.#lineStart = end + 1;
      if (this.#hazard) return this.#hazard;
    }
    if (this.#lineStart < text.length) {
      this.#hazard = this.#line(text, this.#lineStart, text.length, false);
    }
    return this.#hazard;
  }

  /** The limit the texts checked so far (or recorded with `fail`) passed, if any. */
  get hazard(): MarkdownHazard | undefined {
    return this.#hazard;
  }

  /** Records a limit found elsewhere (a render that threw or took too long). */
  fail(hazard: MarkdownHazard): void {
    this.#hazard ??= hazard;
  }

  /** Forgets everything: the next text is scanned from its start. */
  reset(): void {
    this.#text = '';
    this.#lineStart = 0;
    this.#fence = undefined;
    this.#block = 0;
    this.#runs = 0;
    this.#table = false;
    this.#hazard = undefined;
  }

  /** Scans `text[start, end)`; `complete`: the line has ended, so what it opens or closes counts. */
  #line(text: string, start: number, end: number, complete: boolean): MarkdownHazard | undefined {
    const length = end - start + 1;
    const prefix = scanPrefix(text, start, end);
    if (this.#fence !== undefined) {
      if (closesFence(text, prefix.end, end, this.#fence)) {
        if (complete) this.#fence = undefined;
        return undefined;
      }
      if (this.#block + length > MAX_CODE_BLOCK) return 'length';
      if (complete) this.#block += length;
      return undefined;
    }
    if (prefix.blank) {
      if (complete) {
        this.#block = 0;
        this.#runs = 0;
        this.#table = false;
      }
      return undefined;
    }
    if (prefix.depth > MAX_NESTING) return 'nesting';
    if (this.#block + length > MAX_BLOCK) return 'length';
    const fence = opensFence(text, prefix.end, end);
    // A new inline context starts at a list item, a quote, a heading or a table row.
    const fresh = prefix.markers > 0 || text[prefix.end] === '#' || this.#table;
    const runs = (fresh ? 0 : this.#runs) + (fence ? 0 : delimiterRuns(text, prefix.end, end));
    if (runs > MAX_DELIMITER_RUNS) return 'emphasis';
    if (complete) {
      this.#block += length;
      this.#runs = fence || text[prefix.end] === '#' ? 0 : runs;
      if (fence) this.#fence = fence;
      if (!this.#table) {
        const line = text.slice(start, end);
        this.#table = isTableDelimiterRow(line);
        if (this.#table) this.#runs = 0;
      }
    }
    return undefined;
  }
}

interface Prefix {
  /** Offset of the first character after the container markers and indentation. */
  end: number;
  /** Container markers (`>`, list bullets, ordered-list numbers). */
  markers: number;
  /** Markers plus indentation levels. */
  depth: number;
  /** The line is empty or whitespace. */
  blank: boolean;
}

/**
 * Reads the container markers and indentation that start a line. Stops as
 * soon as the depth passes the limit, so a line of a million `>` costs no
 * more than one of twenty.
 */
function scanPrefix(text: string, start: number, end: number): Prefix {
  let i = start;
  let markers = 0;
  let columns = 0;
  /** Columns of space after a marker that belong to it rather than indent. */
  let free = 0;
  while (i < end && markers + Math.floor(columns / TAB_COLUMNS) <= MAX_NESTING) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) {
      const width = c === 0x20 ? 1 : TAB_COLUMNS;
      const absorbed = Math.min(free, width);
      free -= absorbed;
      columns += width - absorbed;
      i++;
      continue;
    }
    free = TAB_COLUMNS;
    if (c === 0x3e /* > */) {
      markers++;
      i++;
    } else if (
      (c === 0x2d || c === 0x2a || c === 0x2b) /* - * + */ &&
      isSpaceOrEnd(text, i + 1, end)
    ) {
      if (markers === 0 && isThematicBreak(text, i, end)) break;
      markers++;
      i++;
    } else if (c >= 0x30 && c <= 0x39) {
      let j = i;
      while (j < end && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
      const after = text.charCodeAt(j);
      if ((after === 0x2e || after === 0x29) /* . ) */ && isSpaceOrEnd(text, j + 1, end)) {
        markers++;
        i = j + 1;
      } else {
        break;
      }
    } else {
      break;
    }
  }
  const depth = markers + Math.floor(columns / TAB_COLUMNS);
  return {end: i, markers, depth, blank: markers === 0 && isBlank(text, i, end)};
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '\t' && c !== '\r') return false;
  }
  return true;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isSpaceOrEnd(text: string, i: number, end: number): boolean {
  if (i >= end) return true;
  const c = text.charCodeAt(i);
  return c === 0x20 || c === 0x09;
}

/** `- - -`, `***`: a line of one of `-*_` (three or more) and spaces only. */
function isThematicBreak(text: string, start: number, end: number): boolean {
  const mark = text[start];
  let count = 0;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === mark) count++;
    else if (c !== ' ' && c !== '\t') return false;
  }
  return count >= 3;
}

/** The fence marker a line opens (three or more backticks or tildes), if it does. */
function opensFence(text: string, start: number, end: number): string | undefined {
  const mark = text[start];
  if (mark !== '`' && mark !== '~') return undefined;
  let i = start;
  while (i < end && text[i] === mark) i++;
  if (i - start < 3) return undefined;
  if (mark === '`' && text.slice(i, end).includes('`')) return undefined;
  return text.slice(start, i);
}

/** Whether the line closes `fence`: the same mark, at least as many, then only spaces. */
function closesFence(text: string, start: number, end: number, fence: string): boolean {
  let i = start;
  while (i < end && text[i] === fence[0]) i++;
  if (i - start < fence.length) return false;
  for (; i < end; i++) {
    if (text[i] !== ' ' && text[i] !== '\t' && text[i] !== '\r') return false;
  }
  return true;
}

/** Maximal runs of `*`, `_` and `~` in `text[start, end)`. */
function delimiterRuns(text: string, start: number, end: number): number {
  let runs = 0;
  let inRun = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const delimiter = c === 0x2a || c === 0x5f || c === 0x7e;
    if (delimiter && !inRun) runs++;
    inRun = delimiter;
  }
  return runs;
}

/** A table's delimiter row, such as `| --- | :-: |`: pipes, dashes, colons and spaces only. */
function isTableDelimiterRow(line: string): boolean {
  let pipe = false;
  let dash = false;
  for (const c of line) {
    if (c === '|') pipe = true;
    else if (c === '-') dash = true;
    else if (c !== ':' && c !== ' ' && c !== '\t' && c !== '\r') return false;
  }
  return pipe && dash;
}
