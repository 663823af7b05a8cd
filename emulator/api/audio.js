// @ts-check
/**
 * `POST /v1/audio/transcriptions` (multipart, part `file`). The emulator understands WAV only:
 * it reads the RIFF header and answers a fixed sentence that says how long the audio was.
 */
import {UPLOAD_ERRORS, singleFilePart} from './files.js';

/** @typedef {import('../exchange.js').Exchange} Exchange */

/** Largest audio Coze transcribes. */
export const TRANSCRIPTION_LIMIT_BYTES = 10 * 1024 * 1024;

/** What every recording "says". */
export const TRANSCRIPT = "What's the weather like in Paris?";

const UNSUPPORTED_AUDIO =
  'unsupported audio format; send wav, mp3, ogg, m4a… (the emulator understands wav only)';

/**
 * The duration in seconds of a RIFF/WAVE file, `'not-wav'` when the 12-byte header is not
 * RIFF…WAVE, or `'broken'` when it lacks a usable `fmt ` or `data` chunk.
 * @param {Buffer} bytes
 * @returns {number | 'not-wav' | 'broken'}
 */
export function wavDuration(bytes) {
  if (
    bytes.length < 12 ||
    bytes.toString('latin1', 0, 4) !== 'RIFF' ||
    bytes.toString('latin1', 8, 12) !== 'WAVE'
  ) {
    return 'not-wav';
  }
  let byteRate = 0;
  let dataBytes = -1;
  for (let at = 12; at + 8 <= bytes.length;) {
    const id = bytes.toString('latin1', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ' && size >= 16 && body + 16 <= bytes.length) {
      byteRate = bytes.readUInt32LE(body + 8);
    } else if (id === 'data') {
      // Recorders that stream often leave the size unset (0 or too big); count what is there.
      const available = bytes.length - body;
      dataBytes = size === 0 || size > available ? available : size;
    }
    at = body + size + (size % 2);
  }
  if (byteRate <= 0 || dataBytes < 0) return 'broken';
  return dataBytes / byteRate;
}

/** @param {Exchange} ex */
export function transcribe(ex) {
  const file = singleFilePart(ex, TRANSCRIPTION_LIMIT_BYTES);
  if (!file) return;
  const duration = wavDuration(file.data);
  if (duration === 'not-wav') return ex.fail(UPLOAD_ERRORS.format.code, UNSUPPORTED_AUDIO);
  if (duration === 'broken') {
    return ex.fail(UPLOAD_ERRORS.broken.code, 'the audio file is broken: no fmt or data chunk');
  }
  ex.ok({text: `${TRANSCRIPT} (${duration.toFixed(1)} s of audio)`});
}
