export {CozeClient} from './client.js';
export type {
  AppInfoParams,
  CozeClientOptions,
  CreateConversationParams,
  ListConversationsParams,
  ListMessagesParams,
  WorkflowInfoParams,
} from './client.js';
export {interruptQuestion, isInterrupt, readVerbose} from './chatflow.js';
export {
  parseCard,
  parseFunctionCall,
  parseObjectString,
  parseQuestionOptions,
  parseToolResponse,
  toObjectString,
} from './content.js';
export type {FunctionCall, ObjectStringItem, QuestionOptions} from './content.js';
export type {VerboseContent} from './chatflow.js';
export {TokenSource} from './auth.js';
export type {TokenOptions, TokenProvider} from './auth.js';
export {
  CozeApiError,
  isAuthCode,
  isAuthError,
  isAbortError,
  toCozeError,
  toErrorBody,
} from './errors.js';
export type {CozeApiErrorInit, CozeErrorKind, ToCozeErrorContext} from './errors.js';
export {readCozeStream} from './sse.js';
export type * from './types.js';
