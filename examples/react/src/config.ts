/** The site's configuration, fetched after the page has rendered. */
export async function fetchBotId(): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 300))
  return '7500000000000000001'
}

/**
 * Stands in for the site's token endpoint: the page's `?token=`. A real site fetches a
 * short-lived token from its server here (and a new one when `previous` was rejected).
 */
export async function tokenFromPage(previous?: string): Promise<string> {
  void previous
  return new URLSearchParams(location.search).get('token') ?? 'example-token'
}
