import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {ChatActions, ChatError} from '../../state/types.js';
import {toChatError} from '../../state/store.js';
import type {Microphone} from './microphone.js';

let microphoneModule: Promise<typeof import('./microphone.js')> | undefined;
/** The recorder and the WAV conversion, loaded when voice input first starts (again if it failed). */
const loadMicrophone = () =>
  (microphoneModule ??= import('./microphone.js').catch((error: unknown) => {
    microphoneModule = undefined;
    throw error;
  }));

export type VoiceState = 'idle' | 'starting' | 'recording' | 'transcribing';

/** Why voice input failed: no permission, no microphone, or the speech could not become text. */
export type VoiceProblem =
  | {readonly kind: 'denied'}
  | {readonly kind: 'no-mic'}
  | {readonly kind: 'transcribe'; readonly error: ChatError};

export interface VoiceRecorderOptions {
  readonly transcribe: ChatActions['transcribe'];
  /** The recognised text, once it arrives. */
  readonly onText: (text: string) => void;
  /** Something went wrong; the draft is untouched. */
  readonly onProblem: (problem: VoiceProblem) => void;
}

/**
 * Voice input: records the microphone with `MediaRecorder` (microphone.ts, loaded on the first
 * start), and on stop turns the recording into a 16 kHz mono WAV and has Coze transcribe it.
 * The microphone is released as soon as recording ends, is canceled, or the host goes away.
 */
export class VoiceRecorderController implements ReactiveController {
  /** Whether this browser can record at all. */
  static get supported(): boolean {
    return (
      typeof MediaRecorder !== 'undefined' &&
      typeof navigator !== 'undefined' &&
      typeof navigator.mediaDevices?.getUserMedia === 'function' &&
      (typeof OfflineAudioContext !== 'undefined' || typeof AudioContext !== 'undefined')
    );
  }

  state: VoiceState = 'idle';
  /** Whole seconds recorded so far. */
  elapsed = 0;

  readonly #host: ReactiveControllerHost;
  readonly #options: VoiceRecorderOptions;
  /** Bumped by every start and cancel, so a late `getUserMedia` or transcription is ignored. */
  #generation = 0;
  #microphone?: Microphone;
  #startedAt = 0;
  #timer?: ReturnType<typeof setInterval>;
  #transcription?: AbortController;

  constructor(host: ReactiveControllerHost, options: VoiceRecorderOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Asks for the microphone and starts recording. */
  async start(): Promise<void> {
    if (this.state !== 'idle') return;
    const generation = ++this.#generation;
    this.#set('starting');
    let stream: MediaStream | undefined;
    try {
      const {Microphone} = await loadMicrophone();
      if (generation !== this.#generation) return;
      try {
        stream = await navigator.mediaDevices.getUserMedia({audio: true});
      } catch (error) {
        if (generation !== this.#generation) return;
        this.#set('idle');
        this.#options.onProblem(microphoneProblem(error));
        return;
      }
      if (generation !== this.#generation) {
        release(stream);
        return;
      }
      this.#microphone = new Microphone(stream);
    } catch (error) {
      // The recorder's module did not load, or this engine cannot record the stream.
      if (stream) release(stream);
      if (generation !== this.#generation) return;
      this.#set('idle');
      this.#options.onProblem({kind: 'transcribe', error: reasonOf(error)});
      return;
    }
    this.#startedAt = Date.now();
    this.elapsed = 0;
    this.#timer = setInterval(() => this.#tick(), 250);
    this.#set('recording');
  }

  /** Ends the recording and transcribes it. */
  async stop(): Promise<void> {
    const microphone = this.#microphone;
    if (this.state !== 'recording' || !microphone) return;
    const generation = this.#generation;
    this.#set('transcribing');
    const recording = await microphone.stop();
    this.#stopRecording();
    if (generation !== this.#generation) return;
    if (!recording.size) {
      this.#set('idle');
      return;
    }
    const controller = new AbortController();
    this.#transcription = controller;
    try {
      const {recordingToWav} = await loadMicrophone();
      const wav = await recordingToWav(recording);
      if (controller.signal.aborted) return;
      const text = await this.#options.transcribe(wav, controller.signal);
      if (controller.signal.aborted) return;
      this.#set('idle');
      this.#options.onText(text);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.#set('idle');
      this.#options.onProblem({kind: 'transcribe', error: reasonOf(error)});
    } finally {
      if (this.#transcription === controller) this.#transcription = undefined;
    }
  }

  /** Discards the recording (or the transcription under way) and releases the microphone. */
  cancel(): void {
    this.#generation++;
    this.#transcription?.abort();
    this.#transcription = undefined;
    this.#stopRecording();
    if (this.state !== 'idle') this.#set('idle');
  }

  hostDisconnected(): void {
    this.cancel();
  }

  #tick(): void {
    const elapsed = Math.floor((Date.now() - this.#startedAt) / 1000);
    if (elapsed !== this.elapsed) {
      this.elapsed = elapsed;
      this.#host.requestUpdate();
    }
  }

  #stopRecording(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#microphone?.release();
    this.#microphone = undefined;
  }

  #set(state: VoiceState): void {
    this.state = state;
    this.#host.requestUpdate();
  }
}

function release(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

function microphoneProblem(error: unknown): VoiceProblem {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return {kind: 'denied'};
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError')
    return {kind: 'no-mic'};
  return {kind: 'transcribe', error: reasonOf(error)};
}

/** A Coze failure as the store reports it; anything else (a decoding error) by its message. */
function reasonOf(error: unknown): ChatError {
  if (error && typeof error === 'object' && 'code' in error && 'kind' in error)
    return toChatError(error);
  return {code: 0, message: error instanceof Error ? error.message : String(error)};
}
