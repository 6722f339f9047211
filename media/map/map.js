// The network map webview. Engine strings arrive only as graph data and are drawn by cytoscape on
// a canvas (or set with textContent): no engine text is ever parsed as HTML here.
/* global cytoscape, MutationObserver */
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const strings = JSON.parse(document.body.dataset.strings || '{}');
  const status = document.getElementById('status');
  const saved = vscode.getState() || {};
  const positions = saved.positions || {};
  let laidOut = false;

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
      muted: themeColor('--vscode-disabledForeground', '#888888'),
      font: themeColor('--vscode-font-family', 'sans-serif'),
      highContrast: highContrast,
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
          'text-max-width': '150px',
          'text-valign': 'center',
          'text-halign': 'center',
          'font-family': c.font,
          'font-size': 11,
          color: c.foreground,
          'background-opacity': 0.18,
          'border-width': border,
          width: 140,
          height: 44,
        },
      },
      {
        selector: 'node[kind = "network"]',
        style: {
          shape: 'round-rectangle',
          'background-color': c.network,
          'border-color': c.network,
          width: 160,
        },
      },
      {
        selector: 'node[kind = "container"]',
        style: {
          shape: 'ellipse',
          'background-color': c.container,
          'border-color': c.container,
          width: 180,
          height: 50,
        },
      },
      {
        selector: 'node[kind = "port"]',
        style: { shape: 'tag', 'background-color': c.port, 'border-color': c.port, height: 26, width: 120 },
      },
      {
        selector: 'node[kind = "volume"]',
        style: {
          shape: 'barrel',
          'background-color': c.volume,
          'border-color': c.volume,
          height: 32,
          width: 120,
        },
      },
      { selector: 'node.stopped, node.dangling', style: { 'border-style': 'dashed', color: c.muted } },
      {
        selector: 'node.internal, node.no-icc',
        style: { 'border-style': 'double', 'border-width': border + 2 },
      },
      { selector: 'node.drop-target', style: { 'border-color': c.focus, 'border-width': border + 3 } },
      { selector: 'node:selected', style: { 'border-color': c.focus, 'overlay-opacity': 0 } },
      {
        selector: 'edge',
        style: {
          width: 1.5,
          'line-color': c.edge,
          'curve-style': 'bezier',
          label: 'data(label)',
          'font-size': 9,
          'font-family': c.font,
          color: c.foreground,
          'text-background-color': c.background,
          'text-background-opacity': 0.85,
          'text-background-padding': '2px',
        },
      },
      { selector: 'edge[kind = "joined"]', style: { 'line-style': 'dashed' } },
      { selector: 'edge[kind = "mount"]', style: { 'line-style': 'dotted' } },
    ];
  }

  const cy = cytoscape({
    container: document.getElementById('graph'),
    style: graphStyle(),
    elements: [],
    minZoom: 0.1,
    maxZoom: 4,
    wheelSensitivity: 0.3,
  });

  function nodeData(node) {
    const display = node.detail ? node.label + '\n' + node.detail : node.label;
    return {
      id: node.id,
      kind: node.kind,
      ref: node.ref,
      label: node.label,
      detail: node.detail,
      display: display,
    };
  }

  function savePositions() {
    cy.nodes().forEach(function (n) {
      positions[n.id()] = { x: n.position('x'), y: n.position('y') };
    });
    vscode.setState({ positions: positions });
  }

  /** A new node starts beside a neighbour that is already placed, so the rest of the map stays put. */
  function placeNear(model, node, index) {
    const link = model.edges.find(function (e) {
      return (
        (e.source === node.id || e.target === node.id) &&
        positions[e.source === node.id ? e.target : e.source]
      );
    });
    if (!link) return undefined;
    const anchor = positions[link.source === node.id ? link.target : link.source];
    const angle = index * 2.4;
    return { x: anchor.x + 140 * Math.cos(angle), y: anchor.y + 140 * Math.sin(angle) };
  }

  function applyGraph(model) {
    const wanted = new Set(model.nodes.map((n) => n.id).concat(model.edges.map((e) => e.id)));
    let unplaced = 0;
    cy.batch(function () {
      cy.elements().forEach(function (el) {
        if (!wanted.has(el.id())) el.remove();
      });
      model.nodes.forEach(function (node, index) {
        const existing = cy.getElementById(node.id);
        if (existing.nonempty()) {
          existing.data(nodeData(node));
          existing.classes(node.tags);
          return;
        }
        const position = positions[node.id] || placeNear(model, node, index);
        if (!position) unplaced++;
        const added = cy.add({
          group: 'nodes',
          data: nodeData(node),
          classes: node.tags,
          position: position || { x: 0, y: 0 },
        });
        if (position) positions[node.id] = position;
        else added.addClass('unplaced');
      });
      model.edges.forEach(function (edge) {
        const existing = cy.getElementById(edge.id);
        const data = {
          id: edge.id,
          kind: edge.kind,
          source: edge.source,
          target: edge.target,
          label: edge.label,
        };
        if (existing.nonempty()) existing.data({ label: edge.label });
        else cy.add({ group: 'edges', data: data });
      });
    });
    status.textContent = model.nodes.length === 0 ? strings.empty || '' : '';
    if (!laidOut) {
      const restored = unplaced === 0 && Object.keys(positions).length > 0;
      if (!restored) runLayout(cy.elements(), true);
      laidOut = true;
    } else if (unplaced > 0) {
      // Only the newcomers move, into free space beside the map, so nothing the user arranged shifts.
      const fresh = cy.nodes('.unplaced');
      const box = cy.nodes().not(fresh).boundingBox();
      const room = { x1: box.x2 + 80, y1: box.y1, w: 400, h: Math.max(300, box.h) };
      runLayout(fresh.union(fresh.edgesWith(fresh)), false, room);
    }
    cy.nodes('.unplaced').removeClass('unplaced');
    savePositions();
  }

  function runLayout(elements, fit, boundingBox) {
    elements
      .layout({
        name: 'cose',
        animate: false,
        fit: fit,
        padding: 40,
        nodeRepulsion: 400000,
        idealEdgeLength: 120,
        nodeOverlap: 20,
        nodeDimensionsIncludeLabels: true,
        componentSpacing: 120,
        randomize: true,
        boundingBox: boundingBox,
      })
      .run();
    savePositions();
  }

  cy.on('tap', 'node', function (event) {
    const node = event.target;
    const kind = node.data('kind') === 'port' ? 'container' : node.data('kind');
    vscode.postMessage({ type: 'reveal', kind: kind, id: node.data('ref') });
  });

  let dragOrigin;
  function networkUnder(node) {
    const p = node.position();
    return cy.nodes('[kind = "network"]').filter(function (n) {
      const box = n.boundingBox();
      return p.x >= box.x1 && p.x <= box.x2 && p.y >= box.y1 && p.y <= box.y2;
    })[0];
  }
  cy.on('grab', 'node[kind = "container"]', function (event) {
    dragOrigin = { x: event.target.position('x'), y: event.target.position('y') };
  });
  cy.on('drag', 'node[kind = "container"]', function (event) {
    cy.nodes('.drop-target').removeClass('drop-target');
    const target = networkUnder(event.target);
    if (target) target.addClass('drop-target');
  });
  cy.on('dragfree', 'node', function (event) {
    const node = event.target;
    cy.nodes('.drop-target').removeClass('drop-target');
    const target = node.data('kind') === 'container' ? networkUnder(node) : undefined;
    if (target && dragOrigin) {
      vscode.postMessage({ type: 'connect', containerId: node.data('ref'), networkId: target.data('ref') });
      node.position(dragOrigin);
    }
    dragOrigin = undefined;
    savePositions();
  });

  document.getElementById('fit').addEventListener('click', function () {
    cy.fit(undefined, 40);
  });
  document.getElementById('relayout').addEventListener('click', function () {
    runLayout(cy.elements(), true);
  });
  document.getElementById('export').addEventListener('click', function () {
    savePositions();
    const c = palette();
    vscode.postMessage({
      type: 'export',
      positions: positions,
      colors: {
        background: c.background,
        foreground: c.foreground,
        edge: c.edge,
        network: c.network,
        container: c.container,
        port: c.port,
        volume: c.volume,
      },
    });
  });

  // VS Code swaps the body's theme class and the CSS variables when the theme changes.
  new MutationObserver(function () {
    cy.style(graphStyle());
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });

  window.addEventListener('message', function (event) {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'graph') applyGraph(message.model);
    else if (message.type === 'status') status.textContent = String(message.text);
  });

  status.textContent = strings.waiting || '';
  vscode.postMessage({ type: 'ready' });
})();
