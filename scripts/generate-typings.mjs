// From custom-elements.json, after `tsc`: the typings that let the plain tags type-check in
// React JSX, Vue templates and Svelte 5 (dist/types/), and the editor data for VS Code
// (dist/vscode.html-custom-data.json) and JetBrains IDEs (dist/web-types.json).
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const elements = manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .filter((d) => d.customElement && d.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

const docsUrl = `${pkg.homepage.replace(/#.*$/, '')}#usage`;
const quote = (text) => JSON.stringify(text);
const describe = (item) => item.description ?? item.summary ?? '';

/** A property a page may set: a public, writable, instance field. */
const properties = (element) =>
  (element.members ?? []).filter(
    (m) =>
      m.kind === 'field' &&
      !m.static &&
      !m.readonly &&
      m.privacy !== 'private' &&
      m.privacy !== 'protected'
  );
/**
 * The properties a framework template can bind: React 19, Vue and Svelte 5 turn a function
 * named `on…` into an event listener, so `onRefreshToken`, `onShow`, … are left out of the
 * plain tags' typings (use `token` as a function, `beforeShow`, `coze-show`, or the React components).
 */
const bindable = (element) => properties(element).filter((p) => !/^on[A-Z]/.test(p.name));
/** `'a' | 'b'` from a literal union type, or undefined. */
const literals = (text = '') => {
  const parts = text
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p !== 'undefined');
  return parts.length && parts.every((p) => /^'[^']*'$/.test(p))
    ? parts.map((p) => p.slice(1, -1))
    : undefined;
};
/** The type of an attribute written in markup: literal unions stay, the rest is what an attribute can hold. */
const attributeType = (attribute) => {
  const text = attribute.type?.text ?? 'string';
  if (literals(text)) return literals(text).map(quote).join(' | ');
  if (/^boolean\b/.test(text)) return 'boolean | string';
  if (/^number\b/.test(text)) return 'number | string';
  return 'string';
};
/** Markup attributes that are not also a property of the same name (those come from the class). */
const kebabAttributes = (element) => {
  const names = new Set(properties(element).map((p) => p.name));
  return (element.attributes ?? []).filter((a) => !names.has(a.name));
};

const banner =
  '// Generated from custom-elements.json by scripts/generate-typings.mjs; do not edit.\n';
const eventTypes = [
  ...new Set(elements.flatMap((e) => (e.events ?? []).map((ev) => ev.type?.text ?? 'Event'))),
]
  .filter((t) => t !== 'Event')
  .sort();

// dist/types/elements.d.ts: per element, its settable properties, markup attributes and events.
let shared = banner;
shared += `import type {${elements.map((e) => e.name).join(', ')}} from '../elements/index.js';\n`;
shared += `import type {${eventTypes.join(', ')}} from '../events/index.js';\n\n`;
shared +=
  '/** `on<event-name>` handlers, the way React 19 and Svelte 5 attach listeners to a custom element. */\n';
shared +=
  'export type EventHandlers<Events> = {[K in keyof Events as `on${K & string}`]?: (event: Events[K]) => void};\n';
for (const element of elements) {
  const props = bindable(element).map((p) => quote(p.name));
  shared += `\n/** Properties of \`<${element.tagName}>\` a page may set. */\n`;
  shared += `export type ${element.name}Properties = Partial<Pick<${element.name}, ${props.join(' | ') || 'never'}>>;\n`;
  shared += `/** Attributes of \`<${element.tagName}>\` in markup, besides the properties of the same name. */\n`;
  shared += `export interface ${element.name}Attributes {\n`;
  for (const attribute of kebabAttributes(element)) {
    if (describe(attribute)) shared += `  /** ${describe(attribute).replace(/\*\//g, '*\\/')} */\n`;
    shared += `  ${quote(attribute.name)}?: ${attributeType(attribute)};\n`;
  }
  shared += '}\n';
  shared += `/** Events of \`<${element.tagName}>\`, by name. */\n`;
  shared += `export interface ${element.name}Events {\n`;
  for (const event of element.events ?? [])
    shared += `  ${quote(event.name)}: ${event.type?.text ?? 'Event'};\n`;
  shared += '}\n';
}

const imports = (extra) =>
  `import type {${elements.map((e) => e.name).join(', ')}} from '../elements/index.js';\n` +
  `import type {EventHandlers, ${elements
    .flatMap((e) => [`${e.name}Attributes`, `${e.name}Events`, `${e.name}Properties`])
    .join(', ')}} from './elements.js';\n${extra}`;

// React 19: JSX.IntrinsicElements of the 'react' module.
let react = banner + imports("import type {DetailedHTMLProps, HTMLAttributes} from 'react';\n\n");
react +=
  'type Props<E extends HTMLElement, P, A, Ev> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof P | keyof A> &\n';
react += '  P &\n  A &\n  EventHandlers<Ev>;\n\n';
react += "declare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements {\n";
for (const e of elements) {
  react += `      ${quote(e.tagName)}: Props<${e.name}, ${e.name}Properties, ${e.name}Attributes, ${e.name}Events>;\n`;
}
react += '    }\n  }\n}\n';

// Vue 3: GlobalComponents, so vue-tsc checks the tags in templates (`bot-id` is checked as `botId`).
let vue = banner + imports("import type {EmitFn, HTMLAttributes, PublicProps} from 'vue';\n\n");
vue += 'type Element<E extends HTMLElement, P, Ev> = new () => E & {\n';
vue += '  $props: HTMLAttributes & P & PublicProps;\n';
vue += '  $emit: EmitFn<{[K in keyof Ev]: (event: Ev[K]) => void}>;\n};\n\n';
vue += "declare module 'vue' {\n  interface GlobalComponents {\n";
for (const e of elements)
  vue += `    ${quote(e.tagName)}: Element<${e.name}, ${e.name}Properties, ${e.name}Events>;\n`;
vue += '  }\n}\n';

// Svelte 5: SvelteHTMLElements of 'svelte/elements'.
let svelte = banner + imports("import type {HTMLAttributes} from 'svelte/elements';\n\n");
svelte += "declare module 'svelte/elements' {\n  interface SvelteHTMLElements {\n";
for (const e of elements) {
  svelte += `    ${quote(e.tagName)}: Omit<HTMLAttributes<${e.name}>, keyof ${e.name}Properties | keyof ${e.name}Attributes> &\n`;
  svelte += `      ${e.name}Properties &\n      ${e.name}Attributes &\n      EventHandlers<${e.name}Events>;\n`;
}
svelte += '  }\n}\n';

mkdirSync('dist/types', {recursive: true});
const write = (name, text) => writeFileSync(`dist/types/${name}`, text);
write('elements.d.ts', shared);
write('elements.js', `${banner}export {};\n`);
for (const [name, text] of Object.entries({react, vue, svelte})) {
  write(`${name}.d.ts`, `${text}\nexport {};\n`);
  // Importing the module at run time is harmless: it holds types only.
  write(`${name}.js`, `${banner}export {};\n`);
}

// VS Code: html.customData (https://github.com/microsoft/vscode-custom-data).
const vscode = {
  $schema:
    'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: elements.map((e) => ({
    name: e.tagName,
    description: [
      describe(e),
      ...(e.events ?? []).map((ev) => `Event \`${ev.name}\`: ${describe(ev)}`),
    ]
      .filter(Boolean)
      .join('\n\n'),
    attributes: (e.attributes ?? []).map((a) => ({
      name: a.name,
      description: describe(a),
      ...(literals(a.type?.text) ? {values: literals(a.type.text).map((name) => ({name}))} : {}),
      ...(/^boolean\b/.test(a.type?.text ?? '') ? {valueSet: 'v'} : {}),
    })),
    references: [{name: 'README', url: docsUrl}],
  })),
};
writeFileSync('dist/vscode.html-custom-data.json', `${JSON.stringify(vscode, null, 2)}\n`);

// JetBrains IDEs: web-types (https://github.com/JetBrains/web-types).
const webTypes = {
  $schema: 'https://json.schemastore.org/web-types',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  'js-types-syntax': 'typescript',
  contributions: {
    html: {
      elements: elements.map((e) => ({
        name: e.tagName,
        description: describe(e),
        'doc-url': docsUrl,
        attributes: (e.attributes ?? []).map((a) => ({
          name: a.name,
          description: describe(a),
          value: /^boolean\b/.test(a.type?.text ?? '')
            ? {kind: 'no-value', type: 'boolean'}
            : {kind: 'plain', type: a.type?.text ?? 'string'},
          ...(literals(a.type?.text)
            ? {values: literals(a.type.text).map((name) => ({name}))}
            : {}),
        })),
        slots: (e.slots ?? []).map((s) => ({name: s.name, description: describe(s)})),
        events: (e.events ?? []).map((ev) => ({
          name: ev.name,
          description: describe(ev),
          type: ev.type?.text,
        })),
        js: {
          properties: properties(e).map((p) => ({
            name: p.name,
            description: describe(p),
            type: p.type?.text,
          })),
          events: (e.events ?? []).map((ev) => ({
            name: ev.name,
            description: describe(ev),
            type: ev.type?.text,
          })),
        },
        css: {
          properties: (e.cssProperties ?? []).map((c) => ({
            name: c.name,
            description: describe(c),
          })),
          parts: (e.cssParts ?? []).map((c) => ({name: c.name, description: describe(c)})),
        },
      })),
    },
  },
};
writeFileSync('dist/web-types.json', `${JSON.stringify(webTypes, null, 2)}\n`);

console.log(
  `typings for React, Vue and Svelte, VS Code custom data and web-types: ${elements.length} elements, ` +
    `${elements.reduce((n, e) => n + (e.events?.length ?? 0), 0)} events`
);
