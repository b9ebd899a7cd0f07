// The network map. Loaded on every page but idle unless the page has a `.insight-map[data-src]`
// placeholder: only then does it load sigma.js and graphology (vendored) and fetch the graph JSON.
// Material's instant navigation swaps the content without reloading scripts, so everything is
// set up on each `document$` emission and the previous maps are destroyed first.
// sigma.js draws with WebGL, fast enough for thousands of nodes. Positions come from the build;
// a person's map arranges its one- and two-hop neighbours in rings around them.
// Every label is drawn as canvas text or set with textContent: no user value becomes HTML.
// At first sight the people who matter are named (you, the people you reached yourself, whoever introduced
// or suggested someone, industries, search hits); other names appear as you zoom in. Labels never overlap:
// sigma hands each frame's labels over, and they are drawn most important first, skipping any that would
// cover one already drawn.
(function () {
  "use strict";

  var here = document.currentScript && document.currentScript.src;
  var LIBS = here ? [new URL("../vendor/graphology/graphology.umd.min.js", here).href,
    new URL("../vendor/sigma/sigma.min.js", here).href] : null;
  var SMALL = 300; // above this many nodes, edges hide while the map moves
  var MAX_FOCUS = 250; // a neighbourhood map stops growing here
  var KINDS = { person: "People", company: "Companies", industry: "Industries" };
  var SIZES = { me: 10, person: 4, company: 5, industry: 7 };
  var WARM = { contacted: 1, knows: 1, introduced: 1 };
  var libPromise = null;
  var dataPromises = {};
  var live = [];
  var generation = 0;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(s);
    });
  }

  function loadLib() {
    if (window.Sigma && window.graphology) return Promise.resolve();
    if (!libPromise) {
      libPromise = Promise.all(LIBS.map(loadScript));
      libPromise.catch(function () { libPromise = null; });
    }
    return libPromise;
  }

  function loadData(url) {
    if (!dataPromises[url]) {
      dataPromises[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ": HTTP " + r.status);
        return r.json();
      });
      dataPromises[url].catch(function () { delete dataPromises[url]; });
    }
    return dataPromises[url];
  }

  function palette(el) {
    var css = getComputedStyle(el);
    function v(name, fallback) { return css.getPropertyValue(name).trim() || fallback; }
    return {
      me: v("--insight-map-me", "#c2185b"),
      person: v("--insight-map-person", "#3949ab"),
      company: v("--insight-map-company", "#00796b"),
      industry: v("--insight-map-industry", "#b7791f"),
      edge: v("--insight-map-edge", "#bdbdbd"),
      warm: v("--insight-map-warm", "#5c6bc0"),
      referred: v("--insight-map-referred", "#ef6c00"),
      faded: v("--insight-map-faded", "#eeeeee"),
      text: v("--insight-map-text", "#1f1f1f"),
      halo: v("--insight-map-halo", "#ffffff"),
      focus: v("--insight-map-focus", "#e65100"),
    };
  }

  // The nodes within `hops` of `focus`; a second hop goes through people and companies only,
  // so a person's map does not fan out to a whole industry or to everyone you know.
  function neighbourhood(data, focus, hops) {
    var adj = {};
    data.edges.forEach(function (e) {
      (adj[e.s] = adj[e.s] || []).push(e.t);
      (adj[e.t] = adj[e.t] || []).push(e.s);
    });
    var kinds = {};
    data.nodes.forEach(function (n) { kinds[n.id] = n.k; });
    if (!(focus in kinds)) return null;
    var level = {};
    level[focus] = 0;
    var frontier = [focus];
    var count = 1;
    for (var h = 1; h <= hops && count < MAX_FOCUS; h++) {
      var next = [];
      frontier.forEach(function (id) {
        if (h > 1 && (kinds[id] === "me" || kinds[id] === "industry")) return;
        (adj[id] || []).forEach(function (n) {
          if (!(n in level) && count < MAX_FOCUS) { level[n] = h; next.push(n); count++; }
        });
      });
      frontier = next;
    }
    return level;
  }

  // Concentric rings around the focus, each ring sorted by kind then name: stable between visits.
  function rings(nodes, level) {
    var byLevel = {};
    nodes.forEach(function (n) { (byLevel[level[n.id]] = byLevel[level[n.id]] || []).push(n); });
    var order = { me: 0, person: 1, company: 2, industry: 3 };
    var pos = {};
    Object.keys(byLevel).forEach(function (l) {
      var ring = byLevel[l].sort(function (a, b) { return order[a.k] - order[b.k] || a.l.localeCompare(b.l); });
      ring.forEach(function (n, i) {
        var r = Number(l) * Math.max(1, ring.length / 12);
        var a = 2 * Math.PI * i / ring.length - Math.PI / 2 + Number(l) * 0.3;
        pos[n.id] = { x: r * Math.cos(a), y: r * Math.sin(a) };
      });
    });
    return pos;
  }

  // Who is worth a label at first sight: you, whom you reached yourself, whoever introduced or suggested
  // someone (the connectors), the industries; on a person's map, their direct neighbours.
  function keyNodes(data, byId, focus) {
    var out = {};
    data.nodes.forEach(function (n) { if ((n.k === "me" || n.k === "industry") && n.id in byId) out[n.id] = true; });
    data.edges.forEach(function (e) {
      if (!(e.s in byId && e.t in byId)) return;
      if (byId[e.s].k === "me") out[e.t] = true;
      if (e.k === "introduced" || e.k === "referred") out[e.s] = true;
      if (focus && (e.s === focus || e.t === focus)) { out[e.s] = true; out[e.t] = true; }
    });
    return out;
  }

  function navigate(root, url) {
    var a = document.createElement("a");
    a.href = new URL(url, root).href;
    a.hidden = true;
    document.body.appendChild(a);
    a.click(); // a real link click: Material's instant navigation picks it up
    a.remove();
  }

  function field(labelText, control) {
    var label = document.createElement("label");
    label.className = "insight-map__field";
    var span = document.createElement("span");
    span.textContent = labelText;
    label.appendChild(span);
    label.appendChild(control);
    return label;
  }

  function select(name, options) {
    var s = document.createElement("select");
    s.name = name;
    options.forEach(function (o) {
      var opt = document.createElement("option");
      opt.value = o[0];
      opt.textContent = o[1];
      s.appendChild(opt);
    });
    return s;
  }

  function draw(el, data) {
    var src = new URL(el.dataset.src, location.href);
    var root = new URL("../../", src); // the JSON lives at assets/insight/ under the site root
    var focus = el.dataset.focus || "";
    var level = focus ? neighbourhood(data, focus, parseInt(el.dataset.hops || "2", 10)) : null;
    if (focus && !level) return null;
    var nodes = level ? data.nodes.filter(function (n) { return n.id in level; }) : data.nodes;
    var pos = level ? rings(nodes, level) : null;
    var byId = {};
    nodes.forEach(function (n) { byId[n.id] = n; });
    var important = keyNodes(data, byId, focus);
    var G = window.graphology;
    var graph = new (G.Graph || G)({ multi: true, type: "directed" });
    nodes.forEach(function (n) {
      var p = pos ? pos[n.id] : { x: n.x, y: -n.y };
      graph.addNode(n.id, { x: p.x, y: p.y, label: n.l, kind: n.k, size: SIZES[n.k] || 4 });
    });
    data.edges.forEach(function (e) {
      if (e.s in byId && e.t in byId) graph.addEdge(e.s, e.t, { kind: e.k, size: WARM[e.k] || e.k === "referred" ? 1.5 : 1 });
    });

    el.textContent = "";
    var bar = document.createElement("div");
    bar.hidden = !!focus; // a person's map is small: no filters needed
    bar.className = "insight-map__bar";
    var search = document.createElement("input");
    search.type = "search";
    search.placeholder = "Find a name";
    bar.appendChild(field("Find in map", search));
    var kind = select("kind", [["", "All types"]].concat(Object.keys(KINDS).map(function (k) { return [k, KINDS[k]]; })));
    bar.appendChild(field("Type", kind));
    var industry = select("industry", [["", "All industries"]].concat(data.industries.map(function (i) { return [i.id, i.l]; })));
    bar.appendChild(field("Industry", industry));
    var channel = select("channel", [["", "All channels"]].concat(data.channels.map(function (c) { return [c, c.replace(/-/g, " ")]; })));
    bar.appendChild(field("Channel", channel));
    var status = document.createElement("p");
    status.className = "insight-map__status";
    status.setAttribute("aria-live", "polite");
    var box = document.createElement("div");
    box.className = "insight-map__canvas";
    box.setAttribute("role", "img");
    box.setAttribute("aria-label", (focus ? "Map of the connections of " + byId[focus].l : "Map of your network") +
      ": " + nodes.length + " nodes. The same connections are listed as text on this page.");
    el.appendChild(bar);
    el.appendChild(box);
    el.appendChild(status);
    if (!pos && box.clientHeight && box.clientWidth) { // the radial layout is round: stretch it to the box's shape
      var sx = Math.max(1, Math.min(2, box.clientWidth / box.clientHeight));
      var sy = Math.max(1, Math.min(2, box.clientHeight / box.clientWidth));
      graph.forEachNode(function (id, a) { graph.mergeNodeAttributes(id, { x: a.x * sx, y: a.y * sy }); });
    }

    var pal = palette(el);
    var hovered = null;
    var near = null;
    var hidden = {};
    var matches = {};
    function drawHover(ctx, d, settings) {
      var size = settings.labelSize;
      ctx.font = settings.labelWeight + " " + size + "px " + settings.labelFont;
      var w = ctx.measureText(d.label || "").width + 10;
      ctx.fillStyle = pal.halo;
      ctx.strokeStyle = pal.focus;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.arc(d.x, d.y, d.size + 3, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
      ctx.fillRect(d.x + d.size + 3, d.y - size / 2 - 4, w, size + 8);
      ctx.strokeRect(d.x + d.size + 3, d.y - size / 2 - 4, w, size + 8);
      ctx.fillStyle = pal.text;
      ctx.fillText(d.label || "", d.x + d.size + 8, d.y + size / 3);
    }
    var queued = [];
    function queueLabel(ctx, d) { queued.push(d); }
    function drawLabels() { // most important first; a label that would cover one already drawn is left out
      var ctx = renderer.getCanvases().labels.getContext("2d");
      var placed = [];
      var width = renderer.getDimensions().width;
      var height = renderer.getDimensions().height;
      queued.sort(function (a, b) {
        return (b.forceLabel ? 1 : 0) - (a.forceLabel ? 1 : 0) || b.size - a.size || (a.label < b.label ? -1 : 1);
      });
      ctx.font = "12px system-ui, sans-serif";
      function free(b) {
        if (b.x < 0 || b.x + b.w > width || b.y < 0 || b.y + b.h > height) return false;
        for (var i = 0; i < placed.length; i++) {
          var o = placed[i];
          if (b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h) return false;
        }
        return true;
      }
      queued.forEach(function (d) {
        if (!d.label) return;
        var w = ctx.measureText(d.label).width + 4;
        var r = d.size + 2;
        // to the right of the node, else to its left, above or below: the first place no other label covers
        var spots = [{ x: d.x + r, y: d.y - 8 }, { x: d.x - r - w, y: d.y - 8 },
          { x: d.x - w / 2, y: d.y - r - 16 }, { x: d.x - w / 2, y: d.y + r }];
        var box = null;
        for (var i = 0; i < spots.length && !box; i++) {
          var b = { x: spots[i].x, y: spots[i].y, w: w, h: 16 };
          if (free(b)) box = b;
        }
        if (!box) return;
        box.label = d.label;
        placed.push(box);
        ctx.lineWidth = 3;
        ctx.strokeStyle = pal.halo;
        ctx.strokeText(d.label, box.x + 2, box.y + 12);
        ctx.fillStyle = pal.text;
        ctx.fillText(d.label, box.x + 2, box.y + 12);
      });
      el.setAttribute("data-labels", String(placed.length));
      labelled = placed.map(function (b) { return { label: b.label, x: b.x, y: b.y, w: b.w, h: b.h }; });
      queued = [];
    }
    var labelled = [];
    var renderer = new window.Sigma(graph, box, {
      allowInvalidContainer: true,
      renderEdgeLabels: false,
      hideEdgesOnMove: nodes.length > SMALL,
      labelRenderedSizeThreshold: 9,
      labelDensity: 1,
      defaultDrawNodeLabel: queueLabel,
      labelColor: { color: pal.text },
      labelSize: 12,
      labelFont: "system-ui, sans-serif",
      defaultDrawNodeHover: drawHover,
      zIndex: true,
      nodeReducer: function (node, d) {
        var r = { x: d.x, y: d.y, size: d.size, label: d.label, color: pal[d.kind] || pal.person, zIndex: 1 };
        if (hidden[node]) r.hidden = true;
        if (near && !near[node]) { r.color = pal.faded; r.label = ""; r.zIndex = 0; }
        if (important[node] && !near) { r.forceLabel = true; }
        if (matches[node] || node === focus) { r.highlighted = true; r.forceLabel = true; r.zIndex = 2; }
        return r;
      },
      edgeReducer: function (edge, d) {
        var ends = graph.extremities(edge);
        var r = { size: d.size, color: WARM[d.kind] ? pal.warm : d.kind === "referred" ? pal.referred : pal.edge };
        if (hidden[ends[0]] || hidden[ends[1]]) r.hidden = true;
        if (near && !(ends[0] === hovered || ends[1] === hovered)) r.color = pal.faded;
        return r;
      },
    });
    renderer.on("afterRender", drawLabels);
    drawLabels();
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        performance.mark("insight-map-rendered");
        el.setAttribute("data-rendered", String(graph.order));
      });
    });

    renderer.on("clickNode", function (e) {
      var n = byId[e.node];
      if (n && n.k !== "me") navigate(root, n.u);
    });
    renderer.on("enterNode", function (e) {
      hovered = e.node;
      near = {};
      near[e.node] = true;
      graph.forEachNeighbor(e.node, function (n) { near[n] = true; });
      box.style.cursor = byId[e.node].k === "me" ? "default" : "pointer";
      renderer.refresh({ skipIndexation: true });
    });
    renderer.on("leaveNode", function () {
      hovered = null;
      near = null;
      box.style.cursor = "";
      renderer.refresh({ skipIndexation: true });
    });

    function visible(d) {
      if (d.k === "me") return true;
      if (kind.value && d.k !== kind.value) return false;
      if (industry.value && d.id !== industry.value && (d.i || []).indexOf(industry.value) < 0) return false;
      if (channel.value && d.k === "person" && d.c !== channel.value) return false;
      return true;
    }
    function applyFilters() {
      hidden = {};
      nodes.forEach(function (d) { if (!visible(d)) hidden[d.id] = true; });
      if (channel.value) { // companies and industries stay only next to a person reached that way
        nodes.forEach(function (d) {
          if (hidden[d.id] || (d.k !== "company" && d.k !== "industry")) return;
          var linked = graph.neighbors(d.id).some(function (n) { return byId[n].k === "person" && !hidden[n]; });
          if (!linked) hidden[d.id] = true;
        });
      }
      var shown = nodes.length - Object.keys(hidden).length;
      status.textContent = shown === nodes.length ? "" : shown + " of " + nodes.length + " nodes shown.";
      renderer.refresh({ skipIndexation: true });
    }
    function found() {
      return Object.keys(matches).filter(function (id) { return !hidden[id]; })
        .sort(function (a, b) { return byId[a].l.localeCompare(byId[b].l); });
    }
    function applySearch() {
      var q = search.value.trim().toLocaleLowerCase();
      matches = {};
      if (q) nodes.forEach(function (d) { if (d.l.toLocaleLowerCase().indexOf(q) >= 0) matches[d.id] = true; });
      var list = found();
      status.textContent = q ? list.length + (list.length === 1 ? " match" : " matches") + (list.length ? ". Press Enter to open the first." : ".") : "";
      renderer.refresh({ skipIndexation: true });
      var camera = renderer.getCamera();
      if (list.length) {
        var p = renderer.getNodeDisplayData(list[0]);
        camera.animate({ x: p.x, y: p.y, ratio: Math.min(camera.ratio, 0.5) }, { duration: 300 });
      } else if (!q) {
        camera.animatedReset({ duration: 300 });
      }
    }
    [kind, industry, channel].forEach(function (s) { s.addEventListener("change", applyFilters); });
    search.addEventListener("input", applySearch);
    search.addEventListener("keydown", function (e) {
      if (e.key !== "Enter") return;
      e.preventDefault();
      var first = found().filter(function (id) { return byId[id].k !== "me"; })[0];
      if (first) navigate(root, byId[first].u);
    });

    var scheme = new MutationObserver(function () {
      pal = palette(el);
      renderer.setSetting("labelColor", { color: pal.text });
      renderer.refresh({ skipIndexation: true });
    });
    scheme.observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
    return { renderer: renderer, graph: graph, labels: function () { return labelled; }, important: important, destroy: function () { scheme.disconnect(); renderer.kill(); box.textContent = ""; } };
  }

  function teardown() {
    generation++;
    live.forEach(function (m) { m.destroy(); });
    live = [];
    window.insightMaps = live;
  }

  // No WebGL, a missing file: say so where the map would be; the text version is still on the page.
  function fail(el, err) {
    el.setAttribute("data-error", String(err));
    var p = document.createElement("p");
    p.className = "insight-map__fallback";
    p.textContent = "The map could not be drawn here; the connections are listed as text on this page.";
    el.replaceChildren(p);
  }

  function setup() {
    teardown();
    var maps = Array.prototype.slice.call(document.querySelectorAll(".insight-map[data-src]"));
    if (!maps.length || !LIBS) return;
    var gen = generation;
    var lib = loadLib();
    maps.forEach(function (el) {
      Promise.all([lib, loadData(new URL(el.dataset.src, location.href).href)]).then(function (got) {
        if (gen !== generation || !el.isConnected) return;
        var map = draw(el, got[1]);
        if (map) live.push(map);
        window.insightMaps = live; // for tests and the console: {renderer, destroy}
      }).catch(function (err) { fail(el, err); });
    });
  }

  if (window.document$) window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
