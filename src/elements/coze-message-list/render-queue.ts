/**
 * Markdown rendering that waits for a later frame: the rest of a burst of
 * streamed text, and answers from the history. Each job renders a bounded
 * part and says whether it is done; the queue runs the newest jobs first, a
 * few milliseconds' worth per animation frame, so no frame becomes a long
 * task however much text arrives at once.
 */
import {warmUpMarkdown} from '../../markdown/index.js';

/** Renders the next part of one answer; returns true when nothing is left to render. */
export type RenderJob = () => boolean;

/** Main-thread time (ms) the queue may spend in one animation frame. */
const frameBudget = 8;

/** Waiting jobs, oldest first; `true` marks one that has never run. */
const jobs = new Map<RenderJob, boolean>();
let scheduled = false;

function schedule(): void {
  if (scheduled || !jobs.size) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    run(frameBudget, 0, false);
    schedule();
  });
}

/** Runs jobs newest first: at least `count` of them, then while `budget` ms are not spent. */
function run(budget: number, count: number, freshOnly: boolean): void {
  const start = performance.now();
  let ran = 0;
  for (const [job, fresh] of [...jobs].reverse()) {
    if (freshOnly && !fresh) continue;
    if (ran >= count && performance.now() - start >= budget) break;
    ran++;
    jobs.delete(job);
    // Not done: it goes on in a later frame (as the newest, which a streaming answer is).
    if (!job()) jobs.set(job, false);
  }
}

/** Runs `job` in a later animation frame (again and again until it is done). */
export function queueRender(job: RenderJob, fresh = false): void {
  jobs.delete(job);
  jobs.set(job, fresh);
  schedule();
}

/** Forgets `job` (its element left the page). */
export function cancelRender(job: RenderJob): void {
  jobs.delete(job);
}

export const isQueued = (job: RenderJob): boolean => jobs.has(job);

/**
 * Renders now, before the frame is painted, the newest jobs that have never
 * run (the answers at the bottom of a history that just arrived): at least
 * `count`, then as many as fit in a frame's budget. The rest follow in later
 * frames.
 */
export function renderNewest(count: number): void {
  run(frameBudget, count, true);
  schedule();
}

let warmed = false;

/** Once per page, while the main thread is idle: the first answer then renders at full speed. */
export function warmUpWhenIdle(): void {
  if (warmed) return;
  warmed = true;
  const idle =
    globalThis.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
  idle(() => warmUpMarkdown());
}
