import {html, nothing} from 'lit';
import type {ToolUse} from '../../state/types.js';
import type {UiConfig} from '../../state/ui-config.js';
import {format} from '../../i18n/index.js';
import {disclosureButton, type DisclosureView} from './disclosure.js';

export interface ToolCardView extends DisclosureView {
  readonly tool: ToolUse;
  /** Still waiting for its result, done with one, or ended without one. */
  readonly state: ToolCardState;
}

export type ToolCardState = 'running' | 'done' | 'failed';

/** A card's state: a result means done; none yet while the answer runs; none after it, failed. */
export function toolCardState(tool: ToolUse, streaming: boolean): ToolCardState {
  if (tool.output !== undefined) return 'done';
  return streaming && !tool.failed ? 'running' : 'failed';
}

/** Tool outputs pretty-printed once each (messages are immutable, so the object is the cache key). */
const prettyOutputs = new WeakMap<ToolUse, string>();

function prettyOutput(tool: ToolUse): string {
  let out = prettyOutputs.get(tool);
  if (out === undefined) {
    out = tool.output ?? '';
    if (/^\s*[[{]/.test(out)) {
      try {
        out = JSON.stringify(JSON.parse(out), null, 2);
      } catch {
        // Not JSON after all: show it as it came.
      }
    }
    prettyOutputs.set(tool, out);
  }
  return out;
}

const labels = {
  running: 'toolRunning',
  done: 'usedTool',
  failed: 'toolFailed',
} as const;

/**
 * A plugin the bot used, or a function the page ran for it: "Using {name}…"
 * while it runs, "Used {name}" once it answered, "{name} failed" when it
 * ended without a result; opened, its thought, input and result.
 */
export function renderToolCard(view: ToolCardView, ui: UiConfig) {
  const {tool, state} = view;
  return html`<div
    part="function-call"
    class="disclosure-block tool"
    data-state=${state}
    data-local=${tool.local ? 'true' : 'false'}
  >
    ${disclosureButton(
      view,
      format(ui.strings[labels[state]], {name: tool.name}),
      html`<span class="tool-state" aria-hidden="true"></span>`
    )}
    <div id=${view.id} class="disclosure-body" ?hidden=${!view.open}>
      ${tool.thought ? html`<p class="tool-thought">${tool.thought}</p>` : nothing}
      ${
        tool.arguments
          ? html`<div class="tool-section">
              <span class="tool-label">${ui.strings.toolInput}</span>
              <pre class="tool-input"><code>${tool.arguments}</code></pre>
            </div>`
          : nothing
      }
      ${
        tool.output !== undefined
          ? html`<div class="tool-section">
              <span class="tool-label">${ui.strings.toolOutput}</span>
              <pre class="tool-output"><code>${prettyOutput(tool)}</code></pre>
            </div>`
          : nothing
      }
    </div>
  </div>`;
}
