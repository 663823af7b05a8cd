/** The hostile markdown shapes of the emulator's `hostile <shape>` answers (emulator/hostile.js). */
const repeat = (piece: string, length: number) =>
  piece.repeat(Math.ceil(length / piece.length)).slice(0, length);

export const HOSTILE_SHAPES: Record<string, () => string> = {
  quotes: () => `${'>'.repeat(2000)} deep quote`,
  bullets: () => `${'- '.repeat(2000)}deep bullet`,
  numbers: () => `${'1. '.repeat(2000)}deep number`,
  mixed: () => `${'> - '.repeat(1000)}deep mix`,
  emphasis: () => `Emphasis: ${repeat('__a_ ', 40 * 1024)}end`,
  line: () => `One line: ${'word '.repeat(210_000)}end`,
};

/** Answers of the kinds models give: every one must stay markdown. */
export const ORDINARY_ANSWERS: Record<string, string> = {
  nested: `1. First\n   - a nested bullet\n     - deeper, with \`code\`\n       1. deepest\n2. Second\n\n> A quote\n> > quoting a quote\n`,
  emphasis: Array.from({length: 60}, (_, i) => `**Point ${i}**: _why_ it ~~was~~ is.`).join(' '),
  code: `\`\`\`python\nclass A:\n    def __init__(self, *args, **kwargs):\n        super().__init__(*args, **kwargs)\n        self._x = {'a': [1, 2]}\n\`\`\`\n`,
  table: `| Feature | Supported |\n| :--- | :---: |\n${'| **Streaming** | _yes_ |\n'.repeat(300)}`,
};
