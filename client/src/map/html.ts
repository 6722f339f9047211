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
  scriptUri: string;
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

export function mapHtml(input: MapHtmlInput): string {
  const nonce = input.nonce ?? makeNonce();
  const s = (key: string) => escapeXml(input.strings[key] ?? key);
  // Attribute values: quotes cannot close the attribute, single quotes stay readable in the CSP.
  const attr = (text: string) => escapeXml(text).replace(/&apos;/g, "'");
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
<span id="hint">${s('hint')}</span>
<span id="status" role="status" aria-live="polite"></span>
</div>
<div id="graph" role="img" aria-label="${s('title')}"></div>
<script nonce="${nonce}" src="${attr(input.cytoscapeUri)}"></script>
<script nonce="${nonce}" src="${attr(input.scriptUri)}"></script>
</body>
</html>
`;
}
