// @ts-check
/** `POST /v1/files/upload` (multipart, one part named `file`) and `GET /v1/files/retrieve`. */
import {INVALID_PARAMETER} from '../errors.js';
import {isMultipart} from '../http.js';
import {nowSeconds} from '../ids.js';

/** @typedef {import('../exchange.js').Exchange} Exchange */
/** @typedef {import('../multipart.js').Part} Part */

/** Upload error codes, as Coze numbers them (4300–4304). */
export const UPLOAD_ERRORS = Object.freeze({
  empty: {code: 4300, msg: 'the file is empty'},
  tooMany: {code: 4301, msg: 'upload exactly one file'},
  tooLarge: {code: 4302, msg: 'the file is too large'},
  format: {code: 4303, msg: 'unsupported file format'},
  broken: {code: 4304, msg: 'the file is broken'},
});

/**
 * Largest upload. Coze takes up to 512 MB; the emulator stops at 5 MB so a test can cross the
 * line without shipping half a gigabyte.
 */
export const UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** Extensions refused with 4303: executables and scripts, which Coze does not take either. */
const REFUSED_EXTENSIONS = new Set(['exe', 'msi', 'bat', 'cmd', 'com', 'scr', 'dll', 'vbs', 'ps1']);

/**
 * The one part named `file` of a multipart request, or a reply (4000 / 4300 / 4301 / 4302) and
 * undefined.
 * @param {Exchange} ex
 * @param {number} limit largest accepted size in bytes
 * @returns {Part | undefined}
 */
export function singleFilePart(ex, limit) {
  if (!isMultipart(ex.req)) {
    ex.fail(INVALID_PARAMETER, 'invalid parameter: use multipart/form-data with a part named file');
    return undefined;
  }
  if (!ex.parts) {
    ex.fail(INVALID_PARAMETER, 'invalid parameter: malformed multipart body');
    return undefined;
  }
  const files = ex.parts.filter((p) => p.name === 'file');
  if (files.length === 0) {
    ex.fail(INVALID_PARAMETER, 'invalid parameter: no part named file');
    return undefined;
  }
  if (files.length > 1) {
    ex.fail(UPLOAD_ERRORS.tooMany.code, UPLOAD_ERRORS.tooMany.msg);
    return undefined;
  }
  const [file] = files;
  if (file.data.length === 0) {
    ex.fail(UPLOAD_ERRORS.empty.code, UPLOAD_ERRORS.empty.msg);
    return undefined;
  }
  if (file.data.length > limit) {
    const mb = limit / (1024 * 1024);
    ex.fail(UPLOAD_ERRORS.tooLarge.code, `${UPLOAD_ERRORS.tooLarge.msg}: at most ${mb} MB`);
    return undefined;
  }
  return file;
}

/** @param {Exchange} ex */
export function uploadFile(ex) {
  const file = singleFilePart(ex, UPLOAD_LIMIT_BYTES);
  if (!file) return;
  const name = file.filename || 'file';
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (REFUSED_EXTENSIONS.has(extension)) {
    return ex.fail(UPLOAD_ERRORS.format.code, `${UPLOAD_ERRORS.format.msg}: .${extension}`);
  }
  const info = {
    id: ex.state.newId(),
    bytes: file.data.length,
    created_at: nowSeconds(),
    file_name: name,
  };
  ex.state.store.saveFile(info);
  ex.ok(info);
}

/** @param {Exchange} ex */
export function retrieveFile(ex) {
  const fileId = ex.url.searchParams.get('file_id') ?? '';
  if (!fileId) return ex.fail(INVALID_PARAMETER, 'invalid parameter: file_id is required');
  const info = ex.state.store.file(fileId);
  if (!info) return ex.fail(INVALID_PARAMETER, `invalid parameter: file ${fileId} not found`);
  ex.ok(info);
}
