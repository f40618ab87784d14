// vmcs portal: every action is a call to the JSON API under /api/v1 with the page's CSRF
// token. Text from the server is only ever put in the page with textContent.
"use strict";
const csrf = () => (document.querySelector('meta[name="csrf"]') || {}).content || "";
async function api(method, path, body) {
  const r = await fetch("/api/v1" + path, {
    method, credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data = {};
  try { data = await r.json(); } catch (e) { /* empty */ }
  return { status: r.status, ok: r.ok, data };
}
function el(tag, cls, text) { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }
function showResult(res) {
  const box = document.getElementById("result"); if (!box) return;
  box.replaceChildren();
  if (res.ok) { box.append(el("p", "ok", "compiled clean")); if (res.data.xml) box.append(el("pre", "xml", res.data.xml)); return; }
  box.append(el("p", "conflict", res.data.error || ("error " + res.status)));
  const rule = res.data.detail && res.data.detail.rule;
  if (rule) {
    if (rule.path) box.append(el("p", "", "field: " + rule.path));
    if (rule.suggest) box.append(el("p", "suggest", "suggestion: " + rule.suggest));
    if (rule.fix) {
      const b = el("button", "", "apply: " + rule.fix.path + " = " + rule.fix.value);
      b.dataset.applyFix = "1";
      b.onclick = async () => {
        // The server applies the rule's fix with the engine of `vmcs fix` and compiles again.
        const ta = document.querySelector('textarea[name="pan"]');
        const r = await api("POST", "/fix", { pan: ta.value });
        if (!r.ok) { showResult(r); return; }
        ta.value = r.data.pan;
        showResult(r.data.xml !== undefined ? { ok: true, data: r.data } : { ok: false, status: 422, data: r.data });
      };
      box.append(b);
    }
  }
}
// The monitor: one SVG line chart per measure, refreshed every 10 s.
const SVGNS = "http://www.w3.org/2000/svg";
function chart(title, points, unit) {
  const w = 440, h = 120, box = el("div", "chart");
  const max = Math.max(1, ...points.map((p) => p[1]));
  const t0 = Date.now() / 1000 - 3600;
  const svg = document.createElementNS(SVGNS, "svg");
  svg.setAttribute("width", w); svg.setAttribute("height", h); svg.setAttribute("class", "chart");
  const line = document.createElementNS(SVGNS, "polyline");
  line.setAttribute("fill", "none"); line.setAttribute("stroke", "#1f3a5f");
  line.setAttribute("points", points.map((p) => ((p[0] - t0) / 3600 * w).toFixed(1) + "," + (h - p[1] / max * (h - 10)).toFixed(1)).join(" "));
  svg.append(line);
  const last = points.length ? points[points.length - 1][1] : 0;
  box.append(el("div", "", title + ": " + last.toFixed(1) + " " + unit + " (max " + max.toFixed(1) + ")"), svg);
  return box;
}
async function refreshCharts(div) {
  const r = await api("GET", "/vms/" + encodeURIComponent(div.dataset.metrics) + "/metrics");
  if (!r.ok) return;
  const m = r.data.metrics;
  const s = (f) => m.map((x) => [x.ts, f(x)]);
  div.replaceChildren(
    chart("CPU", s((x) => x.cpu_pct), "%"),
    chart("Memory", s((x) => x.mem_kib / 1024), "MiB"),
    chart("Disk", s((x) => (x.disk_rd_bps + x.disk_wr_bps) / 1024), "KiB/s"),
    chart("Network", s((x) => (x.net_rx_bps + x.net_tx_bps) / 1024), "KiB/s"));
}
document.addEventListener("DOMContentLoaded", () => {
  const charts = document.getElementById("charts");
  if (charts) { refreshCharts(charts); setInterval(() => refreshCharts(charts), 10000); }
  const login = document.getElementById("login");
  if (login) login.onsubmit = async (ev) => {
    ev.preventDefault();
    const f = new FormData(login);
    const r = await api("POST", "/login", { user: f.get("user"), password: f.get("password") });
    if (r.ok) location.href = "/"; else document.getElementById("login-error").textContent = r.data.error || "login failed";
  };
  const out = document.getElementById("logout");
  if (out) out.onclick = async () => { await api("POST", "/logout"); location.href = "/login"; };
  document.querySelectorAll("[data-compile]").forEach((b) => b.onclick = async () => {
    const pan = b.form.querySelector('textarea[name="pan"]').value;
    showResult(await api("POST", "/compile", { pan }));
  });
  const np = document.getElementById("new-profile");
  if (np) np.onsubmit = async (ev) => {
    ev.preventDefault();
    const f = new FormData(np);
    const r = await api("POST", "/profiles", { name: f.get("name"), pan: f.get("pan") });
    if (r.ok) location.href = "/profiles/" + r.data.id; else showResult(r);
  };
  const card = document.querySelector("[data-profile]");
  const id = card && card.dataset.profile;
  const ep = document.getElementById("edit-profile");
  if (ep) ep.onsubmit = async (ev) => {
    ev.preventDefault();
    const f = new FormData(ep);
    const r = await api("PUT", "/profiles/" + id, { pan: f.get("pan"), comment: f.get("comment") || null });
    if (r.ok) location.reload(); else showResult(r);
  };
  document.querySelectorAll("[data-restore]").forEach((b) => b.onclick = async () => {
    const r = await api("POST", "/profiles/" + id + "/restore/" + b.dataset.restore);
    if (r.ok) location.reload(); else showResult(r);
  });
  document.querySelectorAll("[data-diff]").forEach((b) => b.onclick = async () => {
    const v = await api("GET", "/profiles/" + id + "/versions");
    const latest = v.data.versions[0].version;
    const r = await api("GET", "/profiles/" + id + "/diff?from=" + b.dataset.diff + "&to=" + latest);
    document.getElementById("diff").textContent = r.ok ? r.data.pan : (r.data.error || "");
  });
  document.querySelectorAll("[data-action]").forEach((b) => b.onclick = async () => {
    const vm = b.closest("[data-vm]").dataset.vm;
    b.disabled = true;
    const r = await api("POST", "/vms/" + encodeURIComponent(vm) + "/" + b.dataset.action);
    if (r.ok) location.reload(); else { alert(r.data.error || "failed"); b.disabled = false; }
  });
  document.querySelectorAll("[data-disable]").forEach((b) => b.onclick = async () => {
    const u = b.closest("[data-user]").dataset.user;
    await api("POST", "/admin/users/" + encodeURIComponent(u), { disabled: b.dataset.disable === "true" });
    location.reload();
  });
  const au = document.getElementById("add-user");
  if (au) au.onsubmit = async (ev) => {
    ev.preventDefault();
    const f = new FormData(au);
    const r = await api("POST", "/admin/users", { name: f.get("name"), password: f.get("password"), admin: !!f.get("admin") });
    if (r.ok) location.reload(); else alert(r.data.error || "failed");
  };
});
