// clac's interactive network: one SVG circle per organization at a precomputed layout,
// coloured by sector and sized by a chosen measure, with filters by network (the registry's
// shared activity or a survey round), country, working group and sector; hovering a circle
// lists the organization's ties and, for a survey round, the scores it received where the
// survey's anonymity rule lets them show. Plain DOM and SVG: no library, no network access.
// `initial` presets the filters by their names (network, size, country, working_group, sector);
// the page reads it from its address's fragment: network.html#sector=hotline&country=BR.
function clacNetwork(root, data, initial) {
  "use strict";
  var SVG = null; // the SVG namespace, read from an <svg> the HTML parser made (no address here)
  var W = 900, H = 640, PAD = 40;
  var words = data.words;
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var colours = {};
  data.sectors.forEach(function (s) { colours[s.id] = s.colour; });

  function el(tag, attrs, parent) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(e);
    return e;
  }
  function svgEl(tag, attrs, parent) {
    if (SVG === null) {
      var holder = document.createElement("div");
      holder.innerHTML = "<svg></svg>";
      SVG = holder.firstChild.namespaceURI;
    }
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(e);
    return e;
  }
  function text(parent, value) { parent.appendChild(document.createTextNode(value)); }
  function select(label, name, options) {
    var wrap = el("label", { "class": "clac-filter" }, bar);
    text(wrap, label + " ");
    var s = el("select", { name: name }, wrap);
    options.forEach(function (o) {
      var opt = el("option", { value: o[0] }, s);
      text(opt, o[1]);
    });
    s.addEventListener("change", redraw);
    return s;
  }

  root.textContent = "";
  root.classList.add("clac-network");
  var style = el("style", {}, root);
  text(style,
    ".clac-network{font:13px system-ui,sans-serif;color:#222;position:relative}" +
    ".clac-network .clac-bar{display:flex;flex-wrap:wrap;gap:8px;margin:4px 0}" +
    ".clac-network svg{border:1px solid #ddd;background:#fff;max-width:100%;height:auto}" +
    ".clac-network .clac-tip{position:absolute;pointer-events:none;background:#fffff4;" +
    "border:1px solid #999;padding:4px 6px;max-width:320px;display:none;white-space:pre-line}" +
    ".clac-network .clac-legend span{display:inline-block;margin-right:10px}" +
    ".clac-network .clac-legend i{display:inline-block;width:10px;height:10px;" +
    "border-radius:5px;margin-right:3px;border:1px solid #555}");
  var heading = el("strong", {}, root);
  text(heading, data.title + " — " + words.title);
  var bar = el("div", { "class": "clac-bar" }, root);
  var all = ["", words.all];
  var network = select(words.network, "network", data.networks.map(function (n) {
    return [n.id, n.label];
  }));
  var size = select(words.size, "size", data.measures.map(function (m) {
    return [m, words[m] || m];
  }));
  var country = select(words.country, "country", [all].concat(data.countries.map(function (c) {
    return [c.id, c.label];
  })));
  var group = select(words.working_group, "working_group",
    [all].concat(data.working_groups.map(function (g) { return [g.id, g.label]; })));
  var sector = select(words.sector, "sector", [all].concat(data.sectors.map(function (s) {
    return [s.id, s.label];
  })));
  [network, size, country, group, sector].forEach(function (s) {
    var wanted = (initial || {})[s.name];
    if (wanted !== undefined && Array.prototype.some.call(s.options, function (o) {
      return o.value === wanted;
    })) s.value = wanted;
  });
  var status = el("div", { "class": "clac-status" }, root);
  var svg = svgEl("svg", { viewBox: "0 0 " + W + " " + H, width: W, height: H,
    role: "img", "aria-label": words.title }, root);
  var legend = el("div", { "class": "clac-legend" }, root);
  data.sectors.forEach(function (s) {
    if (!data.nodes.some(function (n) { return n.sector === s.id; })) return;
    var item = el("span", {}, legend);
    el("i", { style: "background:" + s.colour }, item);
    text(item, s.label);
  });
  var tip = el("div", { "class": "clac-tip" }, root);
  var edgeLayer = svgEl("g", { "class": "clac-edges" }, svg);
  var nodeLayer = svgEl("g", { "class": "clac-nodes" }, svg);

  var xs = data.nodes.map(function (n) { return n.x; });
  var ys = data.nodes.map(function (n) { return n.y; });
  var x0 = Math.min.apply(null, xs.concat([0])), x1 = Math.max.apply(null, xs.concat([0]));
  var y0 = Math.min.apply(null, ys.concat([0])), y1 = Math.max.apply(null, ys.concat([0]));
  function px(n) { return PAD + (x1 > x0 ? (n.x - x0) / (x1 - x0) : 0.5) * (W - 2 * PAD); }
  function py(n) { return PAD + (y1 > y0 ? (y1 - n.y) / (y1 - y0) : 0.5) * (H - 2 * PAD); }

  function current() {
    var id = network.value;
    return data.networks.filter(function (n) { return n.id === id; })[0] || data.networks[0];
  }
  function visible(n) {
    return (!country.value || n.countries.indexOf(country.value) >= 0) &&
      (!group.value || n.working_groups.indexOf(group.value) >= 0) &&
      (!sector.value || n.sector === sector.value);
  }
  function score(value) { return value === null || value === undefined ? words.suppressed : value + "%"; }
  function describe(n, net, neighbours) {
    var lines = [n.label + " (" + n.id + ")"];
    var sectorLabel = data.sectors.filter(function (s) { return s.id === n.sector; })[0];
    lines.push(words.sector + ": " + (sectorLabel ? sectorLabel.label : n.sector));
    if (n.countries.length) lines.push(words.country + ": " + n.countries.join(", "));
    if (n.working_groups.length) lines.push(words.working_group + ": " + n.working_groups.join(", "));
    var names = (neighbours[n.id] || []).map(function (id) { return byId[id] ? byId[id].label : id; });
    lines.push(words.ties_with + " (" + names.length + "): " + (names.length ? names.sort().join(", ") : words.none));
    var got = net.received[n.id];
    if (net.id !== "stakeholder") {
      lines.push(words.trust + ": " + score(got ? got.trust : null));
      lines.push(words.value + ": " + score(got ? got.value : null));
    }
    return lines.join("\n");
  }

  function redraw() {
    var net = current();
    var measure = size.value;
    var shown = data.nodes.filter(visible);
    var keep = {};
    shown.forEach(function (n) { keep[n.id] = true; });
    var neighbours = {};
    edgeLayer.textContent = "";
    nodeLayer.textContent = "";
    var maxWeight = 1;
    net.edges.forEach(function (e) { maxWeight = Math.max(maxWeight, e[2]); });
    net.edges.forEach(function (e) {
      (neighbours[e[0]] = neighbours[e[0]] || []).push(e[1]);
      (neighbours[e[1]] = neighbours[e[1]] || []).push(e[0]);
      if (!keep[e[0]] || !keep[e[1]] || !byId[e[0]] || !byId[e[1]]) return;
      svgEl("line", { x1: px(byId[e[0]]), y1: py(byId[e[0]]), x2: px(byId[e[1]]),
        y2: py(byId[e[1]]), stroke: "#888", "stroke-opacity": 0.5,
        "stroke-width": 0.6 + 2.4 * e[2] / maxWeight }, edgeLayer);
    });
    var top = 0;
    data.nodes.forEach(function (n) { top = Math.max(top, n[measure] || 0); });
    shown.forEach(function (n) {
      var r = 5 + 13 * Math.sqrt(top > 0 ? (n[measure] || 0) / top : 0);
      var c = svgEl("circle", { cx: px(n), cy: py(n), r: r.toFixed(1),
        fill: colours[n.sector] || "#cccccc", stroke: "#333", "stroke-width": 0.8,
        "class": "clac-node", "data-id": n.id }, nodeLayer);
      var title = svgEl("title", {}, c);
      var description = describe(n, net, neighbours);
      title.textContent = description;
      c.addEventListener("mouseenter", function (event) {
        tip.textContent = description;
        tip.style.display = "block";
        var box = root.getBoundingClientRect();
        tip.style.left = (event.clientX - box.left + 12) + "px";
        tip.style.top = (event.clientY - box.top + 12) + "px";
      });
      c.addEventListener("mouseleave", function () { tip.style.display = "none"; });
    });
    status.textContent = words.shown.replace("{shown}", shown.length).replace("{total}", data.nodes.length);
  }
  redraw();
  return root;
}
