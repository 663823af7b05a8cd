/** Events are documented with `@event` in each class's JSDoc; the analyzer also
 * records every `dispatchEvent(new SomeEvent())` without a name, which says nothing. */
const dropUnnamedEvents = {
  name: 'sort-modules-and-drop-unnamed-events',
  packageLinkPhase({customElementsManifest}) {
    // The file walk's order depends on the file system; sort so the output is the same everywhere.
    customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
    for (const mod of customElementsManifest.modules) {
      for (const declaration of mod.declarations ?? []) {
        if (declaration.events) declaration.events = declaration.events.filter((e) => e.name);
      }
    }
  },
};

/**
 * What an editor or a typings generator needs, and nothing it must not see:
 * enum types as the literal unions they stand for (an IDE offers `"inline"`,
 * not `"ChatMode"`), one `custom-element-definition` per tag (define.ts
 * registers them in a loop the analyzer cannot follow), and no private members. Members are
 * public unless marked, so the `privacy: "public"` the analyzer writes for properties declared
 * in `static properties` (as `<coze-chat>` and `<coze-launcher>` do) is left out, as it is for
 * decorated ones. The session chunk's context providers (`providers.ts`) are no API.
 */
const publicApi = () => {
  /** Alias name → its union of string literals, e.g. `ChatMode` → `'floating' | 'inline' | 'headless'`. */
  const unions = new Map();
  const conflicting = new Set();
  return {
    name: 'literal-unions-definitions-and-no-private-members',
    analyzePhase({ts, node}) {
      if (!ts.isTypeAliasDeclaration(node)) return;
      const type = node.type;
      const members = ts.isUnionTypeNode(type) ? type.types : [type];
      if (!members.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) return;
      const text = members.map((t) => `'${t.literal.text}'`).join(' | ');
      const name = node.name.text;
      if (unions.has(name) && unions.get(name) !== text) conflicting.add(name);
      unions.set(name, text);
    },
    packageLinkPhase({customElementsManifest}) {
      for (const name of conflicting) unions.delete(name);
      const expand = (type) => {
        if (!type?.text) return;
        type.text = type.text.replace(/\b[A-Z]\w*\b/g, (word) => unions.get(word) ?? word);
      };
      const tags = [];
      for (const mod of customElementsManifest.modules) {
        mod.exports = mod.exports?.filter((e) => e.declaration?.module !== './providers.js');
        for (const declaration of mod.declarations ?? []) {
          if (declaration.members) {
            declaration.members = declaration.members.filter(
              (m) => m.privacy !== 'private' && !m.name.startsWith('#')
            );
            for (const member of declaration.members) {
              if (member.privacy === 'public') delete member.privacy;
              expand(member.type);
              for (const parameter of member.parameters ?? []) expand(parameter.type);
            }
          }
          for (const attribute of declaration.attributes ?? []) expand(attribute.type);
          if (declaration.customElement && declaration.tagName) {
            tags.push({tag: declaration.tagName, name: declaration.name, module: mod.path});
          }
        }
      }
      const define = customElementsManifest.modules.find((m) => m.path === 'src/define.ts');
      if (define) {
        define.exports = [
          ...(define.exports ?? []).filter((e) => e.kind !== 'custom-element-definition'),
          ...tags.map(({tag, name, module}) => ({
            kind: 'custom-element-definition',
            name: tag,
            declaration: {name, module},
          })),
        ];
      }
    },
  };
};

export default {
  globs: ['src/**/*.ts'],
  exclude: [
    'src/**/*.styles.ts',
    'src/**/*.test.ts',
    'src/react/**',
    'src/elements/coze-chat/providers.ts',
  ],
  outdir: '.',
  litelement: true,
  // package.json already points at ./custom-elements.json; the freshness check writes elsewhere.
  packagejson: false,
  plugins: [dropUnnamedEvents, publicApi()],
};
