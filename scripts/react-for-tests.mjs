// React ships CommonJS only, and its entry files pick a build at run time, so a browser
// cannot import it as it is. For the React tests (test/react/), this test-server plugin
// serves React and ReactDOM as ES modules bundled once by esbuild, sharing one React.
import {execFileSync} from 'node:child_process';
import {build} from 'esbuild';

const modules = ['react', 'react/jsx-runtime', 'react-dom', 'react-dom/client'];
const served = (name) => `/__react/${name.replace('/', '-')}.js`;

/** A CommonJS module's export names, read in a separate Node (React's dev build patches the console). */
function exportNames(name) {
  const script = `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(name)}))))`;
  const names = JSON.parse(execFileSync(process.execPath, ['-e', script], {encoding: 'utf8'}));
  return names.filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
}

async function bundle() {
  const entries = Object.fromEntries(
    modules.map((name) => [name.replace('/', '-'), `entry:${name}`])
  );
  const result = await build({
    entryPoints: entries,
    bundle: true,
    splitting: true,
    format: 'esm',
    write: false,
    outdir: '/__react',
    define: {'process.env.NODE_ENV': '"development"'},
    logLevel: 'silent',
    plugins: [
      {
        name: 'named-exports',
        setup(b) {
          b.onResolve({filter: /^entry:/}, ({path}) => ({path: path.slice(6), namespace: 'entry'}));
          b.onLoad({filter: /.*/, namespace: 'entry'}, ({path}) => {
            const names = exportNames(path);
            return {
              resolveDir: process.cwd(),
              contents: `import * as m from '${path}';\nexport default m;\nexport const {${names.join(', ')}} = m;\n`,
            };
          });
        },
      },
    ],
  });
  return new Map(result.outputFiles.map((file) => [file.path, file.text]));
}

/** A @web/dev-server plugin: bare `react…` imports resolve to the bundled ES modules. */
export function reactForTests() {
  let files;
  return {
    name: 'react-for-tests',
    resolveImport({source}) {
      if (modules.includes(source)) return served(source);
    },
    async serve({path}) {
      if (!path.startsWith('/__react/')) return undefined;
      files ??= bundle();
      const body = (await files).get(path);
      return body === undefined ? undefined : {body, type: 'js'};
    },
  };
}
