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

/**
 * A recording (whatever `MediaRecorder` produced: webm/opus, mp4/aac, …) as
 * a mono 16 kHz 16-bit WAV file. Rejects when the browser cannot decode it.
 */
export async function recordingToWav(recording: Blob): Promise<Blob> {
  const buffer = await decode(await recording.arrayBuffer(), speechSampleRate);
  const channels = Array.from({length: buffer.numberOfChannels}, (_, i) =>
    buffer.getChannelData(i)
  );
  const mono = resample(downmix(channels), buffer.sampleRate, speechSampleRate);
  return encodeWav(mono, speechSampleRate);
}
