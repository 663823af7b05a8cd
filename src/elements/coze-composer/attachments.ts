import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {ChatActions, ChatError, MessageFile} from '../../state/types.js';
import {toChatError} from '../../state/store.js';
import {LeaveGrace} from '../shared/leave-grace.js';
import {admitFiles, type Admission} from './files.js';

/** One file on its way into the next question. Replaced, never mutated. */
export interface Attachment {
  readonly key: string;
  readonly name: string;
  readonly size: number;
  readonly image: boolean;
  /** A small preview (data: URL) of an image. */
  readonly previewUrl?: string;
  readonly status: 'uploading' | 'done' | 'error';
  /** Bytes sent so far, of `total`. */
  readonly loaded: number;
  readonly total: number;
  /** What Coze gave back, once uploaded. */
  readonly file?: MessageFile;
  readonly error?: ChatError;
}

type Upload = ChatActions['uploadFile'];

let keySeed = 0;

/**
 * The files attached to the draft: each is uploaded as soon as it is added
 * (images get a preview first), with its progress, failure and an abort for
 * the reader's remove button. Uploads in flight end when the host leaves the
 * page (a move keeps them).
 */
export class AttachmentsController implements ReactiveController {
  items: readonly Attachment[] = [];

  readonly #host: ReactiveControllerHost;
  readonly #upload: Upload;
  readonly #aborts = new Map<string, AbortController>();

  constructor(host: ReactiveControllerHost & Element, upload: Upload) {
    this.#host = host;
    this.#upload = upload;
    this.#leaving = new LeaveGrace(host, () => this.clear());
    host.addController(this);
  }

  /** Some upload is still running. */
  get busy(): boolean {
    return this.items.some((item) => item.status === 'uploading');
  }

  /** Some upload failed and is still shown. */
  get failed(): boolean {
    return this.items.some((item) => item.status === 'error');
  }

  /** The uploaded files, in the order they were added. */
  get files(): MessageFile[] {
    return this.items.flatMap((item) => (item.file ? [item.file] : []));
  }

  /** Starts uploading what fits; says what was refused. */
  add(files: readonly File[]): Admission<File> {
    const admission = admitFiles(files, this.items.length);
    const added = admission.accepted.map((file) => ({file, item: this.#newItem(file)}));
    if (added.length) {
      this.items = [...this.items, ...added.map(({item}) => item)];
      this.#host.requestUpdate();
      for (const {file, item} of added) void this.#run(item.key, file);
    }
    return admission;
  }

  /** Drops one attachment, aborting its upload if it is still running. */
  remove(key: string): void {
    this.#aborts.get(key)?.abort();
    this.#aborts.delete(key);
    this.items = this.items.filter((item) => item.key !== key);
    this.#host.requestUpdate();
  }

  /** Drops them all (after a send, or when the host goes away). */
  clear(): void {
    for (const controller of this.#aborts.values()) controller.abort();
    this.#aborts.clear();
    if (this.items.length) {
      this.items = [];
      this.#host.requestUpdate();
    }
  }

  /** Uploads end when the host leaves the page, not when it only moves (see `LeaveGrace`). */
  readonly #leaving: LeaveGrace;

  hostConnected(): void {
    this.#leaving.connected();
  }

  hostDisconnected(): void {
    this.#leaving.disconnected();
  }

  #newItem(file: File): Attachment {
    return {
      key: `a${++keySeed}`,
      name: file.name,
      size: file.size,
      image: file.type.startsWith('image/'),
      status: 'uploading',
      loaded: 0,
      total: file.size,
    };
  }

  #patch(key: string, change: Partial<Attachment>): void {
    this.items = this.items.map((item) => (item.key === key ? {...item, ...change} : item));
    this.#host.requestUpdate();
  }

  async #run(key: string, file: File): Promise<void> {
    const controller = new AbortController();
    this.#aborts.set(key, controller);
    const {signal} = controller;
    try {
      const image = file.type.startsWith('image/');
      // The preview maker loads with the first image; without it the image goes unpreviewed.
      const previewUrl = image
        ? await import('./thumbnail.js').then(
            ({makeThumbnail}) => makeThumbnail(file),
            () => undefined
          )
        : undefined;
      if (signal.aborted) return;
      if (previewUrl) this.#patch(key, {previewUrl});
      const uploaded = await this.#upload(file, {
        signal,
        onProgress: (loaded, total) => {
          if (!signal.aborted) this.#patch(key, {loaded, total: total || file.size});
        },
        ...(previewUrl ? {previewUrl} : {}),
      });
      if (signal.aborted) return;
      const total = this.items.find((item) => item.key === key)?.total || file.size;
      this.#patch(key, {status: 'done', loaded: total, total, file: uploaded});
    } catch (error) {
      if (!signal.aborted) this.#patch(key, {status: 'error', error: toChatError(error)});
    } finally {
      if (this.#aborts.get(key) === controller) this.#aborts.delete(key);
    }
  }
}
