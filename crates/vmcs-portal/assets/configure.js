// vmcs portal, the configure page: the form is built from GET /api/v1/schema (no field is
// written here), previewed with POST /api/v1/configure/preview on each change (debounced),
// fixed with POST /api/v1/configure/fix and saved with POST /api/v1/profiles. Uses api()
// and el() of app.js; server text only ever goes in through textContent.
"use strict";
// app.js (api, el) loads after this script: start once the page is parsed.
document.addEventListener("DOMContentLoaded", function () {
  const root = document.getElementById("cfg-sections");
  if (!root) return;
  let schema = null, presets = [], values = {}, lastPan = "", timer = null, seq = 0;
  const fields = {};
  const nameIn = document.getElementById("cfg-name");
  const presetIn = document.getElementById("cfg-preset");

  function form() { return { name: nameIn.value.trim(), preset: presetIn.value, values }; }

  function shown(f, v) {
    if (v === undefined || v === null) return "";
    if (f.kind === "list") return v.join(", ");
    if (f.kind === "json") return JSON.stringify(v, null, 1);
    return String(v);
  }

  function read(f, input) {
    const t = input.type === "checkbox" ? input.checked : input.value;
    if (f.kind === "boolean") return t;
    if (typeof t === "string" && t.trim() === "") return undefined;
    if (f.kind === "long") return /^-?\d+$/.test(t.trim()) ? Number(t.trim()) : t;
    if (f.kind === "double") return Number(t);
    if (f.kind === "list") return t.split(",").map((s) => s.trim()).filter((s) => s !== "")
      .map((s) => (f.item === "long" && /^-?\d+$/.test(s) ? Number(s) : s));
    if (f.kind === "json") return JSON.parse(t);
    return t;
  }

  function input(f) {
    let i;
    if (f.kind === "choice") {
      i = el("select");
      i.append(el("option", "", ""));
      for (const c of f.choices) { const o = el("option", "", c); o.value = c; i.append(o); }
    } else if (f.kind === "boolean") {
      i = el("input"); i.type = "checkbox";
    } else if (f.kind === "json") {
      i = el("textarea"); i.rows = 3; i.spellcheck = false;
    } else {
      i = el("input");
      if (f.kind === "long") { i.type = "number"; if (f.min !== undefined) i.min = f.min; if (f.max !== undefined) i.max = f.max; }
    }
    i.name = f.path;
    i.dataset.path = f.path;
    return i;
  }

  function build() {
    for (const s of schema.sections) {
      const box = el("fieldset", "cfg-section"); box.dataset.section = s.name;
      box.append(el("legend", "", s.name));
      if (s.doc) box.append(el("p", "suggest", s.doc));
      for (const f of s.fields) {
        const row = el("div", "field"); row.dataset.path = f.path;
        const lab = el("label", "", f.path.split("/").slice(2).join("/") + " ");
        const i = input(f);
        lab.append(i, el("span", "type", f.pan_type + (f.required ? "" : " (optional)")));
        if (f.doc) lab.title = f.doc;
        const slot = el("div", "conflict-slot");
        row.append(lab, slot);
        box.append(row);
        fields[f.path] = { f, i, row, slot };
        i.addEventListener(f.kind === "boolean" || f.kind === "choice" ? "change" : "input", () => {
          try {
            const v = read(f, i);
            i.classList.remove("bad");
            if (v === undefined) delete values[f.path]; else values[f.path] = v;
            changed();
          } catch (e) { i.classList.add("bad"); }
        });
      }
      root.append(box);
    }
  }

  function fill(profile) {
    for (const p in fields) {
      const { f, i } = fields[p];
      const v = values[p];
      if (f.kind === "boolean") i.checked = v === undefined ? effective(profile, p) === true : v;
      else { i.value = shown(f, v); i.placeholder = shown(f, effective(profile, p) ?? f.default); }
    }
  }

  function effective(profile, path) {
    let v = profile;
    for (const k of path.split("/").slice(1)) { if (v === null || typeof v !== "object") return undefined; v = v[k]; }
    return v;
  }

  function changed() { clearTimeout(timer); timer = setTimeout(preview, 350); }

  function render(p) {
    lastPan = p.pan || "";
    document.getElementById("cfg-pan").textContent = lastPan;
    document.getElementById("cfg-xml").textContent = p.xml || "";
    for (const k in fields) { fields[k].slot.replaceChildren(); fields[k].row.classList.remove("has-conflict"); }
    const st = document.getElementById("cfg-status");
    st.replaceChildren();
    if (p.ok) { st.append(el("p", "ok", "compiled clean: no rule conflict")); fill(p.profile); return; }
    const rule = p.detail && p.detail.rule;
    const target = p.field && fields[p.field] ? fields[p.field] : null;
    const box = target ? target.slot : st;
    if (target) target.row.classList.add("has-conflict");
    box.append(el("p", "conflict", p.error || "does not compile"));
    if (rule && rule.suggest) box.append(el("p", "suggest", "suggestion: " + rule.suggest));
    if (rule && rule.fix) {
      const b = el("button", "", "apply: " + rule.fix.path + " = " + rule.fix.value);
      b.type = "button"; b.dataset.applyFix = "1"; b.onclick = applyFix;
      box.append(b);
    }
    if (target) st.append(el("p", "conflict", "a rule conflict: see " + p.field));
  }

  async function preview() {
    const my = ++seq;
    const r = await api("POST", "/configure/preview", form());
    if (my !== seq) return;
    if (!r.ok) { render({ ok: false, error: r.data.error || ("error " + r.status) }); return; }
    render(r.data);
  }

  async function applyFix() {
    const r = await api("POST", "/configure/fix", form());
    if (!r.ok) { render({ ok: false, error: r.data.error || ("error " + r.status) }); return; }
    values = r.data.values || values;
    render(r.data.preview);
    fill((r.data.preview && r.data.preview.profile) || {});
  }

  async function save() {
    const out = document.getElementById("cfg-saved");
    const r = await api("POST", "/profiles", { name: nameIn.value.trim(), pan: lastPan });
    out.replaceChildren();
    if (r.ok) {
      const a = el("a", "", "saved as profile " + r.data.id + " (version " + r.data.version + ")");
      a.href = "/profiles/" + r.data.id; a.id = "cfg-saved-link"; out.append(a);
    } else out.append(el("span", "conflict", r.data.error || ("error " + r.status)));
  }

  async function searchPackages() {
    const q = document.getElementById("pkg-q").value.trim();
    const t = document.getElementById("pkg-results");
    t.replaceChildren();
    if (q.length < 2) return;
    const r = await api("GET", "/packages?q=" + encodeURIComponent(q));
    if (!r.ok) { t.append(el("tr", "", r.data.error || "search failed")); return; }
    for (const p of r.data.packages) {
      const tr = el("tr");
      tr.append(el("td", "", p.name), el("td", "", p.version), el("td", "", (p.installed_size_kib || 0) + " KiB"));
      const td = el("td"), add = el("button", "", "add"), clo = el("button", "", "closure");
      add.type = clo.type = "button";
      add.onclick = () => {
        const cur = Object.assign({}, values["/software/packages"] || {});
        cur[p.name] = { name: p.name };
        values["/software/packages"] = cur; fill({}); changed();
      };
      clo.onclick = async () => {
        const c = await api("GET", "/packages/" + encodeURIComponent(p.name) + "/closure");
        const box = document.getElementById("pkg-closure"); box.replaceChildren();
        if (!c.ok) { box.append(el("p", "conflict", c.data.error || "failed")); return; }
        box.append(el("p", "", p.name + ": " + c.data.count + " packages, " + (c.data.installed_size_kib / 1024).toFixed(1) + " MiB installed"),
          el("pre", "", c.data.packages.map((x) => x.name + " " + x.version).join("\n")));
      };
      td.append(add, clo); tr.append(td); t.append(tr);
    }
  }

  (async function init() {
    const [s, p] = await Promise.all([api("GET", "/schema"), api("GET", "/configure/presets")]);
    if (!s.ok) { document.getElementById("cfg-status").textContent = "cannot read the schema"; return; }
    schema = s.data.schema; presets = (p.ok && p.data.presets) || [];
    for (const x of presets) { const o = el("option", "", x.name); o.value = x.name; presetIn.append(o); }
    build();
    presetIn.onchange = () => {
      const x = presets.find((y) => y.name === presetIn.value);
      values = x ? JSON.parse(JSON.stringify(x.values)) : {};
      document.getElementById("cfg-preset-doc").textContent = x ? x.description : "";
      fill({}); changed();
    };
    nameIn.oninput = changed;
    document.getElementById("cfg-save").onclick = save;
    let st = null;
    document.getElementById("pkg-q").oninput = () => { clearTimeout(st); st = setTimeout(searchPackages, 300); };
    if (presets.length) { presetIn.value = (presets.find((x) => x.name === "web") || presets[0]).name; presetIn.onchange(); } else changed();
  })();
});
