// The Serenity dashboard: watchlist, account overview, positions, trade ticket, open orders, trade
// history, price and portfolio charts, and the Perspective analysis view. REST gives the snapshots,
// the WebSocket the live updates; DOM work is coalesced to one pass per animation frame.
import { ApiError, clearSession, del, get, getSession, newClientOrderId, post, put, redirectToLogin } from "./api.js";
import * as fmt from "./format.js";
import { LiveFeed } from "./live.js";
import { PriceChart, EquityChart } from "./charts.js";
import { AnalysisFeed } from "./analysis-feed.js";
import { RiskPanel } from "./risk-panel.js";
import { StrategiesPanel } from "./strategies-panel.js";

const $ = (id) => document.getElementById(id);
const TERMINAL = new Set(["filled", "canceled", "cancelled", "rejected", "expired", "done_for_day", "replaced"]);
const LIVE_MS = 5000;

const session = getSession();
if (!session) redirectToLogin();

const state = {
  symbols: [], // all configured symbols
  watchlist: [],
  quotes: new Map(), // symbol -> ticker
  received: new Map(), // symbol -> client time of the last quote
  rows: new Map(), // symbol -> {tr, cells, prev}
  account: null,
  cash: null,
  realized: null,
  positions: new Map(), // symbol -> position (server values, repriced live)
  orders: new Map(), // order_id -> order (working only)
  trades: [], // newest first
  tradeIds: new Set(),
  chartSymbol: null,
  selected: null,
  side: "buy",
};

const dirty = { quotes: new Set(), account: false, positions: false, orders: false, trades: false, ticket: false };
let frame = 0;
function invalidate(part, symbol) {
  if (part === "quotes") dirty.quotes.add(symbol);
  else dirty[part] = true;
  if (!frame) frame = requestAnimationFrame(flush);
}

const analysisFeed = new AnalysisFeed();
const live = new LiveFeed(() => getSession()?.token);
let priceChart = null;
let equityChart = null;
let riskPanel = null;
const strategiesPanel = new StrategiesPanel($("strategies-panel"));

// ---------------------------------------------------------------- toasts

function toast(message, kind = "info") {
  const el = document.createElement("div");
  el.className = `toast ${kind}`;
  el.textContent = message;
  $("toasts").append(el);
  setTimeout(() => el.remove(), 5000);
}

// ---------------------------------------------------------------- pricing

/** The price a position is valued at: bid for longs, ask for shorts (the server's rule), else last. */
function markPrice(symbol, quantity) {
  const q = state.quotes.get(symbol);
  if (!q) return null;
  const side = quantity >= 0 ? q.bid : q.ask;
  return side ?? q.last ?? null;
}

/** A position valued at the newest quote (server values when no quote is known yet). */
function valued(p) {
  const price = markPrice(p.symbol, p.quantity) ?? p.market_price ?? null;
  if (price == null) return { ...p };
  const marketValue = p.quantity * price;
  return { ...p, market_price: price, market_value: marketValue, unrealized_pnl: (price - p.average_cost) * p.quantity };
}

function valuedPositions() {
  return [...state.positions.values()].filter((p) => p.quantity !== 0).map(valued)
    .sort((a, b) => a.symbol.localeCompare(b.symbol));
}

// ---------------------------------------------------------------- watchlist

function bandOf(q) {
  if (q.last == null || q.sma10 == null || q.sma20 == null) return null;
  const hi = Math.max(q.sma10, q.sma20);
  const lo = Math.min(q.sma10, q.sma20);
  if (q.last > hi) return { cls: "above", text: "▲ above" };
  if (q.last < lo) return { cls: "below", text: "▼ below" };
  return { cls: "inside", text: "◆ inside" };
}

const WATCH_FIELDS = ["symbol", "bid", "ask", "last", "change", "change_percent", "sma10", "sma20", "band", "timestamp", "live", "remove"];

function makeRow(symbol) {
  const tr = document.createElement("tr");
  tr.dataset.symbol = symbol;
  tr.dataset.testid = `watch-row-${symbol}`;
  tr.setAttribute("data-testid", `watch-row-${symbol}`);
  tr.dataset.ticks = "0";
  const cells = {};
  for (const f of WATCH_FIELDS) {
    const td = document.createElement("td");
    td.dataset.field = f;
    cells[f] = td;
    tr.append(td);
  }
  cells.symbol.className = "l sym";
  cells.symbol.textContent = symbol;
  cells.live.className = "c";
  cells.live.innerHTML = '<span class="live-dot" data-live="none"></span>';
  cells.remove.className = "c";
  const x = document.createElement("button");
  x.className = "row-x";
  x.title = `Remove ${symbol} from the watchlist`;
  x.setAttribute("aria-label", x.title);
  x.textContent = "×";
  x.addEventListener("click", (ev) => { ev.stopPropagation(); setWatchlist(state.watchlist.filter((s) => s !== symbol)); });
  cells.remove.append(x);
  for (const f of ["bid", "ask", "last", "change", "change_percent", "sma10", "sma20", "band", "timestamp"]) cells[f].textContent = fmt.DASH;
  tr.addEventListener("click", () => selectSymbol(symbol));
  return { tr, cells, prev: {} };
}

function renderWatchlistRows() {
  const body = $("watchlist").tBodies[0];
  const keep = new Set(state.watchlist);
  for (const [s, r] of state.rows) if (!keep.has(s)) { r.tr.remove(); state.rows.delete(s); }
  for (const s of state.watchlist) {
    let r = state.rows.get(s);
    if (!r) { r = makeRow(s); state.rows.set(s, r); }
    body.append(r.tr); // keeps order
    dirty.quotes.add(s);
  }
  for (const r of state.rows.values()) r.tr.classList.toggle("selected", r.tr.dataset.symbol === state.selected);
  renderWatchAdd();
  invalidate("quotes", state.watchlist[0]);
}

function renderWatchAdd() {
  const sel = $("watch-add");
  const missing = state.symbols.filter((s) => !state.watchlist.includes(s));
  sel.replaceChildren(new Option(missing.length ? "+ Add symbol" : "All symbols listed", ""), ...missing.map((s) => new Option(s, s)));
  sel.disabled = missing.length === 0;
}

function flashCell(td, now, before) {
  if (before == null || now == null || now === before) return;
  td.classList.remove("flash-up", "flash-down");
  void td.offsetWidth; // restart the animation
  td.classList.add(now > before ? "flash-up" : "flash-down");
}

function renderQuote(symbol) {
  const r = state.rows.get(symbol);
  const q = state.quotes.get(symbol);
  if (!r || !q) return;
  const c = r.cells;
  fmt.setText(c.bid, fmt.price(q.bid));
  fmt.setText(c.ask, fmt.price(q.ask));
  fmt.setText(c.last, fmt.price(q.last), fmt.tone(q.change));
  fmt.setText(c.change, fmt.signed(q.change), fmt.tone(q.change));
  fmt.setText(c.change_percent, fmt.percent(q.change_percent), fmt.tone(q.change));
  fmt.setText(c.sma10, fmt.price(q.sma10));
  fmt.setText(c.sma20, fmt.price(q.sma20));
  const band = bandOf(q);
  if (band) c.band.innerHTML = `<span class="band ${band.cls}">${band.text}</span>`;
  else fmt.setText(c.band, fmt.DASH);
  fmt.setText(c.timestamp, fmt.time(q.timestamp));
  c.timestamp.title = q.timestamp ?? "";
  flashCell(c.bid, q.bid, r.prev.bid);
  flashCell(c.ask, q.ask, r.prev.ask);
  flashCell(c.last, q.last, r.prev.last);
  r.prev = { bid: q.bid, ask: q.ask, last: q.last };
  r.tr.dataset.ticks = String(Number(r.tr.dataset.ticks) + 1);
  r.tr.dataset.halted = q.halted ? "true" : "false";
  renderLiveDot(symbol);
}

function renderLiveDot(symbol) {
  const r = state.rows.get(symbol);
  if (!r) return;
  const q = state.quotes.get(symbol);
  const at = state.received.get(symbol);
  let status = "none";
  if (q?.halted) status = "halted";
  else if (at != null) status = Date.now() - at <= LIVE_MS && live.state === "live" ? "live" : "stale";
  const dot = r.cells.live.firstChild;
  if (dot.dataset.live !== status) {
    dot.dataset.live = status;
    dot.title = { live: "Live", stale: "No update in the last 5 s", halted: "Trading halted", none: "No quote yet" }[status];
  }
}

async function setWatchlist(symbols) {
  const before = state.watchlist;
  state.watchlist = symbols;
  renderWatchlistRows();
  syncSubscriptions();
  try {
    const res = await put("/api/watchlist", { symbols });
    if (res?.symbols) { state.watchlist = res.symbols; renderWatchlistRows(); syncSubscriptions(); }
    await loadQuotes(state.watchlist.filter((s) => !state.quotes.has(s)));
  } catch (e) {
    state.watchlist = before;
    renderWatchlistRows();
    syncSubscriptions();
    toast(`Watchlist not saved: ${e.message}`, "err");
  }
}

function selectSymbol(symbol) {
  state.selected = symbol;
  for (const r of state.rows.values()) r.tr.classList.toggle("selected", r.tr.dataset.symbol === symbol);
  if ($("ticket-symbol").value !== symbol) { $("ticket-symbol").value = symbol; invalidate("ticket"); }
  if (state.chartSymbol !== symbol) {
    $("chart-symbol").value = symbol;
    loadChart(symbol);
  }
  syncSubscriptions();
}

// ---------------------------------------------------------------- account and positions

function renderAccount() {
  const a = state.account;
  const positions = valuedPositions();
  const mv = positions.reduce((s, p) => s + (p.market_value ?? 0), 0);
  const upl = positions.reduce((s, p) => s + (p.unrealized_pnl ?? 0), 0);
  const cash = state.cash ?? a?.cash ?? null;
  const equity = cash != null ? cash + mv : a?.equity ?? null;
  fmt.setText($("account-cash"), fmt.money(cash));
  fmt.setText($("account-equity"), fmt.money(equity));
  fmt.setText($("account-buying-power"), fmt.money(a?.buying_power ?? null));
  fmt.setText($("account-market-value"), fmt.money(mv));
  fmt.setText($("account-unrealized"), fmt.signedMoney(upl), fmt.tone(upl));
  const realized = state.realized ?? a?.realized_pnl ?? null;
  fmt.setText($("account-realized"), fmt.signedMoney(realized), fmt.tone(realized));
  fmt.setText($("account-positions"), String(positions.length));
  return { equity, positions, cash };
}

function renderPositions() {
  const body = $("positions").tBodies[0];
  const positions = valuedPositions();
  const rows = new Map([...body.rows].map((tr) => [tr.dataset.symbol, tr]));
  for (const [s, tr] of rows) if (!positions.some((p) => p.symbol === s)) tr.remove();
  for (const p of positions) {
    let tr = rows.get(p.symbol);
    if (!tr) {
      tr = document.createElement("tr");
      tr.dataset.symbol = p.symbol;
      tr.setAttribute("data-testid", `position-row-${p.symbol}`);
      tr.innerHTML = '<td class="l sym" data-field="symbol"></td><td data-field="quantity"></td><td data-field="average_cost"></td><td data-field="market_price"></td><td data-field="market_value"></td><td data-field="unrealized_pnl"></td><td data-field="pnl_percent"></td>';
      tr.addEventListener("click", () => selectSymbol(p.symbol));
      tr.style.cursor = "pointer";
    }
    body.append(tr);
    const c = (f) => tr.querySelector(`[data-field="${f}"]`);
    fmt.setText(c("symbol"), p.symbol);
    fmt.setText(c("quantity"), fmt.qty(p.quantity), p.quantity < 0 ? "down" : "flat");
    fmt.setText(c("average_cost"), fmt.price(p.average_cost));
    fmt.setText(c("market_price"), fmt.price(p.market_price));
    fmt.setText(c("market_value"), fmt.money(p.market_value));
    fmt.setText(c("unrealized_pnl"), fmt.signedMoney(p.unrealized_pnl), fmt.tone(p.unrealized_pnl));
    const cost = Math.abs(p.average_cost * p.quantity);
    const pct = p.unrealized_pnl != null && cost > 0 ? (p.unrealized_pnl / cost) * 100 : null;
    fmt.setText(c("pnl_percent"), fmt.percent(pct), fmt.tone(pct));
  }
  $("positions-empty").hidden = positions.length > 0;
}

function applyAccount(a) {
  if (!a) return;
  state.account = a;
  if (a.cash != null) state.cash = a.cash;
  if (a.realized_pnl != null) state.realized = a.realized_pnl;
  invalidate("account");
}

function applyPortfolio(p) {
  if (!p) return;
  state.positions = new Map((p.positions ?? []).map((x) => [x.symbol, x]));
  if (p.cash != null) state.cash = p.cash;
  if (p.realized_pnl != null) state.realized = p.realized_pnl;
  invalidate("positions");
  invalidate("account");
  syncSubscriptions();
}

// ---------------------------------------------------------------- orders and trades

function upsertOrder(o) {
  if (!o?.order_id) return;
  if (TERMINAL.has(o.status)) state.orders.delete(o.order_id);
  else state.orders.set(o.order_id, o);
  invalidate("orders");
}

function renderOrders() {
  const body = $("orders").tBodies[0];
  const list = [...state.orders.values()].sort((a, b) => (fmt.parseTime(b.created_at) || 0) - (fmt.parseTime(a.created_at) || 0));
  body.replaceChildren(...list.map((o) => {
    const tr = document.createElement("tr");
    tr.dataset.orderId = o.order_id;
    tr.setAttribute("data-testid", `order-row-${o.order_id}`);
    tr.innerHTML = `<td class="l">${fmt.time(o.created_at)}</td><td class="l sym">${o.symbol}</td>
      <td class="l"><span class="side-${o.side}">${o.side}</span></td><td class="l status">${o.type}</td>
      <td>${fmt.qty(o.quantity)}</td><td>${fmt.qty(o.filled_quantity ?? 0)}</td><td>${fmt.price(o.limit_price)}</td>
      <td class="l status">${o.time_in_force}</td><td class="l status" data-field="status">${o.status.replace("_", " ")}</td><td class="c"></td>`;
    const btn = document.createElement("button");
    btn.className = "btn btn-ghost btn-sm";
    btn.textContent = "Cancel";
    btn.setAttribute("data-testid", `cancel-${o.order_id}`);
    btn.addEventListener("click", () => cancelOrder(o, btn));
    tr.lastElementChild.append(btn);
    return tr;
  }));
  $("orders-count").textContent = String(list.length);
  $("orders-empty").hidden = list.length > 0;
}

async function cancelOrder(o, btn) {
  btn.disabled = true;
  try {
    const res = await del(`/api/orders/${encodeURIComponent(o.order_id)}`);
    upsertOrder(res);
    toast(`Canceled ${o.side} ${fmt.qty(o.quantity)} ${o.symbol}`, "ok");
  } catch (e) {
    toast(`Cancel failed: ${e.message}`, "err");
    btn.disabled = false;
    if (e.status === 409 || e.status === 404) refresh("orders");
  }
}

function addTrade(t, prepend = true) {
  if (!t?.fill_id || state.tradeIds.has(t.fill_id)) return;
  state.tradeIds.add(t.fill_id);
  if (prepend) state.trades.unshift(t);
  else state.trades.push(t);
  state.trades.sort((a, b) => (fmt.parseTime(b.timestamp) || 0) - (fmt.parseTime(a.timestamp) || 0));
  if (state.trades.length > 200) for (const x of state.trades.splice(200)) state.tradeIds.delete(x.fill_id);
  analysisFeed.trade(t);
  invalidate("trades");
}

function renderTrades() {
  const body = $("trades").tBodies[0];
  body.replaceChildren(...state.trades.map((t) => {
    const tr = document.createElement("tr");
    tr.setAttribute("data-testid", `trade-row-${t.fill_id}`);
    tr.dataset.symbol = t.symbol;
    tr.innerHTML = `<td class="l">${fmt.dateTime(t.timestamp)}</td><td class="l sym">${t.symbol}</td>
      <td class="l"><span class="side-${t.side}">${t.side}</span></td><td>${fmt.qty(t.quantity)}</td>
      <td>${fmt.price(t.price)}</td><td>${fmt.money(t.quantity * t.price)}</td><td class="l muted" title="${t.order_id}">${String(t.order_id).slice(0, 8)}</td>`;
    return tr;
  }));
  $("trades-count").textContent = String(state.trades.length);
  $("trades-empty").hidden = state.trades.length > 0;
}

// ---------------------------------------------------------------- trade ticket

const TICKET_FIELDS = {
  symbol: "ticket-symbol", quantity: "ticket-quantity", limit_price: "ticket-limit-price",
  type: "ticket-type", time_in_force: "ticket-tif", side: "ticket-side-buy",
};

function setSide(side) {
  state.side = side;
  $("ticket-side-buy").classList.toggle("on", side === "buy");
  $("ticket-side-sell").classList.toggle("on", side === "sell");
  invalidate("ticket");
}

function renderTicket() {
  const symbol = $("ticket-symbol").value;
  const q = state.quotes.get(symbol);
  fmt.setText($("ticket-bid"), fmt.price(q?.bid));
  fmt.setText($("ticket-ask"), fmt.price(q?.ask));
  fmt.setText($("ticket-last"), fmt.price(q?.last));
  const limit = $("ticket-type").value === "limit";
  $("ticket-limit-field").hidden = !limit;
  const qty = Number($("ticket-quantity").value);
  const px = limit ? Number($("ticket-limit-price").value) : state.side === "buy" ? q?.ask : q?.bid;
  fmt.setText($("ticket-estimate"), qty > 0 && px > 0 ? fmt.money(qty * px) : fmt.DASH);
  const submit = $("ticket-submit");
  const label = `${state.side === "buy" ? "Buy" : "Sell"} ${symbol || ""}`.trim();
  if (submit.textContent !== label) submit.textContent = label;
  submit.className = `btn btn-block ${state.side === "buy" ? "btn-buy" : "btn-sell"}`;
}

function clearTicketMessages() {
  for (const id of Object.values(TICKET_FIELDS)) $(id).classList.remove("invalid");
  $("ticket-error").hidden = true;
  $("ticket-status").hidden = true;
}

function showTicketError(field, reason) {
  const box = $("ticket-error");
  box.replaceChildren();
  if (field) {
    const f = document.createElement("span");
    f.className = "err-field";
    f.textContent = `${field}:`;
    box.append(f);
    $(TICKET_FIELDS[field] ?? "")?.classList.add("invalid");
  }
  box.append(document.createTextNode(reason));
  box.dataset.field = field ?? "";
  box.hidden = false;
}

function numberOrNull(input) {
  const raw = input.value.trim();
  if (raw === "") return input.validity?.badInput ? NaN : null;
  return Number(raw);
}

async function submitOrder(ev) {
  ev.preventDefault();
  clearTicketMessages();
  const type = $("ticket-type").value;
  const order = {
    symbol: $("ticket-symbol").value,
    side: state.side,
    quantity: numberOrNull($("ticket-quantity")),
    type,
    time_in_force: $("ticket-tif").value,
    client_order_id: newClientOrderId(),
  };
  if (type === "limit") order.limit_price = numberOrNull($("ticket-limit-price"));
  // JSON has no NaN: send what the user typed and let the server say what is wrong with it.
  for (const k of ["quantity", "limit_price"]) if (Number.isNaN(order[k])) order[k] = $(TICKET_FIELDS[k]).value;
  const submit = $("ticket-submit");
  submit.disabled = true;
  try {
    const o = await post("/api/orders", order);
    upsertOrder(o);
    if (o.status === "rejected") {
      showTicketError(null, `Order rejected: ${o.reason ?? "no reason given"}`);
    } else {
      const status = $("ticket-status");
      const what = `${o.side === "buy" ? "Bought" : "Sold"} ${fmt.qty(o.filled_quantity)} ${o.symbol}`;
      status.textContent = o.status === "filled"
        ? `${what} @ ${fmt.price(o.average_fill_price)}`
        : `${o.type} ${o.side} ${fmt.qty(o.quantity)} ${o.symbol}${o.limit_price != null ? ` @ ${fmt.price(o.limit_price)}` : ""}: ${o.status.replace("_", " ")}`;
      status.dataset.orderId = o.order_id;
      status.dataset.status = o.status;
      status.hidden = false;
      if (o.fill) addTrade(o.fill);
    }
    refresh("account", "portfolio", "trades");
  } catch (e) {
    if (e instanceof ApiError) {
      const retry = e.status === 429 && e.retryAfter ? ` (retry in ${e.retryAfter} s)` : "";
      showTicketError(e.field, `${e.reason}${retry}`);
    } else {
      showTicketError(null, String(e));
    }
  } finally {
    submit.disabled = false;
  }
}

// ---------------------------------------------------------------- charts

function loadChart(symbol) {
  state.chartSymbol = symbol;
  if (!priceChart) return;
  const range = Number($("chart-range").querySelector(".on")?.dataset.range ?? 240);
  const bucket = Number($("chart-bucket").querySelector(".on")?.dataset.bucket ?? 1);
  priceChart.load(symbol, range, bucket);
  loadSignals(symbol);
  syncSubscriptions();
}

/** The user's strategy signals of the charted symbol, as markers. */
async function loadSignals(symbol) {
  try {
    const res = await get(`/api/signals?symbol=${encodeURIComponent(symbol)}&limit=500`);
    priceChart?.setSignals(symbol, res?.signals ?? []);
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) console.warn("signals", e);
  }
}

function segmented(container, onChange) {
  container.addEventListener("click", (ev) => {
    const b = ev.target.closest("button");
    if (!b || !container.contains(b)) return;
    for (const x of container.querySelectorAll("button")) x.classList.toggle("on", x === b);
    onChange(b);
  });
}

function setupCharts() {
  riskPanel = new RiskPanel($("risk-panel")); // its figures show even without the chart library
  if (!globalThis.LightweightCharts) {
    $("chart-message").hidden = false;
    $("chart-message").textContent = "Chart library missing (wwwroot/vendor is filled by the server build).";
    return;
  }
  priceChart = new PriceChart($("price-chart"), $("chart-legend"), $("chart-message"));
  equityChart = new EquityChart($("equity-chart"));
  segmented($("chart-range"), () => loadChart(state.chartSymbol));
  segmented($("chart-bucket"), () => loadChart(state.chartSymbol));
  segmented($("equity-range"), (b) => equityChart.load(Number(b.dataset.range)));
  $("chart-symbol").addEventListener("change", (ev) => selectSymbol(ev.target.value));
}

// ---------------------------------------------------------------- data loading

function syncSubscriptions() {
  const wanted = new Set(state.watchlist);
  if (state.chartSymbol) wanted.add(state.chartSymbol);
  const t = $("ticket-symbol").value;
  if (t) wanted.add(t);
  for (const s of state.positions.keys()) wanted.add(s);
  live.setSymbols([...wanted]);
}

function applyQuote(q) {
  if (!q?.symbol) return;
  state.quotes.set(q.symbol, q);
  state.received.set(q.symbol, Date.now());
  invalidate("quotes", q.symbol);
}

async function loadQuotes(symbols) {
  if (!symbols.length) return;
  try {
    const res = await get(`/api/quotes?symbols=${symbols.map(encodeURIComponent).join(",")}`);
    for (const q of res?.quotes ?? []) {
      // A REST snapshot never replaces a newer pushed quote.
      const cur = state.quotes.get(q.symbol);
      if (cur && fmt.parseTime(cur.timestamp) > fmt.parseTime(q.timestamp)) continue;
      state.quotes.set(q.symbol, q);
      if (!state.received.has(q.symbol)) state.received.set(q.symbol, 0);
      invalidate("quotes", q.symbol);
    }
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) toast(`Quotes unavailable: ${e.message}`, "err");
  }
}

const loaders = {
  account: async () => applyAccount(await get("/api/account")),
  portfolio: async () => applyPortfolio(await get("/api/portfolio")),
  orders: async () => {
    const res = await get("/api/orders?status=open&limit=100");
    state.orders.clear();
    for (const o of res?.orders ?? []) upsertOrder(o);
    invalidate("orders");
  },
  trades: async () => {
    const res = await get("/api/trades?limit=100");
    for (const t of res?.trades ?? []) addTrade(t, false);
  },
  risk: async () => {
    try {
      riskPanel?.load(await get("/api/risk"));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) riskPanel?.unavailable(e.reason);
      else throw e;
    }
  },
  strategies: () => strategiesPanel.load(),
};

const pendingRefresh = new Set();
let refreshTimer = 0;
/** Reloads the named snapshots soon (coalescing bursts of requests). */
function refresh(...parts) {
  for (const p of parts) pendingRefresh.add(p);
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(async () => {
    const list = [...pendingRefresh];
    pendingRefresh.clear();
    await Promise.all(list.map((p) => loaders[p]().catch((e) => console.warn(`refresh ${p}`, e))));
  }, 120);
}

async function initialLoad() {
  $("user-id").textContent = session.user_id;
  const [symbols, watch] = await Promise.all([get("/api/symbols"), get("/api/watchlist").catch(() => ({ symbols: [] }))]);
  state.symbols = symbols?.symbols ?? [];
  state.watchlist = watch?.symbols?.length ? watch.symbols : state.symbols.slice();
  for (const id of ["ticket-symbol", "chart-symbol"]) $(id).replaceChildren(...state.symbols.map((s) => new Option(s, s)));
  strategiesPanel.setSymbols(state.symbols);
  const first = state.watchlist[0] ?? state.symbols[0];
  state.selected = first;
  $("ticket-symbol").value = first;
  $("chart-symbol").value = first;
  state.chartSymbol = first;
  renderWatchlistRows();
  syncSubscriptions();
  live.connect();
  await Promise.all([
    loadQuotes([...new Set([...state.watchlist, first])]),
    ...Object.values(loaders).map((l) => l().catch((e) => toast(e.message, "err"))),
  ]);
  loadChart(first);
  equityChart?.load();
  invalidate("ticket");
}

// ---------------------------------------------------------------- live feed

live.addEventListener("state", (ev) => {
  const el = $("conn-status");
  el.dataset.state = ev.detail;
  el.querySelector(".conn-text").textContent = { live: "Live", connecting: "Connecting", reconnecting: "Reconnecting", offline: "Offline" }[ev.detail] ?? ev.detail;
  for (const s of state.rows.keys()) renderLiveDot(s);
});
let opens = 0;
live.addEventListener("open", () => {
  // After a reconnect everything shown may be stale: reload the snapshots.
  if (opens++ === 0) return;
  loadQuotes([...live.symbols]);
  refresh("account", "portfolio", "orders", "trades", "risk", "strategies");
  if (state.chartSymbol) loadChart(state.chartSymbol);
});
live.addEventListener("unauthorized", () => redirectToLogin("expired"));
// A refused upgrade: if the token expired, any API call answers 401 and goes back to the login page.
live.addEventListener("failed", () => { get("/api/account").catch(() => {}); });
live.addEventListener("quote", (ev) => {
  applyQuote(ev.detail);
  analysisFeed.quote(ev.detail);
  priceChart?.onQuote(ev.detail);
  if (state.positions.has(ev.detail.symbol)) { invalidate("positions"); invalidate("account"); }
  if (ev.detail.symbol === $("ticket-symbol").value) invalidate("ticket");
});
live.addEventListener("bar", (ev) => priceChart?.onBar(ev.detail));
live.addEventListener("order", (ev) => upsertOrder(ev.detail));
live.addEventListener("fill", (ev) => {
  addTrade(ev.detail);
  refresh("account", "portfolio");
});
live.addEventListener("portfolio", (ev) => {
  applyPortfolio(ev.detail);
  if (ev.detail?.equity != null) equityChart?.push(null, ev.detail.equity);
});
live.addEventListener("account", (ev) => applyAccount(ev.detail));
live.addEventListener("risk", (ev) => riskPanel?.apply(ev.detail));
live.addEventListener("signal", (ev) => {
  priceChart?.addSignal(ev.detail);
  strategiesPanel.onSignal(ev.detail);
});
live.addEventListener("error", (ev) => { if (ev.detail?.reason) toast(`Live feed: ${ev.detail.field ? `${ev.detail.field}: ` : ""}${ev.detail.reason}`, "err"); });

// ---------------------------------------------------------------- frame flush

function flush() {
  frame = 0;
  for (const s of dirty.quotes) renderQuote(s);
  dirty.quotes.clear();
  if (dirty.positions) { dirty.positions = false; renderPositions(); analysisFeed.positions(valuedPositions()); }
  if (dirty.account) { dirty.account = false; renderAccount(); }
  if (dirty.orders) { dirty.orders = false; renderOrders(); }
  if (dirty.trades) { dirty.trades = false; renderTrades(); }
  if (dirty.ticket) { dirty.ticket = false; renderTicket(); }
}

// Once a second: clock, live dots, and a sample of the portfolio for the analysis view.
setInterval(() => {
  $("clock").textContent = new Date().toLocaleTimeString("en-GB", { hour12: false });
  for (const s of state.rows.keys()) renderLiveDot(s);
  const { equity, positions, cash } = renderAccount();
  if (state.account || state.positions.size) analysisFeed.sample(positions, cash);
  if (equity != null && state.positions.size) equityChart?.push(null, equity);
}, 1000);

// ---------------------------------------------------------------- views

let analysis = null;
async function showView(view) {
  const isAnalysis = view === "analysis";
  $("view-trade").hidden = isAnalysis;
  $("view-analysis").hidden = !isAnalysis;
  for (const t of document.querySelectorAll(".tab")) {
    const on = t.dataset.view === view;
    t.classList.toggle("active", on);
    t.setAttribute("aria-selected", String(on));
  }
  if (location.hash !== `#${view}`) history.replaceState(null, "", `#${view}`);
  if (isAnalysis && !analysis) {
    const mod = await import("./analysis.js");
    analysis = mod.startAnalysis(analysisFeed);
  }
}

// ---------------------------------------------------------------- wiring

function wire() {
  for (const t of document.querySelectorAll(".tab")) t.addEventListener("click", () => showView(t.dataset.view));
  for (const b of document.querySelectorAll(".subtab")) {
    b.addEventListener("click", () => {
      for (const x of document.querySelectorAll(".subtab")) {
        x.classList.toggle("on", x === b);
        $(x.dataset.pane).hidden = x !== b;
      }
    });
  }
  $("ticket").addEventListener("submit", submitOrder);
  $("ticket-side-buy").addEventListener("click", () => setSide("buy"));
  $("ticket-side-sell").addEventListener("click", () => setSide("sell"));
  for (const id of ["ticket-type", "ticket-quantity", "ticket-limit-price"]) $(id).addEventListener("input", () => invalidate("ticket"));
  $("ticket-type").addEventListener("change", () => {
    if ($("ticket-type").value === "limit" && !$("ticket-limit-price").value) {
      const q = state.quotes.get($("ticket-symbol").value);
      const px = state.side === "buy" ? q?.bid : q?.ask;
      if (px != null) $("ticket-limit-price").value = px.toFixed(2);
    }
    invalidate("ticket");
  });
  $("ticket-symbol").addEventListener("change", () => {
    const s = $("ticket-symbol").value;
    if (!state.quotes.has(s)) loadQuotes([s]);
    syncSubscriptions();
    invalidate("ticket");
  });
  $("watch-add").addEventListener("change", (ev) => {
    const s = ev.target.value;
    if (s) setWatchlist([...state.watchlist, s]);
  });
  $("logout").addEventListener("click", () => {
    live.close();
    clearSession();
    location.replace("login.html?reason=logout");
  });
  $("reset-account").addEventListener("click", async () => {
    if (!confirm("Reset the paper account? Positions, orders and history start over with the starting cash.")) return;
    try {
      await post("/api/account/reset");
      state.trades = [];
      state.tradeIds.clear();
      invalidate("trades");
      refresh("account", "portfolio", "orders", "trades", "risk");
      equityChart?.load();
      toast("Account reset", "ok");
    } catch (e) {
      toast(`Reset failed: ${e.message}`, "err");
    }
  });
}

if (session) {
  wire();
  setupCharts();
  showView(location.hash === "#analysis" ? "analysis" : "trade");
  initialLoad().catch((e) => {
    if (e instanceof ApiError && e.status === 401) return; // redirected
    toast(`Dashboard failed to load: ${e.message}`, "err");
  });
}
