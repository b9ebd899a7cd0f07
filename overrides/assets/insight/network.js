// The network map. Loaded on every page but idle unless the page has a `.insight-map[data-src]`
// placeholder: only then does it load Cytoscape.js (vendored) and fetch the graph JSON.
// Material's instant navigation swaps the content without reloading scripts, so everything is
// set up on each `document$` emission and the previous maps are destroyed first.
// Positions come from the build (a preset layout); a person's map is a small concentric layout.
// Every label is drawn as canvas text or set with textContent: no user value becomes HTML.
(function () {
  "use strict";

  var here = document.currentScript && document.currentScript.src;
  var LIB = here ? new URL("../vendor/cytoscape/cytoscape.min.js", here).href : null;
  var BIG = 1500; // above this many nodes: no labels until zoomed in, edges hidden while panning
  var MAX_FOCUS = 250; // a neighbourhood map stops growing here
  var KINDS = { me: "You", person: "People", company: "Companies", industry: "Industries" };
  var libPromise = null;
  var dataPromises = {};
  var live = [];
  var generation = 0;

  function loadLib() {
    if (window.cytoscape) return Promise.resolve(window.cytoscape);
    if (!libPromise) {
      libPromise = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = LIB;
        s.onload = function () { resolve(window.cytoscape); };
        s.onerror = function () { libPromise = null; reject(new Error("could not load " + LIB)); };
        document.head.appendChild(s);
      });
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
      me: v("--insight-map-me", "#d81b60"),
      person: v("--insight-map-person", "#3f51b5"),
      company: v("--insight-map-company", "#00897b"),
      industry: v("--insight-map-industry", "#f9a825"),
      edge: v("--insight-map-edge", "#9e9e9e"),
      warm: v("--insight-map-warm", "#5c6bc0"),
      text: v("--insight-map-text", "#212121"),
      halo: v("--insight-map-halo", "#ffffff"),
      focus: v("--insight-map-focus", "#ff6f00"),
    };
  }

  function style(el, big) {
    var c = palette(el);
    return [
      { selector: "node", style: {
        "background-color": c.person, label: big ? "" : "data(label)", color: c.text, "font-size": 11,
        "text-valign": "bottom", "text-margin-y": 3, "text-outline-color": c.halo, "text-outline-width": 2,
        width: 12, height: 12, "min-zoomed-font-size": big ? 9 : 0,
      } },
      { selector: "node.me", style: { "background-color": c.me, width: 22, height: 22, "font-weight": "bold" } },
      { selector: "node.company", style: { "background-color": c.company, shape: "round-rectangle" } },
      { selector: "node.industry", style: { "background-color": c.industry, shape: "diamond", width: 16, height: 16 } },
      { selector: "node.focus", style: { "border-width": 3, "border-color": c.focus } },
      { selector: "edge", style: { width: 1, "line-color": c.edge, "curve-style": "haystack", opacity: 0.6 } },
      { selector: "edge.warm", style: { width: 1.6, "line-color": c.warm, opacity: 0.9 } },
      { selector: "edge.referred", style: big ? { "line-style": "dashed" } : { "line-style": "dashed", "curve-style": "straight" } },
      { selector: "edge.in-industry", style: { "line-style": "dotted" } },
      { selector: ".faded", style: { opacity: 0.12, "text-opacity": 0 } },
      { selector: "node.match, node.near", style: { label: "data(label)", "min-zoomed-font-size": 0 } },
      { selector: "node.match", style: { "border-width": 3, "border-color": c.focus, "z-index": 10 } },
      { selector: ".hidden", style: { display: "none" } },
    ];
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

  function elements(data, level) {
    var els = [];
    var warm = { contacted: 1, knows: 1, introduced: 1, referred: 1 };
    data.nodes.forEach(function (n) {
      if (level && !(n.id in level)) return;
      els.push({ group: "nodes", data: { id: n.id, label: n.l, url: n.u, kind: n.k, level: level ? level[n.id] : 0 },
        position: { x: n.x, y: n.y }, classes: n.k });
    });
    data.edges.forEach(function (e, i) {
      if (level && !(e.s in level && e.t in level)) return;
      els.push({ group: "edges", data: { id: "e" + i, source: e.s, target: e.t }, classes: e.k + (warm[e.k] ? " warm" : "") });
    });
    return els;
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

  function draw(el, data, cytoscape) {
    var src = new URL(el.dataset.src, location.href);
    var root = new URL("../../", src); // the JSON lives at assets/insight/ under the site root
    var focus = el.dataset.focus || "";
    var level = focus ? neighbourhood(data, focus, parseInt(el.dataset.hops || "2", 10)) : null;
    if (focus && !(focus in level)) return null;
    var big = !level && data.nodes.length > BIG;
    var byId = {};
    data.nodes.forEach(function (n) { byId[n.id] = n; });

    el.textContent = "";
    var bar = document.createElement("div");
    bar.className = "insight-map__bar";
    var search = document.createElement("input");
    search.type = "search";
    search.placeholder = "Find a name";
    bar.appendChild(field("Search", search));
    var kind = select("kind", [["", "All types"]].concat(["person", "company", "industry"].map(function (k) { return [k, KINDS[k]]; })));
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
      ": " + Object.keys(level || byId).length + " nodes. The same connections are listed as text on this page.");
    el.appendChild(bar);
    el.appendChild(box);
    el.appendChild(status);

    var cy = cytoscape({
      container: box,
      elements: elements(data, level),
      style: style(el, big),
      layout: level ? { name: "concentric", concentric: function (n) { return 10 - n.data("level"); },
        levelWidth: function () { return 1; }, minNodeSpacing: 18, animate: false } : { name: "preset" },
      minZoom: 0.02, maxZoom: 4,
      hideEdgesOnViewport: big, textureOnViewport: big, pixelRatio: big ? 1 : "auto", motionBlur: false,
    });
    performance.mark("insight-map-init");
    if (focus) cy.getElementById(focus).addClass("focus");
    cy.one("render", function () {
      requestAnimationFrame(function () {
        performance.mark("insight-map-rendered");
        el.setAttribute("data-rendered", String(cy.nodes().length));
      });
    });

    cy.on("tap", "node", function (evt) {
      var url = evt.target.data("url");
      if (evt.target.data("kind") !== "me" && url !== undefined) navigate(root, url);
    });
    cy.on("mouseover", "node", function (evt) {
      var near = evt.target.closedNeighborhood();
      cy.batch(function () { cy.elements().not(near).addClass("faded"); });
      box.style.cursor = evt.target.data("kind") === "me" ? "default" : "pointer";
    });
    cy.on("mouseout", "node", function () {
      cy.batch(function () { cy.elements(".faded").removeClass("faded"); });
      box.style.cursor = "";
    });

    function visible(n) {
      var d = byId[n.id()];
      if (d.k === "me") return true;
      if (kind.value && d.k !== kind.value) return false;
      if (industry.value && d.id !== industry.value && (d.i || []).indexOf(industry.value) < 0) return false;
      if (channel.value && d.k === "person" && d.c !== channel.value) return false;
      return true;
    }
    function applyFilters() {
      cy.batch(function () {
        cy.nodes().forEach(function (n) { n.toggleClass("hidden", !visible(n)); });
        if (channel.value) { // companies and industries stay only next to a person reached that way
          cy.nodes().filter(function (n) { return !n.hasClass("hidden") && (n.hasClass("company") || n.hasClass("industry")); })
            .forEach(function (n) {
              var linked = n.neighborhood("node.person").some(function (p) { return !p.hasClass("hidden"); });
              n.toggleClass("hidden", !linked);
            });
        }
      });
      var shown = cy.nodes(":visible").length;
      status.textContent = shown === cy.nodes().length ? "" : shown + " of " + cy.nodes().length + " nodes shown.";
    }
    function applySearch() {
      var q = search.value.trim().toLocaleLowerCase();
      cy.batch(function () {
        cy.nodes(".match").removeClass("match");
        if (q) cy.nodes().filter(function (n) { return n.data("label").toLocaleLowerCase().indexOf(q) >= 0; }).addClass("match");
      });
      var found = cy.nodes(".match:visible");
      if (q) {
        status.textContent = found.length + (found.length === 1 ? " match" : " matches") + (found.length ? ". Press Enter to open the first." : ".");
        if (found.length) cy.fit(found, 80);
      } else {
        status.textContent = "";
        cy.fit(undefined, 20);
      }
    }
    [kind, industry, channel].forEach(function (s) { s.addEventListener("change", applyFilters); });
    search.addEventListener("input", applySearch);
    search.addEventListener("keydown", function (e) {
      if (e.key !== "Enter") return;
      e.preventDefault();
      var first = cy.nodes(".match:visible").sort(function (a, b) { return a.data("label").localeCompare(b.data("label")); })[0];
      if (first && first.data("kind") !== "me") navigate(root, first.data("url"));
    });

    var scheme = new MutationObserver(function () { cy.style(style(el, big)); });
    scheme.observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
    return { cy: cy, destroy: function () { scheme.disconnect(); cy.destroy(); } };
  }

  function teardown() {
    generation++;
    live.forEach(function (m) { m.destroy(); });
    live = [];
  }

  function setup() {
    teardown();
    var maps = Array.prototype.slice.call(document.querySelectorAll(".insight-map[data-src]"));
    if (!maps.length || !LIB) return;
    var gen = generation;
    loadLib().then(function (cytoscape) {
      performance.mark("insight-map-lib");
      maps.forEach(function (el) {
        loadData(new URL(el.dataset.src, location.href).href).then(function (data) {
          performance.mark("insight-map-data");
          if (gen !== generation || !el.isConnected) return;
          var map = draw(el, data, cytoscape);
          if (map) { live.push(map); window.__insightMaps = live; }
        }).catch(function (err) { el.setAttribute("data-error", String(err)); });
      });
    }).catch(function (err) { maps.forEach(function (el) { el.setAttribute("data-error", String(err)); }); });
  }

  if (window.document$) window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
