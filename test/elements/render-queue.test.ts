/// <reference types="mocha" />
import {expect, waitUntil} from '@open-wc/testing';
import {
  cancelRender,
  queueRender,
  renderNewest,
} from '../../src/elements/coze-message-list/render-queue.js';

describe('render queue (markdown that waits for a later frame)', () => {
  it('renders the newest waiting answers first, at once, and the older ones in later frames', async () => {
    const ran: number[] = [];
    const jobs = Array.from({length: 400}, (_, i) => () => {
      ran.push(i);
      // Each job costs a little main-thread time, as a render does.
      const until = performance.now() + 0.2;
      while (performance.now() < until);
      return true;
    });
    for (const job of jobs) queueRender(job, true);
    renderNewest(12);
    expect(ran.slice(0, 12)).to.deep.equal(
      Array.from({length: 12}, (_, i) => 399 - i),
      'newest first'
    );
    expect(ran.length, 'not all in one task').to.be.below(400);
    await waitUntil(() => ran.length === 400, 'the rest follow', {timeout: 5000});
    expect([...ran].sort((a, b) => a - b)).to.deep.equal(
      jobs.map((_, i) => i),
      'each once'
    );
  });

  it('runs an unfinished job again in the next frames until it is done, and not after it is cancelled', async () => {
    let parts = 0;
    const job = () => ++parts >= 3;
    queueRender(job);
    expect(parts, 'not at once').to.equal(0);
    await waitUntil(() => parts === 3, 'three parts');
    let other = 0;
    const cancelled = () => (++other, false);
    queueRender(cancelled);
    cancelRender(cancelled);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(other).to.equal(0);
    expect(parts).to.equal(3);
  });
});
