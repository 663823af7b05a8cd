/// <reference types="mocha" />
import {expect} from '@open-wc/testing';
import {recordingToWav, speechSampleRate} from '../../src/audio/speech.js';
import {recordingType, recordingTypes} from '../../src/elements/coze-composer/voice-recorder.js';

// What each engine's MediaRecorder makes of its fake microphone (Chromium's beeps, Firefox's
// tone, WebKitGTK's mock device; see scripts/browsers.mjs), recorded in the container the
// engine offers, then converted to the WAV Coze transcribes. An AudioContext-generated
// stream would need an audio output device to run, which Firefox and WebKitGTK lack here.

async function record(seconds: number): Promise<Blob> {
  const stream = await navigator.mediaDevices.getUserMedia({audio: true});
  try {
    const type = recordingType();
    const recorder = new MediaRecorder(stream, type ? {mimeType: type} : {});
    const chunks: Blob[] = [];
    recorder.addEventListener('dataavailable', (event) => chunks.push(event.data));
    const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve));
    recorder.start();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    recorder.stop();
    await stopped;
    return new Blob(chunks, {type: recorder.mimeType || chunks[0]?.type || ''});
  } finally {
    for (const track of stream.getTracks()) track.stop();
  }
}

describe('voice recording in this engine', () => {
  it('records in a container MediaRecorder says it supports', () => {
    const type = recordingType();
    expect(type, 'one of the known containers').to.be.oneOf([...recordingTypes]);
    expect(MediaRecorder.isTypeSupported(type!)).to.equal(true);
  });

  it('a recording becomes 16 kHz mono WAV of its length, not silence', async function () {
    this.timeout(20000);
    const recording = await record(1.5);
    expect(recording.size, 'something was recorded').to.be.greaterThan(0);
    expect(recording.type.split(';')[0]).to.equal(recordingType()!.split(';')[0]);
    const wav = await recordingToWav(recording);
    const view = new DataView(await wav.arrayBuffer());
    expect(view.getUint32(24, true)).to.equal(speechSampleRate);
    expect(view.getUint16(22, true), 'mono').to.equal(1);
    const samples = view.getUint32(40, true) / 2;
    expect(samples / speechSampleRate, 'seconds').to.be.within(1, 3);
    let loudest = 0;
    for (let i = 0; i < samples; i++)
      loudest = Math.max(loudest, Math.abs(view.getInt16(44 + 2 * i, true)));
    expect(loudest, 'not silence').to.be.greaterThan(1000);
  });
});
