// Dragging a container onto a network asks the extension to connect them; the container goes
// back to where it was either way, and the engine's answer redraws the map.
(function (berthMap) {
  'use strict';

  berthMap.connectDrag = function (cy, vscode, savePositions) {
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
  };
})((window.berthMap = window.berthMap || {}));
