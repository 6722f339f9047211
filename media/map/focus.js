// The search box: it picks one container and brings its neighbourhood forward (its networks,
// volumes and published ports, the containers it shares a network or a network stack with);
// everything else is dimmed. Names come from the graph and go into the page only as option
// values, never as markup.
(function (berthMap) {
  'use strict';

  /** The container whose name is `query`, else the only one whose name contains it. */
  function findContainer(cy, query) {
    const wanted = query.trim().toLowerCase();
    if (!wanted) return undefined;
    const containers = cy.nodes('[kind = "container"]');
    const exact = containers.filter(function (n) {
      return n.data('label').toLowerCase() === wanted;
    });
    if (exact.nonempty()) return exact[0];
    const partial = containers.filter(function (n) {
      return n.data('label').toLowerCase().includes(wanted);
    });
    return partial.length === 1 ? partial[0] : undefined;
  }

  function neighbourhood(container) {
    const near = container.closedNeighborhood();
    const networks = near.nodes('[kind = "network"]');
    const peers = networks.neighborhood('node[kind = "container"]');
    const around = near.union(peers);
    return around.union(around.nodes().edgesWith(around.nodes()));
  }

  function clear(cy) {
    cy.elements().removeClass('dimmed focused');
  }

  /** Dims all but the neighbourhood of the container `query` names; returns its name or undefined. */
  function focus(cy, query) {
    const container = findContainer(cy, query);
    if (!container) return undefined;
    const shown = neighbourhood(container);
    cy.batch(function () {
      cy.elements().not(shown).addClass('dimmed');
      shown.removeClass('dimmed');
      cy.nodes('.focused').removeClass('focused');
      container.addClass('focused');
    });
    cy.fit(shown, 60);
    if (cy.zoom() > 1.25) cy.zoom({ level: 1.25, position: container.position() });
    return container.data('label');
  }

  /** Fills the search box's suggestions with the containers' names. */
  function suggest(cy, list) {
    const names = cy
      .nodes('[kind = "container"]')
      .map(function (n) {
        return n.data('label');
      })
      .sort();
    list.replaceChildren();
    names.forEach(function (name) {
      const option = document.createElement('option');
      option.value = name;
      list.appendChild(option);
    });
  }

  berthMap.focus = { focus: focus, clear: clear, suggest: suggest };
})((window.berthMap = window.berthMap || {}));
