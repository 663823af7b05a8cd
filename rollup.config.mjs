import {nodeResolve} from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import {rmSync} from 'node:fs';

// Bundles the compiled ES modules in dist/ (from `tsc`) for the CDN: the ES module build is an
// entry (the elements and the launcher) plus content-hashed chunks beside it, loaded on intent;
// the classic script is one self-contained file.
const plugins = [
  replace({
    preventAssignment: true,
    values: {'process.env.NODE_ENV': JSON.stringify('production')},
  }),
  nodeResolve({browser: true}),
  // Whitespace in html`` and css`` templates is not code, so terser keeps it; this strips it.
  // keepClosingSlash: in svg`` templates `<rect/>` must stay self-closed, or the next shape
  // becomes its child and is never drawn (test/dist/icons.test.ts checks the bundle).
  minifyHTML({options: {minifyOptions: {keepClosingSlash: true}}}),
  terser({ecma: 2022, module: true, compress: {passes: 2}, format: {comments: false}}),
];

// tsc's decorator helper reads a top-level `this`; in a module that is undefined, as intended.
const onwarn = (warning, warn) => {
  if (warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
};

/** Writes `fileName` next to the bundle: the typings of `coze-chat-elements/cdn` and `/cdn/iife`. */
const typings = (fileName, source) => ({
  name: 'typings',
  generateBundle() {
    this.emitFile({type: 'asset', fileName, source});
  },
});

// Chunk names carry a content hash: clear out the last build's, so only this build's ship.
rmSync('dist/cdn', {recursive: true, force: true});

export default [
  {
    input: 'dist/cdn.js',
    // Code the chunks share with the entry stays in the entry (one request at first load).
    // Lazily imported modules (the session, the features, the code highlighter) become
    // content-hashed chunks beside the entry.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist/cdn',
      format: 'es',
      sourcemap: true,
      entryFileNames: 'coze-chat-elements.js',
      // Chunks load from the entry's own directory (import() resolves against the entry's URL).
      chunkFileNames: '[name]-[hash].js',
    },
    plugins: [
      ...plugins,
      typings(
        'coze-chat-elements.d.ts',
        "// The entry exports what src/cdn.ts does; the rest of the package loads as chunks.\nexport * from '../cdn.js';\n"
      ),
    ],
    onwarn,
  },
  {
    input: 'dist/cdn-global.js',
    // One self-contained classic script: lazy modules are inlined, but for the formula typesetter
    // (KaTeX), which stays a module beside it: a classic script's import() resolves against the
    // script's own URL.
    output: {
      file: 'dist/cdn/coze-chat-elements.iife.js',
      format: 'iife',
      sourcemap: true,
      inlineDynamicImports: true,
    },
    plugins: [
      {
        name: 'typesetter-beside',
        resolveDynamicImport: (specifier) =>
          typeof specifier === 'string' && specifier.endsWith('/math-typesetter.js')
            ? {id: './coze-chat-math.js', external: true}
            : null,
      },
      ...plugins,
      typings(
        'coze-chat-elements.iife.d.ts',
        '// A classic script: it exports nothing and defines window.CozeChatElements and window.CozeWebSDK.\n' +
          "import '../cdn-global.js';\nexport {};\n"
      ),
    ],
    onwarn,
  },
  {
    // The formula typesetter as one module, for the classic script (see above).
    input: 'dist/elements/coze-message-list/math-typesetter.js',
    output: {file: 'dist/cdn/coze-chat-math.js', format: 'es', sourcemap: true},
    plugins,
    onwarn,
  },
];
