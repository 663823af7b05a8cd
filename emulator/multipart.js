// @ts-check
/** A minimal `multipart/form-data` reader, enough for file uploads from a browser. */

/**
 * @typedef {object} Part
 * @property {string} name
 * @property {string} [filename]
 * @property {string} [contentType]
 * @property {Buffer} data
 */

/**
 * Splits a multipart body into its parts. Returns null when the body is not valid multipart.
 * @param {string} contentType the request's Content-Type header
 * @param {Buffer} body
 * @returns {Part[] | null}
 */
export function parseMultipart(contentType, body) {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!match) return null;
  const delimiter = Buffer.from(`--${match[1] ?? match[2].trim()}`);
  /** @type {Part[]} */
  const parts = [];
  let at = body.indexOf(delimiter);
  if (at < 0) return null;
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') return parts;
    at += 2; // CRLF after the delimiter
    const headerEnd = body.indexOf('\r\n\r\n', at);
    if (headerEnd < 0) return null;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd);
    if (next < 0) return null;
    const headers = body.subarray(at, headerEnd).toString('utf8');
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '';
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    const type = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1];
    parts.push({
      name,
      ...(filename === undefined ? {} : {filename}),
      ...(type === undefined ? {} : {contentType: type}),
      data: body.subarray(headerEnd + 4, next),
    });
    at = next + 2;
  }
}
