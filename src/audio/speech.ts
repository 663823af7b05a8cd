import {downmix, resample} from './pcm.js';
import {encodeWav} from './wav.js';

/** The sample rate speech is sent at: enough for voice, a third of the size of 48 kHz. */
export const speechSampleRate = 16000;

/**
 * Decodes audio at `rate` Hz. An `OfflineAudioContext` at that rate makes the
 * browser resample while it decodes; where one cannot be made at that rate,
 * a realtime `AudioContext` decodes at its own rate instead.
 */
async function decode(data: ArrayBuffer, rate: number): Promise<AudioBuffer> {
  let context: BaseAudioContext;
  try {
    context = new OfflineAudioContext(1, 1, rate);
  } catch {
    context = new AudioContext();
  }
  try {
    return await context.decodeAudioData(data);
  } finally {
    if (context instanceof AudioContext) void context.close();
  }
}

/** How long decoding a recording may take before it counts as failed. */
export const decodeTimeLimit = 10000;

/**
 * A recording (whatever `MediaRecorder` produced: webm/opus, mp4/aac, …) as
 * a mono 16 kHz 16-bit WAV file. Rejects when the browser cannot decode it, or
 * has not within `timeLimit` ms: WebKitGTK never settles `decodeAudioData` for
 * some MP4 recordings that hold a header and no audio.
 */
export async function recordingToWav(recording: Blob, timeLimit = decodeTimeLimit): Promise<Blob> {
  const data = await recording.arrayBuffer();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('The recording could not be decoded in time.')),
      timeLimit
    );
  });
  let buffer: AudioBuffer;
  try {
    buffer = await Promise.race([decode(data, speechSampleRate), expired]);
  } finally {
    clearTimeout(timer);
  }
  const channels = Array.from({length: buffer.numberOfChannels}, (_, i) =>
    buffer.getChannelData(i)
  );
  const mono = resample(downmix(channels), buffer.sampleRate, speechSampleRate);
  return encodeWav(mono, speechSampleRate);
}
