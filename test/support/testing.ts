// `@open-wc/testing` as the browser tests see it (web-test-runner.config.mjs maps the imports
// here): the same exports, with `waitUntil` waiting up to 5 s by default instead of 1 s. A
// condition that needs a round trip to the emulator can take longer than a second on a
// shared two-core machine running three engines; the mocha timeout still bounds every test.
import {waitUntil as waitUntilOnce} from '@open-wc/testing';

export * from '@open-wc/testing';

export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: {interval?: number; timeout?: number} = {}
): Promise<void> {
  return waitUntilOnce(predicate, message, {timeout: 5000, ...options});
}
