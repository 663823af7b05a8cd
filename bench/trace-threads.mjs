// Which threads of a Chromium trace are the main threads of web pages' renderers. Chromium's
// own pages (a "WebUI Top Renderer" process, which headless Chromium 156 starts beside the tab)
// have main threads too, and their module loads (a 90-150 ms task) are not the page's work.

/** `pid:tid` of each renderer main thread outside WebUI processes. */
export function pageMainThreads(events) {
  const webUi = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'process_name' && /WebUI/i.test(e.args?.name ?? ''))
      .map((e) => e.pid)
  );
  return new Set(
    events
      .filter(
        (e) =>
          e.ph === 'M' &&
          e.name === 'thread_name' &&
          e.args?.name === 'CrRendererMain' &&
          !webUi.has(e.pid)
      )
      .map((e) => `${e.pid}:${e.tid}`)
  );
}
