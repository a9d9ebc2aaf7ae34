/* The map of the fabriques (/fabriques/carte): Leaflet and Leaflet.markercluster, served from
 * /static, and OpenStreetMap tiles.
 *
 * The markers come from <script type="application/json" id="map-data"> (data, never executed).
 * Names are user input: popups are built with DOM methods and textContent, never innerHTML.
 *
 * The main map (#map) holds every marker and first frames its zone (data-zone: the metropole,
 * or the overseas region the filters chose). Each other overseas region with fabriques has a
 * small map of its own (.map-inset-map, same data attributes) below it. Nearby markers are
 * grouped into clusters on every map: a click, or Enter, zooms in (or spreads markers that
 * share one place).
 */
(function () {
  "use strict";

  var container = document.getElementById("map");
  var dataElement = document.getElementById("map-data");
  if (!container || !dataElement || typeof L === "undefined" || typeof L.markerClusterGroup !== "function") {
    return;
  }

  var markers = JSON.parse(dataElement.textContent || "[]");
  var TERRITORIES = ["rural", "qpv", "urbain"];
  var NBSP = "\u00a0";
  var TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  var OSM_COPYRIGHT = "<a href=\"https://www.openstreetmap.org/copyright\">";

  // The words come from the page, in its language (data-text-* on #map): a count's text is
  // rendered with 0, 1 or 2 in it, replaced here by the real count; French until the page says.
  function said(name, fallback, count) {
    var text = container.getAttribute("data-text-" + name) || fallback;
    return count === undefined ? text : text.replace(/\d+/, String(count));
  }

  // Leaflet's attribution is HTML: the page's words go in as text.
  function escapeHtml(text) {
    var node = document.createElement("span");
    node.textContent = text;
    return node.innerHTML;
  }

  function resourcesLabel(count) {
    // Each language's plural: French gives 0 and 1 the singular, English only 1.
    var form = count === 0 ? "zero" : count === 1 ? "one" : "other";
    return said("resources-" + form, "2 ressources partagées", count);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function popupContent(marker) {
    var box = element("div", "map-popup");
    var title = element("p", "map-popup-title");
    var link = element("a", "", marker.name);
    link.href = marker.url;
    title.appendChild(link);
    box.appendChild(title);
    var meta = element("p", "map-popup-meta");
    meta.appendChild(element("span", "badge badge-" + marker.territory, marker.territory_label));
    if (marker.place) {
      meta.appendChild(document.createTextNode(" " + marker.place));
    }
    box.appendChild(meta);
    if (marker.events) {
      // The agenda's map (/agenda/carte): the fabrique's next events instead of its resources.
      var list = element("ul", "map-popup-events");
      marker.events.forEach(function (event) {
        var item = element("li", "", "");
        var eventLink = element("a", "", event.title);
        eventLink.href = event.url;
        item.appendChild(eventLink);
        item.appendChild(document.createTextNode(" " + event.when));
        list.appendChild(item);
      });
      box.appendChild(list);
    } else {
      box.appendChild(element("p", "map-popup-resources", resourcesLabel(marker.resources)));
    }
    return box;
  }

  function iconFor(territory) {
    var known = TERRITORIES.indexOf(territory) !== -1;
    return new L.Icon.Default({className: known ? "map-marker-" + territory : ""});
  }

  // A cluster's icon says in French what it holds and does (title and accessible name).
  var ClusterIcon = L.DivIcon.extend({
    createIcon: function (oldIcon) {
      var icon = L.DivIcon.prototype.createIcon.call(this, oldIcon);
      icon.title = this.options.label;
      icon.setAttribute("aria-label", this.options.label);
      return icon;
    }
  });

  function clusterIcon(cluster) {
    var count = cluster.getChildCount();
    var size = count < 10 ? "small" : count < 50 ? "medium" : "large";
    var inner = element("div");
    inner.appendChild(element("span", "", String(count)));
    return new ClusterIcon({
      html: inner,
      className: "marker-cluster marker-cluster-" + size,
      iconSize: L.point(40, 40),
      label: said("cluster", "2 fabriques proches" + NBSP + ": agrandir", count)
    });
  }

  // "south,west,north,east" (data-frame) as Leaflet bounds.
  function frameOf(node) {
    var values = (node.dataset.frame || "").split(",").map(Number);
    if (values.length !== 4 || values.some(isNaN)) {
      return null;
    }
    return L.latLngBounds([values[0], values[1]], [values[2], values[3]]);
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  // One Leaflet map in `node`, with the markers of `shown` in a cluster group.
  function drawMap(node, shown, options) {
    // Half zoom levels: metropolitan France fills more of a wide map.
    // The zoom buttons are named in the page's language (Leaflet's own names are English).
    var map = L.map(node, {scrollWheelZoom: false, zoomSnap: 0.5, zoomControl: false});
    L.control.zoom({
      zoomInTitle: container.dataset.zoomIn || "Zoom avant",
      zoomOutTitle: container.dataset.zoomOut || "Zoom arrière"
    }).addTo(map);
    if (options.attributionPrefix === false) {
      map.attributionControl.setPrefix(false);
    }
    L.tileLayer(TILES, {
      maxZoom: 19,
      attribution: options.shortAttribution
        ? "© " + OSM_COPYRIGHT + "OpenStreetMap</a>"
        : "© " + OSM_COPYRIGHT + escapeHtml(said("attribution", "les contributeurs d'OpenStreetMap")) + "</a>",
      // The site sends Referrer-Policy: same-origin; the OSM tile policy requires a Referer.
      referrerPolicy: "strict-origin-when-cross-origin"
    }).addTo(map);
    var group = L.markerClusterGroup({
      maxClusterRadius: 60,  // px: a pin is 41 px tall, pins closer than that overlap
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIcon
    });
    // A popup no wider than a small map, kept clear of the zoom buttons (top left) when it pans.
    var popupOptions = {
      maxWidth: Math.max(160, Math.min(300, node.clientWidth - 100)),
      minWidth: Math.max(50, Math.min(180, node.clientWidth - 100)),
      autoPanPaddingTopLeft: L.point(52, 10),
      autoPanPaddingBottomRight: L.point(10, 10)
    };
    shown.forEach(function (marker) {
      group.addLayer(
        // The accessible name says the territory too: the marker's colour is not the only one to tell it.
        L.marker([marker.lat, marker.lng], {icon: iconFor(marker.territory), title: marker.name,
                                            alt: marker.name + " (" + marker.territory_label + ")"})
          .bindPopup(popupContent(marker), popupOptions)
      );
    });
    return {map: map, group: group};
  }

  // Room around the markers: more above them, where a pin (41 px) stands over its place.
  function fitOptions(margin, maxZoom) {
    return {paddingTopLeft: [margin, margin + 36], paddingBottomRight: [margin, margin], maxZoom: maxZoom || 19};
  }

  function inZone(zone) {
    return markers.filter(function (marker) {
      return marker.zone === zone;
    });
  }

  function positions(list) {
    return list.map(function (marker) {
      return L.latLng(marker.lat, marker.lng);
    });
  }

  // A whole territory (the node's data-frame), stretched to the markers shown on it if need be.
  function territory(node, shown) {
    var bounds = frameOf(node) || L.latLngBounds([41.3, -5.2], [51.1, 9.6]);
    positions(shown).forEach(function (position) {
      bounds.extend(position);
    });
    return bounds;
  }

  L.Icon.Default.imagePath = container.dataset.iconPath;

  // The main map: every marker (zooming out shows the overseas ones too). The first view frames
  // the metropole's fabriques (all of France when there are none), or a whole overseas region.
  clear(container);  // the no-JavaScript text
  var main = drawMap(container, markers, {});
  var home = inZone(container.dataset.zone);
  // Fit before adding the markers: the clusters are computed once, for this view.
  if (home.length && container.dataset.zone === "metropole") {
    main.map.fitBounds(L.latLngBounds(positions(home)), fitOptions(30, 11));
  } else {
    main.map.fitBounds(territory(container, home), fitOptions(10));
  }
  main.group.addTo(main.map);

  // The overseas insets: shown first (hidden without JavaScript), so that each map knows its size.
  var insets = document.querySelector(".map-insets");
  if (insets) {
    insets.hidden = false;
    Array.prototype.forEach.call(insets.querySelectorAll(".map-inset-map"), function (node) {
      var shown = inZone(node.dataset.zone);
      var inset = drawMap(node, shown, {shortAttribution: true, attributionPrefix: false});
      inset.map.fitBounds(territory(node, shown), fitOptions(8));
      inset.group.addTo(inset.map);
    });
  }
})();
