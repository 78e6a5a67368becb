/* newsgraph HTML view: the map panel. Country outlines (Natural Earth 1:110m from world-atlas,
   decoded by topojson-client, both inlined) in an equirectangular projection, and one point per event
   place, sized by its number of events and coloured by their commonest quad class. Clicking a point
   keeps only that place's events in the graph (window.newsgraph.setPlace); clicking it again, or
   Reset, shows all. Names go in through textContent only. */
(function () {
  "use strict";
  var ng = window.newsgraph;
  var box = document.getElementById("ng-map");
  if (!ng || !box) return;
  var SVG = "http://www.w3.org/2000/svg"; // the SVG namespace name: an identifier, never fetched
  var W = 720, H = 360;

  function project(lon, lat) { return [(lon + 180) * W / 360, (90 - lat) * H / 180]; }
  function make(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  // A ring that crosses the antimeridian (Russia, Fiji) is kept continuous past it rather than drawn
  // back across the whole map; the part beyond the edge is clipped.
  function ringPath(ring) {
    var shift = 0, last = null;
    return ring.map(function (c, i) {
      var lon = c[0] + shift;
      if (last !== null && lon - last > 180) { shift -= 360; lon -= 360; }
      if (last !== null && lon - last < -180) { shift += 360; lon += 360; }
      last = lon;
      var p = project(lon, c[1]);
      return (i ? "L" : "M") + p[0].toFixed(1) + "," + p[1].toFixed(1);
    }).join("") + "Z";
  }
  function featurePath(geometry) {
    if (!geometry) return "";
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] :
      geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    return polygons.map(function (rings) { return rings.map(ringPath).join(""); }).join("");
  }

  // Latitudes 85 N to 60 S: the inhabited world, without the Antarctic that would take a third.
  var top = project(0, 85)[1], bottom = project(0, -60)[1];
  var svg = make("svg", { viewBox: "0 " + top + " " + W + " " + (bottom - top), preserveAspectRatio: "xMidYMid meet",
                          role: "img" });
  svg.appendChild(make("title")).textContent = "Event places";
  var land = svg.appendChild(make("g", { "class": "ng-outline" }));
  var world = JSON.parse(document.getElementById("ng-world").textContent);
  if (world && window.topojson) {
    topojson.feature(world, world.objects.countries).features.forEach(function (f) {
      var path = land.appendChild(make("path", { d: featurePath(f.geometry), "class": "ng-land" }));
      path.appendChild(make("title")).textContent = (f.properties && f.properties.name) || "";
    });
  }
  var dots = svg.appendChild(make("g", { "class": "ng-points" }));
  var points = {};
  (ng.data.places || []).slice().reverse().forEach(function (p) { // the busiest drawn last, on top
    var at = project(p.lon, p.lat);
    var dot = dots.appendChild(make("circle", {
      cx: at[0].toFixed(1), cy: at[1].toFixed(1), r: (2.5 + 2 * Math.sqrt(p.events.length)).toFixed(1),
      fill: p.color, "class": "ng-point", "data-place": p.id
    }));
    dot.appendChild(make("title")).textContent =
      p.name + (p.country ? " (" + p.country + ")" : "") + ": " + p.events.length + (p.events.length === 1 ? " event" : " events");
    dot.addEventListener("click", function (ev) { ev.stopPropagation(); ng.setPlace(p.id); });
    points[p.id] = dot;
  });
  box.appendChild(svg);
  var note = ng.data.mapNote || (!(ng.data.places || []).length ? "No event place has coordinates." : null);
  if (note) {
    var line = document.createElement("div");
    line.className = "ng-map-note";
    line.textContent = note;
    box.appendChild(line);
  }
  ng.onChange(function (visible, state) {
    Object.keys(points).forEach(function (id) {
      points[id].classList.toggle("ng-chosen", state.place === id);
    });
  });
  box.dataset.ready = "true";
})();
