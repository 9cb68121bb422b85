/* rollcall's web page: plain DOM, no framework, no build step.
 *
 * Everything shown comes from news articles and is untrusted: the DOM is built with
 * createElement/textContent only (never innerHTML with data), and only absolute http(s) URLs
 * become links. The server's Content-Security-Policy backs this up.
 */
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const SVG = "http://www.w3.org/2000/svg";
  const ROSTER_LIMIT = 200; // members listed per lab card; the count covers everyone
  const TYPE_LABEL = { joined: "joined", left: "left", role_changed: "role change", held_role: "held role" };

  const state = {
    asOf: todayISO(),
    knownAt: null, // ISO UTC string or null (= now)
    token: sessionStorage.getItem("rollcall.token") || null,
    stats: null,
    replay: null,
    filtered: null, // { q, base, r }: the server's answer to the roster filter for `base`
    seq: { rosters: 0, person: 0, flows: 0, log: 0, sources: 0, filter: 0 },
    logNext: null,
    articlesNext: null,
  };

  // -- small helpers ---------------------------------------------------------------------
  function todayISO() {
    const d = new Date();
    return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  }

  /** el("li", {class: "x", text: "..."}, child, "text", ...): children are nodes or text. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") node.textContent = String(v);
      else if (k === "class") node.className = v;
      else if (k === "href") { const u = safeUrl(v, true); if (u) node.setAttribute("href", u); }
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === "text") node.textContent = String(v);
      else node.setAttribute(k, String(v));
    }
    for (const c of children) if (c) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }

  /** Only absolute http(s) URLs from data; `local` also allows our own hash links. */
  function safeUrl(value, local) {
    if (typeof value !== "string") return null;
    if (local && /^#[\w\-/%.]*$/.test(value)) return value;
    if (local && /^\/(api|openapi|healthz)/.test(value)) return value;
    try {
      const u = new URL(value);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (_e) {
      return null;
    }
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function personLink(p) {
    return el("a", { class: "person-link", href: "#person/" + encodeURIComponent(p.id), text: p.name });
  }

  function typeBadge(type) {
    return el("span", { class: "badge t-" + type, text: TYPE_LABEL[type] || type });
  }

  function fmtDate(d) {
    if (!d) return "date unknown";
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d);
    if (!m) return d;
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    if (m[3]) return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
    if (m[2]) return `${months[Number(m[2]) - 1]} ${m[1]}`;
    return m[1];
  }

  function dayNumber(iso) { return Math.round(Date.parse(iso + "T00:00:00Z") / 86400000); }
  function dayISO(n) { return new Date(n * 86400000).toISOString().slice(0, 10); }

  function banner(message) {
    const b = $("banner");
    if (!message) { b.hidden = true; clear(b); return; }
    b.textContent = message;
    b.hidden = false;
  }

  async function api(path, params) {
    const url = new URL(path, location.origin);
    for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
    const headers = { Accept: "application/json" };
    if (state.token) headers.Authorization = "Bearer " + state.token;
    const res = await fetch(url, { headers });
    let body = null;
    try { body = await res.json(); } catch (_e) { body = null; }
    if (res.status === 401 || (res.status === 403 && body && /token/.test(String(body.detail)))) {
      $("token-form").hidden = false;
    }
    if (!res.ok) {
      let msg = `${res.status}`;
      if (body && typeof body.detail === "string") msg = body.detail;
      else if (body && Array.isArray(body.detail)) msg = body.detail.map((d) => d.msg).join("; ");
      const err = new Error(msg);
      err.status = res.status;
      throw err;
    }
    return body;
  }

  const timeParams = () => ({ known_at: state.knownAt });

  // -- header stats and time controls ------------------------------------------------------
  async function loadStats() {
    try {
      const s = await api("/api/stats");
      state.stats = s;
      const parts = [`${s.facts} facts`, `${s.articles} articles`, `${s.people} people`, `${s.orgs} organizations`];
      if (s.retracted) parts.push(`${s.retracted} retracted`);
      $("stats").textContent = parts.join(" · ");
      setupSlider();
    } catch (_e) { /* the stats line is decoration */ }
  }

  function setupSlider() {
    const slider = $("as-of-slider");
    let first = (state.stats && state.stats.first_date) || "2015";
    first = first.slice(0, 4) + "-01-01";
    const today = todayISO();
    const lo = Math.min(dayNumber(first), dayNumber(state.asOf));
    const hi = Math.max(dayNumber(today), dayNumber(state.asOf));
    slider.min = String(lo);
    slider.max = String(hi);
    slider.value = String(dayNumber(state.asOf));
    $("slider-min").textContent = dayISO(lo).slice(0, 4);
    $("slider-max").textContent = "today";
    slider.setAttribute("aria-valuetext", state.asOf);
  }

  let debounce = null;
  function setAsOf(iso, from) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(Date.parse(iso))) return;
    state.asOf = iso;
    if (from !== "input") $("as-of").value = iso;
    if (from !== "slider") $("as-of-slider").value = String(dayNumber(iso));
    $("as-of-slider").setAttribute("aria-valuetext", iso);
    clearTimeout(debounce);
    debounce = setTimeout(() => { if (currentView() === "rosters") loadRosters(); }, from === "slider" ? 120 : 0);
  }

  function setKnownAt(localValue) {
    if (!localValue) { state.knownAt = null; $("known-at").value = ""; }
    else {
      const t = new Date(localValue);
      if (Number.isNaN(t.getTime())) return;
      state.knownAt = t.toISOString();
    }
    loadStats();
    route();
  }

  // -- rosters -----------------------------------------------------------------------------
  async function loadRosters() {
    const seq = ++state.seq.rosters;
    const box = $("rosters");
    box.setAttribute("aria-busy", "true");
    try {
      // a big store's labs hold thousands of people: list the first ones, count them all
      const r = await api("/api/replay", { to: state.asOf, limit: ROSTER_LIMIT, ...timeParams() });
      if (seq !== state.seq.rosters) return;
      state.replay = r;
      banner(null);
      renderRosters();
      filterRosters();
    } catch (e) {
      if (seq === state.seq.rosters) banner("Could not load rosters: " + e.message);
    } finally {
      if (seq === state.seq.rosters) box.setAttribute("aria-busy", "false");
    }
  }

  // Lab cards list only their first people, so the filter asks the server for everyone whose
  // name matches (debounced); until it answers, the people already on the page are filtered.
  let filterTimer = null;
  function filterRosters() {
    clearTimeout(filterTimer);
    const q = $("roster-filter").value.trim().toLowerCase();
    const base = state.replay;
    if (!q || !base) { state.filtered = null; return; }
    filterTimer = setTimeout(async () => {
      const seq = ++state.seq.filter;
      try {
        const r = await api("/api/replay", { to: base.as_of, limit: ROSTER_LIMIT, name: q, ...timeParams() });
        if (seq !== state.seq.filter || base !== state.replay) return;
        state.filtered = { q, base, r };
        renderRosters();
      } catch (e) {
        if (seq === state.seq.filter) banner("Could not filter rosters: " + e.message);
      }
    }, 250);
  }

  function renderRosters() {
    const r = state.replay;
    if (!r) return;
    const box = $("rosters");
    clear(box);
    const q = $("roster-filter").value.trim().toLowerCase();
    $("rosters-sub").textContent = `as of ${fmtDate(r.as_of)}` + (r.known_at ? `, as known at ${new Date(r.known_at).toLocaleString()}` : "");
    const f = state.filtered && state.filtered.q === q && state.filtered.base === r ? state.filtered.r : null;
    const hits = f ? new Map(f.rosters.map((x) => [x.org.id, x])) : null;
    let shown = 0;
    for (const ros of r.rosters) {
      const orgHit = !q || ros.org.name.toLowerCase().includes(q);
      let members, count;
      if (orgHit) {
        members = ros.members; count = ros.total;
      } else if (hits) {
        const h = hits.get(ros.org.id);
        members = h ? h.members : []; count = h ? h.total : 0;
      } else {
        members = ros.members.filter((m) => m.person.name.toLowerCase().includes(q)); count = members.length;
      }
      if (!members.length) continue;
      shown++;
      const staff = members.filter((m) => !m.board);
      const board = members.filter((m) => m.board);
      const card = el("article", { class: "card roster", "aria-labelledby": "org-" + ros.org.id, "data-org": ros.org.id },
        el("header", { class: "card-head" },
          el("h3", { id: "org-" + ros.org.id, text: ros.org.name }),
          el("span", { class: "count", text: countText(count) })));
      if (staff.length) card.append(memberList(staff));
      if (board.length) {
        card.append(el("h4", { class: "board-title", text: "Board" }), memberList(board));
      }
      if (count > members.length) {
        card.append(el("p", { text: `The first ${members.length} of ${count} in roster order.`, class: "roster-more" }));
      }
      box.append(card);
    }
    if (!shown) {
      box.append(el("p", { class: "empty", text: q ? "Nobody matches the filter." : `Nobody is known to be anywhere on ${fmtDate(r.as_of)}.` }));
    }
  }

  function countText(n) {
    return `${n.toLocaleString()} ${n === 1 ? "person" : "people"}`;
  }

  function memberList(members) {
    const ul = el("ul", { class: "members" });
    for (const m of members) {
      const since = m.since
        ? el("span", { text: `since ${fmtDate(m.since)}` })
        : el("span", { class: "unknown", title: "The sources give no start date", text: "since ?" });
      const li = el("li", { class: "member" + (m.certain ? "" : " uncertain") },
        el("div", { class: "who" }, personLink(m.person), m.role ? el("span", { class: "role", text: m.role }) : null),
        el("div", { class: "since" }, since,
          m.certain || !m.since ? null : el("span", { class: "q", title: "The dates in the sources do not settle whether this person was there on this day", text: "unconfirmed" })));
      ul.append(li);
    }
    return ul;
  }

  // -- person -------------------------------------------------------------------------------
  async function loadPerson(name) {
    const seq = ++state.seq.person;
    $("person-title").textContent = name;
    clear($("person-aliases")); clear($("person-stints")); clear($("person-timeline"));
    try {
      const p = await api("/api/people/" + encodeURIComponent(name), timeParams());
      if (seq !== state.seq.person) return;
      banner(null);
      renderPerson(p);
    } catch (e) {
      if (seq === state.seq.person) {
        $("person-title").textContent = "Not found";
        banner(e.status === 404 ? e.message : "Could not load this person: " + e.message);
      }
    }
  }

  function renderPerson(p) {
    $("person-title").textContent = p.person.name;
    document.title = `${p.person.name} — rollcall`;
    $("person-aliases").textContent = p.aliases.length ? "Also written: " + p.aliases.join(", ") : "";
    renderStints(p.stints || []);
    const ol = $("person-timeline");
    clear(ol);
    for (const f of p.timeline) {
      const retracted = f.status === "retracted";
      const what = el("span", { class: "what" },
        typeBadge(f.type), " ", el("strong", { text: f.org.name }), f.role ? el("span", { class: "role", text: " · " + f.role }) : null);
      const li = el("li", { class: "event" + (retracted ? " retracted" : ""), id: "fact-" + f.id },
        el("div", { class: "dot t-" + f.type, "aria-hidden": "true" }),
        el("div", { class: "event-body" },
          el("div", { class: "event-line" },
            el("time", { class: "date", text: fmtDate(f.date) + (f.date_inferred ? " (inferred)" : "") }),
            retracted ? el("s", {}, what) : what,
            retracted ? el("span", { class: "badge retracted-badge", text: "retracted" }) : null),
          sourceList(f.sources)));
      ol.append(li);
    }
    if (!p.timeline.length) ol.append(el("li", { class: "empty", text: "No facts known." }));
  }

  function renderStints(stints) {
    const box = $("person-stints");
    clear(box);
    const work = stints.filter((s) => s.from || s.to);
    if (!work.length) return;
    const today = dayNumber(todayISO());
    const starts = work.map((s) => (s.from ? dayNumber(s.from.slice(0, 10)) : null)).filter((x) => x !== null);
    const lo = Math.min(...starts, today - 365) - 60;
    const span = Math.max(today - lo, 1);
    const pct = (n) => ((n - lo) / span) * 100;
    box.append(el("div", { class: "axis" }, el("span", { text: dayISO(lo).slice(0, 4) }), el("span", { text: "today" })));
    for (const s of stints) {
      const a = s.from ? dayNumber(s.from.slice(0, 10)) : lo;
      const b = s.to ? dayNumber(s.to.slice(0, 10)) : today;
      const bar = el("div", { class: "bar" + (s.from ? "" : " open-start") + (s.board ? " board" : "") });
      bar.style.left = pct(a).toFixed(2) + "%";
      bar.style.width = Math.max(pct(b) - pct(a), 1).toFixed(2) + "%";
      const label = `${s.org.name}${s.role ? " · " + s.role : ""}${s.board ? " (board)" : ""}`;
      const when = `${s.since ? fmtDate(s.since) : "?"} – ${s.to ? fmtDate(s.until || s.to) : "now"}`;
      box.append(el("div", { class: "stint" },
        el("div", { class: "stint-label" }, el("span", { class: "stint-org", text: label }), el("span", { class: "stint-when", text: when })),
        el("div", { class: "track", role: "img", "aria-label": `${label}: ${when}` }, bar)));
    }
  }

  function sourceList(sources) {
    const ul = el("ul", { class: "sources" });
    for (const s of sources || []) {
      const name = s.title || s.url || (s.path ? s.path.split("/").pop() : s.article);
      const href = safeUrl(s.url);
      const cite = href ? el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank", text: name }) : el("span", { text: name });
      ul.append(el("li", {},
        s.quote ? el("blockquote", { text: s.quote }) : null,
        el("p", { class: "cite" }, "— ", cite, s.published ? el("span", { class: "pub", text: " · " + fmtDate(s.published) }) : null)));
    }
    return ul;
  }

  // -- flows --------------------------------------------------------------------------------
  async function loadFlows() {
    const seq = ++state.seq.flows;
    try {
      const r = await api("/api/flows", { from: $("flows-from").value, to: $("flows-to").value, ...timeParams() });
      if (seq !== state.seq.flows) return;
      banner(null);
      renderFlowChart(r.flows);
      renderMoves(r.moves);
    } catch (e) {
      if (seq === state.seq.flows) banner("Could not load flows: " + e.message);
    }
  }

  const PALETTE = ["#4f46e5", "#0e7490", "#b45309", "#be185d", "#15803d", "#7c3aed", "#c2410c", "#0369a1", "#a16207", "#4d7c0f"];

  function renderFlowChart(flows) {
    const box = $("flow-chart");
    clear(box);
    if (!flows.length) { box.append(el("p", { class: "empty", text: "No moves between organizations in this period." })); return; }
    const sum = (side) => {
      const m = new Map();
      for (const f of flows) {
        const o = f[side];
        const cur = m.get(o.id) || { org: o, count: 0 };
        cur.count += f.count;
        m.set(o.id, cur);
      }
      return [...m.values()].sort((a, b) => b.count - a.count || a.org.name.localeCompare(b.org.name));
    };
    const left = sum("from"), right = sum("to");
    const total = flows.reduce((n, f) => n + f.count, 0);
    const unit = 26, gap = 14, W = 780, top = 34, labelW = 205, barW = 10;
    const H = top + total * unit + Math.max(left.length, right.length) * gap + 10;
    const place = (nodes) => {
      let y = top;
      const at = new Map();
      for (const n of nodes) { at.set(n.org.id, { y, h: n.count * unit, used: 0, n }); y += n.count * unit + gap; }
      return at;
    };
    const L = place(left), R = place(right);
    const color = new Map(left.map((n, i) => [n.org.id, PALETTE[i % PALETTE.length]]));
    const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "flows-svg", role: "img", "aria-labelledby": "flow-svg-title flow-svg-desc" },
      svg("title", { id: "flow-svg-title", text: "People moving between organizations" }),
      svg("desc", { id: "flow-svg-desc", text: flows.map((f) => `${f.from.name} to ${f.to.name}: ${f.count}`).join("; ") }),
      svg("text", { x: labelW - 6, y: 18, class: "col-head", "text-anchor": "end", text: "left" }),
      svg("text", { x: W - labelW + 6, y: 18, class: "col-head", text: "joined" }));
    const x0 = labelW, x1 = W - labelW;
    const ordered = [...flows].sort((a, b) => {
      const la = L.get(a.from.id).y - L.get(b.from.id).y;
      return la || R.get(a.to.id).y - R.get(b.to.id).y;
    });
    for (const f of ordered) {
      const a = L.get(f.from.id), b = R.get(f.to.id);
      const h = f.count * unit;
      const ya = a.y + a.used + h / 2, yb = b.y + b.used + h / 2;
      a.used += h; b.used += h;
      const mx = (x0 + barW + x1) / 2;
      const path = svg("path", {
        d: `M${x0 + barW},${ya} C${mx},${ya} ${mx},${yb} ${x1},${yb}`,
        class: "ribbon", stroke: color.get(f.from.id), "stroke-width": Math.max(h - 3, 2), fill: "none", tabindex: "0",
      }, svg("title", { text: `${f.from.name} → ${f.to.name}: ${f.count} (${f.people.join(", ")})` }));
      chart.append(path);
    }
    const nodes = (at, x, anchor, lx) => {
      for (const { y, h, n } of at.values()) {
        chart.append(svg("rect", { x, y, width: barW, height: h, rx: 3, class: "node", fill: anchor === "end" ? color.get(n.org.id) : "#334155" }));
        chart.append(svg("text", { x: lx, y: y + h / 2 + 5, "text-anchor": anchor, class: "node-label" },
          svg("title", { text: `${n.org.name}: ${n.count}` }),
          svg("tspan", { text: n.org.name.length > 24 ? n.org.name.slice(0, 23) + "…" : n.org.name }), svg("tspan", { class: "node-count", dx: 6, text: String(n.count) })));
      }
    };
    nodes(L, x0, "end", x0 - 8);
    nodes(R, x1, "start", x1 + barW + 8);
    box.append(chart);
  }

  function renderMoves(moves) {
    const tbody = $("moves-table").querySelector("tbody");
    clear(tbody);
    for (const m of moves) {
      tbody.append(el("tr", {},
        el("td", { text: fmtDate(m.date) }), el("td", {}, personLink(m.person)),
        el("td", { text: m.from.name }), el("td", { text: m.to.name })));
    }
    if (!moves.length) tbody.append(el("tr", {}, el("td", { colspan: 4, class: "empty", text: "No moves in this period." })));
  }

  // -- event log ----------------------------------------------------------------------------
  function logParams(offset) {
    return {
      type: $("log-type").value, person: $("log-person").value.trim(), org: $("log-org").value.trim(),
      include_retracted: $("log-retracted").checked ? "true" : "false", offset, limit: 50, ...timeParams(),
    };
  }

  async function loadLog(append) {
    const seq = ++state.seq.log;
    const list = $("log-list");
    const offset = append ? state.logNext || 0 : 0;
    try {
      const r = await api("/api/events", logParams(offset));
      if (seq !== state.seq.log) return;
      banner(null);
      if (!append) clear(list);
      for (const f of r.items) list.append(logItem(f));
      if (!append && !r.items.length) list.append(el("li", { class: "empty", text: "No facts match." }));
      state.logNext = r.next_offset;
      $("log-more").hidden = r.next_offset === null;
    } catch (e) {
      if (seq === state.seq.log) banner(e.status === 404 ? e.message : "Could not load the event log: " + e.message);
    }
  }

  function logItem(f) {
    const retracted = f.status === "retracted";
    const what = el("span", { class: "what" }, personLink(f.person), el("span", { class: "arrow", text: " · " }),
      el("strong", { text: f.org.name }), f.role ? el("span", { class: "role", text: " · " + f.role }) : null);
    const n = f.sources.length;
    return el("li", { class: "log-item card" + (retracted ? " retracted" : ""), id: "log-" + f.id },
      el("div", { class: "log-main" },
        el("time", { class: "date", text: fmtDate(f.date) }),
        typeBadge(f.type),
        retracted ? el("s", {}, what) : what,
        retracted ? el("span", { class: "badge retracted-badge", title: f.retract_reason || "", text: "retracted" }) : null),
      retracted && f.retract_reason ? el("p", { class: "reason", text: "Retracted: " + f.retract_reason }) : null,
      el("details", { class: "log-sources" },
        el("summary", {}, `${n} ${n === 1 ? "source" : "sources"}`, el("span", { class: "meta", text: ` · #${f.position} · ${f.id}` })),
        sourceList(f.sources)));
  }

  // -- sources (articles) -------------------------------------------------------------------
  async function loadArticles(append) {
    const seq = ++state.seq.sources;
    const list = $("articles");
    try {
      const r = await api("/api/articles", { offset: append ? state.articlesNext || 0 : 0, limit: 50 });
      if (seq !== state.seq.sources) return;
      if (!append) clear(list);
      for (const a of r.items) {
        const href = safeUrl(a.url);
        const title = href ? el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank", text: a.title }) : el("span", { text: a.title });
        const meta = [a.source, a.published ? fmtDate(a.published) + (a.published_inferred ? " (inferred)" : "") : null,
          a.path ? a.path.split("/").pop() : null].filter(Boolean).join(" · ");
        list.append(el("li", { class: "article card" }, el("h3", { class: "article-title" }, title), el("p", { class: "meta", text: meta })));
      }
      if (!append && !r.items.length) list.append(el("li", { class: "empty", text: "No articles yet." }));
      state.articlesNext = r.next_offset;
      $("articles-more").hidden = r.next_offset === null;
    } catch (e) {
      if (seq === state.seq.sources) banner("Could not load sources: " + e.message);
    }
  }

  // -- routing ------------------------------------------------------------------------------
  function currentView() {
    const h = location.hash.replace(/^#/, "");
    if (h.startsWith("person/")) return "person";
    return ["rosters", "flows", "log", "sources"].includes(h) ? h : "rosters";
  }

  let lastView = null;
  function route() {
    const view = currentView();
    for (const s of document.querySelectorAll(".view")) s.hidden = s.id !== "view-" + view;
    for (const a of document.querySelectorAll(".tabs a")) {
      if (a.dataset.view === view) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
    }
    if (view !== "person") document.title = "rollcall — who works where in AI";
    if (view === "rosters") loadRosters();
    else if (view === "person") loadPerson(decodeURIComponent(location.hash.slice("#person/".length)));
    else if (view === "flows") loadFlows();
    else if (view === "log") loadLog(false);
    else if (view === "sources") loadArticles(false);
    if (lastView !== null && lastView !== view) $("main").focus({ preventScroll: true });
    lastView = view;
  }

  function init() {
    $("as-of").value = state.asOf;
    setupSlider();
    $("as-of").addEventListener("change", (e) => setAsOf(e.target.value, "input"));
    $("as-of-slider").addEventListener("input", (e) => setAsOf(dayISO(Number(e.target.value)), "slider"));
    $("known-at").addEventListener("change", (e) => setKnownAt(e.target.value));
    $("known-now").addEventListener("click", () => setKnownAt(""));
    $("timebar").addEventListener("submit", (e) => {
      e.preventDefault();
      const name = $("find-person").value.trim();
      if (name) location.hash = "#person/" + encodeURIComponent(name);
    });
    $("roster-filter").addEventListener("input", () => { renderRosters(); filterRosters(); });
    $("flows-form").addEventListener("submit", (e) => { e.preventDefault(); loadFlows(); });
    $("log-form").addEventListener("submit", (e) => { e.preventDefault(); loadLog(false); });
    $("log-more").addEventListener("click", () => loadLog(true));
    $("articles-more").addEventListener("click", () => loadArticles(true));
    $("person-back").addEventListener("click", (e) => {
      if (history.length > 1) { e.preventDefault(); history.back(); }
    });
    $("token-form").addEventListener("submit", (e) => {
      e.preventDefault();
      state.token = $("token").value || null;
      if (state.token) sessionStorage.setItem("rollcall.token", state.token);
      $("token-form").hidden = true;
      loadStats();
      route();
    });
    const y = Number(state.asOf.slice(0, 4));
    $("flows-from").value = `${y - 3}-01-01`;
    $("flows-to").value = state.asOf;
    window.addEventListener("hashchange", route);
    loadStats();
    route();
  }

  init();
})();
