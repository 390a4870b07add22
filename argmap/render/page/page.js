// argmap's classroom page: pan and zoom, details and quotes, folding, step-through, languages.
// Map text only ever reaches the page through textContent: nothing here parses it as markup.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("map-data").textContent);
  const claims = data.claims;
  const relations = data.relations;
  const viewport = document.getElementById("viewport");
  const stage = document.getElementById("stage");
  const $ = (id) => document.getElementById(id);

  // What hangs below each claim or relation, and each claim's place in the reading order.
  const below = {};
  for (const [rid, relation] of Object.entries(relations)) {
    (below[relation.target] = below[relation.target] || []).push(rid);
  }
  const above = {};
  for (const [rid, relation] of Object.entries(relations)) {
    for (const premise of relation.premises) if (!(premise in above)) above[premise] = relation.target;
  }
  const READABLE = 1.1; // the zoom at which a step-through shows each new claim
  const place = {};
  data.order.forEach((cid, index) => { place[cid] = index; });
  const hasChildren = (cid) => (below[cid] || []).some((rid) => relations[rid].premises.some((p) => p in claims));

  const state = {
    lang: data.lang,
    drawing: null,
    collapsed: new Set(data.collapsed),
    stepping: false,
    revealed: 0,
    selected: null,
    scale: 1, x: 0, y: 0,
  };

  // The drawings (one per language); all but the first shown wait as SVG text, parsed when first shown.
  const drawings = Array.from(document.querySelectorAll(".drawing")).map((element) => ({
    element,
    lang: data.languages[Number(element.dataset.index)],
    byClaim: null,
    byRelation: null,
    toggles: {},
  }));

  function unpack(drawing) {
    if (drawing.byClaim) return;
    const waiting = drawing.element.querySelector('script[type="image/svg+xml"]');
    if (waiting) {
      const parsed = new DOMParser().parseFromString(waiting.textContent, "image/svg+xml");
      drawing.element.replaceChildren(document.importNode(parsed.documentElement, true));
    }
    const prefix = drawing.element.dataset.prefix;
    drawing.byClaim = {};
    drawing.byRelation = {};
    for (const g of drawing.element.querySelectorAll("g[id]")) {
      const id = g.id.slice(prefix.length);
      if (id.startsWith("claim-")) drawing.byClaim[id.slice(6)] = g;
      else if (id.startsWith("relation-") || id.startsWith("junction-")) {
        const rest = id.slice(id.indexOf("-") + 1);
        const premise = rest.match(/^(.*)-premise-\d+$/);
        const rid = premise && premise[1] in relations ? premise[1] : rest;
        (drawing.byRelation[rid] = drawing.byRelation[rid] || []).push(g);
      }
    }
    for (const [cid, g] of Object.entries(drawing.byClaim)) {
      g.addEventListener("click", () => {
        if (viewport.dataset.dragged) return;
        select(cid);
      });
    }
  }

  // Claims no root reaches (caught in cycles) are always shown.
  const reachable = (collapsed, shown) => {
    const seen = new Set();
    const edges = new Set();
    const queue = data.roots.filter((cid) => shown(cid));
    queue.forEach((cid) => seen.add(cid));
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head];
      if (collapsed.has(node)) continue;
      for (const rid of below[node] || []) {
        const premises = relations[rid].premises.filter((p) => p in claims);
        const showing = premises.filter(shown);
        if (!showing.length) continue;
        for (const premise of showing) if (!seen.has(premise)) { seen.add(premise); queue.push(premise); }
        if (showing.length < premises.length) continue; // a linked reason is drawn once all its premises are
        edges.add(rid);
        if (!collapsed.has(premises[0]) && !seen.has(rid)) { seen.add(rid); queue.push(rid); }
      }
    }
    return { seen, edges };
  };
  const everything = reachable(new Set(), () => true).seen;
  const loose = Object.keys(claims).filter((cid) => !everything.has(cid));

  function isRevealed(cid) {
    return !state.stepping || (cid in place ? place[cid] < state.revealed : true);
  }

  function visibleClaims() {
    const { seen, edges } = reachable(state.collapsed, isRevealed);
    for (const cid of loose) if (isRevealed(cid)) seen.add(cid);
    return { seen, edges };
  }

  // A claim's frame from its outline's coordinates (Graphviz writes absolute M/C paths and polygons): no layout needed.
  function shapeBox(g) {
    const shape = g.querySelector("path, polygon");
    const numbers = (shape.getAttribute(shape.tagName === "path" ? "d" : "points").match(/-?[0-9.]+/g) || []).map(Number);
    const xs = numbers.filter((_, i) => i % 2 === 0);
    const ys = numbers.filter((_, i) => i % 2 === 1);
    const x = Math.min(...xs), y = Math.min(...ys);
    return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
  }

  function makeToggle(drawing, cid, g) {
    const ns = "http://www.w3.org/2000/svg";
    const box = shapeBox(g);
    const toggle = document.createElementNS(ns, "g");
    toggle.setAttribute("class", "toggle");
    toggle.setAttribute("transform", `translate(${box.x + box.width},${box.y + box.height / 2})`);
    const circle = document.createElementNS(ns, "circle");
    circle.setAttribute("r", "8");
    const sign = document.createElementNS(ns, "text");
    sign.setAttribute("text-anchor", "middle");
    sign.setAttribute("dy", "4.5");
    toggle.append(circle, sign);
    toggle.addEventListener("click", (event) => {
      event.stopPropagation();
      fold(cid);
    });
    g.appendChild(toggle);
    drawing.toggles[cid] = sign;
    return sign;
  }

  function show() {
    const drawing = state.drawing;
    const { seen, edges } = visibleClaims();
    for (const [cid, g] of Object.entries(drawing.byClaim)) {
      const visible = seen.has(cid);
      g.classList.toggle("gone", !visible);
      g.classList.toggle("collapsed", state.collapsed.has(cid));
      if (visible && hasChildren(cid)) {
        const sign = drawing.toggles[cid] || makeToggle(drawing, cid, g);
        sign.textContent = state.collapsed.has(cid) ? "+" : "−";
      }
    }
    for (const [rid, elements] of Object.entries(drawing.byRelation)) {
      const visible = edges.has(rid);
      for (const g of elements) g.classList.toggle("gone", !visible);
    }
    document.body.dataset.visible = String(Object.keys(drawing.byClaim).filter((cid) => seen.has(cid)).length);
    $("step-status").textContent = state.stepping ? `${state.revealed} / ${data.order.length}` : "";
    $("step").classList.toggle("on", state.stepping);
    document.body.classList.toggle("stepping", state.stepping);
    if (state.selected && !seen.has(state.selected)) select(null);
  }

  function fold(cid) {
    if (state.collapsed.has(cid)) state.collapsed.delete(cid);
    else state.collapsed.add(cid);
    show();
  }

  // Pan and zoom --------------------------------------------------------------------------------

  function place_stage() {
    stage.style.transform = `translate(${state.x}px, ${state.y}px) scale(${state.scale})`;
    viewport.dataset.scale = state.scale.toFixed(4);
  }

  function zoom(factor, cx, cy) {
    const rect = viewport.getBoundingClientRect();
    const px = cx === undefined ? rect.width / 2 : cx;
    const py = cy === undefined ? rect.height / 2 : cy;
    const scale = Math.min(8, Math.max(0.05, state.scale * factor));
    state.x = px - ((px - state.x) * scale) / state.scale;
    state.y = py - ((py - state.y) * scale) / state.scale;
    state.scale = scale;
    place_stage();
  }

  function stageRect(elements) {
    const outer = viewport.getBoundingClientRect();
    let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
    for (const element of elements) {
      const r = element.getBoundingClientRect();
      if (!r.width && !r.height) continue;
      left = Math.min(left, r.left); top = Math.min(top, r.top);
      right = Math.max(right, r.right); bottom = Math.max(bottom, r.bottom);
    }
    if (left === Infinity) return null;
    const s = state.scale;
    return {
      x: (left - outer.left - state.x) / s, y: (top - outer.top - state.y) / s,
      width: (right - left) / s, height: (bottom - top) / s,
    };
  }

  function fit() {
    const shown = Object.values(state.drawing.byClaim).filter((g) => !g.classList.contains("gone"));
    const box = stageRect(shown.length ? shown : [state.drawing.element.querySelector("svg")]);
    if (!box) return;
    const outer = viewport.getBoundingClientRect();
    const margin = 24;
    state.scale = Math.min(2, Math.max(0.05, Math.min(
      (outer.width - 2 * margin) / box.width, (outer.height - 2 * margin) / box.height)));
    state.x = (outer.width - box.width * state.scale) / 2 - box.x * state.scale;
    state.y = margin - box.y * state.scale;
    place_stage();
  }

  // Brings a claim into view; when following a lesson, also zooms in until its text reads from the back row.
  function reveal(cid, readable) {
    const g = state.drawing.byClaim[cid];
    if (!g) return;
    if (readable && state.scale < READABLE) {
      const outer = viewport.getBoundingClientRect();
      const r = g.getBoundingClientRect();
      zoom(READABLE / state.scale, r.left + r.width / 2 - outer.left, r.top + r.height / 2 - outer.top);
    }
    const r = g.getBoundingClientRect();
    const outer = viewport.getBoundingClientRect();
    if (r.left >= outer.left && r.right <= outer.right && r.top >= outer.top && r.bottom <= outer.bottom) return;
    state.x += outer.left + outer.width / 2 - (r.left + r.width / 2);
    state.y += outer.top + outer.height / 2 - (r.top + r.height / 2);
    place_stage();
  }

  let drag = null;
  viewport.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, startX: state.x, startY: state.y, moved: false };
  });
  window.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) viewport.setPointerCapture(event.pointerId);
    drag.moved = true;
    state.x = drag.startX + dx;
    state.y = drag.startY + dy;
    place_stage();
  });
  window.addEventListener("pointerup", () => {
    if (drag && drag.moved) viewport.dataset.dragged = "1";
    drag = null;
  });
  viewport.addEventListener("wheel", (event) => {
    event.preventDefault();
    const rect = viewport.getBoundingClientRect();
    zoom(Math.exp(-event.deltaY * 0.0015), event.clientX - rect.left, event.clientY - rect.top);
  }, { passive: false });

  // Claims: selection, details, quotes ------------------------------------------------------------

  function textOf(cid, lang) {
    const claim = claims[cid];
    return lang !== data.language && claim.translations[lang] ? claim.translations[lang] : claim.text;
  }

  function row(list, term, value) {
    if (!value) return;
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    dd.textContent = value;
    list.append(dt, dd);
  }

  function select(cid) {
    for (const g of document.querySelectorAll("g.selected")) g.classList.remove("selected");
    for (const mark of document.querySelectorAll("mark.current")) mark.classList.remove("current");
    state.selected = cid;
    document.body.dataset.selected = cid || "";
    $("details").hidden = !cid;
    $("details-empty").hidden = !!cid;
    if (!cid) return;
    const claim = claims[cid];
    const g = state.drawing.byClaim[cid];
    if (g) g.classList.add("selected");
    const meta = [claim.number, claim.thesis ? "thesis" : "", claim.kind, claim.implicit ? "implicit premise" : ""];
    $("detail-meta").textContent = meta.filter(Boolean).join(" · ");
    $("detail-text").textContent = textOf(cid, state.lang);
    const list = $("detail-list");
    list.replaceChildren();
    for (const [lang, text] of Object.entries(claim.translations)) {
      if (lang !== state.lang) row(list, `translation (${lang})`, text);
    }
    if (state.lang !== data.language && claim.translations[state.lang]) row(list, `original (${data.language})`, claim.text);
    row(list, "tags", claim.tags.join(", "));
    row(list, "evaluation", claim.badge);
    row(list, "note", claim.note);
    for (const quote of claim.quotes) {
      const source = data.sources[quote.source];
      row(list, `quote${source ? ` (${source.title})` : ""}`, `“${quote.quote}”`);
    }
    const marks = passageMarks[cid] || [];
    for (const mark of marks) mark.classList.add("current");
    if (marks.length) marks[0].scrollIntoView({ block: "center" });
  }

  // Source texts, cut into passages; a passage leads back to the claim that quotes it.
  const passageMarks = {};
  const sources = $("sources");
  for (const [sid, source] of Object.entries(data.sources)) {
    const section = document.createElement("section");
    section.className = "source";
    const heading = document.createElement("h2");
    heading.textContent = source.title;
    section.append(heading);
    const body = document.createElement("div");
    body.className = "source-text";
    if (source.language) body.lang = source.language;
    if (source.missing) {
      const missing = document.createElement("p");
      missing.className = "missing";
      missing.textContent = `(no text: ${source.missing})`;
      body.append(missing);
    }
    for (const [text, quoting] of source.passages) {
      if (!quoting.length) {
        body.append(document.createTextNode(text));
        continue;
      }
      const mark = document.createElement("mark");
      mark.textContent = text;
      mark.dataset.claim = quoting[0];
      mark.title = quoting.map((cid) => claims[cid].number || cid).join(", ");
      for (const cid of quoting) (passageMarks[cid] = passageMarks[cid] || []).push(mark);
      mark.addEventListener("click", () => {
        const cid = mark.dataset.claim;
        if (state.drawing.byClaim[cid] && state.drawing.byClaim[cid].classList.contains("gone")) {
          openUpTo(cid);
        }
        select(cid);
        reveal(cid);
      });
      body.append(mark);
    }
    section.dataset.source = sid;
    section.append(body);
    sources.append(section);
  }

  function openUpTo(cid) {
    let node = above[cid];
    const seen = new Set();
    while (node !== undefined && !seen.has(node)) {
      seen.add(node);
      state.collapsed.delete(node);
      node = node in relations ? relations[node].premises[0] : above[node];
    }
    if (state.stepping && cid in place && place[cid] >= state.revealed) state.revealed = place[cid] + 1;
    show();
  }

  viewport.addEventListener("pointerdown", () => { delete viewport.dataset.dragged; }, true);

  // Languages ------------------------------------------------------------------------------------

  function useLanguage(lang) {
    state.lang = lang;
    const drawing = drawings.find((d) => d.lang === lang) || drawings[0];
    unpack(drawing);
    for (const d of drawings) d.element.hidden = d !== drawing;
    state.drawing = drawing;
    $("lang").value = lang;
    document.documentElement.lang = lang;
    show();
    select(state.selected);
  }

  if (data.languages.length > 1) {
    $("lang-label").hidden = false;
    for (const lang of data.languages) {
      const option = document.createElement("option");
      option.value = lang;
      option.textContent = lang;
      $("lang").append(option);
    }
  }
  $("lang").addEventListener("change", (event) => useLanguage(event.target.value));

  // Step-through and keys --------------------------------------------------------------------------

  function stepMode(on) {
    state.stepping = on;
    state.revealed = on ? Math.min(1, data.order.length) : 0;
    show();
    if (on && data.order.length) { select(data.order[0]); reveal(data.order[0], true); }
  }

  function step(by) {
    const next = Math.max(1, Math.min(data.order.length, state.revealed + by));
    if (next === state.revealed) return;
    state.revealed = next;
    const cid = data.order[next - 1];
    openUpTo(cid);
    select(cid);
    reveal(cid, true);
  }

  function visibleInOrder() {
    const { seen } = visibleClaims();
    return data.order.filter((cid) => seen.has(cid)).concat(loose.filter((cid) => seen.has(cid) && !(cid in place)));
  }

  function move(key) {
    const current = state.selected;
    if (!current) { const first = visibleInOrder()[0]; if (first) select(first); return; }
    let next = null;
    if (key === "ArrowUp") {
      next = above[current];
      while (next !== undefined && next in relations) next = relations[next].target;
    } else if (key === "ArrowDown") {
      if (state.collapsed.has(current)) return;
      const shown = visibleClaims().seen;
      for (const rid of below[current] || []) {
        next = relations[rid].premises.find((p) => shown.has(p));
        if (next) break;
      }
    } else {
      const list = visibleInOrder();
      const index = list.indexOf(current) + (key === "ArrowRight" ? 1 : -1);
      next = list[index];
    }
    if (next && next in claims) { select(next); reveal(next); }
  }

  document.addEventListener("keydown", (event) => {
    if (event.target instanceof HTMLSelectElement || event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key;
    let handled = true;
    if (key === "+" || key === "=") zoom(1.25);
    else if (key === "-" || key === "_") zoom(0.8);
    else if (key === "0") fit();
    else if (key === "s" || key === "S") stepMode(!state.stepping);
    else if (state.stepping && (key === " " || key === "ArrowRight")) step(1);
    else if (state.stepping && key === "ArrowLeft") step(-1);
    else if (key === "Escape") { if (state.stepping) stepMode(false); else select(null); }
    else if (key === "Enter" && state.selected && hasChildren(state.selected)) fold(state.selected);
    else if (key.startsWith("Arrow")) move(key);
    else handled = false;
    if (handled) event.preventDefault();
  });

  // Printing: the drawing is cropped to the claims now shown (folded branches and step-through included).
  let printed = null;
  window.addEventListener("beforeprint", () => {
    const svg = state.drawing.element.querySelector("svg");
    const shown = Object.values(state.drawing.byClaim).filter((g) => !g.classList.contains("gone"));
    const box = shown.length && stageRect(shown);
    if (!svg || !box) return;
    printed = { svg, viewBox: svg.getAttribute("viewBox") };
    const pad = 16;
    svg.setAttribute("viewBox", `${box.x - pad} ${box.y - pad} ${box.width + 2 * pad} ${box.height + 2 * pad}`);
  });
  window.addEventListener("afterprint", () => {
    if (printed) printed.svg.setAttribute("viewBox", printed.viewBox);
    printed = null;
  });

  $("fit").addEventListener("click", fit);
  $("zoom-in").addEventListener("click", () => zoom(1.25));
  $("zoom-out").addEventListener("click", () => zoom(0.8));
  $("step").addEventListener("click", () => { stepMode(!state.stepping); $("step").blur(); });
  $("map-title").textContent = data.title;

  useLanguage(data.languages.includes(data.lang) ? data.lang : data.languages[0]);
  stage.classList.remove("waiting"); // laid out once, with the folded branches already hidden
  fit();
  document.body.dataset.ready = "1";
})();
