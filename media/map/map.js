// The network map webview. Engine strings arrive only as graph data and are drawn by cytoscape on
// a canvas (or set with textContent and option values): no engine text is ever parsed as HTML.
// UI text comes from the extension, already translated, in the body's data-strings.
/* global cytoscape, cytoscapeElk, MutationObserver */
(function (berthMap) {
  'use strict';
  const vscode = acquireVsCodeApi();
  const strings = JSON.parse(document.body.dataset.strings || '{}');
  const status = document.getElementById('status');
  const search = document.getElementById('search');
  const builtins = document.getElementById('builtins');
  const saved = vscode.getState() || {};
  const positions = saved.positions || {};
  let laidOut = false;
  /** Graphs arrive faster than a large layout runs: only the newest waiting one is applied. */
  let applying = Promise.resolve();
  let queued;

  cytoscape.use(cytoscapeElk);
  const cy = cytoscape({
    container: document.getElementById('graph'),
    style: berthMap.style.graphStyle(),
    elements: [],
    minZoom: 0.03,
    maxZoom: 4,
    wheelSensitivity: 0.3,
  });
  berthMap.zoom.watch(cy);

  function format(template, value) {
    return String(template || '').replace('{0}', String(value));
  }

  function countText(node) {
    const count = node.count || 0;
    const containers = format(count === 1 ? strings.containersOne : strings.containersMany, count);
    if (!node.services) return containers;
    const services = format(node.services === 1 ? strings.servicesOne : strings.servicesMany, node.services);
    return containers + ' · ' + services;
  }

  function nodeData(node) {
    return {
      id: node.id,
      kind: node.kind,
      ref: node.ref,
      label: node.label,
      detail: node.detail,
      band: node.band,
      display: node.detail ? node.label + '\n' + node.detail : node.label,
      summary: node.kind === 'network' ? node.label + '\n' + countText(node) : node.label,
    };
  }

  function savePositions() {
    cy.nodes().forEach(function (n) {
      positions[n.id()] = { x: n.position('x'), y: n.position('y') };
    });
    vscode.setState({ positions: positions, showBuiltins: builtins.checked });
  }

  /** Brings the graph in line with `model`; returns the nodes that had no position yet. */
  function merge(model) {
    const wanted = new Set(model.nodes.map((n) => n.id).concat(model.edges.map((e) => e.id)));
    let fresh = cy.collection();
    cy.batch(function () {
      cy.elements().forEach(function (el) {
        if (!wanted.has(el.id())) el.remove();
      });
      model.nodes.forEach(function (node) {
        const existing = cy.getElementById(node.id);
        if (existing.nonempty()) {
          existing.data(nodeData(node));
          existing.classes(
            node.tags.concat(existing.classes().filter((c) => c === 'dimmed' || c === 'focused')),
          );
          return;
        }
        const known = positions[node.id];
        const added = cy.add({
          group: 'nodes',
          data: nodeData(node),
          classes: node.tags,
          position: known || { x: 0, y: 0 },
        });
        if (!known) fresh = fresh.union(added);
      });
      model.edges.forEach(function (edge) {
        const existing = cy.getElementById(edge.id);
        if (existing.nonempty()) existing.data({ label: edge.label });
        else cy.add({ group: 'edges', data: edge });
      });
    });
    return fresh;
  }

  function applyGraph(model) {
    berthMap.layout.setHints(model.layout);
    const fresh = merge(model);
    status.textContent = model.nodes.length === 0 ? strings.empty || '' : '';
    berthMap.focus.suggest(cy, document.getElementById('container-names'));
    let placed;
    if (!laidOut) {
      laidOut = true;
      placed = (
        fresh.nonempty() ? berthMap.layout.arrange(cy, cy.elements(), false) : Promise.resolve()
      ).then(function () {
        berthMap.zoom.firstView(cy, 40);
      });
    } else {
      placed = fresh.nonempty() ? berthMap.layout.placeNewcomers(cy, fresh) : Promise.resolve();
    }
    return placed.then(function () {
      berthMap.zoom.sizeFarLabels(cy);
      if (search.value) berthMap.focus.focus(cy, search.value);
      savePositions();
      document.body.dataset.laidOut = String(cy.nodes().length);
    });
  }

  function enqueue(model) {
    const idle = queued === undefined;
    queued = model;
    if (!idle) return;
    applying = applying.then(function () {
      const next = queued;
      queued = undefined;
      return applyGraph(next);
    });
  }

  cy.on('tap', 'node', function (event) {
    const node = event.target;
    const kind = node.data('kind') === 'port' ? 'container' : node.data('kind');
    vscode.postMessage({ type: 'reveal', kind: kind, id: node.data('ref') });
  });

  berthMap.connectDrag(cy, vscode, savePositions);

  function runSearch() {
    if (!search.value.trim()) {
      berthMap.focus.clear(cy);
      status.textContent = '';
      return;
    }
    const name = berthMap.focus.focus(cy, search.value);
    status.textContent = name ? format(strings.focused, name) : format(strings.noMatch, search.value.trim());
  }
  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    search.value = '';
    runSearch();
  });

  builtins.checked = saved.showBuiltins === true;
  builtins.addEventListener('change', function () {
    savePositions();
    vscode.postMessage({ type: 'builtins', show: builtins.checked });
  });

  document.getElementById('fit').addEventListener('click', function () {
    cy.fit(undefined, 40);
  });
  document.getElementById('relayout').addEventListener('click', function () {
    applying = applying.then(function () {
      return berthMap.layout.arrange(cy, cy.elements(), true).then(function () {
        berthMap.zoom.sizeFarLabels(cy);
        savePositions();
      });
    });
  });
  document.getElementById('export').addEventListener('click', function () {
    savePositions();
    const c = berthMap.style.palette();
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
        service: c.service,
      },
    });
  });

  // VS Code swaps the body's theme class and the CSS variables when the theme changes.
  new MutationObserver(function () {
    cy.style(berthMap.style.graphStyle());
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });

  window.addEventListener('message', function (event) {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'graph') enqueue(message.model);
    else if (message.type === 'status') status.textContent = String(message.text);
  });

  status.textContent = strings.waiting || '';
  vscode.postMessage({ type: 'ready', showBuiltins: builtins.checked });
})((window.berthMap = window.berthMap || {}));
