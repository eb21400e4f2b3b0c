"use strict";
(function () {
  const data = JSON.parse(document.getElementById("report-data").textContent);

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }
  const numbers = new Intl.NumberFormat("en");
  const count = (n) => numbers.format(n);
  function bytes(n) {
    for (const [size, unit] of [[1e9, "GB"], [1e6, "MB"], [1e3, "kB"]]) if (n >= size) return (n / size).toFixed(1) + " " + unit;
    return n + " B";
  }
  const similarity = (s) => s === 1 ? "1" : s.toFixed(3);
  const bytewise = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

  // A link only for http(s) URLs; anything else (javascript:, data:) stays text.
  function link(url) {
    if (!url) return "";
    try {
      const parsed = new URL(url);
      if (parsed.protocol === "http:" || parsed.protocol === "https:") return el("a", { href: parsed.href, rel: "noreferrer noopener", target: "_blank" }, url);
    } catch (error) { /* not a URL: shown as text */ }
    return url;
  }

  function pager(state, total, redraw) {
    const pages = Math.max(1, Math.ceil(total / state.perPage));
    state.page = Math.min(state.page, pages - 1);
    const go = (page) => () => { state.page = page; redraw(); };
    const previous = el("button", { onclick: go(state.page - 1) }, "‹ previous");
    const next = el("button", { onclick: go(state.page + 1) }, "next ›");
    previous.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
    return el("div", { class: "pager" }, previous, "page " + (state.page + 1) + " of " + pages, next);
  }

  // ---- Duplicate clusters ----
  const clusterState = { query: "", kind: "all", sort: "size", page: 0, perPage: 25, open: new Set(), shown: {} };
  const clusterList = document.getElementById("cluster-list");

  function clusterRows() {
    const query = clusterState.query.toLowerCase();
    const rows = [];
    data.clusters.forEach((cluster, index) => {
      if (clusterState.kind !== "all" && cluster.kind !== clusterState.kind) return;
      if (query && !cluster.members.some((m) => m.id.toLowerCase().includes(query) || (m.url || "").toLowerCase().includes(query))) return;
      rows.push(index);
    });
    const order = {
      size: (a, b) => data.clusters[b].size - data.clusters[a].size || a - b,
      similarity: (a, b) => data.clusters[a].min - data.clusters[b].min || a - b,
      id: (a, b) => bytewise(data.clusters[a].label, data.clusters[b].label) || a - b,
    }[clusterState.sort];
    return rows.sort(order);
  }

  function drawClusters() {
    const rows = clusterRows();
    document.getElementById("cluster-count").textContent = count(rows.length) + " of " + count(data.clusters.length) + " clusters"
      + (data.moreClusters > 0 ? " on this page (" + count(data.moreClusters) + " smaller ones are in clusters.csv)" : "");
    const body = el("tbody");
    const start = clusterState.page * clusterState.perPage;
    for (const index of rows.slice(start, start + clusterState.perPage)) {
      const cluster = data.clusters[index];
      const kept = cluster.members[0];
      const isOpen = clusterState.open.has(index);
      const toggle = () => { isOpen ? clusterState.open.delete(index) : clusterState.open.add(index); drawClusters(); };
      body.append(el("tr", { class: "cluster", onclick: toggle },
        el("td", { class: "toggle" }, isOpen ? "▾" : "▸"),
        el("td", null, el("span", { class: "kind " + cluster.kind }, cluster.kind)),
        el("td", null, count(cluster.size)),
        el("td", { class: "sim" }, similarity(cluster.min)),
        el("td", { class: "id" }, kept.id),
        el("td", { class: "url" }, kept.url || "")));
      if (isOpen) body.append(el("tr", null, el("td", { colspan: "6", class: "details" }, clusterDetails(cluster, index))));
    }
    const table = el("table", null,
      el("thead", null, el("tr", null, el("th"), el("th", null, "kind"), el("th", null, "size"),
        el("th", null, "lowest similarity"), el("th", null, "kept document"), el("th", null, "URL"))), body);
    const empty = rows.length === 0 ? el("p", { class: "note" }, data.clusters.length === 0 ? "The run found no duplicates." : "No cluster matches.") : null;
    clusterList.replaceChildren(...[pager(clusterState, rows.length, drawClusters), table, empty].filter(Boolean));
  }

  function clusterDetails(cluster, index) {
    const comparisons = cluster.texts === undefined || cluster.texts === null ? [] : data.comparisons[cluster.texts];
    const byMember = new Map(comparisons.map((c) => [c.member, c]));
    // At first the least similar copy: it shows the most of what differs.
    let shown = clusterState.shown[index];
    if (shown === undefined && comparisons.length > 0) shown = comparisons[comparisons.length - 1].member;
    const view = el("div");
    const body = el("tbody");
    cluster.members.forEach((member, position) => {
      const compare = byMember.has(position)
        ? el("button", { onclick: (event) => { event.stopPropagation(); clusterState.shown[index] = position; drawClusters(); } },
            position === shown ? "shown below" : "compare")
        : "";
      body.append(el("tr", null,
        el("td", { class: "id" }, member.id),
        el("td", { class: "url" }, link(member.url)),
        el("td", { class: "sim" }, position === 0 ? "kept" : similarity(member.similarity)),
        el("td", null, bytes(member.text_bytes)),
        el("td", null, member.removed_by ? "removed by " + member.removed_by : "in the cleaned output"),
        el("td", null, compare)));
    });
    view.append(el("table", { class: "members" },
      el("thead", null, el("tr", null, el("th", null, "id"), el("th", null, "URL"), el("th", null, "similarity to kept"),
        el("th", null, "text"), el("th", null, "where"), el("th"))), body));
    if (cluster.more > 0) view.append(el("p", { class: "note" }, count(cluster.more) + " more members are listed in clusters.csv and report.json."));
    if (byMember.has(shown)) {
      view.append(diffView(cluster, byMember.get(shown)));
    } else if (cluster.kind === "exact") {
      view.append(el("p", { class: "note" }, "Exact copies: the texts are the same once case, spacing and punctuation are folded."));
    } else {
      view.append(el("p", { class: "note" }, "The page carries texts for the largest near-duplicate clusters only (report option clusters_with_text)."));
    }
    return view;
  }

  function pane(title, runs, tag) {
    const pre = el("pre");
    runs.forEach((run, position) => { if (run) pre.append(position % 2 === 1 ? el(tag, null, run) : run); });
    return el("div", { class: "pane" }, el("h4", null, title), pre);
  }

  function diffView(cluster, comparison) {
    const member = cluster.members[comparison.member];
    const note = comparison.aligned ? null : el("p", { class: "note" }, "These texts differ too much to align word by word.");
    return el("div", null, note, el("div", { class: "diff" },
      pane("kept: " + cluster.members[0].id + " (words only here struck through)", comparison.left, "del"),
      pane("copy: " + member.id + " · similarity " + similarity(member.similarity) + " (words only here highlighted)", comparison.right, "ins")));
  }

  // ---- Templates by site ----
  const siteState = { query: "", sort: "share", page: 0, perPage: 20, expanded: new Set() };
  const siteList = document.getElementById("site-list");

  function drawSites() {
    const query = siteState.query.toLowerCase();
    const sites = data.sites.filter((site) => site.template_lines.length > 0 || site.pages_changed > 0)
      .filter((site) => !query || site.site.toLowerCase().includes(query) || site.template_lines.some((line) => line.text.toLowerCase().includes(query)));
    const order = {
      share: (a, b) => b.template_share - a.template_share || bytewise(a.site, b.site),
      bytes: (a, b) => b.bytes_removed - a.bytes_removed || bytewise(a.site, b.site),
      pages: (a, b) => b.pages - a.pages || bytewise(a.site, b.site),
      site: (a, b) => bytewise(a.site, b.site),
    }[siteState.sort];
    sites.sort(order);
    document.getElementById("site-count").textContent = count(sites.length) + " sites with template lines"
      + (data.moreSites > 0 ? " on this page (" + count(data.moreSites) + " that lost less text are in report.json)" : "");
    const start = siteState.page * siteState.perPage;
    const cards = sites.slice(start, start + siteState.perPage).map((site) => {
      const expanded = siteState.expanded.has(site.site);
      const lines = expanded ? site.template_lines : site.template_lines.slice(0, 8);
      const body = el("tbody");
      for (const line of lines) body.append(el("tr", null, el("td", { class: "line" }, line.text), el("td", { class: "pages" }, count(line.pages))));
      const more = site.template_lines.length > 8
        ? el("button", { onclick: () => { expanded ? siteState.expanded.delete(site.site) : siteState.expanded.add(site.site); drawSites(); } },
            expanded ? "show fewer" : "show all " + site.template_lines.length + " lines")
        : null;
      return el("div", { class: "site" },
        el("h3", null, site.site || "(no site)",
          el("span", null, count(site.pages) + " pages"),
          el("span", null, count(site.pages_changed) + " changed"),
          el("span", null, count(site.pages_removed) + " removed as template only"),
          el("span", null, bytes(site.bytes_removed) + " of " + bytes(site.bytes_in) + " removed"),
          el("span", null, el("i", { class: "bar", style: "width:" + Math.round(site.template_share * 80) + "px" }), (site.template_share * 100).toFixed(1) + "% template")),
        el("table", null, el("thead", null, el("tr", null, el("th", null, "template line (one example spelling)"), el("th", null, "pages"))), body), more);
    });
    const empty = sites.length === 0 ? el("p", { class: "note" }, data.sites.length === 0 ? "No template summary was given, or the run found no template lines." : "No site matches.") : null;
    siteList.replaceChildren(...[pager(siteState, sites.length, drawSites), ...cards, empty].filter(Boolean));
  }

  function bind(id, event, state, key, redraw) {
    document.getElementById(id).addEventListener(event, (e) => { state[key] = e.target.value; state.page = 0; redraw(); });
  }
  bind("cluster-search", "input", clusterState, "query", drawClusters);
  bind("cluster-kind", "change", clusterState, "kind", drawClusters);
  bind("cluster-sort", "change", clusterState, "sort", drawClusters);
  bind("site-search", "input", siteState, "query", drawSites);
  bind("site-sort", "change", siteState, "sort", drawSites);
  if (data.clusters.length > 0) clusterState.open.add(0);
  drawClusters();
  drawSites();
})();
