// Charts drawn with TradingView's lightweight-charts (vendor/, fetched from npm by the build):
// the candlestick price chart (history from /api/bars, live from "bar" and "quote" pushes, the user's
// strategy signals as entry/exit markers) and the
// portfolio value chart (/api/portfolio/history, live from "portfolio" pushes).
import { get } from "./api.js";
import * as fmt from "./format.js";

const LWC = () => globalThis.LightweightCharts;

const COLORS = {
  text: "#7d8b99",
  grid: "rgba(42, 56, 70, 0.45)",
  border: "#1f2b37",
  up: "#26c281",
  down: "#f0515b",
  accent: "#3d8bfd",
};

/** Seconds since the epoch (UTC) of an ISO time. */
const epochSeconds = (iso) => Math.floor(fmt.parseTime(iso) / 1000);

/** lightweight-charts draws UTC; shift each time by the local offset so the axis reads local time. */
const chartTime = (utcSeconds) => utcSeconds - new Date(utcSeconds * 1000).getTimezoneOffset() * 60;

function baseOptions() {
  return {
    autoSize: true,
    layout: {
      background: { type: "solid", color: "transparent" },
      textColor: COLORS.text,
      fontFamily: getComputedStyle(document.body).getPropertyValue("--mono") || "monospace",
      fontSize: 11,
      attributionLogo: false,
    },
    grid: { vertLines: { color: COLORS.grid }, horzLines: { color: COLORS.grid } },
    rightPriceScale: { borderColor: COLORS.border },
    timeScale: { borderColor: COLORS.border, timeVisible: true, secondsVisible: false, rightOffset: 4 },
    crosshair: { mode: 0 },
    localization: { priceFormatter: (p) => fmt.price(p) },
  };
}

/** A candle aggregate of minute bars (and the forming minute built from live quotes). */
function aggregate(bars) {
  let c = null;
  for (const b of bars) {
    if (!c) c = { open: b.open, high: b.high, low: b.low, close: b.close, volume: b.volume ?? 0 };
    else {
      c.high = Math.max(c.high, b.high);
      c.low = Math.min(c.low, b.low);
      c.close = b.close;
      c.volume += b.volume ?? 0;
    }
  }
  return c;
}

/**
 * Candlestick chart of one symbol. History comes bucketed by the server; the newest bucket is
 * rebuilt from its minute bars so live minute bars (and a forming minute from quotes) extend it
 * exactly.
 */
export class PriceChart {
  constructor(container, legend, message) {
    this.container = container;
    this.legend = legend;
    this.message = message;
    this.symbol = null;
    this.rangeMinutes = 240;
    this.bucket = 1;
    this.generation = 0;
    this.candles = new Map(); // bucket start (UTC s) -> candle
    this.minuteBars = new Map(); // minute start (UTC s) -> bar, for buckets >= liveFrom
    this.liveFrom = Infinity; // first bucket rebuilt from minute bars
    this.forming = null; // {minute, open, high, low, close} from quotes, ahead of the minute bars
    this.ready = false;

    const lwc = LWC();
    this.chart = lwc.createChart(container, baseOptions());
    this.series = this.chart.addSeries(lwc.CandlestickSeries, {
      upColor: COLORS.up, downColor: COLORS.down, borderUpColor: COLORS.up, borderDownColor: COLORS.down,
      wickUpColor: COLORS.up, wickDownColor: COLORS.down, priceLineVisible: true,
    });
    this.volume = this.chart.addSeries(lwc.HistogramSeries, { priceScaleId: "", priceFormat: { type: "volume" }, lastValueVisible: false, priceLineVisible: false });
    this.volume.priceScale().applyOptions({ scaleMargins: { top: 0.82, bottom: 0 } });
    this.series.priceScale().applyOptions({ scaleMargins: { top: 0.08, bottom: 0.22 } });
    this.chart.subscribeCrosshairMove((p) => this.showLegend(p?.seriesData?.get(this.series)));
    this.signals = new Map(); // "kind|bar time" -> signal of this.symbol (the user's strategy entries and exits)
    this.markers = lwc.createSeriesMarkers ? lwc.createSeriesMarkers(this.series, []) : null;
  }

  /** Replaces the strategy signals shown (GET /api/signals?symbol=) as entry/exit markers. */
  setSignals(symbol, signals) {
    if (symbol !== this.symbol) return;
    this.signals.clear();
    for (const s of signals ?? []) this.signals.set(`${s.kind}|${s.bar_timestamp}`, s);
    this.renderMarkers();
  }

  /** A "signal" push. */
  addSignal(signal) {
    if (!signal || signal.symbol !== this.symbol) return;
    this.signals.set(`${signal.kind}|${signal.bar_timestamp}`, signal);
    this.renderMarkers();
  }

  renderMarkers() {
    const markers = [...this.signals.values()]
      .map((s) => {
        const entry = s.kind === "entry";
        const t = this.bucketOf(epochSeconds(s.bar_timestamp));
        return {
          time: chartTime(t),
          position: entry ? "belowBar" : "aboveBar",
          shape: entry ? "arrowUp" : "arrowDown",
          color: s.status === "rejected" ? COLORS.text : entry ? COLORS.up : COLORS.down,
          text: `${entry ? "BUY" : "SELL"} ${fmt.qty(s.quantity)}${s.status === "rejected" ? " (rejected)" : ""}`,
          id: `${s.kind}-${s.bar_timestamp}`,
        };
      })
      .sort((a, b) => a.time - b.time);
    this.container.dataset.markers = String(markers.length);
    this.markers?.setMarkers(markers);
  }

  bucketOf(utcSeconds) {
    const size = this.bucket * 60;
    return Math.floor(utcSeconds / size) * size;
  }

  /** Loads (or reloads) history for the given symbol, range and bucket size. */
  async load(symbol, rangeMinutes = this.rangeMinutes, bucket = this.bucket) {
    const generation = ++this.generation;
    if (symbol !== this.symbol) {
      this.minuteBars.clear();
      this.forming = null;
      this.signals.clear();
      this.renderMarkers();
    }
    this.symbol = symbol;
    this.rangeMinutes = rangeMinutes;
    this.bucket = bucket;
    this.ready = false;
    this.container.dataset.symbol = symbol;
    this.container.dataset.bucket = String(bucket);
    this.container.dataset.state = "loading";
    const now = Date.now();
    const from = new Date(now - rangeMinutes * 60000).toISOString();
    const liveFrom = this.bucketOf(Math.floor(now / 1000));
    let history;
    let minutes;
    try {
      [history, minutes] = await Promise.all([
        get(`/api/bars/${encodeURIComponent(symbol)}?from=${encodeURIComponent(from)}&bucket=${bucket}`),
        bucket === 1 ? Promise.resolve({ bars: [] }) :
          get(`/api/bars/${encodeURIComponent(symbol)}?from=${encodeURIComponent(new Date(liveFrom * 1000).toISOString())}&bucket=1`),
      ]);
    } catch (e) {
      if (generation !== this.generation) return;
      this.container.dataset.state = "error";
      this.showMessage(`Chart unavailable: ${e.message}`);
      return;
    }
    if (generation !== this.generation) return; // a newer load won

    // Live pushes that raced the load stay: keep this symbol's minute bars from liveFrom on.
    this.candles.clear();
    this.minuteBars = new Map([...this.minuteBars].filter(([t]) => t >= liveFrom));
    this.liveFrom = liveFrom;
    for (const b of history?.bars ?? []) {
      const t = epochSeconds(b.timestamp);
      if (bucket === 1) {
        if (t >= liveFrom) this.minuteBars.set(t, b);
        else this.candles.set(t, { time: t, open: b.open, high: b.high, low: b.low, close: b.close, volume: b.volume ?? 0 });
      } else if (t < liveFrom) {
        this.candles.set(t, { time: t, open: b.open, high: b.high, low: b.low, close: b.close, volume: b.volume ?? 0 });
      }
    }
    for (const b of minutes?.bars ?? []) this.minuteBars.set(epochSeconds(b.timestamp), b);
    this.rebuildLive();
    this.render();
    this.ready = true;
    this.renderMarkers(); // bucket size may have changed
    this.container.dataset.state = "ready";
    this.chart.timeScale().fitContent();
  }

  /** Rebuilds every bucket from liveFrom on out of the minute bars and the forming minute. */
  rebuildLive() {
    const byBucket = new Map();
    for (const [t, b] of [...this.minuteBars].sort((x, y) => x[0] - y[0])) {
      const k = this.bucketOf(t);
      if (!byBucket.has(k)) byBucket.set(k, []);
      byBucket.get(k).push(b);
    }
    const f = this.forming;
    if (f && !this.minuteBars.has(f.minute)) {
      const k = this.bucketOf(f.minute);
      if (!byBucket.has(k)) byBucket.set(k, []);
      byBucket.get(k).push({ open: f.open, high: f.high, low: f.low, close: f.close, volume: 0 });
    }
    const changed = [];
    for (const [k, bars] of byBucket) {
      const c = aggregate(bars);
      this.candles.set(k, { time: k, ...c });
      changed.push(k);
    }
    return changed;
  }

  /** A minute bar pushed over the WebSocket. */
  onBar(bar) {
    if (!bar || bar.symbol !== this.symbol) return;
    const t = epochSeconds(bar.timestamp);
    if (this.forming && this.forming.minute <= t) this.forming = null;
    if (t >= this.liveFrom || !this.ready) {
      this.minuteBars.set(t, bar); // while loading, load() keeps what its history does not cover
    } else {
      // A late update of a bucket that came from the server aggregated: merge what it can tell.
      const k = this.bucketOf(t);
      const c = this.candles.get(k);
      if (!c) return;
      c.high = Math.max(c.high, bar.high);
      c.low = Math.min(c.low, bar.low);
      if (t + 60 >= k + this.bucket * 60) c.close = bar.close;
    }
    if (this.ready) this.applyLive();
  }

  /** A quote pushed over the WebSocket: extends the forming minute with its last price. */
  onQuote(q) {
    if (!q || q.symbol !== this.symbol) return;
    const p = q.last ?? (q.bid != null && q.ask != null ? (q.bid + q.ask) / 2 : null);
    if (p == null || !q.timestamp) return;
    const minute = Math.floor(epochSeconds(q.timestamp) / 60) * 60;
    if (this.minuteBars.has(minute)) return; // that minute is final
    const f = this.forming;
    if (!f || f.minute !== minute || f.symbol !== q.symbol) {
      if (f && f.minute > minute) return; // out of order
      this.forming = { symbol: q.symbol, minute, open: p, high: p, low: p, close: p };
    } else {
      f.high = Math.max(f.high, p);
      f.low = Math.min(f.low, p);
      f.close = p;
    }
    if (this.ready) this.applyLive();
  }

  applyLive() {
    const changed = this.rebuildLive();
    const last = this.lastTime ?? -Infinity;
    if (changed.some((k) => k < last - this.bucket * 60)) { this.render(); return; }
    for (const k of changed.sort((a, b) => a - b)) {
      const c = this.candles.get(k);
      try {
        this.series.update(this.toCandle(c), k < last);
        this.volume.update(this.toVolume(c), k < last);
      } catch {
        this.render();
        return;
      }
      this.lastTime = Math.max(this.lastTime ?? -Infinity, k);
    }
    this.afterRender();
  }

  toCandle(c) { return { time: chartTime(c.time), open: c.open, high: c.high, low: c.low, close: c.close }; }
  toVolume(c) {
    return { time: chartTime(c.time), value: c.volume ?? 0, color: c.close >= c.open ? "rgba(38,194,129,.35)" : "rgba(240,81,91,.35)" };
  }

  render() {
    const list = [...this.candles.values()].sort((a, b) => a.time - b.time);
    this.series.setData(list.map((c) => this.toCandle(c)));
    this.volume.setData(list.map((c) => this.toVolume(c)));
    this.lastTime = list.length ? list[list.length - 1].time : undefined;
    this.afterRender();
  }

  afterRender() {
    const n = this.candles.size;
    this.container.dataset.candles = String(n);
    if (n === 0) this.showMessage(`No ${this.symbol} bars in this range yet — the chart fills in as trades arrive.`);
    else this.showMessage("");
    const lastKey = this.lastTime;
    this.showLegend(lastKey != null ? this.candles.get(lastKey) : null);
  }

  showLegend(c) {
    if (!c) c = this.lastTime != null ? this.candles.get(this.lastTime) : null;
    const label = `${this.symbol ?? ""} · ${this.bucket >= 60 ? `${this.bucket / 60}h` : `${this.bucket}m`}`;
    if (!c || c.open == null) { this.legend.innerHTML = `<b>${label}</b>`; return; }
    const chg = c.close - c.open;
    const cls = chg >= 0 ? "up" : "down";
    this.legend.innerHTML = `<b>${label}</b>O <span class="${cls}">${fmt.price(c.open)}</span> H <span class="${cls}">${fmt.price(c.high)}</span> L <span class="${cls}">${fmt.price(c.low)}</span> C <span class="${cls}">${fmt.price(c.close)}</span>`;
  }

  showMessage(text) {
    this.message.textContent = text;
    this.message.hidden = !text;
  }
}

/** Portfolio value (equity) over time. */
export class EquityChart {
  constructor(container) {
    this.container = container;
    this.rangeMinutes = 1440;
    this.points = new Map(); // UTC s -> equity
    this.generation = 0;
    this.ready = false;
    const lwc = LWC();
    this.chart = lwc.createChart(container, { ...baseOptions(), timeScale: { ...baseOptions().timeScale, secondsVisible: true } });
    this.series = this.chart.addSeries(lwc.AreaSeries, {
      lineColor: COLORS.accent, topColor: "rgba(61,139,253,.35)", bottomColor: "rgba(61,139,253,0)", lineWidth: 2,
      priceFormat: { type: "price", precision: 2, minMove: 0.01 },
    });
  }

  async load(rangeMinutes = this.rangeMinutes) {
    const generation = ++this.generation;
    this.rangeMinutes = rangeMinutes;
    const q = rangeMinutes > 0 ? `?from=${encodeURIComponent(new Date(Date.now() - rangeMinutes * 60000).toISOString())}` : "";
    let body;
    try { body = await get(`/api/portfolio/history${q}`); } catch { return; }
    if (generation !== this.generation) return;
    const pending = this.ready ? [] : [...this.points];
    this.points.clear();
    for (const p of body?.points ?? []) {
      if (p.equity == null) continue;
      this.points.set(epochSeconds(p.timestamp), p.equity);
    }
    for (const [t, v] of pending) this.points.set(t, v);
    this.ready = true;
    this.render();
    this.chart.timeScale().fitContent();
  }

  /** A live equity value (from a portfolio push), one point per second at most. */
  push(iso, equity) {
    if (equity == null || !Number.isFinite(equity)) return;
    const t = iso ? epochSeconds(iso) : Math.floor(Date.now() / 1000);
    const last = this.lastTime ?? -Infinity;
    if (t < last) return;
    this.points.set(t, equity);
    if (!this.ready) return;
    this.series.update({ time: chartTime(t), value: equity });
    this.lastTime = t;
    this.container.dataset.points = String(this.points.size);
  }

  render() {
    const list = [...this.points].sort((a, b) => a[0] - b[0]);
    this.series.setData(list.map(([t, v]) => ({ time: chartTime(t), value: v })));
    this.lastTime = list.length ? list[list.length - 1][0] : undefined;
    this.container.dataset.points = String(list.length);
  }
}
