/* newsgraph HTML view: sigma renders the actor-event graph laid out in Python; this file wires the
   filters, the search and the details panel. Every string from the data goes in through textContent,
   never innerHTML, because article text and names are untrusted.

   Sections: the graph model; the state (filters, focus, selection) and the one function that works
   out what is visible; the renderer and its labels; the details panel; search; controls. A further
   panel (a map, a timeline) subscribes with window.newsgraph.onChange(function (visible, state) {...}):
   it is told the visible node ids (null: everything) after every change of filter, focus or selection. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("ng-data").textContent);
  var byId = {};
  var graph = new graphology.MultiDirectedGraph();
  var edgeTouches = {}; // node id -> [[other id, rel, role, outgoing]]

  function touch(a, b, rel, role, out) {
    (edgeTouches[a] = edgeTouches[a] || []).push([b, rel, role, out]);
  }
  data.actors.forEach(function (a) {
    a.isActor = true;
    byId[a.id] = a;
    graph.addNode(a.id, { x: a.x, y: a.y, size: a.size, color: a.color, label: a.name });
  });
  data.events.forEach(function (e) {
    byId[e.id] = e;
    graph.addNode(e.id, { x: e.x, y: e.y, size: e.size, color: e.color, label: e.type + (e.mentions > 1 ? " (" + e.mentions + ")" : "") });
  });
  data.edges.forEach(function (edge) {
    var s = edge[0], t = edge[1], rel = edge[2], role = edge[3];
    if (!graph.hasNode(s) || !graph.hasNode(t)) return;
    graph.addDirectedEdge(s, t, { rel: rel, color: data.edgeColors[rel] || "#ccc", size: 1 });
    touch(s, t, rel, role, true);
    touch(t, s, rel, role, false);
  });

  // --- state ---------------------------------------------------------------------------------
  // focus: the actor whose neighbourhood a search narrowed the graph to; hovered: the node under
  // the mouse; zoomed: the camera is close enough for event labels.
  var state = {
    type: "", from: "", to: "", undated: true, focus: null, place: null, selected: null, hovered: null,
    zoomed: false, visible: null
  };
  var listeners = [];
  function changed() {
    listeners.forEach(function (listener) { listener(state.visible, state); });
  }

  // --- renderer and labels -------------------------------------------------------------------
  // Event labels (type names) would cover the actors' names at first sight: they appear when the
  // camera is zoomed in past EVENT_LABEL_RATIO, on hover, and for the selected node and its events.
  // The busiest actors always show their names; sigma's label grid spaces out the others.
  var EVENT_LABEL_RATIO = 0.5;
  var ALWAYS_LABELLED = 12;
  var labelled = new Set(data.actors.slice().sort(function (a, b) { return b.size - a.size || (a.name < b.name ? -1 : 1); })
    .slice(0, ALWAYS_LABELLED).map(function (a) { return a.id; }));
  function eventLabelShown(node) {
    if (state.zoomed || node === state.hovered || node === state.selected) return true;
    return Boolean(state.selected && (edgeTouches[state.selected] || []).some(function (t) { return t[0] === node; }));
  }
  var container = document.getElementById("ng-graph");
  // The map's points (view_map.js): a clicked place keeps only its events.
  var placeById = {};
  (data.places || []).forEach(function (p) { placeById[p.id] = { name: p.name, events: new Set(p.events) }; });
  var renderer = new Sigma(graph, container, {
    defaultEdgeType: "arrow",
    renderEdgeLabels: false,
    labelRenderedSizeThreshold: 4,
    labelDensity: 0.5,
    labelGridCellSize: 120,
    labelSize: 13,
    labelWeight: "600",
    zIndex: true,
    nodeReducer: function (node, attrs) {
      var res = Object.assign({}, attrs);
      if (state.visible && !state.visible.has(node)) res.hidden = true;
      if (byId[node].isActor) {
        if (labelled.has(node) || node === state.focus) res.forceLabel = true;
      } else if (!eventLabelShown(node)) {
        res.label = null;
      } else {
        res.forceLabel = node === state.hovered || node === state.selected;
      }
      if (node === state.selected) { res.highlighted = true; res.zIndex = 1; }
      return res;
    },
    edgeReducer: function (edge, attrs) {
      var res = Object.assign({}, attrs);
      if (state.visible && !(state.visible.has(graph.source(edge)) && state.visible.has(graph.target(edge)))) {
        res.hidden = true;
      }
      return res;
    }
  });

  // --- filters -------------------------------------------------------------------------------
  function dateSpan(date) {
    // Partial ISO dates ("2022", "2022-02") cover a span: compare both its ends.
    var parts = date.split("-");
    var start = [parts[0], parts[1] || "01", parts[2] || "01"].join("-");
    var end = [parts[0], parts[1] || "12", parts[2] || "31"].join("-");
    return [start, end];
  }
  function eventMatches(e) {
    if (state.type && e.type !== state.type) return false;
    if (state.place && !placeById[state.place].events.has(e.id)) return false;
    if (!state.from && !state.to) return true;
    if (!e.date) return state.undated;
    var span = dateSpan(e.date);
    if (state.from && span[1] < state.from) return false;
    if (state.to && span[0] > state.to) return false;
    return true;
  }
  function filtering() { return Boolean(state.type || state.from || state.to || state.place); }
  function inFocus(e) {
    // With a focus actor, only its own events (as source, target, participant or claimant) count.
    return !state.focus || (edgeTouches[e.id] || []).some(function (t) { return t[0] === state.focus; });
  }
  function visibleNodes() {
    // null when nothing narrows the graph; else the matching events and every actor taking part.
    if (!filtering() && !state.focus) return null;
    var visible = new Set(state.focus ? [state.focus] : []);
    data.events.forEach(function (e) {
      if (!eventMatches(e) || !inFocus(e)) return;
      visible.add(e.id);
      (edgeTouches[e.id] || []).forEach(function (t) { if (byId[t[0]] && byId[t[0]].isActor) visible.add(t[0]); });
    });
    return visible;
  }
  function applyFilters() {
    state.type = document.getElementById("ng-type").value;
    state.from = document.getElementById("ng-from").value;
    state.to = document.getElementById("ng-to").value;
    state.undated = document.getElementById("ng-undated").checked;
    state.visible = visibleNodes();
    var shownEvents = data.events.length, shownActors = data.actors.length;
    if (state.visible) {
      shownEvents = data.events.filter(function (e) { return state.visible.has(e.id); }).length;
      shownActors = state.visible.size - shownEvents;
    }
    var stats = shownActors + " of " + data.actors.length + " actors, " + shownEvents + " of " + data.events.length + " events";
    if (state.focus) stats += " (around " + byId[state.focus].name + ")";
    if (state.place) stats += " at " + placeById[state.place].name;
    document.getElementById("ng-stats").textContent = stats;
    renderer.refresh();
    if (state.selected) showDetails(state.selected);
    changed();
  }

  // --- details panel -------------------------------------------------------------------------
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function nodeLink(id) {
    var target = byId[id];
    var a = el("a", target ? (target.isActor ? target.name : target.type) : id, "ng-node");
    a.dataset.node = id;
    a.addEventListener("click", function () { select(id, true); });
    return a;
  }
  function linkList(ids) {
    var span = el("span");
    ids.forEach(function (id, i) {
      if (i) span.appendChild(document.createTextNode(", "));
      span.appendChild(nodeLink(id));
    });
    if (!ids.length) span.textContent = "\u2014";
    return span;
  }
  function fields(rows) {
    var dl = el("dl");
    rows.forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === "") return;
      dl.appendChild(el("dt", row[0]));
      var dd = el("dd");
      if (row[1] instanceof Node) dd.appendChild(row[1]); else dd.textContent = String(row[1]);
      dl.appendChild(dd);
    });
    return dl;
  }
  function touching(id, rel, out) {
    return (edgeTouches[id] || []).filter(function (t) { return t[1] === rel && t[3] === out; });
  }
  function source(aid) {
    var art = data.articles[aid] || {};
    var line = el("div", null, "ng-source");
    line.appendChild(el("strong", art.title || aid));
    var meta = [art.source, art.published, art.path].filter(Boolean).join(" \u00b7 ");
    if (meta) line.appendChild(document.createTextNode(" \u2014 " + meta));
    if (art.url) {
      line.appendChild(document.createTextNode(" \u00b7 "));
      var link = el("a", art.url);
      link.href = art.url;
      link.rel = "noopener noreferrer";
      link.target = "_blank";
      line.appendChild(link);
    }
    return line;
  }
  // Every report of the event: each article's own sentence and stance (a denial, a third party's claim).
  function evidence(e) {
    var box = el("div", null, "ng-evidence");
    var reports = e.reports && e.reports.length ? e.reports : [{article: null, sentence: e.sentence}];
    reports.forEach(function (r) {
      box.appendChild(el("blockquote", r.sentence || "(no evidence sentence)"));
      var stance = [r.modality && r.modality !== "asserted" ? r.modality : null, r.negated ? "denied" : null,
                    r.date ? "dated " + r.date : null].filter(Boolean).join(", ");
      if (stance) box.appendChild(el("div", stance, "ng-stance"));
      if (r.article) box.appendChild(source(r.article));
    });
    return box;
  }
  function reportCount(e) {
    var n = e.mentions || 1, a = (e.articles || []).length, o = e.sources || a;
    return n + (n === 1 ? " report" : " reports") + " in " + a + (a === 1 ? " article" : " articles") +
      " from " + o + (o === 1 ? " outlet" : " outlets") +
      (e.first_reported ? " (" + e.first_reported + (e.last_reported && e.last_reported !== e.first_reported ? " to " + e.last_reported : "") + ")" : "");
  }
  function showEvent(e, panel) {
    panel.appendChild(el("h2", e.type));
    var involves = touching(e.id, "INVOLVES", true).map(function (t) { return t[2] + ": " + (byId[t[0]] ? byId[t[0]].name : t[0]); });
    panel.appendChild(fields([
      ["CAMEO", e.cameo],
      ["type", e.type],
      ["quad class", e.quad_class + " " + (data.quadNames[e.quad_class] || "")],
      ["Goldstein", e.goldstein],
      ["modality", e.modality + (e.negated ? " (negated)" : "")],
      ["date", e.date ? e.date + (e.date_text ? " (" + e.date_text + ")" : "") : "unknown"],
      ["source", linkList(touching(e.id, "SOURCE_OF", false).map(function (t) { return t[0]; }))],
      ["target", linkList(touching(e.id, "TARGETS", true).map(function (t) { return t[0]; }))],
      ["involves", involves.join("; ")],
      ["according to", touching(e.id, "ATTRIBUTED_TO", true).map(function (t) { return byId[t[0]] ? byId[t[0]].name : t[0]; }).join(", ")],
      ["place", e.place],
      ["reported", reportCount(e)],
      ["confidence", e.confidence]
    ]));
    panel.appendChild(el("h3", "Evidence"));
    panel.appendChild(evidence(e));
  }
  function showActor(a, panel) {
    panel.appendChild(el("h2", a.name));
    var relations = (edgeTouches[a.id] || []).filter(function (t) { return byId[t[0]] && byId[t[0]].isActor; })
      .map(function (t) { return (t[3] ? t[1] + " \u2192 " : t[1] + " \u2190 ") + byId[t[0]].name + (t[2] ? " (" + t[2] + ")" : ""); });
    panel.appendChild(fields([
      ["kind", a.kind],
      ["country", a.country],
      ["aliases", (a.aliases || []).join(", ")],
      ["CAMEO actor", a.cameo_code],
      ["relations", relations.join("; ")]
    ]));
    var events = (edgeTouches[a.id] || []).filter(function (t) { return byId[t[0]] && !byId[t[0]].isActor; });
    var seen = {}, shown = [];
    events.forEach(function (t) {
      var e = byId[t[0]];
      if (seen[e.id] || (filtering() && !eventMatches(e))) return;
      seen[e.id] = true;
      var role = t[1] === "SOURCE_OF" ? "source" : t[1] === "TARGETS" ? "target" : t[1] === "ATTRIBUTED_TO" ? "according to" : (t[2] || "involved");
      shown.push([e, role]);
    });
    var total = Object.keys(events.reduce(function (acc, t) { acc[t[0]] = 1; return acc; }, {})).length;
    panel.appendChild(el("h3", "Events (" + shown.length + (shown.length !== total ? " of " + total + ", filtered" : "") + ")"));
    shown.forEach(function (pair) {
      var e = pair[0], box = el("div", null, "ng-event");
      var head = el("div");
      head.appendChild(el("span", pair[1] + " \u00b7 "));
      head.appendChild(nodeLink(e.id));
      head.appendChild(document.createTextNode(" \u00b7 CAMEO " + e.cameo + (e.date ? " \u00b7 " + e.date : "")));
      box.appendChild(head);
      box.appendChild(evidence(e));
      panel.appendChild(box);
    });
  }
  function showDetails(id) {
    var panel = document.getElementById("ng-details");
    panel.textContent = "";
    var item = byId[id];
    if (!item) return;
    panel.dataset.node = id;
    if (item.isActor) showActor(item, panel); else showEvent(item, panel);
  }
  function select(id, moveCamera) {
    if (!byId[id]) return;
    state.selected = id;
    showDetails(id);
    renderer.refresh();
    changed();
    if (moveCamera) {
      var shown = renderer.getNodeDisplayData(id);
      if (shown) renderer.getCamera().animate({ x: shown.x, y: shown.y, ratio: 0.6 }, { duration: 300 });
    }
  }

  // --- search --------------------------------------------------------------------------------
  var names = document.getElementById("ng-names");
  var nameIndex = {};
  data.actors.forEach(function (a) {
    [a.name].concat(a.aliases || []).forEach(function (n) {
      var key = n.toLowerCase();
      if (!(key in nameIndex)) nameIndex[key] = a.id;
    });
    names.appendChild(el("option")).value = a.name;
  });
  function search(text) {
    var q = text.trim().toLowerCase();
    if (!q) return null;
    if (q in nameIndex) return nameIndex[q];
    var hit = data.actors.find(function (a) {
      return a.name.toLowerCase().indexOf(q) >= 0 || (a.aliases || []).some(function (n) { return n.toLowerCase().indexOf(q) >= 0; });
    });
    return hit ? hit.id : null;
  }
  var searchBox = document.getElementById("ng-search");
  function runSearch() {
    // A found actor becomes the focus: the graph narrows to it, its events and the actors in them.
    var id = search(searchBox.value);
    searchBox.setCustomValidity(id || !searchBox.value ? "" : "no such actor");
    if (!searchBox.value.trim()) { focus(null); return; }
    if (!id) return;
    focus(id);
    select(id, true);
  }
  function focus(id) {
    if (state.focus === id) return;
    state.focus = id;
    applyFilters();
  }
  searchBox.addEventListener("change", runSearch);
  searchBox.addEventListener("keydown", function (ev) { if (ev.key === "Enter") runSearch(); });

  // --- controls and legend -------------------------------------------------------------------
  var typeSelect = document.getElementById("ng-type");
  data.eventTypes.forEach(function (t) {
    var opt = el("option", t[0] + " (" + t[1] + ")");
    opt.value = t[0];
    typeSelect.appendChild(opt);
  });
  ["ng-type", "ng-from", "ng-to", "ng-undated"].forEach(function (id) {
    document.getElementById(id).addEventListener("change", applyFilters);
  });
  document.getElementById("ng-reset").addEventListener("click", function () {
    typeSelect.value = "";
    document.getElementById("ng-from").value = "";
    document.getElementById("ng-to").value = "";
    document.getElementById("ng-undated").checked = true;
    state.place = null;
    searchBox.value = "";
    searchBox.setCustomValidity("");
    state.selected = null;
    state.focus = null;
    renderer.getCamera().animatedReset({ duration: 300 });
    applyFilters();
  });
  var legend = document.getElementById("ng-legend");
  function legendGroup(title, entries) {
    legend.appendChild(el("h3", title));
    entries.forEach(function (entry) {
      var row = el("div");
      var swatch = el("span", null, "ng-swatch");
      swatch.style.background = entry[1];
      row.appendChild(swatch);
      row.appendChild(document.createTextNode(entry[0]));
      legend.appendChild(row);
    });
  }
  legendGroup("Actors", data.legend.actors);
  legendGroup("Events (quad class)", data.legend.events);

  renderer.on("clickNode", function (ev) { select(ev.node, false); });
  renderer.on("clickStage", function () { state.selected = null; renderer.refresh(); changed(); });
  renderer.on("enterNode", function (ev) { state.hovered = ev.node; renderer.refresh(); });
  renderer.on("leaveNode", function () { state.hovered = null; renderer.refresh(); });
  renderer.getCamera().on("updated", function (camera) {
    // reducers run on refresh, not on every camera frame: refresh only when the threshold is crossed
    var zoomed = camera.ratio < EVENT_LABEL_RATIO;
    if (zoomed !== state.zoomed) { state.zoomed = zoomed; renderer.refresh(); }
  });

  applyFilters();
  // A place of the map (view_map.js), or null for all: clicking the chosen point again clears it.
  function setPlace(id) {
    state.place = id && placeById[id] && state.place !== id ? id : null;
    applyFilters();
  }
  // Handle for scripts, tests and further panels: the renderer, the graph, the actions the controls run.
  window.newsgraph = {
    renderer: renderer, graph: graph, data: data, select: select, focus: focus, applyFilters: applyFilters, setPlace: setPlace,
    state: state, onChange: function (listener) { listeners.push(listener); }
  };
  document.body.dataset.ready = "true";
})();
