// @ts-check
/** Server-sent-event framing as Coze writes it, and a writer that flushes one event per write. */
import {writeHead} from './http.js';

/** @typedef {import('node:http').ServerResponse} Response */

/**
 * @typedef {object} SseFraming
 * @property {boolean} space `true` writes `event: x` / `data: {...}` (`/v1/workflows/chat`);
 *   `false` writes `event:x` / `data:{...}` (`/v3/chat`).
 */

/** Framing of `/v3/chat` and `/v3/chat/submit_tool_outputs`: no space after the colon. */
export const CHAT_FRAMING = Object.freeze({space: false});
/** Framing of `/v1/workflows/chat`: one space after the colon. */
export const WORKFLOW_FRAMING = Object.freeze({space: true});

/** Content type of every event-stream response. */
export const EVENT_STREAM_TYPE = 'text/event-stream; charset=utf-8';

/**
 * One event: an `event:` line, one `data:` line of compact JSON, a blank line.
 * @param {string} name
 * @param {unknown} data serialised with `JSON.stringify` (so `'[DONE]'` becomes `"[DONE]"`)
 * @param {SseFraming} [framing]
 */
export function formatEvent(name, data, framing = CHAT_FRAMING) {
  const gap = framing.space ? ' ' : '';
  return `event:${gap}${name}\ndata:${gap}${JSON.stringify(data)}\n\n`;
}

/**
 * Opens an event stream on `res` and returns a writer. Writes become no-ops once the client
 * has gone away, so a producer can keep running (and saving) after a hang-up.
 * @param {Response} res
 * @param {{framing?: SseFraming, logid?: string}} [options]
 */
export function openEventStream(res, {framing = CHAT_FRAMING, logid} = {}) {
  res.socket?.setNoDelay(true);
  /** @type {Record<string, string>} */
  const headers = {'Content-Type': EVENT_STREAM_TYPE, 'Cache-Control': 'no-cache'};
  if (logid) headers['x-tt-logid'] = logid;
  writeHead(res, 200, headers);
  res.flushHeaders();
  let live = true;
  /** @type {Promise<void>} */
  const closed = new Promise((resolve) => {
    res.on('close', () => {
      live = false;
      resolve();
    });
  });
  return {
    /** Settles when the connection closes, whoever closed it. */
    closed,
    /** False once the stream was ended, cut, or the client hung up. */
    get live() {
      return live && !res.destroyed && !res.writableEnded;
    },
    /**
     * Writes one event (flushed immediately).
     * @param {string} name
     * @param {unknown} data
     */
    send(name, data) {
      if (!this.live) return false;
      res.write(formatEvent(name, data, framing));
      return true;
    },
    /** Ends the response normally. */
    end() {
      if (this.live) res.end();
      live = false;
    },
    /** Cuts the connection mid-stream: no terminating chunk, the client sees a network error. */
    cut() {
      live = false;
      res.socket?.destroy();
    },
  };
}

/** @typedef {ReturnType<typeof openEventStream>} EventStream */
