// vmcs portal, the network designer: plain JS and SVG. The drawing is sent to
// POST /api/v1/designer/pan (which assigns addresses and writes the Pan network template);
// an edited template goes to POST /api/v1/designer/drawing and is redrawn. Designs are
// saved with POST /api/v1/designs and opened with GET /api/v1/designs/ID, and deployed with
// POST /api/v1/designs/ID/deploy, taken down with POST /api/v1/designs/ID/down. Uses api() and el() of app.js and follow() of ops.js;
// server text only goes in through textContent.
"use strict";
// app.js (api, el) loads after this script: start once the page is parsed.
document.addEventListener("DOMContentLoaded", function () {
  const svg = document.getElementById("net-svg");
  if (!svg) return;
  const NS = "http://www.w3.org/2000/svg";
  const $ = (id) => document.getElementById(id);
  let d = { name: "lab", switches: [], vms: [], links: [] };
  let sel = null, connecting = null, drag = null, timer = null, panTimer = null, seq = 0;

  function status(text, cls) { const s = $("net-status"); s.replaceChildren(el("p", cls || "", text)); }

  function node(tag, attrs) { const n = document.createElementNS(NS, tag); for (const k in attrs) n.setAttribute(k, attrs[k]); return n; }

  function draw() {
    svg.replaceChildren();
    for (const l of d.links) {
      const v = d.vms.find((x) => x.name === l.vm), s = d.switches.find((x) => x.name === l.switch);
      if (!v || !s) continue;
      const line = node("line", { x1: v.x, y1: v.y, x2: s.x, y2: s.y, class: "link", stroke: sel === l ? "#c60" : "#567", "stroke-width": 3 });
      line.dataset.link = l.vm + "|" + l.switch;
      line.addEventListener("click", (e) => { e.stopPropagation(); select(l); });
      const t = node("text", { x: (v.x + s.x) / 2 + 6, y: (v.y + s.y) / 2, "font-size": 12, fill: "#333" });
      t.textContent = l.address || "(auto)";
      t.dataset.address = l.vm;
      svg.append(line, t);
    }
    for (const s of d.switches) {
      const g = node("g", { class: "switch", transform: `translate(${s.x},${s.y})` });
      g.dataset.switch = s.name;
      g.append(node("rect", { x: -60, y: -18, width: 120, height: 36, rx: 6, fill: sel === s ? "#fde7c8" : "#dde8f5", stroke: "#1f3a5f" }));
      const t = node("text", { x: 0, y: 4, "text-anchor": "middle", "font-size": 12 }); t.textContent = s.name + " " + s.network + "/" + s.prefix;
      g.append(t); hook(g, s); svg.append(g);
    }
    for (const v of d.vms) {
      const g = node("g", { class: "vm", transform: `translate(${v.x},${v.y})` });
      g.dataset.vm = v.name;
      g.append(node("circle", { r: 26, fill: sel === v ? "#fde7c8" : "#e6f2e6", stroke: "#275" }));
      const t = node("text", { x: 0, y: 4, "text-anchor": "middle", "font-size": 12 }); t.textContent = v.name;
      g.append(t); hook(g, v); svg.append(g);
    }
  }

  function hook(g, item) {
    g.addEventListener("mousedown", (e) => { drag = { item, dx: e.offsetX - item.x, dy: e.offsetY - item.y, moved: false }; e.preventDefault(); });
    g.addEventListener("click", (e) => {
      e.stopPropagation();
      if (drag && drag.moved) return;
      if (connecting !== null) return connectClick(item);
      select(item);
    });
  }
  svg.addEventListener("mousemove", (e) => {
    if (!drag) return;
    drag.item.x = Math.max(30, Math.min(870, e.offsetX - drag.dx));
    drag.item.y = Math.max(30, Math.min(370, e.offsetY - drag.dy));
    drag.moved = true; draw();
  });
  svg.addEventListener("mouseup", () => { const m = drag && drag.moved; setTimeout(() => { drag = null; }, 0); if (m) changed(); });
  svg.addEventListener("click", () => select(null));

  function connectClick(item) {
    const isVm = d.vms.includes(item);
    if (connecting === "start") { connecting = item; status("now click the " + (isVm ? "switch" : "VM") + " to connect to"); return; }
    const a = connecting; connecting = null;
    const vm = isVm ? item : a, sw = isVm ? a : item;
    if (!d.vms.includes(vm) || !d.switches.includes(sw)) { status("connect a VM to a switch", "conflict"); return; }
    if (!d.links.some((l) => l.vm === vm.name && l.switch === sw.name)) d.links.push({ vm: vm.name, switch: sw.name, address: null });
    draw(); changed();
  }

  function select(item) {
    sel = item; draw();
    const box = $("net-selected"); box.replaceChildren();
    if (item && item.vm !== undefined) {
      const i = el("input"); i.id = "link-address"; i.value = item.address || ""; i.placeholder = "auto";
      i.oninput = () => { item.address = i.value.trim() || null; changed(); };
      const lab = el("label", "", "address of " + item.vm + " on " + item.switch + " "); lab.append(i); box.append(lab);
    } else if (item) box.append(el("p", "", "selected: " + item.name));
  }

  function changed() { $("net-name").value = d.name = $("net-name").value.trim(); clearTimeout(timer); timer = setTimeout(toPan, 300); }

  async function toPan() {
    const my = ++seq;
    const r = await api("POST", "/designer/pan", { drawing: d });
    if (my !== seq) return;
    if (!r.ok) { status(r.data.error || ("error " + r.status), "conflict"); return; }
    const keep = sel;
    d = r.data.drawing; sel = null;
    if (keep) sel = (keep.vm !== undefined ? d.links.find((l) => l.vm === keep.vm && l.switch === keep.switch) : null) || null;
    $("net-pan").value = r.data.pan;
    status("the network template compiles", "ok"); draw();
  }

  async function fromPan() {
    const my = ++seq;
    const r = await api("POST", "/designer/drawing", { pan: $("net-pan").value, drawing: d });
    if (my !== seq) return;
    if (!r.ok) { status(r.data.error || ("error " + r.status), "conflict"); return; }
    d = r.data.drawing; $("net-name").value = d.name; sel = null;
    status("redrawn from the template", "ok"); draw();
  }

  async function save() {
    d.name = $("net-name").value.trim();
    const r = await api("POST", "/designs", { drawing: d });
    if (!r.ok) { status(r.data.error || ("error " + r.status), "conflict"); return; }
    status("saved as design " + r.data.id, "ok");
    await loadList(); $("net-open").value = String(r.data.id);
    history.replaceState(null, "", "/designer?id=" + r.data.id);
  }

  async function open(id) {
    const r = await api("GET", "/designs/" + encodeURIComponent(id));
    if (!r.ok) { status(r.data.error || ("error " + r.status), "conflict"); return; }
    d = r.data.drawing; $("net-name").value = d.name; $("net-pan").value = r.data.design.pan;
    status("opened " + r.data.design.name, "ok"); draw();
  }

  async function plan() {
    const id = $("net-open").value;
    const t = $("net-plan-table"); t.replaceChildren();
    if (!id) { status("save the design first", "conflict"); return; }
    const r = await api("POST", "/designs/" + encodeURIComponent(id) + "/plan");
    if (!r.ok) { status(r.data.error || ("error " + r.status), "conflict"); return; }
    const h = el("tr"); for (const c of ["VM", "switch", "bridge", "address", "action", "problem"]) h.append(el("th", "", c)); t.append(h);
    for (const m of r.data.members) {
      const tr = el("tr"); for (const c of [m.vm, m.switch, m.bridge, m.address, m.action, m.problem || ""]) tr.append(el("td", "", c)); t.append(tr);
    }
  }

  // Deploy the saved design (POST /api/v1/designs/ID/deploy) and follow its job.
  async function deploy() {
    const id = $("net-open").value;
    const st = $("net-deploy-status"), ol = $("net-deploy-events"), out = $("net-deploy-result");
    ol.replaceChildren(); out.replaceChildren(); delete st.dataset.result;
    if (!id) { status("save the design first", "conflict"); return; }
    const body = {}; const host = $("net-host").value.trim(); if (host) body.host = host;
    $("net-deploy").disabled = true;
    const r = await api("POST", "/designs/" + encodeURIComponent(id) + "/deploy", body);
    if (!r.ok) {
      $("net-deploy").disabled = false;
      st.textContent = r.data.error || ("error " + r.status); st.dataset.result = "refused"; return;
    }
    st.textContent = "deploying";
    follow(r.data.events, ol, null, (res) => {
      $("net-deploy").disabled = false;
      st.textContent = res.ok ? "deployed" : ("failed: " + (res.error || "see the events"));
      st.dataset.result = res.ok ? "ok" : "failed";
      for (const vm of res.members || []) {
        const a = el("a", "", vm.name + " on " + vm.host + " (" + vm.state + ")");
        a.href = "/vms/" + encodeURIComponent(vm.name); a.dataset.vm = vm.name;
        out.append(el("p", "", ""), a);
      }
    });
  }

  // Take the deployed network down (POST /api/v1/designs/ID/down, `rm` to remove the VMs).
  async function takeDown() {
    const id = $("net-open").value;
    const st = $("net-deploy-status"), ol = $("net-deploy-events"), out = $("net-deploy-result");
    ol.replaceChildren(); out.replaceChildren(); delete st.dataset.result;
    if (!id) { status("open a deployed design first", "conflict"); return; }
    const rm = $("net-down-rm").checked;
    $("net-down").disabled = true;
    const r = await api("POST", "/designs/" + encodeURIComponent(id) + "/down", { rm });
    if (!r.ok) {
      $("net-down").disabled = false;
      st.textContent = r.data.error || ("error " + r.status); st.dataset.result = "refused"; return;
    }
    st.textContent = rm ? "removing" : "stopping";
    follow(r.data.events, ol, null, (res) => {
      $("net-down").disabled = false;
      st.textContent = res.ok ? (rm ? "down, VMs removed" : "down") : ("failed: " + (res.error || "see the events"));
      st.dataset.result = res.ok ? "down" : "failed";
      for (const vm of res.members || []) out.append(el("p", "", vm.name + (vm.ok ? (rm ? " removed" : " stopped") : ": " + vm.error)));
    });
  }

  async function loadList() {
    const r = await api("GET", "/designs"); const s = $("net-open");
    s.replaceChildren(el("option", "", "(new)")); s.firstChild.value = "";
    if (r.ok) for (const x of r.data.designs) { const o = el("option", "", x.name); o.value = String(x.id); s.append(o); }
  }

  async function palette() {
    const s = $("vm-source"); s.replaceChildren();
    const [p, q] = await Promise.all([api("GET", "/profiles"), api("GET", "/configure/presets")]);
    if (p.ok) for (const x of p.data.profiles) { const o = el("option", "", "profile " + x.name); o.value = "profile:" + x.id; o.dataset.object = x.name; s.append(o); }
    if (q.ok) for (const x of q.data.presets) { const o = el("option", "", "preset " + x.name); o.value = "preset:" + x.name; s.append(o); }
  }

  $("add-switch").onclick = () => {
    const name = $("sw-name").value.trim();
    d.switches.push({ name, network: $("sw-net").value.trim(), prefix: Number($("sw-prefix").value) || 24, x: 150 + 220 * (d.switches.length % 4), y: 80 });
    draw(); changed();
  };
  $("add-vm").onclick = () => {
    const o = $("vm-source").selectedOptions[0];
    const name = $("vm-name").value.trim();
    d.vms.push({ name, object: o && o.dataset.object ? o.dataset.object : name, source: o ? o.value : null, x: 100 + 150 * (d.vms.length % 6), y: 280 });
    draw(); changed();
  };
  $("connect").onclick = () => { connecting = "start"; status("click a VM, then a switch"); };
  $("remove").onclick = () => {
    if (!sel) return;
    if (sel.vm !== undefined) d.links = d.links.filter((l) => l !== sel);
    else if (d.vms.includes(sel)) { d.vms = d.vms.filter((v) => v !== sel); d.links = d.links.filter((l) => l.vm !== sel.name); }
    else { d.switches = d.switches.filter((s) => s !== sel); d.links = d.links.filter((l) => l.switch !== sel.name); }
    select(null); changed();
  };
  $("net-name").oninput = changed;
  $("net-pan").oninput = () => { clearTimeout(panTimer); panTimer = setTimeout(fromPan, 500); };
  $("net-save").onclick = save;
  $("net-plan").onclick = plan;
  $("net-deploy").onclick = deploy;
  $("net-down").onclick = takeDown;
  $("net-open").onchange = () => { if ($("net-open").value) open($("net-open").value); };

  (async function init() {
    await Promise.all([loadList(), palette()]);
    const id = new URLSearchParams(location.search).get("id");
    if (id && /^\d+$/.test(id)) { $("net-open").value = id; await open(id); } else draw();
  })();
});
