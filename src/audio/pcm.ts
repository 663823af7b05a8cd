/** Pure sample-buffer helpers: mix channels down and change the sample rate. */

/** The average of the channels, sample by sample (one channel is returned as is). */
export function downmix(channels: readonly Float32Array[]): Float32Array {
  if (channels.length === 0) return new Float32Array(0);
  if (channels.length === 1) return channels[0];
  const length = Math.min(...channels.map((c) => c.length));
  const out = new Float32Array(length);
  for (const channel of channels) {
    for (let i = 0; i < length; i++) out[i] += channel[i];
  }
  for (let i = 0; i < length; i++) out[i] /= channels.length;
  return out;
}

/** Samples at `from` Hz resampled to `to` Hz by linear interpolation. */
export function resample(samples: Float32Array, from: number, to: number): Float32Array {
  if (from === to || samples.length === 0) return samples;
  const ratio = from / to;
  const length = Math.max(1, Math.round(samples.length / ratio));
  const out = new Float32Array(length);
  const last = samples.length - 1;
  for (let i = 0; i < length; i++) {
    const position = i * ratio;
    const index = Math.min(Math.floor(position), last);
    const next = Math.min(index + 1, last);
    const fraction = position - index;
    out[i] = samples[index] + (samples[next] - samples[index]) * fraction;
  }
  return out;
}
