// Polls the JSON endpoints and redraws; charts are server-rendered SVG inserted inline.
"use strict";

const HEALTH_MS = 2000;
const ANALYTICS_MS = 5000;
const fmt = new Intl.NumberFormat("en-US");
const $ = (id) => document.getElementById(id);
let lastComputedAt = null;
let healthProblem = null;
let analyticsProblem = null;

function text(el, value) { el.textContent = value; }

function cell(row, value, cls) {
  const td = row.insertCell();
  td.textContent = value === null || value === undefined ? "" : String(value);
  if (cls) td.className = cls;
  return td;
}

async function getJson(url) {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) {
    const message = await response.text();
    throw new Error(message || `${url}: HTTP ${response.status}`);
  }
  return response.json();
}

function showBanner() {
  const problems = [healthProblem, analyticsProblem].filter(Boolean);
  const banner = $("banner");
  banner.hidden = problems.length === 0;
  text(banner, problems.join(" "));
}

function setPill(el, name, state) {
  el.dataset.reachable = String(state.reachable);
  text(el, `${name}: ${state.reachable ? "reachable" : "unreachable"}`);
  el.title = state.error || "";
}

function renderHealth(h) {
  setPill($("cassandra-state"), "Cassandra", h.cassandra);
  setPill($("kafka-state"), "Kafka", h.kafka);
  const down = [];
  if (!h.cassandra.reachable) down.push(`Cassandra is unreachable (${h.cassandra.error}).`);
  if (!h.kafka.reachable) down.push(`Kafka is unreachable (${h.kafka.error}).`);
  healthProblem = down.length ? down.join(" ") + " Retrying…" : null;

  if (h.ordersStored !== null && h.ordersStored !== undefined) {
    $("orders-stored").dataset.value = String(h.ordersStored);
    text($("orders-stored"), fmt.format(h.ordersStored));
  }
  text($("rate"), h.ratePerMinute === null || h.ratePerMinute === undefined ? "–" : fmt.format(Math.round(h.ratePerMinute)));

  const p = h.pipeline;
  const body = $("lag-table").tBodies[0];
  body.replaceChildren();
  if (p) {
    text($("lag-total"), fmt.format(p.totalLag));
    text($("lag-sub"), `group ecommerce-group, ${p.partitions.length} partitions`);
    text($("dlq-count"), fmt.format(p.deadLetters));
    for (const part of p.partitions) {
      const row = body.insertRow();
      cell(row, part.partition);
      cell(row, part.committed === null ? "none" : fmt.format(part.committed), "num");
      cell(row, fmt.format(part.highWatermark), "num");
      cell(row, fmt.format(part.lag), "num");
    }
    const list = $("dlq-list");
    list.replaceChildren();
    for (const d of p.latestDeadLetters) {
      const li = document.createElement("li");
      li.textContent = `p${d.partition}@${d.offset}${d.key ? " " + d.key : ""}: ${d.reason}`;
      list.appendChild(li);
    }
    if (!p.latestDeadLetters.length) list.innerHTML = '<li class="muted">none</li>';
  } else {
    const row = body.insertRow();
    cell(row, "Kafka offsets unavailable", "muted").colSpan = 4;
  }
  const err = $("last-error");
  if (h.lastError) {
    text(err, `${new Date(h.lastError.at).toLocaleTimeString()} ${h.lastError.source}: ${h.lastError.message}`);
    err.className = "";
  }
  text($("updated"), `health ${new Date(h.sampledAt).toLocaleTimeString()}` +
    (h.analyticsComputedAt ? ` · analytics ${new Date(h.analyticsComputedAt).toLocaleTimeString()} (${h.analyticsRefreshSeconds.toFixed(1)} s pass)` : ""));
}

async function pollHealth() {
  try {
    renderHealth(await getJson("/api/health"));
  } catch (e) {
    healthProblem = `The dashboard server does not answer (${e.message}). Retrying…`;
  }
  showBanner();
  setTimeout(pollHealth, HEALTH_MS);
}

async function loadChart(el) {
  const response = await fetch(`/api/charts/${el.dataset.chart}.svg`, { cache: "no-store" });
  if (!response.ok) throw new Error(await response.text());
  el.innerHTML = await response.text();
  el.dataset.loaded = "true";
}

function renderAnalytics(a) {
  $("orders-stored").dataset.value = String(a.totalOrders);
  text($("orders-stored"), fmt.format(a.totalOrders));
  text($("orders-sub"), `${fmt.format(a.days)} purchase days`);
  const d = a.delivery;
  text($("late-share"), d.compared ? `${(100 * d.lateShare).toFixed(1)} %` : "–");
  text($("late-sub"), `${fmt.format(d.late)} of ${fmt.format(d.compared)} delivered; mean ${d.averageDelayDays.toFixed(1)} d vs estimate`);
  text($("stuck-count"), fmt.format(d.stuck));

  const body = $("alerts").tBodies[0];
  body.replaceChildren();
  for (const al of a.alerts) {
    const row = body.insertRow();
    row.className = `alert-${al.kind}`;
    cell(row, al.kind);
    cell(row, al.orderId);
    cell(row, al.purchaseDay);
    cell(row, al.status);
    cell(row, al.days, "num");
    cell(row, al.detail);
  }
  if (!a.alerts.length) body.innerHTML = '<tr><td colspan="6" class="muted">none</td></tr>';
}

async function pollAnalytics() {
  try {
    const a = await getJson("/api/analytics");
    analyticsProblem = null;
    if (a.computedAt !== lastComputedAt) {
      renderAnalytics(a);
      await Promise.all([...document.querySelectorAll("[data-chart]")].map(loadChart));
      lastComputedAt = a.computedAt;
    }
  } catch (e) {
    analyticsProblem = e.message;
    for (const el of document.querySelectorAll("[data-chart]:not([data-loaded])")) {
      el.innerHTML = '<div class="muted">waiting for data…</div>';
    }
  }
  showBanner();
  setTimeout(pollAnalytics, ANALYTICS_MS);
}

async function runQuery(event) {
  event.preventDefault();
  const status = $("query-status");
  const error = $("query-error");
  const table = $("query-result");
  error.hidden = true;
  text(status, "running…");
  try {
    const response = await fetch("/api/query", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ statement: $("query-text").value, limit: Number($("query-limit").value) }),
    });
    const isJson = (response.headers.get("content-type") || "").includes("json");
    const body = isJson ? await response.json() : { error: await response.text() };
    if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
    table.replaceChildren();
    const head = table.createTHead().insertRow();
    for (const c of body.columns) {
      const th = document.createElement("th");
      th.textContent = c;
      head.appendChild(th);
    }
    const tbody = table.createTBody();
    for (const r of body.rows) {
      const row = tbody.insertRow();
      for (const v of r) cell(row, v === null ? "null" : v);
    }
    text(status, `${body.rows.length} row(s)${body.truncated ? " (limit reached)" : ""} in ${body.elapsedMs.toFixed(0)} ms`);
    table.dataset.rows = String(body.rows.length);
  } catch (e) {
    text(status, "");
    error.hidden = false;
    text(error, e.message);
  }
}

$("query-form").addEventListener("submit", runQuery);
pollHealth();
pollAnalytics();
