// Where nodes go. The whole map is laid out by ELK's layered algorithm (cytoscape-elk), one
// partition per band (see client/src/map/bands.ts), with disconnected parts packed to the panel's
// shape. Live changes never move what is placed: a newcomer goes into its band beside the node it
// hangs from, in the first free spot; newcomers with nothing placed to hang from are laid out
// together and set beside the map.
(function (berthMap) {
  'use strict';

  const bandGap = 110;
  const slotGap = 24;

  function elkOptions(cy, fit) {
    return {
      name: 'elk',
      fit: fit,
      padding: 40,
      animate: false,
      nodeLayoutOptions: function (node) {
        return { 'elk.partitioning.partition': String(node.data('band')) };
      },
      elk: {
        algorithm: 'layered',
        'elk.direction': 'DOWN',
        'elk.aspectRatio': String(Math.max(cy.width(), 1) / Math.max(cy.height(), 1)),
        'elk.partitioning.activate': 'true',
        'elk.spacing.nodeNode': '24',
        'elk.spacing.componentComponent': '56',
        'elk.layered.spacing.nodeNodeBetweenLayers': '60',
        'elk.layered.spacing.edgeNodeBetweenLayers': '20',
      },
    };
  }

  /** The graph's layout hints (see client/src/map/bands.ts), from the last graph received. */
  let hints = { skip: [], links: [] };

  function setHints(value) {
    hints =
      value && Array.isArray(value.skip) && Array.isArray(value.links) ? value : { skip: [], links: [] };
  }

  /** `elements` as the layout reads them: some edges left out, some links added for the run. */
  function layoutInput(cy, elements) {
    const skipped = new Set(hints.skip);
    const nodes = elements.nodes();
    const links = cy.collection();
    cy.batch(function () {
      hints.links.forEach(function (link, index) {
        if (nodes.getElementById(link.source).empty() || nodes.getElementById(link.target).empty()) return;
        const added = cy.add({
          group: 'edges',
          data: { id: 'layout-link:' + index, source: link.source, target: link.target },
        });
        added.addClass('layout-link');
        links.merge(added);
      });
    });
    const kept = elements.edges().filter(function (e) {
      return !skipped.has(e.id());
    });
    return { input: nodes.union(kept).union(links), links: links };
  }

  /** Runs the layout on `elements`; resolves once the positions are set. */
  function arrange(cy, elements, fit) {
    const { input, links } = layoutInput(cy, elements);
    return new Promise(function (resolve) {
      const layout = input.layout(elkOptions(cy, fit));
      layout.one('layoutstop', function () {
        cy.remove(links);
        resolve();
      });
      layout.run();
    });
  }

  function overlaps(box, others) {
    return others.some(function (o) {
      return box.x1 < o.x2 && box.x2 > o.x1 && box.y1 < o.y2 && box.y2 > o.y1;
    });
  }

  /** The first free spot in `node`'s band, starting under (or over) `anchor` and going right. */
  function spotNear(node, anchor, taken) {
    const w = node.outerWidth();
    const h = node.outerHeight();
    const y = anchor.position('y') + (node.data('band') - anchor.data('band')) * bandGap;
    let x = anchor.position('x');
    for (let i = 0; i < 1000; i++) {
      const box = { x1: x - w / 2 - slotGap / 2, x2: x + w / 2 + slotGap / 2, y1: y - h / 2, y2: y + h / 2 };
      if (!overlaps(box, taken)) return { x: x, y: y, box: box };
      x += w + slotGap;
    }
    return { x: x, y: y, box: { x1: x, x2: x, y1: y, y2: y } };
  }

  /** Places `fresh` (nodes just added) without moving any other node. */
  function placeNewcomers(cy, fresh) {
    const placed = cy.nodes().not(fresh);
    const taken = placed.map(function (n) {
      return n.boundingBox({ includeLabels: false });
    });
    let waiting = fresh;
    let progress = true;
    while (waiting.nonempty() && progress) {
      progress = false;
      waiting.forEach(function (node) {
        const anchor = node.neighborhood('node').not(waiting)[0];
        if (!anchor) return;
        const spot = spotNear(node, anchor, taken);
        node.position({ x: spot.x, y: spot.y });
        taken.push(spot.box);
        waiting = waiting.not(node);
        progress = true;
      });
    }
    if (waiting.empty()) return Promise.resolve();
    // A new island: laid out on its own, then set to the right of everything else.
    const box = placed.nonempty() ? placed.boundingBox() : { x2: 0, y1: 0 };
    return arrange(cy, waiting.union(waiting.edgesWith(waiting)), false).then(function () {
      const own = waiting.boundingBox();
      waiting.shift({ x: box.x2 + 120 - own.x1, y: box.y1 - own.y1 });
    });
  }

  berthMap.layout = { arrange: arrange, placeNewcomers: placeNewcomers, setHints: setHints };
})((window.berthMap = window.berthMap || {}));
