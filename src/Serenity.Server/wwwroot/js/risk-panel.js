// The Risk panel: the user's newest risk snapshot (GET /api/risk, then "risk" pushes) — VaR and ES,
// historical and parametric, at 95% and 99%, as money and as a share of the portfolio value; maximum
// drawdown; gross/net exposure; concentration — and a small chart of VaR over time.
import * as fmt from "./format.js";

const LWC = () => globalThis.LightweightCharts;
const $ = (id) => document.getElementById(id);

/** A fraction as an unsigned percent ("1.23%"), or a dash. */
export function share(f, digits = 2) {
  return typeof f === "number" && Number.isFinite(f) ? `${fmt.price(f * 100, digits)}%` : fmt.DASH;
}

const FIGURES = [
  ["historical", "var", "VaR historical"],
  ["parametric", "var", "VaR parametric"],
  ["historical", "expected_shortfall", "ES historical"],
  ["parametric", "expected_shortfall", "ES parametric"],
];

/** Epoch seconds shifted so lightweight-charts (which draws UTC) reads local time. */
const chartTime = (iso) => {
  const s = Math.floor(fmt.parseTime(iso) / 1000);
  return s - new Date(s * 1000).getTimezoneOffset() * 60;
};

export class RiskPanel {
  constructor(root) {
    this.root = root;
    this.snapshot = null;
    this.history = new Map(); // as_of (ISO) -> point
    this.chart = null;
    this.buildTable();
    const lwc = LWC();
    const box = $("risk-chart");
    if (lwc && box) {
      this.chart = lwc.createChart(box, {
        autoSize: true,
        layout: { background: { type: "solid", color: "transparent" }, textColor: "#7d8b99", fontSize: 10, attributionLogo: false },
        grid: { vertLines: { visible: false }, horzLines: { color: "rgba(42, 56, 70, 0.45)" } },
        rightPriceScale: { borderColor: "#1f2b37" },
        timeScale: { borderColor: "#1f2b37", timeVisible: true, secondsVisible: false },
        localization: { priceFormatter: (p) => fmt.money(p) },
      });
      this.var95 = this.chart.addSeries(lwc.LineSeries, { color: "#f3b13c", lineWidth: 2, priceLineVisible: false, title: "VaR 95" });
      this.var99 = this.chart.addSeries(lwc.LineSeries, { color: "#f0515b", lineWidth: 1, priceLineVisible: false, title: "VaR 99" });
    }
  }

  buildTable() {
    const body = $("risk-figures").querySelector("tbody");
    body.replaceChildren(...FIGURES.map(([method, measure, label]) => {
      const tr = document.createElement("tr");
      const key = `${measure === "var" ? "var" : "es"}-${method}`;
      tr.setAttribute("data-testid", `risk-row-${key}`);
      const th = document.createElement("td");
      th.className = "l";
      th.textContent = label;
      tr.append(th);
      for (const c of ["95", "99"]) {
        for (const kind of ["money", "pct"]) {
          const td = document.createElement("td");
          td.dataset.method = method;
          td.dataset.measure = measure;
          td.dataset.confidence = c;
          td.dataset.kind = kind;
          td.setAttribute("data-testid", `risk-${key}-${c}${kind === "pct" ? "-pct" : ""}`);
          td.textContent = fmt.DASH;
          tr.append(td);
        }
      }
      return tr;
    }));
  }

  /** The answer of GET /api/risk. */
  load(body) {
    this.history.clear();
    for (const p of body?.history ?? []) this.history.set(p.as_of, p);
    this.apply(body?.snapshot ?? null);
    this.renderChart();
  }

  /** A snapshot (from the load or a "risk" push); older ones than the shown one are ignored. */
  apply(s) {
    if (!s) return;
    if (this.snapshot && fmt.parseTime(s.computed_at) < fmt.parseTime(this.snapshot.computed_at)) return;
    this.snapshot = s;
    const held = (s.positions ?? []).length > 0;
    this.root.dataset.state = held ? "ready" : "empty";
    $("risk-empty").hidden = held;
    for (const td of $("risk-figures").querySelectorAll("td[data-method]")) {
      const f = s[`${td.dataset.method}${td.dataset.confidence}`];
      const field = td.dataset.kind === "pct" ? `${td.dataset.measure}_fraction` : td.dataset.measure;
      td.textContent = !f ? fmt.DASH : td.dataset.kind === "pct" ? share(f[field]) : fmt.money(f[field]);
    }
    const e = s.exposure ?? {};
    const d = s.drawdown ?? {};
    fmt.setText($("risk-gross"), fmt.money(e.gross));
    fmt.setText($("risk-gross-pct"), share(e.gross_fraction));
    fmt.setText($("risk-net"), fmt.money(e.net));
    fmt.setText($("risk-net-pct"), share(e.net_fraction));
    fmt.setText($("risk-concentration"), e.largest_symbol ? `${e.largest_symbol} ${share(e.largest_share, 1)}` : fmt.DASH);
    fmt.setText($("risk-drawdown"), fmt.money(d.max_amount));
    fmt.setText($("risk-drawdown-pct"), share(d.max_fraction));
    fmt.setText($("risk-value"), fmt.money(s.portfolio_value));
    const uncovered = s.uncovered_symbols ?? [];
    $("risk-asof").textContent = s.scenario_count >= 2
      ? `${s.scenario_count}/${s.window_length} returns · ${fmt.time(s.as_of)}`
      : held ? `waiting for returns${uncovered.length ? ` (${uncovered.join(", ")})` : ""}` : "";
    if (s.as_of && s.scenario_count >= 2) {
      const point = { as_of: s.as_of, var95: s.historical95.var, var99: s.historical99.var };
      const known = this.history.has(s.as_of);
      this.history.set(s.as_of, point);
      if (!known) this.renderChart();
    }
  }

  renderChart() {
    const box = $("risk-chart");
    const points = [...this.history.values()].sort((a, b) => fmt.parseTime(a.as_of) - fmt.parseTime(b.as_of));
    box.dataset.points = String(points.length);
    if (!this.chart) return;
    const seen = new Set();
    const unique = points.filter((p) => { const t = chartTime(p.as_of); if (seen.has(t)) return false; seen.add(t); return true; });
    this.var95.setData(unique.map((p) => ({ time: chartTime(p.as_of), value: p.var95 })));
    this.var99.setData(unique.map((p) => ({ time: chartTime(p.as_of), value: p.var99 })));
    if (unique.length) this.chart.timeScale().fitContent();
  }

  /** The node runs without risk (404): the panel says so. */
  unavailable(reason) {
    this.root.dataset.state = "off";
    $("risk-empty").hidden = false;
    $("risk-empty").textContent = reason || "Risk is off on this server.";
  }
}
