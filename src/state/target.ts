import type {
  BotInfo,
  ConversationData,
  ConversationPage,
  CozeStreamEvent,
  EnterMessage,
  ShortcutCommandRun,
} from '../api/types.js';
import type {ChatBackend, StoreConfig} from './store-host.js';
import {ownedBy, ownerTag} from './ownership.js';

/**
 * Who the chat is with, a bot or an app's chatflow: the one place the two differ. The rest of
 * the store asks the target and never looks at the config's `type`.
 */
export interface ChatTarget {
  /**
   * The profile shown in the panel. A bot: its own; an app: the chatflow's role (falling back
   * to the app's name and icon).
   */
  profile(signal: AbortSignal): Promise<BotInfo>;
  /**
   * The conversation to resume, looked up apart from the profile (a hung profile does not
   * hold it back). A bot: the reader's latest conversation, if any; an app: its `Default`.
   */
  latest(signal: AbortSignal): Promise<ConversationData | undefined>;
  /** The conversation a first question goes into (created, or an app's `Default`). */
  conversation(signal: AbortSignal): Promise<ConversationData>;
  /** A new, empty conversation. */
  fresh(signal: AbortSignal): Promise<ConversationData>;
  /** Asks a question in a conversation and streams the answer. */
  stream(
    conversationId: string,
    message: EnterMessage,
    signal: AbortSignal,
    shortcutCommand?: ShortcutCommandRun
  ): AsyncIterable<CozeStreamEvent>;
  /**
   * One page of the reader's conversations; absent for an app (the reader has its one
   * conversation there, and untitled conversations are named only where they are listed).
   */
  conversations?(pageNum: number, pageSize: number, signal: AbortSignal): Promise<ConversationPage>;
}

/** The app conversation the official widget uses. */
const appConversationName = 'Default';
/** Resuming looks for the reader's latest conversation in this many pages of 50 at most. */
const resumePages = 4;

export function chatTarget(backend: ChatBackend, config: StoreConfig): ChatTarget {
  const {userId, connectorId, parameters} = config;
  const metaData = ownerTag(userId);
  const common = {userId, connectorId, ...(parameters ? {parameters} : {})};
  if (config.type === 'bot') {
    const {botId} = config;
    const create = (signal: AbortSignal) =>
      backend.createConversation({botId, connectorId, userId, metaData}, {signal});
    const conversations = (pageNum: number, pageSize: number, signal: AbortSignal) =>
      backend.listConversations({botId, connectorId, userId, pageNum, pageSize}, {signal});
    /** The reader's most recently used conversation with the bot, if any. */
    const latestOwned = async (signal: AbortSignal) => {
      for (let pageNum = 1; pageNum <= resumePages; pageNum++) {
        const page = await conversations(pageNum, 50, signal);
        const mine = page.conversations.find((c) => ownedBy(c, userId));
        if (mine || !page.hasMore) return mine;
      }
      return undefined;
    };
    return {
      profile: (signal) => backend.getBotInfo(botId, {signal}),
      latest: latestOwned,
      conversation: create,
      fresh: create,
      stream: (conversationId, message, signal, shortcutCommand) =>
        backend.streamChat(
          {
            ...common,
            botId,
            conversationId,
            additionalMessages: [message],
            ...(shortcutCommand ? {shortcutCommand} : {}),
          },
          {signal}
        ),
      conversations,
    };
  }
  const {appId, workflowId, appVersion} = config;
  /**
   * Creates a conversation tagged with the reader's user id: the app's `Default` one (the
   * reader's own `Default <user id>` with `personal`) unless a fresh one is asked for.
   */
  const create = (signal: AbortSignal, fresh: boolean, personal = false) =>
    backend.createConversation(
      {
        appId,
        workflowId,
        connectorId,
        userId,
        metaData,
        conversationName: fresh
          ? `Conversation ${new Date().toISOString()}`
          : personal
            ? `${appConversationName} ${userId}`.slice(0, 100)
            : appConversationName,
        getOrCreate: !fresh,
      },
      {signal}
    );
  /**
   * The app's `Default` conversation, when it is the reader's; else (a token shared by many
   * readers) the reader's own one, named after the user id.
   */
  const appConversation = async (signal: AbortSignal) => {
    const created = await create(signal, false);
    if (ownedBy(created, userId)) return created;
    return create(signal, false, true);
  };
  return {
    async profile(signal) {
      const [app, flow] = await Promise.all([
        backend.getAppInfo(
          appId,
          {connectorId, ...(appVersion ? {version: appVersion} : {})},
          {signal}
        ),
        backend.getWorkflowInfo(workflowId, {connectorId}, {signal}),
      ]);
      const iconUrl = flow.iconUrl ?? app.iconUrl;
      const bot: BotInfo = {
        id: appId,
        name: flow.name || app.name,
        suggestedQuestions: flow.suggestedQuestions,
        ...(iconUrl ? {iconUrl} : {}),
        ...(flow.prologue ? {prologue: flow.prologue} : {}),
        ...(app.description ? {description: app.description} : {}),
      };
      return bot;
    },
    latest: appConversation,
    conversation: appConversation,
    fresh: (signal) => create(signal, true),
    stream: (conversationId, message, signal) =>
      backend.streamWorkflowChat(
        {
          ...common,
          appId,
          workflowId,
          conversationId,
          additionalMessages: [message],
          ...(appVersion ? {appVersion} : {}),
        },
        {signal}
      ),
  };
}
