/// <reference types="mocha" />
import {expect} from '@open-wc/testing';
import {TokenSource} from '../../src/api/auth.js';
import type {TokenOptions} from '../../src/api/auth.js';
import {CozeApiError} from '../../src/api/errors.js';

/** A refresher that hands out `t1`, `t2`, … and counts its calls. */
function counter(delay = 0): {
  refresh: (old: string) => Promise<string>;
  calls: string[];
} {
  const calls: string[] = [];
  return {
    calls,
    refresh: async (old: string) => {
      calls.push(old);
      if (delay) await new Promise((r) => setTimeout(r, delay));
      return `t${calls.length}`;
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

function jsonUrl(body: unknown): string {
  return `data:application/json,${encodeURIComponent(JSON.stringify(body))}`;
}

describe('TokenSource', () => {
  it('returns the token option without refreshing', async () => {
    const {refresh, calls} = counter();
    const source = new TokenSource(() => ({token: 'given', onRefreshToken: refresh}));
    expect(await source.get()).to.equal('given');
    expect(calls).to.deep.equal([]);
  });

  it('reads its options lazily, so a newly set token applies at once', async () => {
    const options: TokenOptions = {token: 'first'};
    const source = new TokenSource(() => options);
    expect(await source.get()).to.equal('first');
    options.token = 'second';
    expect(await source.get()).to.equal('second');
  });

  it("asks onRefreshToken('') when no token is set", async () => {
    const {refresh, calls} = counter();
    const source = new TokenSource(() => ({onRefreshToken: refresh}));
    expect(await source.get()).to.equal('t1');
    expect(await source.get()).to.equal('t1');
    expect(calls).to.deep.equal(['']);
  });

  it('shares one refresh between concurrent callers', async () => {
    const {refresh, calls} = counter(30);
    const source = new TokenSource(() => ({token: 'old', onRefreshToken: refresh}));
    const results = await Promise.all([
      source.refresh('old'),
      source.refresh('old'),
      source.refresh('old'),
    ]);
    expect(results).to.deep.equal(['t1', 't1', 't1']);
    expect(calls).to.deep.equal(['old']);
  });

  it('does not refresh again when the token already changed since it was rejected', async () => {
    const {refresh, calls} = counter();
    const source = new TokenSource(() => ({token: 'old', onRefreshToken: refresh}));
    expect(await source.refresh('old')).to.equal('t1');
    // A request that was sent with `old` fails late: it gets the new token, no second refresh.
    expect(await source.refresh('old')).to.equal('t1');
    expect(calls).to.deep.equal(['old']);
    expect(await source.get()).to.equal('t1');
    // Only a rejection of the current token refreshes again.
    expect(await source.refresh('t1')).to.equal('t2');
    expect(calls).to.deep.equal(['old', 't1']);
  });

  it('throws code 4100 with a clear message when there is no token source at all', async () => {
    const source = new TokenSource(() => ({}));
    const err = await rejection(source.get());
    expect(err).to.be.instanceOf(CozeApiError);
    expect((err as CozeApiError).code).to.equal(4100);
    expect((err as CozeApiError).message).to.equal(
      'No token: set the token property (a token or a function), onRefreshToken or token-url.'
    );
    expect(source.canRefresh).to.equal(false);
  });

  it('turns an onRefreshToken failure into a CozeApiError, and recovers on the next call', async () => {
    let fail = true;
    const source = new TokenSource(() => ({
      onRefreshToken: () => {
        if (fail) throw new Error('backend down');
        return 'fresh';
      },
    }));
    const err = (await rejection(source.get())) as CozeApiError;
    expect(err).to.be.instanceOf(CozeApiError);
    expect(err.message).to.contain('backend down');
    fail = false;
    expect(await source.get()).to.equal('fresh');
  });

  it('rejects an empty token from onRefreshToken', async () => {
    const source = new TokenSource(() => ({onRefreshToken: () => ''}));
    const err = (await rejection(source.get())) as CozeApiError;
    expect(err.code).to.equal(4100);
  });

  describe('a function as the token', () => {
    it('is asked without an argument for the first token, then with the rejected one', async () => {
      const calls: Array<string | undefined> = [];
      const source = new TokenSource(() => ({
        token: async (previous?: string) => {
          calls.push(previous);
          return `f${calls.length}`;
        },
      }));
      expect(source.canRefresh).to.equal(true);
      expect(await source.get()).to.equal('f1');
      expect(await source.get()).to.equal('f1');
      expect(await source.refresh('f1')).to.equal('f2');
      expect(calls).to.deep.equal([undefined, 'f1']);
    });

    it('shares one call between concurrent callers and takes the place of onRefreshToken', async () => {
      const {refresh, calls} = counter(30);
      const other = counter();
      const source = new TokenSource(() => ({
        token: (previous) => refresh(previous ?? ''),
        onRefreshToken: other.refresh,
      }));
      expect(await Promise.all([source.get(), source.get(), source.get()])).to.deep.equal([
        't1',
        't1',
        't1',
      ]);
      expect(calls).to.have.length(1);
      expect(other.calls).to.deep.equal([]);
    });

    it('keeps the token it supplied when the page passes a new function (a re-render)', async () => {
      let calls = 0;
      const make = () => () => `r${++calls}`;
      const options: TokenOptions = {token: make()};
      const source = new TokenSource(() => options);
      expect(await source.get()).to.equal('r1');
      options.token = make();
      expect(await source.get()).to.equal('r1');
      expect(calls).to.equal(1);
    });

    it('turns a throw or an empty answer into a 4100 CozeApiError naming the token function', async () => {
      const throwing = new TokenSource(() => ({
        token: () => {
          throw new Error('backend down');
        },
      }));
      const err = (await rejection(throwing.get())) as CozeApiError;
      expect(err).to.be.instanceOf(CozeApiError);
      expect(err.code).to.equal(4100);
      expect(err.message).to.equal('The token function failed: backend down');
      const empty = (await rejection(
        new TokenSource(() => ({token: async () => ''})).get()
      )) as CozeApiError;
      expect(empty.message).to.equal('The token function returned no token.');
    });
  });

  describe('token-url', () => {
    it('GETs {access_token, expires_in} and keeps the token until it nears expiry', async () => {
      const farFuture = Math.floor(Date.now() / 1000) + 3600;
      let url = jsonUrl({access_token: 'czs_one', expires_in: farFuture});
      const source = new TokenSource(() => ({tokenUrl: url}));
      expect(await source.get()).to.equal('czs_one');
      url = jsonUrl({access_token: 'czs_two', expires_in: farFuture});
      // Still valid for an hour: no new request.
      expect(await source.get()).to.equal('czs_one');
    });

    it('refreshes proactively when the token expires within 30 seconds', async () => {
      const soon = Math.floor(Date.now() / 1000) + 20;
      let url = jsonUrl({access_token: 'czs_expiring', expires_in: soon});
      const source = new TokenSource(() => ({tokenUrl: url}));
      expect(await source.get()).to.equal('czs_expiring');
      url = jsonUrl({access_token: 'czs_next', expires_in: soon + 3600});
      expect(await source.get()).to.equal('czs_next');
      url = jsonUrl({access_token: 'czs_unused', expires_in: soon + 3600});
      expect(await source.get()).to.equal('czs_next');
    });

    it('fails with a readable error when the answer has no access_token', async () => {
      const source = new TokenSource(() => ({tokenUrl: jsonUrl({error: 'nope'})}));
      const err = (await rejection(source.get())) as CozeApiError;
      expect(err).to.be.instanceOf(CozeApiError);
      expect(err.message).to.match(/access_token/);
    });

    it('reports an unreachable token-url as kind network', async () => {
      const source = new TokenSource(() => ({tokenUrl: 'http://127.0.0.1:1/token'}));
      const err = (await rejection(source.get())) as CozeApiError;
      expect(err.kind).to.equal('network');
      expect(err.message).to.match(/token-url/);
    });
  });
});
