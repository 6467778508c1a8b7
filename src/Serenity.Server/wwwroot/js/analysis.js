// Analysis view on FINOS Perspective (vendor/, fetched from npm by the build): streaming tables of the
// live holdings, holdings over time, quotes and trades in a Web Worker, one <perspective-viewer> to
// pivot, add computed columns, chart and export them. Loaded only when the view first opens.
import { SCHEMAS, TABLE_OPTIONS } from "./analysis-feed.js";

const $ = (id) => document.getElementById(id);
const VENDOR = new URL("../vendor/", import.meta.url);
const FLUSH_MS = 250;

/** Per table: the view it opens with, and what each preset makes of it. */
const PRESETS = {
  holdings: {
    initial: { plugin: "Datagrid", columns: ["symbol", "quantity", "average_cost", "market_price", "market_value", "unrealized_pnl"], sort: [["market_value", "desc"]] },
    pivot: { plugin: "Datagrid", group_by: ["symbol"], columns: ["quantity", "market_value", "unrealized_pnl"] },
    value: { expressions: { value: '"quantity" * "market_price"' }, columns: ["symbol", "quantity", "market_price", "value", "market_value", "unrealized_pnl"] },
  },
  holdings_history: {
    initial: { plugin: "Datagrid", columns: ["timestamp", "symbol", "quantity", "price", "value"], sort: [["timestamp", "desc"]] },
    pivot: { plugin: "Datagrid", group_by: ["symbol"], columns: ["value", "quantity"], aggregates: { value: "last", quantity: "last" } },
    value: { expressions: { "quantity x price": '"quantity" * "price"' }, columns: ["timestamp", "symbol", "quantity", "price", "quantity x price"] },
  },
  quotes: {
    initial: { plugin: "Datagrid", columns: ["timestamp", "symbol", "bid", "ask", "last", "change_percent", "sma10", "sma20"], sort: [["timestamp", "desc"]] },
    pivot: { plugin: "Datagrid", group_by: ["symbol"], columns: ["bid", "ask", "last", "change_percent"], aggregates: { bid: "last", ask: "last", last: "last", change_percent: "last" } },
    value: { expressions: { spread: '"ask" - "bid"', mid: '("bid" + "ask") / 2' }, columns: ["timestamp", "symbol", "bid", "ask", "mid", "spread"] },
  },
  trades: {
    initial: { plugin: "Datagrid", columns: ["timestamp", "symbol", "side", "quantity", "price", "order_id"], sort: [["timestamp", "desc"]] },
    pivot: { plugin: "Datagrid", group_by: ["symbol"], split_by: ["side"], columns: ["quantity"] },
    value: { expressions: { value: '"quantity" * "price"' }, columns: ["timestamp", "symbol", "side", "quantity", "price", "value"] },
  },
};

const VALUE_OVER_TIME = {
  plugin: "Y Area",
  group_by: ["timestamp"],
  split_by: ["symbol"],
  columns: ["value"],
  aggregates: { value: "sum" },
  sort: [],
  filter: [["symbol", "!=", "CASH"]], // remove the filter to stack cash too: the total is then equity
  expressions: {},
};

function setStatus(text, stateName = "ready") {
  const el = $("analysis-status");
  el.textContent = text;
  el.dataset.state = stateName;
}

function loadCss(href) {
  if (document.querySelector(`link[href="${href}"]`)) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  document.head.append(link);
}

function download(name, data, type) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Starts Perspective, loads the feed's tables and wires the view's buttons. */
export function startAnalysis(feed) {
  const ctl = { ready: false };
  run(feed, ctl).catch((e) => {
    console.error(e);
    setStatus(`Perspective failed to start: ${e.message ?? e}`, "error");
  });
  return ctl;
}

async function run(feed, ctl) {
  setStatus("Loading Perspective…", "loading");
  loadCss(new URL("perspective-viewer/css/pro-dark.css", VENDOR).href);
  // The viewer first: its wasm module is also the client library perspective.js uses.
  await import(new URL("perspective-viewer/cdn/perspective-viewer.js", VENDOR).href);
  await Promise.all([
    import(new URL("perspective-viewer-datagrid/cdn/perspective-viewer-datagrid.js", VENDOR).href),
    import(new URL("perspective-viewer-d3fc/cdn/perspective-viewer-d3fc.js", VENDOR).href),
  ]);
  const perspective = (await import(new URL("perspective/cdn/perspective.js", VENDOR).href)).default;
  const worker = await perspective.worker();

  // Tables, first filled with what the session collected so far.
  const tables = {};
  const snapshot = feed.snapshot();
  for (const name of Object.keys(SCHEMAS)) {
    tables[name] = await worker.table(SCHEMAS[name], { ...TABLE_OPTIONS[name], name });
    if (snapshot[name].length) await tables[name].update(snapshot[name]);
  }

  // From now on the feed streams straight in, batched.
  const pending = new Map();
  const removals = new Map();
  feed.attach({
    update(name, rows) {
      if (!pending.has(name)) pending.set(name, []);
      pending.get(name).push(...rows);
    },
    remove(name, keys) {
      if (!removals.has(name)) removals.set(name, []);
      removals.get(name).push(...keys);
      // A removal must not be undone by an update queued before it.
      const queued = pending.get(name);
      if (queued) pending.set(name, queued.filter((r) => !keys.includes(r.symbol)));
    },
  });
  setInterval(async () => {
    for (const [name, rows] of pending) {
      pending.delete(name);
      if (rows.length) await tables[name].update(rows);
    }
    for (const [name, keys] of removals) {
      removals.delete(name);
      if (keys.length) await tables[name].remove(keys);
    }
  }, FLUSH_MS);

  const viewer = document.createElement("perspective-viewer");
  viewer.id = "analysis-viewer";
  viewer.setAttribute("data-testid", "analysis-viewer");
  viewer.setAttribute("theme", "Pro Dark");
  $("analysis-host").append(viewer);

  const saved = new Map(); // table -> the user's layout when they left it
  let current = null;
  async function show(name, config) {
    if (current && current !== name) {
      try { saved.set(current, await viewer.save()); } catch { /* not loaded yet */ }
    }
    const changed = current !== name;
    current = name;
    viewer.dataset.table = name;
    for (const b of document.querySelectorAll("#analysis-tables button")) b.classList.toggle("on", b.dataset.table === name);
    if (changed) await viewer.load(tables[name]);
    const base = { theme: "Pro Dark", title: name.replace("_", " "), settings: true };
    const layout = config ?? saved.get(name) ?? { group_by: [], split_by: [], expressions: {}, filter: [], aggregates: {}, ...PRESETS[name].initial };
    await viewer.restore({ ...base, ...layout });
    viewer.dataset.plugin = layout.plugin ?? viewer.dataset.plugin ?? "Datagrid";
    viewer.dataset.config = JSON.stringify(layout);
  }

  $("analysis-tables").addEventListener("click", (ev) => {
    const b = ev.target.closest("button[data-table]");
    if (b) show(b.dataset.table);
  });
  $("preset-pivot").addEventListener("click", () => show(current, { split_by: [], expressions: {}, sort: [], filter: [], ...PRESETS[current].pivot }));
  $("preset-value").addEventListener("click", () => show(current, { plugin: "Datagrid", group_by: [], split_by: [], sort: [], filter: [], aggregates: {}, ...PRESETS[current].value }));
  $("preset-value-chart").addEventListener("click", () => show("holdings_history", VALUE_OVER_TIME));
  $("preset-reset").addEventListener("click", () => { saved.delete(current); show(current, { group_by: [], split_by: [], expressions: {}, filter: [], aggregates: {}, ...PRESETS[current].initial }); });

  async function exportAs(kind) {
    const view = await viewer.getView();
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    if (kind === "csv") download(`serenity-${current}-${stamp}.csv`, await view.to_csv(), "text/csv");
    else download(`serenity-${current}-${stamp}.arrow`, await view.to_arrow(), "application/vnd.apache.arrow.stream"); // Arrow IPC stream format
  }
  $("export-csv").addEventListener("click", () => exportAs("csv").catch((e) => setStatus(`Export failed: ${e.message}`, "error")));
  $("export-arrow").addEventListener("click", () => exportAs("arrow").catch((e) => setStatus(`Export failed: ${e.message}`, "error")));

  await show("holdings");
  ctl.ready = true;
  ctl.tables = tables;
  ctl.viewer = viewer;
  setStatus("Live tables: holdings, holdings over time (sampled each second, cash included), quotes, trades. Drag columns in the settings panel to pivot; use + to add computed columns.", "ready");
}
