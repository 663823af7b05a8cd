import {format, type Strings} from '../../i18n/index.js';
import {LocalErrorCode, type ChatError, type LoadKind} from '../../state/types.js';

const localKeys: Record<number, string> = {
  [LocalErrorCode.network]: 'network',
  [LocalErrorCode.interrupted]: 'interrupted',
  [LocalErrorCode.http]: 'http',
  [LocalErrorCode.unsupported]: 'unsupported',
  [LocalErrorCode.timeout]: 'timeout',
  [LocalErrorCode.malformed]: 'malformed',
  [LocalErrorCode.toolFailed]: 'toolFailed',
  [LocalErrorCode.unexpected]: 'generic',
};

/** A readable message for an error: ours for known codes, else the server's, else a generic one. */
export function errorText(strings: Strings, error: ChatError): string {
  if (error.code === LocalErrorCode.unsupported && error.message) {
    return format(strings.toolNotHandled, {name: error.message});
  }
  if (error.code === LocalErrorCode.toolTimeout) {
    return format(strings.toolTimedOut, {name: error.message});
  }
  const key = localKeys[error.code] ?? String(error.code);
  return strings.errors[key] ?? (error.message || strings.errors.generic);
}

/** What a failed load means for the reader (said before why it failed). */
export function loadFailedText(strings: Strings, load: LoadKind): string {
  return strings[`${load}Failed`];
}
