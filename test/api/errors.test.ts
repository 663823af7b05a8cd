/// <reference types="mocha" />
import {expect} from '@open-wc/testing';
import {
  CozeApiError,
  isAuthError,
  redact,
  toCode,
  toCozeError,
  toErrorBody,
} from '../../src/api/errors.js';

describe('errors', () => {
  describe('toCozeError', () => {
    it('makes kind api from a Coze body, with the logid from detail', () => {
      const err = toCozeError(
        {code: 4100, msg: 'authentication is invalid', detail: {logid: 'LOG-1'}},
        {status: 200, logId: 'HEADER-LOG'}
      );
      expect(err).to.be.instanceOf(CozeApiError).and.instanceOf(Error);
      expect(err.name).to.equal('CozeApiError');
      expect(err.kind).to.equal('api');
      expect(err.code).to.equal(4100);
      expect(err.message).to.equal('authentication is invalid');
      expect(err.logId).to.equal('LOG-1');
      expect(err.status).to.equal(200);
    });

    it('falls back to the x-tt-logid header when the body has no detail', () => {
      expect(toCozeError({code: 4000, msg: 'bad'}, {logId: 'HEADER-LOG'}).logId).to.equal(
        'HEADER-LOG'
      );
    });

    it('coerces string codes to numbers', () => {
      const err = toCozeError({code: '720702204', msg: 'conversation name does not exist'});
      expect(err.code).to.equal(720702204);
    });

    it('makes kind http from a bare status', () => {
      const err = toCozeError(502);
      expect(err.kind).to.equal('http');
      expect(err.status).to.equal(502);
      expect(err.code).to.equal(0);
      expect(err.message).to.match(/HTTP 502/);
    });

    it('makes kind http from a non-Coze body', () => {
      const err = toCozeError('<html>Bad gateway</html>', {status: 502, statusText: 'Bad Gateway'});
      expect(err.kind).to.equal('http');
      expect(err.message).to.equal('Coze answered with HTTP 502 Bad Gateway.');
    });
  });

  describe('toErrorBody', () => {
    it('gives {} a code 0 and a readable message', () => {
      const body = toErrorBody({});
      expect(body.code).to.equal(0);
      expect(body.msg.length).to.be.greaterThan(10);
    });

    it('keeps a message and mentions the code when the message is missing', () => {
      expect(toErrorBody({code: 4028, msg: 'quota'})).to.deep.equal({code: 4028, msg: 'quota'});
      expect(toErrorBody({code: 5000}).msg).to.contain('5000');
    });

    it('maps non-numeric codes to 0', () => {
      expect(toCode('abc')).to.equal(0);
      expect(toCode(null)).to.equal(0);
      expect(toCode(' 4101 ')).to.equal(4101);
    });
  });

  describe('isAuthError', () => {
    it('is true for HTTP 401 and codes 4100, 4101, 700012006', () => {
      expect(isAuthError(toCozeError(401))).to.equal(true);
      for (const code of [4100, 4101, 700012006]) {
        expect(isAuthError(toCozeError({code, msg: 'x'})), String(code)).to.equal(true);
      }
      expect(isAuthError(toCozeError({code: '4100', msg: 'x'}))).to.equal(true);
    });

    it('is false for other failures and non-Coze errors', () => {
      expect(isAuthError(toCozeError({code: 4016, msg: 'busy'}))).to.equal(false);
      expect(isAuthError(toCozeError(500))).to.equal(false);
      expect(isAuthError(new Error('4100'))).to.equal(false);
      expect(isAuthError(undefined)).to.equal(false);
    });
  });

  describe('redact', () => {
    it('masks every occurrence of a secret in the message', () => {
      const err = new CozeApiError({
        kind: 'api',
        code: 4101,
        message: 'token pat_SECRET1 is not pat_SECRET1',
      });
      redact(err, ['pat_SECRET1']);
      expect(err.message).to.equal('token [token] is not [token]');
    });
  });
});
