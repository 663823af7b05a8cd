import type {ConversationData} from '../api/types.js';
import {CozeApiError} from '../api/errors.js';
import type {ChatMessage} from './types.js';

/**
 * Which conversations are the current reader's. Coze owns a conversation by the token's
 * identity, not by `user_id`: with one token shared by a whole site, every visitor could list
 * every conversation. So each conversation the widget creates carries the user id in its
 * `meta_data`, and the widget lists and resumes only those carrying the current one. This keeps
 * one visitor's widget from showing another's chat; it is not access control (anyone holding
 * the shared token can call Coze directly): per-user tokens (JWT `session_name`) isolate for real.
 */

/** The `meta_data` key holding the user id (Coze allows keys ≤ 64 and values ≤ 512 characters). */
export const ownerKey = 'chat_user';
const valueLimit = 512;

/** The `meta_data` tagging a new conversation with its user. */
export function ownerTag(userId: string): Record<string, string> {
  return {[ownerKey]: userId.slice(0, valueLimit)};
}

/** Whether a conversation was made by the widget for this user. */
export function ownedBy(conversation: ConversationData, userId: string): boolean {
  return conversation.meta_data?.[ownerKey] === userId.slice(0, valueLimit);
}

/** Coze codes for "this conversation does not exist" (deleted, or another identity's). */
const goneCodes: ReadonlySet<number> = new Set([4001, 4002]);

/** Whether a failed call means the conversation is gone: start a new one instead. */
export function isConversationGone(error: unknown): boolean {
  return error instanceof CozeApiError && error.kind === 'api' && goneCodes.has(error.code);
}

/** A name for an untitled conversation from its first question, as the official widget gives. */
export function nameFromQuestion(question: Pick<ChatMessage, 'content' | 'files'>): string {
  const text = question.content.replace(/\s+/g, ' ').trim() || question.files?.[0]?.name || '';
  return [...text].slice(0, 100).join('');
}
