// @ts-check
/** `POST /v1/files/upload` (multipart, one part named `file`) and `GET /v1/files/retrieve`. */
import {INVALID_PARAMETER} from '../errors.js';
import {isMultipart} from '../http.js';
import {nowSeconds} from '../ids.js';
import {parseMultipart} from '../multipart.js';

/** @typedef {import('../exchange.js').Exchange} Exchange */

/** Upload error codes. */
const EMPTY_FILE = {code: 4300, msg: 'the file is empty'};
const TOO_MANY_FILES = {code: 4301, msg: 'upload exactly one file'};

/** @param {Exchange} ex */
export function uploadFile(ex) {
  if (!isMultipart(ex.req)) {
    return ex.fail(
      INVALID_PARAMETER,
      'invalid parameter: use multipart/form-data with a file part'
    );
  }
  const parts = parseMultipart(ex.req.headers['content-type'] ?? '', ex.rawBody);
  if (!parts) return ex.fail(INVALID_PARAMETER, 'invalid parameter: malformed multipart body');
  const files = parts.filter((p) => p.name === 'file');
  if (files.length === 0)
    return ex.fail(INVALID_PARAMETER, 'invalid parameter: no part named file');
  if (files.length > 1) return ex.fail(TOO_MANY_FILES.code, TOO_MANY_FILES.msg);
  const [file] = files;
  if (file.data.length === 0) return ex.fail(EMPTY_FILE.code, EMPTY_FILE.msg);
  const info = {
    id: ex.state.newId(),
    bytes: file.data.length,
    created_at: nowSeconds(),
    file_name: file.filename ?? 'file',
  };
  ex.state.store.saveFile(info);
  ex.ok(info);
}

/** @param {Exchange} ex */
export function retrieveFile(ex) {
  const info = ex.state.store.file(ex.url.searchParams.get('file_id') ?? '');
  if (!info) return ex.fail(INVALID_PARAMETER, 'invalid parameter: file not found');
  ex.ok(info);
}
