// Test-server middleware: `/__slow/<ms>[-<nonce>]/<path>` serves `<path>`, and holds back every file but
// the CDN entry for <ms> milliseconds (at most 10 s). A page that loads the entry from there
// gets it at once and its chunks late, as over a slow network: chunks load from the entry's
// own directory, so they come through the same prefix.
const PREFIX = /^\/__slow\/(\d+)(?:-\w+)?(\/.*)$/;

export function slowChunks() {
  return async (ctx, next) => {
    const match = PREFIX.exec(ctx.path);
    if (!match) return next();
    const [, ms, path] = match;
    if (!path.endsWith('/coze-chat-elements.js')) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(Number(ms), 10000)));
    }
    ctx.path = path;
    return next();
  };
}
