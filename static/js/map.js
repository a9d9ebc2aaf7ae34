/* The map of the fabriques (/fabriques/carte): Leaflet, served from /static, and OpenStreetMap tiles.
 *
 * The markers come from <script type="application/json" id="map-data"> (data, never executed).
 * Names are user input: popups are built with DOM methods and textContent, never innerHTML.
 */
(function () {
  "use strict";

  var container = document.getElementById("map");
  var dataElement = document.getElementById("map-data");
  if (!container || !dataElement || typeof L === "undefined") {
    return;
  }

  var markers = JSON.parse(dataElement.textContent || "[]");
  // Metropolitan France, for the first view when no marker is there.
  var METROPOLE = L.latLngBounds([41.3, -5.2], [51.1, 9.6]);
  var TERRITORIES = ["rural", "qpv", "urbain"];

  function resourcesLabel(count) {
    // French: 0 and 1 take the singular.
    return count + (count > 1 ? " ressources partagées" : " ressource partagée");
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
    box.appendChild(element("p", "map-popup-resources", resourcesLabel(marker.resources)));
    return box;
  }

  function iconFor(territory) {
    var known = TERRITORIES.indexOf(territory) !== -1;
    return new L.Icon.Default({className: known ? "map-marker-" + territory : ""});
  }

  while (container.firstChild) {  // the no-JavaScript text
    container.removeChild(container.firstChild);
  }
  L.Icon.Default.imagePath = container.dataset.iconPath;
  var map = L.map(container, {scrollWheelZoom: false});
  L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 19,
    attribution: "© <a href=\"https://www.openstreetmap.org/copyright\">les contributeurs d'OpenStreetMap</a>",
    // The site sends Referrer-Policy: same-origin; the OSM tile policy requires a Referer.
    referrerPolicy: "strict-origin-when-cross-origin"
  }).addTo(map);

  var inMetropole = [];
  var all = [];
  markers.forEach(function (marker) {
    var position = L.latLng(marker.lat, marker.lng);
    L.marker(position, {icon: iconFor(marker.territory), title: marker.name, alt: marker.name})
      .bindPopup(popupContent(marker))
      .addTo(map);
    all.push(position);
    if (METROPOLE.pad(0.2).contains(position)) {
      inMetropole.push(position);
    }
  });

  // Overseas fabriques are on the map too (zoom out); the first view stays on the metropole.
  var focus = inMetropole.length ? inMetropole : all;
  if (focus.length) {
    map.fitBounds(L.latLngBounds(focus), {padding: [30, 30], maxZoom: 11});
  } else {
    map.fitBounds(METROPOLE);
  }
})();
