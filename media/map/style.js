// The map's look: theme colours from VS Code's CSS variables, and the cytoscape stylesheet.
// Labels are 13 px in graph units; `min-zoomed-font-size` hides any that would be drawn below
// 11 px on screen, so names appear as the user zooms in. Networks get the `far` class when
// zoomed out (see zoom.js): then their label is the name and a count, kept readable.
(function (berthMap) {
  'use strict';

  function themeColor(name, fallback) {
    const value = window.getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  function palette() {
    const highContrast = document.body.classList.contains('vscode-high-contrast');
    const contrast = themeColor('--vscode-contrastBorder', '');
    return {
      background: themeColor('--vscode-editor-background', '#ffffff'),
      foreground: themeColor('--vscode-editor-foreground', '#1f1f1f'),
      edge:
        highContrast && contrast ? contrast : themeColor('--vscode-editorLineNumber-foreground', '#8a8a8a'),
      focus: themeColor('--vscode-focusBorder', '#0078d4'),
      network: themeColor('--vscode-charts-blue', '#3794ff'),
      container: themeColor('--vscode-charts-green', '#388a34'),
      port: themeColor('--vscode-charts-orange', '#d18616'),
      volume: themeColor('--vscode-charts-purple', '#8e44ad'),
      service: themeColor('--vscode-charts-yellow', '#b89500'),
      muted: themeColor('--vscode-disabledForeground', '#888888'),
      font: themeColor('--vscode-font-family', 'sans-serif'),
      highContrast: highContrast,
    };
  }

  /** Graph units; on screen a label is this times the zoom. */
  const labelSize = 13;
  /** The smallest label drawn, in screen pixels. */
  const readablePx = 11;

  function kindStyle(kind, color, shape, width, height) {
    return {
      selector: 'node[kind = "' + kind + '"]',
      style: { shape: shape, 'background-color': color, 'border-color': color, width: width, height: height },
    };
  }

  function graphStyle() {
    const c = palette();
    const border = c.highContrast ? 3 : 2;
    return [
      {
        selector: 'node',
        style: {
          label: 'data(display)',
          'text-wrap': 'wrap',
          'text-max-width': '176px',
          'text-valign': 'center',
          'text-halign': 'center',
          'font-family': c.font,
          'font-size': labelSize,
          'min-zoomed-font-size': readablePx,
          color: c.foreground,
          'background-opacity': 0.18,
          'border-width': border,
        },
      },
      kindStyle('network', c.network, 'round-rectangle', 180, 50),
      kindStyle('container', c.container, 'round-rectangle', 190, 50),
      kindStyle('port', c.port, 'tag', 150, 40),
      kindStyle('volume', c.volume, 'barrel', 160, 36),
      kindStyle('service', c.service, 'round-octagon', 190, 50),
      kindStyle('task', c.container, 'round-rectangle', 190, 50),
      { selector: 'node[kind = "container"], node[kind = "task"]', style: { 'corner-radius': 25 } },
      { selector: 'node[kind = "task"]', style: { 'border-style': 'double', 'border-width': border + 2 } },
      {
        selector: 'node[kind = "network"].far',
        // A long name without spaces breaks anywhere rather than run into the next network.
        style: { label: 'data(summary)', 'font-weight': 'bold', 'text-overflow-wrap': 'anywhere' },
      },
      { selector: 'node.stopped, node.dangling', style: { 'border-style': 'dashed', color: c.muted } },
      {
        selector: 'node.internal, node.no-icc',
        style: { 'border-style': 'double', 'border-width': border + 2 },
      },
      { selector: 'node.drop-target', style: { 'border-color': c.focus, 'border-width': border + 3 } },
      { selector: 'node:selected, node.focused', style: { 'border-color': c.focus, 'overlay-opacity': 0 } },
      { selector: 'node.focused', style: { 'border-width': border + 2 } },
      {
        selector: 'edge',
        style: {
          width: 1.5,
          'line-color': c.edge,
          'curve-style': 'straight',
          label: 'data(label)',
          'font-size': 11,
          'min-zoomed-font-size': readablePx,
          'font-family': c.font,
          color: c.foreground,
          'text-background-color': c.background,
          'text-background-opacity': 0.85,
          'text-background-padding': '2px',
        },
      },
      { selector: 'edge[kind = "joined"]', style: { 'line-style': 'dashed' } },
      { selector: 'edge[kind = "mount"]', style: { 'line-style': 'dotted' } },
      { selector: '.dimmed', style: { opacity: 0.12, events: 'no' } },
      { selector: 'edge.layout-link', style: { display: 'none' } },
    ];
  }

  berthMap.style = { palette: palette, graphStyle: graphStyle, labelSize: labelSize, readablePx: readablePx };
})((window.berthMap = window.berthMap || {}));
