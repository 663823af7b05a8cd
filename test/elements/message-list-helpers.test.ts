/// <reference types="mocha" />
import {expect} from '@open-wc/testing';
import type {ChatMessage} from '../../src/state/types.js';
import {onlyImageUrl, plainText} from '../../src/elements/coze-message-list/message-text.js';
import {formatSize} from '../../src/elements/shared/format-size.js';
import {
  chunkRows,
  chunkSize,
  RowNumbers,
  transcriptRows,
} from '../../src/elements/coze-message-list/transcript-rows.js';

const message = (key: string, role: 'user' | 'assistant', sectionId?: string): ChatMessage => ({
  key,
  role,
  type: role === 'user' ? 'question' : 'answer',
  content: key,
  contentType: 'text',
  status: 'complete',
  ...(sectionId ? {sectionId} : {}),
});

const shape = (rows: ReturnType<typeof transcriptRows>) =>
  rows.map((r) => ('divider' in r ? `|${r.divider}` : `${r.message.key}${r.continued ? '+' : ''}`));

describe('transcriptRows', () => {
  it('puts a divider where the section changes, none inside a section', () => {
    const rows = transcriptRows(
      [
        message('q1', 'user', 's1'),
        message('a1', 'assistant', 's1'),
        message('q2', 'user', 's2'),
        message('a2', 'assistant', 's2'),
      ],
      's2'
    );
    expect(shape(rows)).to.deep.equal(['q1', 'a1', '|q2', 'q2', 'a2']);
  });

  it('puts a divider at the end after "clear context"', () => {
    expect(
      shape(transcriptRows([message('q1', 'user', 's1'), message('a1', 'assistant', 's1')], 's2'))
    ).to.deep.equal(['q1', 'a1', '|end']);
    expect(shape(transcriptRows([], 's2'))).to.deep.equal([]);
  });

  it('keeps a question sent here (no section yet) with its answer', () => {
    const rows = transcriptRows(
      [
        message('q1', 'user', 's1'),
        message('a1', 'assistant', 's1'),
        message('q2', 'user'),
        message('a2', 'assistant', 's2'),
      ],
      's2'
    );
    expect(shape(rows)).to.deep.equal(['q1', 'a1', '|q2', 'q2', 'a2']);
    // Before its answer arrives, the question belongs to the current section.
    expect(
      shape(
        transcriptRows(
          [message('q1', 'user', 's1'), message('a1', 'assistant', 's1'), message('q2', 'user')],
          's2'
        )
      )
    ).to.deep.equal(['q1', 'a1', '|q2', 'q2']);
  });

  it('marks an answer right after another as the same reply', () => {
    const rows = transcriptRows(
      [message('q', 'user'), message('call', 'assistant'), message('a', 'assistant')],
      undefined
    );
    expect(shape(rows)).to.deep.equal(['q', 'call', 'a+']);
  });
});

describe('RowNumbers and chunkRows', () => {
  const named = (keys: string[]) => keys.map((k, i) => message(k, i % 2 ? 'assistant' : 'user'));
  const range = (from: number, to: number) =>
    Array.from({length: to - from}, (_, i) => `m${from + i}`);

  it('keeps each number as messages come in below and older ones above', () => {
    const numbers = new RowNumbers();
    expect(numbers.number(named(range(0, 3)))).to.deep.equal([0, 1, 2]);
    expect(numbers.number(named(range(0, 5)))).to.deep.equal([0, 1, 2, 3, 4]);
    // An older page above: the shown messages keep theirs, the older count down.
    expect(numbers.number(named(range(-3, 5)))).to.deep.equal([-3, -2, -1, 0, 1, 2, 3, 4]);
    // A message taken away (a failed question retried) leaves a gap, not a shift.
    expect(numbers.number(named([...range(-3, 2), 'm3', 'm4']))).to.deep.equal([
      -3, -2, -1, 0, 1, 3, 4,
    ]);
    // Another conversation starts again from zero.
    expect(numbers.number(named(['x', 'y']))).to.deep.equal([0, 1]);
  });

  it('puts a row in the same chunk however much history is loaded above it', () => {
    const numbers = new RowNumbers();
    const chunkOf = (keys: string[]) => {
      const messages = named(keys);
      const chunks = chunkRows(transcriptRows(messages, undefined), numbers.number(messages));
      const at = new Map<string, number>();
      for (const c of chunks) {
        expect(c.rows.length).to.be.at.most(chunkSize);
        for (const r of c.rows) if ('message' in r) at.set(r.message.key, c.id);
      }
      return at;
    };
    const first = chunkOf(range(0, 25));
    const withOlder = chunkOf(range(-17, 25));
    const withMore = chunkOf(range(-37, 31));
    for (const [key, id] of first) {
      expect(withOlder.get(key), key).to.equal(id);
      expect(withMore.get(key), key).to.equal(id);
    }
    expect(new Set(first.values()).size).to.equal(3);
  });

  it('puts a divider with the message after it, and the closing one with the last', () => {
    const messages = [
      ...range(0, chunkSize).map((k) => message(k, 'user', 's1')),
      message('n', 'assistant', 's2'),
    ];
    const chunks = chunkRows(transcriptRows(messages, 's3'), new RowNumbers().number(messages));
    expect(chunks.map((c) => shape(c.rows))).to.deep.equal([
      range(0, chunkSize).map((k, i) => (i ? `${k}+` : k)),
      ['|n', 'n', '|end'],
    ]);
    expect(chunks.map((c) => c.end)).to.deep.equal([chunkSize - 1, chunkSize + 2]);
  });
});

describe('message text helpers', () => {
  it('strips markdown lightly for a quote', () => {
    expect(
      plainText(
        '## Title\n\nYou said: **hello** and _this_ with `code` and [a link](https://x.test).\n\n> quoted\n- item'
      )
    ).to.equal('Title\n\nYou said: hello and this with code and a link.\n\nquoted\n- item');
    expect(plainText('```ts\nconst a = 1;\n```')).to.equal('const a = 1;');
    expect(plainText('snake_case_name stays')).to.equal('snake_case_name stays');
  });

  it('finds an answer that is only an image', () => {
    expect(onlyImageUrl('![A sun](https://example.com/sun.png)')).to.equal(
      'https://example.com/sun.png'
    );
    expect(onlyImageUrl(' ![](https://example.com/a.png "title") \n')).to.equal(
      'https://example.com/a.png'
    );
    expect(onlyImageUrl('Look: ![A sun](https://example.com/sun.png)')).to.equal(undefined);
  });

  it('says sizes as people read them', () => {
    expect(formatSize(820, 'en')).to.equal('820 B');
    expect(formatSize(2048, 'en')).to.equal('2 KB');
    expect(formatSize(1536, 'en')).to.equal('1.5 KB');
    expect(formatSize(12 * 1024 * 1024, 'en')).to.equal('12 MB');
    expect(formatSize(3.4 * 1024 * 1024, 'en')).to.equal('3.4 MB');
    // The composer's chip and the sent message's chip read the same.
    expect(formatSize(12595, 'en')).to.equal('12.3 KB');
    expect(formatSize(12595, 'zh-CN')).to.equal('12.3 KB');
  });
});
