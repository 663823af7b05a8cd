/// <reference types="mocha" />
import {expect} from '@open-wc/testing';
import {TokenSource} from '../../src/api/auth.js';
import {CozeApiError} from '../../src/api/errors.js';

/** A promise that never settles: a page's function that hangs. */
const never = <T>() => new Promise<T>(() => undefined);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('every wait has an end: tokens', () => {
  for (const [label, options] of [
    ['a token function', {token: () => never<string>()}],
    ['onRefreshToken', {onRefreshToken: () => never<string>()}],
    ['a token-url', {tokenUrl: '/__emulator/hang'}],
  ] as const) {
    it(`${label} that never answers fails with kind timeout after the token timeout`, async () => {
      const source = new TokenSource(() => ({...options, timeout: 150}));
      const error = await rejection(source.get());
      expect(error).to.be.instanceOf(CozeApiError);
      expect((error as CozeApiError).kind).to.equal('timeout');
      expect((error as CozeApiError).message).to.match(/no token within 0\.2 s|0\.1 s/);
    });
  }

  it("a caller's signal ends its wait for a hung token function at once", async () => {
    const source = new TokenSource(() => ({token: () => never<string>(), timeout: 60_000}));
    const controller = new AbortController();
    const waiting = rejection(source.get(controller.signal));
    controller.abort();
    const error = (await waiting) as DOMException;
    expect(error.name).to.equal('AbortError');
  });

  it('after a timed-out refresh, the next get asks again', async () => {
    let calls = 0;
    const source = new TokenSource(() => ({
      token: () => (++calls === 1 ? never<string>() : 'pat_second'),
      timeout: 100,
    }));
    await rejection(source.get());
    expect(await source.get()).to.equal('pat_second');
    expect(calls).to.equal(2);
  });
});
