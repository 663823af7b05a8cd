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

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.test.ts', 'src/react/**'],
  outdir: '.',
  litelement: true,
  // package.json already points at ./custom-elements.json; the freshness check writes elsewhere.
  packagejson: false,
  plugins: [dropUnnamedEvents],
};
