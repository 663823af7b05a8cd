/// <reference types="mocha" />
import {expect} from '@open-wc/testing';
import {encodeWav, toInt16} from '../../src/audio/wav.js';
import {downmix, resample} from '../../src/audio/pcm.js';

const ascii = (view: DataView, offset: number, length: number) =>
  String.fromCharCode(...Array.from({length}, (_, i) => view.getUint8(offset + i)));

describe('encodeWav', () => {
  it('writes a RIFF/WAVE header for mono 16-bit PCM at the given rate', async () => {
    const samples = new Float32Array(1600);
    const blob = encodeWav(samples, 16000);
    expect(blob.type).to.equal('audio/wav');
    expect(blob.size).to.equal(44 + 3200);
    const view = new DataView(await blob.arrayBuffer());
    expect(ascii(view, 0, 4)).to.equal('RIFF');
    expect(view.getUint32(4, true)).to.equal(36 + 3200);
    expect(ascii(view, 8, 4)).to.equal('WAVE');
    expect(ascii(view, 12, 4)).to.equal('fmt ');
    expect(view.getUint32(16, true), 'fmt chunk size').to.equal(16);
    expect(view.getUint16(20, true), 'format: PCM').to.equal(1);
    expect(view.getUint16(22, true), 'channels').to.equal(1);
    expect(view.getUint32(24, true), 'sample rate').to.equal(16000);
    expect(view.getUint32(28, true), 'byte rate').to.equal(32000);
    expect(view.getUint16(32, true), 'block align').to.equal(2);
    expect(view.getUint16(34, true), 'bits per sample').to.equal(16);
    expect(ascii(view, 36, 4)).to.equal('data');
    expect(view.getUint32(40, true), 'data size').to.equal(3200);
  });

  it('uses the rate it is given in the rate fields', async () => {
    const view = new DataView(await encodeWav(new Float32Array(3), 8000).arrayBuffer());
    expect(view.getUint32(24, true)).to.equal(8000);
    expect(view.getUint32(28, true)).to.equal(16000);
    expect(view.getUint32(40, true)).to.equal(6);
  });

  it('stores samples little-endian, full scale at ±1 and clipped beyond', async () => {
    const samples = new Float32Array([0, 0.5, -0.5, 1, -1, 1.7, -3, Number.NaN]);
    const view = new DataView(await encodeWav(samples, 16000).arrayBuffer());
    const stored = Array.from(samples, (_, i) => view.getInt16(44 + i * 2, true));
    expect(stored).to.deep.equal([0, 16384, -16384, 32767, -32768, 32767, -32768, 0]);
  });

  it('encodes silence as an empty data chunk', async () => {
    const blob = encodeWav(new Float32Array(0), 16000);
    expect(blob.size).to.equal(44);
    expect(new DataView(await blob.arrayBuffer()).getUint32(40, true)).to.equal(0);
  });

  it('toInt16 rounds to the nearest step', () => {
    expect(toInt16(0.25)).to.equal(8192);
    expect(toInt16(-0.25)).to.equal(-8192);
    expect(toInt16(1e-6)).to.equal(0);
  });
});

describe('downmix', () => {
  it('averages channels sample by sample, to the shortest', () => {
    const mono = downmix([new Float32Array([1, 0.5, 0]), new Float32Array([0, -0.5])]);
    expect(Array.from(mono)).to.deep.equal([0.5, 0]);
  });

  it('returns a single channel as is, and nothing for none', () => {
    const only = new Float32Array([0.1, 0.2]);
    expect(downmix([only])).to.equal(only);
    expect(downmix([]).length).to.equal(0);
  });
});

describe('resample', () => {
  it('keeps samples at the same rate', () => {
    const samples = new Float32Array([0, 1]);
    expect(resample(samples, 16000, 16000)).to.equal(samples);
  });

  it('downsamples 48 kHz to 16 kHz: a third of the samples, the duration kept', () => {
    const samples = Float32Array.from({length: 4800}, (_, i) => i / 4800);
    const out = resample(samples, 48000, 16000);
    expect(out.length).to.equal(1600);
    expect(out[0]).to.equal(0);
    expect(out[100]).to.be.closeTo(samples[300]!, 1e-6);
  });

  it('interpolates linearly between neighbours when upsampling', () => {
    const out = resample(new Float32Array([0, 1, 0]), 8000, 16000);
    expect(out.length).to.equal(6);
    expect(Array.from(out.slice(0, 4))).to.deep.equal([0, 0.5, 1, 0.5]);
  });
});
