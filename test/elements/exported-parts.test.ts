import {expect, waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {deep, mountChat, uniqueToken} from './helpers.js';

interface Manifest {
  modules: {declarations?: {tagName?: string; cssParts?: {name: string}[]}[]}[];
}

/** The parts each element documents, from the generated custom-elements.json. */
async function documentedParts(): Promise<Map<string, string[]>> {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
  const parts = new Map<string, string[]>();
  for (const d of manifest.modules.flatMap((m) => m.declarations ?? [])) {
    if (d.tagName)
      parts.set(
        d.tagName,
        (d.cssParts ?? []).map((p) => p.name)
      );
  }
  return parts;
}

/** `exportparts="a, b:c"` as inner name → outer name. */
function exported(el: Element): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of (el.getAttribute('exportparts') ?? '').split(',')) {
    const [inner, outer] = entry.split(':').map((s) => s.trim());
    if (inner) map.set(inner, outer || inner);
  }
  return map;
}

describe('<coze-chat> re-exports its parts', () => {
  it('passes on every part of every element it renders, and documents each one', async () => {
    const documented = await documentedParts();
    const chat: CozeChat = await mountChat(uniqueToken('exported-parts'));
    chat.conversations = true;
    await chat.show();
    deep<HTMLButtonElement>(chat, '[part~="conversations-button"]')!.click();
    await waitUntil(() => deep(chat, 'coze-conversation-list'), 'the list did not render');
    const own = documented.get('coze-chat') ?? [];
    const missing: string[] = [];
    for (const tag of [
      'coze-launcher',
      'coze-message-list',
      'coze-composer',
      'coze-conversation-list',
    ]) {
      const el = chat.shadowRoot!.querySelector(tag);
      expect(el, tag).to.exist;
      const names = exported(el!);
      const parts = documented.get(tag) ?? [];
      expect(parts, `${tag} documents parts`).to.not.be.empty;
      for (const part of parts) {
        const outer = names.get(part);
        if (!outer) missing.push(`${tag} ${part}: not exported`);
        else if (!own.includes(outer)) missing.push(`${tag} ${part} as ${outer}: not documented`);
      }
    }
    expect(missing).to.deep.equal([]);
  });
});
