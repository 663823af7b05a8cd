/// <reference types="mocha" />
import {expect} from '@open-wc/testing';
import {
  admitFiles,
  formatDuration,
  maxAttachments,
  maxFileBytes,
} from '../../src/elements/coze-composer/files.js';
import {formatSize} from '../../src/elements/shared/format-size.js';

const file = (name: string, size: number) => ({name, size});

describe('composer file rules', () => {
  it('admits up to six files in all and says when some were left out', () => {
    const six = Array.from({length: 6}, (_, i) => file(`f${i}`, 10));
    expect(maxAttachments).to.equal(6);
    expect(admitFiles(six, 0)).to.deep.equal({accepted: six, tooLarge: [], tooMany: false});
    const two = [file('a', 1), file('b', 1)];
    const some = admitFiles(two, 5);
    expect(some.accepted.map((f) => f.name)).to.deep.equal(['a']);
    expect(some.tooMany).to.equal(true);
    expect(admitFiles([file('c', 1)], 6)).to.deep.equal({
      accepted: [],
      tooLarge: [],
      tooMany: true,
    });
  });

  it('refuses a file over 512 MB, Coze’s limit, and keeps the rest', () => {
    expect(maxFileBytes).to.equal(512 * 1024 * 1024);
    const big = file('disk.iso', maxFileBytes + 1);
    const edge = file('edge.bin', maxFileBytes);
    const result = admitFiles([big, edge], 0);
    expect(result.tooLarge).to.deep.equal([big]);
    expect(result.accepted).to.deep.equal([edge]);
    expect(result.tooMany).to.equal(false);
  });

  it('a refused large file does not take a place', () => {
    const result = admitFiles([file('huge', maxFileBytes * 2), file('ok', 3)], 5);
    expect(result.accepted.map((f) => f.name)).to.deep.equal(['ok']);
    expect(result.tooMany).to.equal(false);
  });

  it('formats sizes for people', () => {
    expect(formatSize(0)).to.equal('0 B');
    expect(formatSize(512)).to.equal('512 B');
    expect(formatSize(1024)).to.equal('1 KB');
    expect(formatSize(12595)).to.equal('12.3 KB');
    expect(formatSize(1536 * 1024)).to.equal('1.5 MB');
    expect(formatSize(maxFileBytes)).to.equal('512 MB');
    expect(formatSize(3 * 1024 ** 3)).to.equal('3 GB');
  });

  it('formats elapsed time as m:ss', () => {
    expect(formatDuration(0)).to.equal('0:00');
    expect(formatDuration(5.9)).to.equal('0:05');
    expect(formatDuration(65)).to.equal('1:05');
    expect(formatDuration(600)).to.equal('10:00');
  });
});
