// Loaded when voice input first starts (see voice-recorder.ts): recording and the WAV
// conversion are not needed until someone speaks.
import {recordingToWav} from '../../audio/speech.js';

export {recordingToWav};

/**
 * Containers engines record audio in, best first: Firefox Ogg/Opus (its WebM recordings
 * decode to the wrong length), Chromium WebM/Opus, Safari and WebKitGTK MP4/AAC. All of them
 * decode with `decodeAudioData` in the engine that recorded them. None supported: the
 * engine's default.
 */
export const recordingTypes = [
  'audio/ogg;codecs=opus',
  'audio/webm;codecs=opus',
  'audio/mp4;codecs=mp4a.40.2',
  'audio/mp4',
  'audio/webm',
  'audio/ogg',
] as const;

/** The first of `recordingTypes` this engine's `MediaRecorder` can record, if any. */
export function recordingType(): string | undefined {
  if (typeof MediaRecorder.isTypeSupported !== 'function') return undefined;
  return recordingTypes.find((type) => MediaRecorder.isTypeSupported(type));
}

/** A microphone stream being recorded; `stop()` gives the recording, `release()` drops it. */
export class Microphone {
  readonly #stream: MediaStream;
  readonly #recorder: MediaRecorder;
  readonly #chunks: Blob[] = [];

  /** Starts recording `stream`; throws (the stream released) if the engine cannot. */
  constructor(stream: MediaStream) {
    this.#stream = stream;
    try {
      const mimeType = recordingType();
      this.#recorder = new MediaRecorder(stream, mimeType ? {mimeType} : {});
      this.#recorder.addEventListener('dataavailable', (event) => {
        if (event.data.size) this.#chunks.push(event.data);
      });
      this.#recorder.start();
    } catch (error) {
      this.release();
      throw error;
    }
  }

  /** Ends the recording and releases the microphone. */
  async stop(): Promise<Blob> {
    const recorder = this.#recorder;
    const stopped = new Promise((resolve) =>
      recorder.addEventListener('stop', resolve, {once: true})
    );
    recorder.stop();
    await stopped;
    // Safari reports the type only once data arrived; the chunks carry it too.
    const recording = new Blob(this.#chunks, {
      type: recorder.mimeType || this.#chunks[0]?.type || '',
    });
    this.release();
    return recording;
  }

  /** Stops recording, if it still is, and the microphone's tracks. */
  release(): void {
    if (this.#recorder?.state === 'recording' || this.#recorder?.state === 'paused')
      this.#recorder.stop();
    this.#chunks.length = 0;
    for (const track of this.#stream.getTracks()) track.stop();
  }
}
