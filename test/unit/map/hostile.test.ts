// Container names, labels, images and mount paths come from whoever controls the engine. They
// must reach the map only as inert text: escaped in the exported SVG, never in the webview HTML.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildGraph } from '../../../client/src/map/graphModel';
import { contentSecurityPolicy, mapHtml } from '../../../client/src/map/html';
import { parseFromWebview } from '../../../client/src/map/protocol';
import { colorsFrom, escapeXml, renderSvg } from '../../../client/src/map/svg';
import { container, endpoint, network, snapshot } from '../reach/fixtures';

const payload = '<img src=x onerror=alert(1)>';

function hostileGraph() {
  const net = network(`net"><script>alert(2)</script>`);
  const c = container(payload, {
    image: `evil/"onload="alert(3)`,
    composeProject: payload,
    composeService: '&amp;',
    endpoints: [endpoint(net, payload, '10.0.0.2')],
    mounts: [],
  });
  const s = snapshot([net], [c]);
  s.volumes.set('v', {
    name: 'v',
    driver: 'local',
    scope: 'local',
    mountpoint: '/x',
    labels: {},
    options: {},
    anonymous: false,
    usedBy: [{ containerId: c.id, containerName: c.name, destination: `/a]]><x:y/>`, readOnly: false }],
  });
  return buildGraph(s);
}

void describe('hostile engine strings', () => {
  void it('the graph model carries them as plain data, unchanged', () => {
    const g = hostileGraph();
    assert.ok(g.nodes.some((n) => n.label === payload));
  });

  void it('the exported SVG escapes every one of them', () => {
    const g = hostileGraph();
    const positions = Object.fromEntries(g.nodes.map((n, i) => [n.id, { x: i * 100, y: i * 50 }]));
    const svg = renderSvg(g, positions);
    assert.ok(!svg.includes('<img'), 'no img element');
    assert.ok(!svg.includes('<script'), 'no script element');
    assert.ok(!svg.includes('<x:y'), 'no injected element');
    assert.ok(!svg.includes('"onload="'), 'no attribute break-out');
    assert.ok(svg.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(svg.includes('&amp;amp;'));
    // Every element in the file is one we write.
    const tags = new Set([...svg.matchAll(/<([a-zA-Z?][\w:-]*)/g)].map((m) => m[1]));
    assert.deepEqual([...tags].sort(), ['?xml', 'ellipse', 'g', 'line', 'rect', 'svg', 'text', 'title']);
  });

  void it('escapeXml drops characters XML cannot carry', () => {
    assert.equal(escapeXml('a\u0000b\u001bc\td'), 'abc\td');
    assert.equal(escapeXml(`'"&<>`), '&apos;&quot;&amp;&lt;&gt;');
  });

  void it('colours from the webview are checked before they reach the file', () => {
    const colors = colorsFrom({
      background: '#1e1e1e',
      foreground: 'red"/><script>alert(1)</script>',
      edge: 'url(javascript:alert(1))',
      network: 'rgb(55, 148, 255)',
    });
    assert.equal(colors.background, '#1e1e1e');
    assert.equal(colors.foreground, '#1f1f1f');
    assert.equal(colors.edge, '#8a8a8a');
    assert.equal(colors.network, 'rgb(55, 148, 255)');
  });

  void it('positions that are not finite numbers are ignored', () => {
    const parsed = parseFromWebview({
      type: 'export',
      positions: { a: { x: 1, y: 2 }, b: { x: 'NaN', y: 0 }, c: { x: Infinity, y: 0 }, d: null },
      colors: { background: 5 },
    });
    assert.deepEqual(parsed, { type: 'export', positions: { a: { x: 1, y: 2 } }, colors: {} });
    assert.equal(parseFromWebview({ type: 'reveal', kind: 'image', id: 'x' }), undefined);
    assert.deepEqual(parseFromWebview({ type: 'reveal', kind: 'task', id: 't1' }), {
      type: 'reveal',
      kind: 'task',
      id: 't1',
    });
    assert.equal(parseFromWebview({ type: 'connect', containerId: '', networkId: 'n' }), undefined);
    assert.equal(parseFromWebview('ready'), undefined);
  });
});

void describe('webview HTML', () => {
  const html = mapHtml({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    cytoscapeUri: 'https://x/vendor/cytoscape.min.js',
    layoutUri: 'https://x/vendor/cytoscape-elk.min.js',
    scriptUris: ['https://x/map/style.js', 'https://x/map/map.js'],
    styleUri: 'https://x/map/map.css',
    language: 'zh-cn',
    strings: {
      title: payload,
      fit: 'Fit',
      relayout: 'Re-arrange',
      export: 'Export',
      hint: '"><b>x</b>',
      legendNetwork: payload,
    },
    nonce: 'abc123',
  });

  void it('has a strict CSP meta with a nonce and no unsafe-*', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    assert.ok(meta, 'CSP meta present');
    const csp = meta[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc123'(;|$)/);
    assert.match(csp, /style-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net 'nonce-abc123'/);
    assert.doesNotMatch(csp, /unsafe-/);
    assert.equal(csp, contentSecurityPolicy('https://file+.vscode-resource.vscode-cdn.net', 'abc123'));
  });

  void it('every script carries the nonce and nothing is inline', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 4);
    for (const [, attrs, body] of scripts) {
      assert.match(attrs ?? '', /nonce="abc123"/);
      assert.match(attrs ?? '', /src="/);
      assert.equal(body, '');
    }
    assert.doesNotMatch(html, /<style/);
    assert.doesNotMatch(html, /\sstyle=/);
    // Attribute values are escaped (no raw quote), so dropping them leaves only real attribute names.
    const tags = [...html.replace(/="[^"]*"/g, '').matchAll(/<[^>]*>/g)].map((m) => m[0]);
    for (const tag of tags) assert.doesNotMatch(tag, /\son[a-z]+/i, tag);
  });

  void it('escapes its own text, even translated strings', () => {
    assert.ok(!html.includes(payload));
    assert.ok(!html.includes('<b>x</b>'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });

  void it('gives the stylesheet the id cytoscape checks, so it injects no <style> of its own', () => {
    assert.match(html, /<link rel="stylesheet" id="__________cytoscape_stylesheet"/);
  });

  void it('makes a fresh nonce per document', () => {
    const input = {
      cspSource: 's',
      cytoscapeUri: 'a',
      layoutUri: 'l',
      scriptUris: ['b'],
      styleUri: 'c',
      language: 'en',
      strings: {},
    };
    const nonceOf = (h: string) => /'nonce-([^']+)'/.exec(h)?.[1];
    const one = nonceOf(mapHtml(input));
    const two = nonceOf(mapHtml(input));
    assert.ok(one && two && one !== two && one.length >= 16);
  });
});
