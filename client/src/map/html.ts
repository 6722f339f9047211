// The map's webview document. Scripts run only with this load's nonce; styles come from our own
// stylesheet; nothing inline, no eval. Engine data never appears here: it arrives later as a
// message and is drawn by the canvas. The stylesheet link carries the id cytoscape looks for,
// so that it does not inject a <style> element of its own (which this CSP would block).
import { randomBytes } from 'node:crypto';
import { escapeXml } from './svg';

export interface MapHtmlInput {
  cspSource: string;
  /** Webview URIs, already converted with `asWebviewUri`. */
  cytoscapeUri: string;
  /** The layout engine: elkjs and its cytoscape adapter, one vendored file. */
  layoutUri: string;
  /** The map's own scripts, in load order (map.js last). */
  scriptUris: string[];
  styleUri: string;
  language: string;
  /** UI text for the toolbar and the script, already translated. */
  strings: Record<string, string>;
  nonce?: string;
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[+/=]/g, '');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    `default-src 'none'`,
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

/** What the shapes, outlines and lines mean, in the map's corner. */
function legend(s: (key: string) => string): string {
  const item = (swatch: string, key: string) =>
    `<li><span class="swatch ${swatch}" aria-hidden="true"></span>${s(key)}</li>`;
  return `<aside id="legend" aria-label="${s('legend')}"><ul>
${item('network', 'legendNetwork')}
${item('container', 'legendContainer')}
${item('volume', 'legendVolume')}
${item('port', 'legendPort')}
${item('service', 'legendService')}
${item('task', 'legendTask')}
${item('stopped', 'legendStopped')}
${item('mount', 'legendMount')}
</ul><p>${s('hint')}</p></aside>`;
}

export function mapHtml(input: MapHtmlInput): string {
  const nonce = input.nonce ?? makeNonce();
  const s = (key: string) => escapeXml(input.strings[key] ?? key);
  // Attribute values: quotes cannot close the attribute, single quotes stay readable in the CSP.
  const attr = (text: string) => escapeXml(text).replace(/&apos;/g, "'");
  const scripts = [input.cytoscapeUri, input.layoutUri, ...input.scriptUris];
  return `<!DOCTYPE html>
<html lang="${attr(input.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(input.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" id="__________cytoscape_stylesheet" nonce="${nonce}" href="${attr(input.styleUri)}">
<title>${s('title')}</title>
</head>
<body data-strings="${attr(JSON.stringify(input.strings))}">
<div id="toolbar" role="toolbar">
<button id="fit" type="button">${s('fit')}</button>
<button id="relayout" type="button">${s('relayout')}</button>
<button id="export" type="button">${s('export')}</button>
<input id="search" type="search" list="container-names" placeholder="${s('search')}" aria-label="${s('search')}">
<datalist id="container-names"></datalist>
<label id="builtins-toggle"><input id="builtins" type="checkbox">${s('builtins')}</label>
<span id="status" role="status" aria-live="polite"></span>
</div>
<div id="graph" role="img" aria-label="${s('title')}"></div>
${legend(s)}
${scripts.map((src) => `<script nonce="${nonce}" src="${attr(src)}"></script>`).join('\n')}
</body>
</html>
`;
}
