// Semantic zoom. Close up, every node shows its name and details. Zoomed out, where those labels
// would be drawn below 11 px and cytoscape leaves them out, each network shows its name and how
// many containers it has instead, in a type that stays 12 px on screen; as the user zooms in
// again, the names of containers, volumes and ports come back.
(function (berthMap) {
  'use strict';

  const style = berthMap.style;
  /** Below this zoom the 13 px labels would be smaller than 11 px on screen. */
  const detailZoom = style.readablePx / style.labelSize;
  /** Maps up to this many nodes open at a zoom where every label is readable. */
  const smallMap = 40;
  const farLabelPx = 12;
  /**
   * Below this zoom a network is too narrow on screen for its name and count in 12 px type: the
   * labels would run into each other, so none is drawn until the user zooms in.
   */
  const overviewZoom = 0.5;

  /** Networks' labels when zoomed out: sized for the screen, and as wide as the network. */
  function sizeFarLabels(cy) {
    const z = cy.zoom();
    cy.batch(function () {
      const networks = cy.nodes('[kind = "network"]');
      if (z >= detailZoom) {
        networks.removeClass('far').removeStyle('font-size text-max-width');
        return;
      }
      // Left at the graph's 13 px, min-zoomed-font-size leaves the label out.
      if (z < overviewZoom) {
        networks.removeClass('far').removeStyle('font-size text-max-width');
        return;
      }
      networks.addClass('far').style({ 'font-size': farLabelPx / z, 'text-max-width': '170px' });
    });
  }

  function watch(cy) {
    let pending = false;
    cy.on('zoom', function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        sizeFarLabels(cy);
      });
    });
  }

  /**
   * The first view: the whole map, except that it never opens smaller than readable (every label
   * on a small map, the networks' names and counts on a large one); it then starts at its top
   * left corner, where the networks are.
   */
  function firstView(cy, padding) {
    const visible = cy.nodes(':visible');
    cy.fit(visible, padding);
    // A small map opens with every label readable; a large one where networks are named.
    const least = visible.length <= smallMap ? detailZoom * 1.01 : overviewZoom * 1.1;
    if (cy.zoom() < least) {
      const box = visible.boundingBox();
      cy.zoom(least);
      cy.pan({ x: padding - box.x1 * cy.zoom(), y: padding - box.y1 * cy.zoom() });
    }
    if (cy.zoom() > 1.25)
      cy.zoom({ level: 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    sizeFarLabels(cy);
  }

  berthMap.zoom = {
    watch: watch,
    firstView: firstView,
    sizeFarLabels: sizeFarLabels,
    detailZoom: detailZoom,
  };
})((window.berthMap = window.berthMap || {}));
