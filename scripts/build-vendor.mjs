// The network map's webview loads its libraries from media/vendor: the VSIX ships media/, not
// node_modules/. Cytoscape is copied as it is published; the layout engine (elkjs and its
// cytoscape adapter) is bundled into one minified script that sets `cytoscapeElk` for the
// webview's own scripts. The webview tests build it the same way.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');
const vendor = path.join(root, 'media', 'vendor');

fs.mkdirSync(vendor, { recursive: true });
fs.copyFileSync(
  path.join(root, 'node_modules', 'cytoscape', 'dist', 'cytoscape.min.js'),
  path.join(vendor, 'cytoscape.min.js'),
);
await esbuild.build({
  stdin: {
    contents: "import cytoscapeElk from 'cytoscape-elk'; globalThis.cytoscapeElk = cytoscapeElk;",
    resolveDir: root,
    loader: 'js',
  },
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  logLevel: 'warning',
  outfile: path.join(vendor, 'cytoscape-elk.min.js'),
});
