/// <reference types="mocha" />
// Runs against the built CDN files, not the sources: the bundle's template minifier once
// turned `<rect/><path/>` into a rect with the path inside it, drawing nothing.
import {expect, waitUntil} from '@open-wc/testing';
import {uniqueToken} from '../api/helpers.js';

const SHAPES = 'path, rect, circle, ellipse, line, polyline, polygon';
const BUNDLES = [
  {name: 'ES module', tag: '<script type="module" src="/dist/cdn/coze-chat-elements.js"></script>'},
  {name: 'classic script', tag: '<script src="/dist/cdn/coze-chat-elements.iife.js"></script>'},
];

async function page(body: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 900px; height: 800px;';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  frame.srcdoc = `<!doctype html><html lang="en"><body>${body}</body></html>`;
  document.body.append(frame);
  await loaded;
  return frame;
}

/** Every `<svg>` under `root`, through open shadow roots. */
function allSvgs(root: Document | ShadowRoot): SVGSVGElement[] {
  const found: SVGSVGElement[] = [...root.querySelectorAll('svg')];
  for (const el of root.querySelectorAll('*'))
    if (el.shadowRoot) found.push(...allSvgs(el.shadowRoot));
  return found;
}

for (const bundle of BUNDLES) {
  describe(`icons in the built bundle (${bundle.name})`, () => {
    let frame: HTMLIFrameElement | undefined;
    afterEach(() => frame?.remove());

    it('draws every shape of every icon: none nested in another, none empty', async () => {
      const build = await fetch(bundle.tag.match(/src="([^"]+)"/)![1]);
      expect(build.ok, 'the CDN build is missing: run `npm run build`').to.equal(true);
      frame = await page(
        `${bundle.tag}<coze-chat mode="inline" style="height:700px" bot-id="7500000000000000001"
          token="${uniqueToken('icons')}" api-base="${location.origin}" user-id="icons"></coze-chat>`
      );
      const doc = frame.contentDocument!;
      await waitUntil(() => allSvgs(doc).length >= 3, 'the panel drew no icons', {timeout: 8000});
      const svgs = allSvgs(doc);
      const nested: string[] = [];
      const empty: string[] = [];
      for (const svg of svgs) {
        const shapes = [...svg.querySelectorAll(SHAPES)];
        if (!shapes.length || shapes.some((shape) => shape.querySelector(SHAPES)))
          nested.push(svg.innerHTML);
        const box = svg.getBBox();
        if (svg.getClientRects().length && !(box.width * box.height > 0)) empty.push(svg.innerHTML);
      }
      expect(nested, 'icons with a shape inside another shape').to.deep.equal([]);
      expect(empty, 'icons on screen that draw nothing').to.deep.equal([]);
      // The microphone (rect + path) and the send arrow are both on screen.
      const multi = svgs.filter((svg) => svg.querySelectorAll(SHAPES).length > 1);
      expect(multi.length, 'an icon made of two shapes').to.be.greaterThan(0);
    });
  });
}
