// vmcs portal, operating: spawn progress (server-sent events), the console (xterm.js over a
// websocket), the hosts overview and manager, the rule editor. Uses api(), el() and chart()
// of app.js; text from the server only ever reaches the page through textContent.
"use strict";
const STAGES = ["queued", "plan", "build", "step", "place", "define", "done", "failed", "drain", "moved", "error", "stop", "remove"];

// Follow a job's events into list `ol`; `onEnd(result)` when it ends.
function follow(url, ol, onEvent, onEnd) {
  const es = new EventSource(url);
  for (const s of STAGES) {
    es.addEventListener(s, (m) => {
      const d = JSON.parse(m.data);
      const li = el("li", "stage-" + s, s + ": " + (d.detail || ""));
      li.dataset.stage = s;
      ol.append(li);
      if (onEvent) onEvent(d);
    });
  }
  es.addEventListener("end", (m) => { es.close(); onEnd(JSON.parse(m.data)); });
  es.onerror = () => { if (es.readyState === EventSource.CLOSED) onEnd({ ok: false, error: "the event stream broke" }); };
}

function initSpawn() {
  const form = document.getElementById("spawn");
  if (!form) return;
  const id = form.closest("[data-spawn]").dataset.spawn;
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    const body = { dry_run: !!f.get("dry_run"), no_start: !!f.get("no_start") };
    if (f.get("host")) body.host = f.get("host");
    const status = document.getElementById("spawn-status");
    const ol = document.getElementById("spawn-events");
    const bar = document.getElementById("spawn-bar");
    const out = document.getElementById("spawn-result");
    ol.replaceChildren(); out.replaceChildren();
    const r = await api("POST", "/profiles/" + id + "/spawn", body);
    if (!r.ok) { status.textContent = r.data.error || ("error " + r.status); return; }
    status.textContent = "running";
    form.querySelector("button").disabled = true;
    follow(r.data.events, ol, (d) => { if (d.total) { bar.max = d.total; bar.value = d.done; } }, (res) => {
      form.querySelector("button").disabled = false;
      status.textContent = res.ok ? "finished" : ("failed: " + (res.error || ""));
      status.dataset.result = res.ok ? "ok" : "failed";
      for (const vm of res.vms || []) {
        const a = el("a", "", vm.name + " (" + vm.state + (vm.error ? ": " + vm.error : "") + ")");
        a.href = "/vms/" + encodeURIComponent(vm.name);
        out.append(el("p", "", ""), a);
      }
    });
  };
}

function initConsole() {
  const b = document.getElementById("console-connect");
  if (!b) return;
  b.onclick = () => {
    b.disabled = true;
    const status = document.getElementById("console-status");
    const term = new Terminal({ cols: 100, rows: 30, scrollback: 2000 });
    term.open(document.getElementById("console"));
    const proto = location.protocol === "https:" ? "wss://" : "ws://";
    const ws = new WebSocket(proto + location.host + "/api/v1/vms/" + encodeURIComponent(b.dataset.console) +
      "/console?csrf=" + encodeURIComponent(csrf()));
    ws.binaryType = "arraybuffer";
    const enc = new TextEncoder();
    ws.onopen = () => { status.textContent = "connected"; status.dataset.state = "open"; term.focus(); };
    ws.onmessage = (m) => term.write(typeof m.data === "string" ? m.data : new Uint8Array(m.data));
    ws.onclose = () => { status.textContent = "disconnected"; status.dataset.state = "closed"; b.disabled = false; };
    term.onData((d) => { if (ws.readyState === WebSocket.OPEN) ws.send(enc.encode(d)); });
  };
}

async function loadHosts() {
  const t = document.getElementById("hosts");
  if (!t) return;
  const r = await api("GET", "/hosts");
  const msg = document.getElementById("hosts-message");
  if (!r.ok) { msg.textContent = r.data.error || "error"; return; }
  t.querySelectorAll("tr[data-host]").forEach((x) => x.remove());
  const charts = document.getElementById("host-charts");
  charts.replaceChildren();
  for (const h of r.data.hosts) {
    const tr = el("tr"); tr.dataset.host = h.name;
    for (const v of [h.name, h.uri, h.state, h.reachable ? "yes" : ("no: " + (h.error || "")), h.cpus, h.memory_mib, h.free_mib, h.vms + " (" + h.vms_running + ")"]) tr.append(el("td", "", String(v)));
    const td = el("td");
    for (const verb of ["drain", "undrain", "remove"]) {
      if (h.name === "local" && verb === "remove") continue;
      const b = el("button", "", verb); b.dataset.hostVerb = verb;
      b.onclick = () => hostVerb(h.name, verb);
      td.append(b, " ");
    }
    tr.append(td); t.append(tr);
    const box = el("div", "host-load"); box.append(el("h3", "", h.name)); charts.append(box);
    const m = await api("GET", "/hosts/" + encodeURIComponent(h.name) + "/metrics");
    if (m.ok) {
      const s = (f) => m.data.metrics.map((x) => [x.ts, f(x)]);
      box.append(chart("CPU", s((x) => x.cpu_pct), "%"), chart("Memory", s((x) => x.mem_kib / 1024), "MiB"),
        chart("Disk", s((x) => (x.disk_rd_bps + x.disk_wr_bps) / 1024), "KiB/s"),
        chart("Network", s((x) => (x.net_rx_bps + x.net_tx_bps) / 1024), "KiB/s"));
    }
  }
}

async function hostVerb(name, verb) {
  const msg = document.getElementById("hosts-message");
  const path = "/hosts/" + encodeURIComponent(name);
  const r = verb === "remove" ? await api("DELETE", path) : await api("POST", path + "/" + verb);
  if (!r.ok) { msg.textContent = r.data.error || ("error " + r.status); return; }
  if (verb === "drain") {
    msg.textContent = "draining " + name;
    follow(r.data.events, document.getElementById("drain-events"), null, (res) => {
      msg.textContent = res.ok ? "drained " + name : ("drain failed: " + (res.error || "see above"));
      loadHosts();
    });
  } else { msg.textContent = verb + " " + name + ": done"; loadHosts(); }
}

function initHosts() {
  const form = document.getElementById("add-host");
  if (!form) return;
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    const body = { name: f.get("name"), uri: f.get("uri") };
    if (f.get("ssh")) body.ssh = f.get("ssh");
    const r = await api("POST", "/hosts", body);
    document.getElementById("hosts-message").textContent = r.ok ? "added " + body.name : (r.data.error || "error");
    if (r.ok) loadHosts();
  };
  loadHosts();
  setInterval(loadHosts, 30000);
}

function initRules() {
  const text = document.getElementById("rule-text");
  if (!text) return;
  const title = document.getElementById("rule-path");
  const out = document.getElementById("rule-result");
  let path = null;
  const show = (r) => {
    out.dataset.ok = r.ok && r.data.ok !== false ? "true" : "false";
    out.textContent = (r.ok && r.data.ok !== false) ? "ok" : (r.data.error || ("error " + r.status)) +
      (r.data.detail ? "\n" + JSON.stringify(r.data.detail, null, 1) : "");
  };
  document.querySelectorAll("[data-rule]").forEach((a) => a.onclick = async (ev) => {
    ev.preventDefault();
    const r = await api("GET", "/admin/rules/template?path=" + encodeURIComponent(a.dataset.rule));
    if (!r.ok) { show(r); return; }
    path = r.data.path; title.textContent = path + (r.data.overridden ? " (site override)" : " (shipped)");
    text.value = r.data.text; out.textContent = "";
  });
  document.getElementById("rule-check").onclick = async () => {
    if (path) show(await api("POST", "/admin/rules/check", { path, text: text.value }));
  };
  document.getElementById("rule-save").onclick = async () => {
    if (!path) return;
    const r = await api("PUT", "/admin/rules/template", { path, text: text.value });
    show(r); if (r.ok) title.textContent = path + " (site override)";
  };
  document.getElementById("rule-reset").onclick = async () => {
    if (!path) return;
    const r = await api("DELETE", "/admin/rules/template?path=" + encodeURIComponent(path));
    show(r);
    if (r.ok) { const g = await api("GET", "/admin/rules/template?path=" + encodeURIComponent(path)); text.value = g.data.text; title.textContent = path + " (shipped)"; }
  };
}

function initUsers() {
  document.querySelectorAll("[data-reset-password]").forEach((b) => b.onclick = async () => {
    const row = b.closest("[data-user]");
    const pw = row.querySelector("[data-new-password]").value;
    const r = await api("POST", "/admin/users/" + encodeURIComponent(row.dataset.user), { password: pw });
    document.getElementById("admin-message").textContent = r.ok ? "password of " + row.dataset.user + " reset" : (r.data.error || "error");
  });
}

document.addEventListener("DOMContentLoaded", () => { initSpawn(); initConsole(); initHosts(); initRules(); initUsers(); });
