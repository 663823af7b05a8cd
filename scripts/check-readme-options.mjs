// The README's option table must match the element: every attribute and
// property it names exists on <coze-chat> in custom-elements.json, and every
// public attribute of <coze-chat> appears in the table.
import {readFileSync} from 'node:fs';

const readme = readFileSync('README.md', 'utf8');
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const chat = manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .find((d) => d.tagName === 'coze-chat');

const start = readme.indexOf('<!-- options-table');
const end = readme.indexOf('<!-- /options-table -->');
if (start < 0 || end < 0) throw new Error('README.md has no options table markers.');
const rows = readme
  .slice(start, end)
  .split('\n')
  .filter(
    (line) => line.startsWith('|') && !line.startsWith('|---') && !line.startsWith('| official')
  );

const codes = (cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
const attributes = new Set((chat.attributes ?? []).map((a) => a.name));
const members = new Set(
  (chat.members ?? []).filter((m) => m.privacy !== 'private').map((m) => m.name)
);
const events = new Set((chat.events ?? []).map((e) => e.name));

const problems = [];
const tableAttributes = new Set();
for (const row of rows) {
  const [, , attributeCell, propertyCell] = row.split(/(?<!\\)\|/).map((c) => c.trim());
  for (const name of codes(attributeCell)) {
    if (name.includes('.')) continue; // "same as `ui.base`": a pointer, not a name
    if (name.startsWith('coze-')) {
      if (!events.has(name)) problems.push(`event ${name} is not in the manifest`);
      continue;
    }
    const attribute = name.replace(/=.*$/, '').replace(/"/g, '');
    tableAttributes.add(attribute);
    if (!attributes.has(attribute)) problems.push(`attribute ${attribute} is not on <coze-chat>`);
  }
  for (const name of codes(propertyCell)) {
    if (!members.has(name)) problems.push(`property ${name} is not on <coze-chat>`);
  }
}
const additions = new Set(['theme', 'lang', 'open']);
for (const attribute of attributes) {
  if (!tableAttributes.has(attribute) && !additions.has(attribute)) {
    problems.push(`attribute ${attribute} of <coze-chat> is missing from the README table`);
  }
}
if (problems.length) {
  console.error(
    `README option table and custom-elements.json disagree:\n  ${problems.join('\n  ')}`
  );
  process.exit(1);
}
console.log(`README option table matches custom-elements.json (${rows.length} rows).`);
