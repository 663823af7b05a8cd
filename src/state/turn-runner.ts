import type {CozeChat, CozeMessage, CozeStreamEvent, ToolCall} from '../api/types.js';
import type {StoreHost} from './store-host.js';
import type {Conversations} from './conversations.js';
import {loadErrorLeft, type ChatError, type ChatMessage, type SendOptions} from './types.js';
import {isAbort, toChatError} from './chat-error.js';
import {isConversationGone} from './ownership.js';
import {rememberThumbnail} from './thumbnails.js';
import {runTools} from './tool-calls.js';
import {
  assistantFromCoze,
  attachToolOutput,
  isToolResponse,
  newKey,
  toEnterMessage,
  userMessage,
} from './transcript.js';

export interface Turn {
  controller: AbortController;
  userKey: string;
  conversationId?: string;
  chatId?: string;
  /** Keys of the assistant messages this turn produced, by Coze message id. */
  answers: Map<string, string>;
  /** Ids of the answers Coze has completed: their text is final. */
  completed?: Set<string>;
  /** Local function calls the bot is waiting for. */
  toolCalls?: ToolCall[] | undefined;
  /** The reader stopped the turn before its chat id arrived; called once it does. */
  stopping?: () => void;
  /** The reader has seen the turn end (a stopped turn ends before its stream does). */
  finished?: boolean;
  /** Called when it finishes: what waits for Coze to keep its messages (`saved`). */
  ended?: (() => void)[];
}

/**
 * How long a stopped stream is read on for its chat id when Stop came before its first event.
 * Coze goes on answering a chat whose stream was dropped, and refuses the next question in
 * that conversation (4016) until it ends; only a cancel by id stops it.
 */
const stopGraceMs = 5000;

/**
 * Runs one question at a time: sends it, applies the answer stream (deltas coalesced to one
 * snapshot per frame), runs the page's local functions, and stops, cancels and retries.
 */
export class TurnRunner {
  readonly #host: StoreHost;
  readonly #lists: Conversations;
  /** The conversation the next question goes into, created when there is none. */
  readonly #ensureConversation: (signal: AbortSignal) => Promise<string>;
  #turn?: Turn | undefined;
  /** The cancel of the last stopped chat, while Coze has not confirmed it. */
  #canceling?: Promise<void> | undefined;
  /** Deltas not yet published, by message key. */
  readonly #pending = new Map<string, {content: string; reasoning: string}>();
  #frameRequested = false;

  constructor(
    host: StoreHost,
    lists: Conversations,
    ensureConversation: (signal: AbortSignal) => Promise<string>
  ) {
    this.#host = host;
    this.#lists = lists;
    this.#ensureConversation = ensureConversation;
  }

  /** Whether a turn runs (the answer streams, or its tools run). */
  get busy(): boolean {
    return Boolean(this.#turn);
  }

  /**
   * Resolves once the turn that writes this message has ended, at once when none does. Coze
   * keeps a chat's messages only when the chat completes (its suggestions come after the
   * answer), and refuses feedback on one before: "message not found".
   */
  saved(key: string): Promise<void> {
    const turn = this.#turn;
    if (!turn || ![...turn.answers.values()].includes(key)) return Promise.resolve();
    // Every turn finishes (`#run`'s finally), aborted by a reload or not.
    return new Promise((resolve) => (turn.ended ??= []).push(resolve));
  }

  /** Forgets the turn and the deltas not yet shown (reload): the turn's stream is aborted. */
  reset(): void {
    this.#turn?.controller.abort();
    this.#turn = undefined;
    this.#pending.clear();
  }

  /** Drops deltas not yet shown (another conversation is shown). */
  dropPending(): void {
    this.#pending.clear();
  }

  /** Aborts the turn's stream without a cancel on Coze (dispose, after `cancel()`). */
  abort(): void {
    this.#turn?.controller.abort();
  }

  /** Sends a question with its files and the pending quote; resolves when the answer has finished, failed or stopped. */
  async send(question: string, options?: SendOptions): Promise<void> {
    const host = this.#host;
    const files = options?.files ?? [];
    for (const file of files)
      if (file.previewUrl) rememberThumbnail(host.options.storage, file.fileId, file.previewUrl);
    const user = userMessage(question, files, host.snapshot.quote, options?.shortcut);
    host.update({messages: [...host.snapshot.messages, user], quote: undefined});
    const current = host.snapshot.conversations?.items.find(
      (c) => c.id === host.snapshot.conversationId
    );
    if (current) this.#lists.listed({...current, updatedAt: Math.floor(Date.now() / 1000)});
    await this.#run(user);
  }

  async retry(key?: string): Promise<void> {
    if (this.#turn) return;
    const host = this.#host;
    const messages = host.snapshot.messages;
    const index = key
      ? messages.findIndex((m) => m.key === key)
      : messages.findLastIndex((m) => m.status === 'error' || m.status === 'canceled');
    if (index < 0) return;
    let userIndex = index;
    while (userIndex >= 0 && messages[userIndex].role !== 'user') userIndex--;
    if (userIndex < 0) return;
    const {error: _dropped, ...question} = messages[userIndex];
    const user: ChatMessage = {...question, status: 'complete', key: newKey()};
    // The failed turn (its question and answers) leaves; the question is asked again at the end.
    let end = messages.findIndex((m, i) => i > userIndex && m.role === 'user');
    if (end < 0) end = messages.length;
    const kept = [...messages.slice(0, userIndex), ...messages.slice(end), user];
    host.update({messages: kept, error: loadErrorLeft(host.snapshot.error)});
    await this.#run(user);
  }

  /** Stops the answer being written, on Coze too. */
  async cancel(): Promise<void> {
    const turn = this.#turn;
    if (!turn || turn.controller.signal.aborted) return;
    if (turn.chatId) return this.end(turn);
    // Stopped before the stream named its chat: the reader sees it stopped at once, while the
    // stream is read on (showing nothing) until it names the chat, which is then canceled.
    const named = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, stopGraceMs);
      turn.stopping = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.#finish(turn, undefined, true);
    const stopped = named.then(() => this.end(turn));
    // The next question waits for it: Coze refuses one while a chat runs in the conversation.
    this.#canceling = stopped;
    await stopped;
  }

  /** Ends the turn at once: the conversation is being left (or the chat removed). */
  async end(turn = this.#turn): Promise<void> {
    if (!turn) return;
    turn.controller.abort();
    if (!turn.conversationId || !turn.chatId) return;
    // The next question in this conversation waits for it: Coze refuses one while a chat runs.
    const canceling = this.#host.options.backend.cancelChat(turn.conversationId, turn.chatId).then(
      () => undefined,
      // The answer is already stopped locally; a failed cancel changes nothing the reader sees.
      () => undefined
    );
    this.#canceling = canceling;
    await canceling;
    if (this.#canceling === canceling) this.#canceling = undefined;
  }

  async #run(user: ChatMessage): Promise<void> {
    const host = this.#host;
    const turn: Turn = {controller: new AbortController(), userKey: user.key, answers: new Map()};
    this.#turn = turn;
    // A chat stopped just before is still being canceled on Coze: this one waits for that.
    const previous = this.#canceling;
    const signal = turn.controller.signal;
    host.update({followUps: [], error: loadErrorLeft(host.snapshot.error)});
    host.settle();
    let failure: ChatError | undefined;
    let canceled = false;
    try {
      let conversationId = await this.#ensureConversation(signal);
      turn.conversationId = conversationId;
      await previous;
      const message = toEnterMessage(user.content, user.files, user.quote);
      const stream = (id: string) => host.target().stream(id, message, signal, user.shortcut);
      let events: AsyncIterable<CozeStreamEvent> | undefined = stream(conversationId);
      let renewed = false;
      while (events && !failure) {
        try {
          for await (const event of events) {
            failure = this.#apply(turn, event);
            if (event.event === 'conversation.chat.created')
              this.#lists.nameAfter(turn.conversationId, user);
            if (failure || event.event === 'done') break;
          }
        } catch (error) {
          // The conversation is gone (deleted, or not this token's): a new one takes the question.
          if (renewed || turn.chatId || !isConversationGone(error)) throw error;
          renewed = true;
          this.#lists.forget(conversationId);
          conversationId = await this.#ensureConversation(signal);
          turn.conversationId = conversationId;
          events = stream(conversationId);
          continue;
        }
        if (failure) break;
        const next = await runTools(host, turn, signal);
        if ('failure' in next) failure = next.failure;
        else events = next.events;
      }
    } catch (error) {
      // However the stream ended, a turn the reader stopped counts as stopped.
      if (isAbort(error) || turn.controller.signal.aborted) canceled = true;
      else failure = toChatError(error);
    } finally {
      if (turn.controller.signal.aborted) canceled = true;
      // The stream ended while a Stop waited for its chat id: nothing is left to wait for.
      turn.stopping?.();
      this.#finish(turn, failure, canceled);
    }
  }

  /** Applies one stream event; returns the error when the event ends the turn in failure. */
  #apply(turn: Turn, event: CozeStreamEvent): ChatError | undefined {
    if (turn.stopping) {
      // Stopped: only the chat id matters now, to cancel it on Coze.
      const chat = 'chat' in event ? event.chat : undefined;
      if (chat?.id) {
        turn.chatId = chat.id;
        turn.stopping();
      }
      return undefined;
    }
    switch (event.event) {
      case 'conversation.chat.created':
      case 'conversation.chat.in_progress':
        this.#noteChat(turn, event.chat);
        return undefined;
      case 'conversation.message.delta':
        if (
          event.message.role === 'assistant' &&
          event.message.type === 'answer' &&
          event.message.content_type !== 'card'
        ) {
          this.#delta(turn, event.message);
        }
        return undefined;
      case 'conversation.message.completed':
        this.#completed(turn, event.message);
        return undefined;
      case 'conversation.chat.requires_action': {
        // A chatflow question node asks the reader (its question was streamed as an answer):
        // the turn ends and the reply is the next question. Local plugins are not run here.
        this.#noteChat(turn, event.chat);
        const calls = event.chat.required_action?.submit_tool_outputs?.tool_calls ?? [];
        const functions = calls.filter((call) => call.type !== 'reply_message');
        if (functions.length) turn.toolCalls = functions;
        return undefined;
      }
      case 'conversation.chat.failed':
      case 'error':
        return {code: Number(event.error.code) || 0, message: event.error.msg};
      default:
        return undefined;
    }
  }

  #noteChat(turn: Turn, chat: CozeChat): void {
    const host = this.#host;
    turn.chatId = chat.id;
    if (chat.section_id && chat.section_id !== host.snapshot.sectionId)
      host.update({sectionId: chat.section_id});
    const inserted = chat.inserted_additional_messages?.at(-1)?.id;
    if (inserted) host.replace(turn.userKey, (m) => ({...m, id: inserted, chatId: chat.id}));
    if (chat.conversation_id && chat.conversation_id !== host.snapshot.conversationId) {
      turn.conversationId = chat.conversation_id;
      host.update({conversationId: chat.conversation_id});
      host.notify({type: 'conversation', conversationId: chat.conversation_id});
    }
  }

  #answerKey(turn: Turn, message: CozeMessage): string {
    const existing = turn.answers.get(message.id);
    if (existing) return existing;
    // Empty: the first delta's text and reasoning are added by #delta like every other.
    const created = assistantFromCoze(
      {...message, content: '', reasoning_content: ''},
      'streaming'
    );
    turn.answers.set(message.id, created.key);
    this.#host.update({messages: [...this.#host.snapshot.messages, created]});
    return created.key;
  }

  #delta(turn: Turn, message: CozeMessage): void {
    // A delta after its answer completed is not part of it: `completed` carries the whole text.
    if (turn.completed?.has(message.id)) return;
    const key = this.#answerKey(turn, message);
    let pending = this.#pending.get(key);
    if (!pending) {
      const current = this.#host.snapshot.messages.find((m) => m.key === key);
      pending = {content: current?.content ?? '', reasoning: current?.reasoning ?? ''};
      this.#pending.set(key, pending);
    }
    pending.content += message.content;
    if (message.reasoning_content) pending.reasoning += message.reasoning_content;
    this.#requestFrame();
  }

  #completed(turn: Turn, message: CozeMessage): void {
    const host = this.#host;
    if (message.role !== 'assistant') return;
    if (message.type === 'follow_up') {
      host.update({followUps: [...host.snapshot.followUps, message.content]});
      return;
    }
    if (isToolResponse(message)) {
      host.update({messages: attachToolOutput(host.snapshot.messages, message)});
      return;
    }
    if (message.type === 'function_call') {
      const call = assistantFromCoze(message, 'complete');
      turn.answers.set(message.id, call.key);
      host.update({messages: [...host.snapshot.messages, call]});
      return;
    }
    if (message.type !== 'answer') return;
    const completed = (turn.completed ??= new Set());
    // The id again after its answer completed: another answer, shown after the first.
    if (completed.has(message.id)) turn.answers.delete(message.id);
    completed.add(message.id);
    const key = this.#answerKey(turn, message);
    this.flush();
    const done = host.replace(key, (m) => {
      const read = assistantFromCoze(message, 'complete', {
        ...m,
        content: message.content,
        contentType: message.content_type,
        status: 'complete',
      });
      // Reasoning arrives in deltas; a completed message rarely repeats it.
      return message.reasoning_content ? {...read, reasoning: message.reasoning_content} : read;
    });
    host.update({completedAnswers: host.snapshot.completedAnswers + 1});
    if (done) host.notify({type: 'answer', message: done});
  }

  #finish(turn: Turn, failure: ChatError | undefined, canceled: boolean): void {
    if (turn.finished) return;
    const host = this.#host;
    turn.finished = true;
    for (const resolve of turn.ended ?? []) resolve();
    this.flush();
    if (this.#turn === turn) this.#turn = undefined;
    const open = [...turn.answers.values()].filter(
      (key) => host.snapshot.messages.find((m) => m.key === key)?.status === 'streaming'
    );
    const mark = (key: string, change: Partial<ChatMessage>) =>
      host.replace(key, (m) => ({...m, ...change}));
    if (canceled) {
      for (const key of open) mark(key, {status: 'canceled'});
      if (!turn.answers.size) mark(turn.userKey, {status: 'canceled'});
    } else if (failure) {
      if (open.length) {
        // Keep what arrived, marked as failed.
        for (const key of open) mark(key, {status: 'error', error: failure});
      } else if (!turn.answers.size) {
        mark(turn.userKey, {status: 'error', error: failure});
      }
    } else if (open.length) {
      // The stream ended cleanly but never completed these messages: keep them as they are.
      for (const key of open) mark(key, {status: 'complete'});
    }
    host.settle();
    if (failure) host.fail(failure);
  }

  #requestFrame(): void {
    if (this.#frameRequested) return;
    this.#frameRequested = true;
    const schedule =
      this.#host.options.scheduleFrame ?? ((cb) => requestAnimationFrame(() => cb()));
    schedule(() => {
      this.#frameRequested = false;
      this.flush();
    });
  }

  /** Publishes accumulated deltas as one snapshot. */
  flush(): void {
    if (!this.#pending.size) return;
    const pending = new Map(this.#pending);
    this.#pending.clear();
    const messages = this.#host.snapshot.messages.map((m) => {
      const p = pending.get(m.key);
      if (!p) return m;
      return {...m, content: p.content, ...(p.reasoning ? {reasoning: p.reasoning} : {})};
    });
    this.#host.update({messages});
  }
}
