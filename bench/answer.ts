/**
 * The bench's streamed answer: a markdown text of a given size, the same every
 * time, and where its deltas end. Pure, so the page and the Node side share it.
 */
/** A repeatable pseudo-random sequence (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the answer stream token model request response context window latency ' +
  'render block paragraph list table code element browser selection update ' +
  'cache queue message session user assistant bot workflow plugin knowledge'
).split(' ');

/** A markdown answer of about `size` characters, the same every time. */
export function makeAnswer(size = 50 * 1024): string {
  const next = random(20240601);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const sentence = (): string => {
    const words = Array.from({length: 8 + Math.floor(next() * 12)}, () => pick(WORDS));
    const i = Math.floor(next() * words.length);
    const decorated = [
      `**${words[i]}**`,
      `*${words[i]}*`,
      `\`${words[i]}()\``,
      `[${words[i]}](https://example.com/${words[i]})`,
      `~~${words[i]}~~`,
      words[i],
    ];
    words[i] = pick(decorated);
    const text = words.join(' ');
    return text[0]!.toUpperCase() + text.slice(1) + '.';
  };
  const paragraph = () => Array.from({length: 2 + Math.floor(next() * 4)}, sentence).join(' ');
  const list = (ordered: boolean) =>
    Array.from({length: 3 + Math.floor(next() * 5)}, (_, i) => {
      const item = `${ordered ? `${i + 1}.` : '-'} ${sentence()}`;
      return next() < 0.3 ? `${item}\n   - ${sentence()}\n   - ${sentence()}` : item;
    }).join('\n');
  const code = () => {
    const lines = Array.from({length: 6 + Math.floor(next() * 14)}, (_, i) =>
      i % 5 === 4 ? '' : `  const ${pick(WORDS)}${i} = await ${pick(WORDS)}(${pick(WORDS)}, ${i});`
    );
    return '```ts\nasync function ' + pick(WORDS) + '() {\n' + lines.join('\n') + '\n}\n```';
  };
  const table = () => {
    const rows = Array.from(
      {length: 6 + Math.floor(next() * 6)},
      (_, i) => `| ${pick(WORDS)} | ${i * 17} | ${sentence()} |`
    );
    return '| Name | Count | Notes |\n|:-----|------:|-------|\n' + rows.join('\n');
  };

  const blocks: string[] = ['# ' + sentence()];
  let section = 0;
  while (blocks.join('\n\n').length < size) {
    section++;
    blocks.push(`## ${section}. ${sentence()}`, paragraph(), paragraph());
    const roll = next();
    if (roll < 0.35) blocks.push(list(next() < 0.5), paragraph());
    else if (roll < 0.7) blocks.push(code(), paragraph());
    else if (roll < 0.8) blocks.push(table(), paragraph());
    else blocks.push(`> ${sentence()}\n> ${sentence()}`, list(false));
  }
  return blocks.join('\n\n').slice(0, size) + '\n';
}

/** Prefix lengths for `deltas` roughly equal, slightly jittered deltas. */
export function makeCuts(length: number, deltas: number): number[] {
  const next = random(7);
  const cuts: number[] = [];
  for (let i = 1; i < deltas; i++) {
    const ideal = (i * length) / deltas;
    cuts.push(Math.round(ideal + (next() - 0.5) * (length / deltas) * 0.8));
  }
  cuts.push(length);
  return cuts;
}
