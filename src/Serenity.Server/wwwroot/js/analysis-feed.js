// Rows for the analysis view's streaming tables (holdings, holdings over time, quotes, trades),
// collected from the moment the dashboard opens so the Perspective view (loaded on demand) starts
// with the session's history, then streamed to it in batches.
import { parseTime } from "./format.js";

const QUOTE_ROWS = 50000;
const HISTORY_ROWS = 200000;

export const SCHEMAS = {
  holdings: {
    symbol: "string", quantity: "float", average_cost: "float", market_price: "float",
    market_value: "float", unrealized_pnl: "float", updated: "datetime",
  },
  holdings_history: { timestamp: "datetime", symbol: "string", quantity: "float", price: "float", value: "float" },
  quotes: {
    timestamp: "datetime", symbol: "string", bid: "float", ask: "float", last: "float", bid_size: "float",
    ask_size: "float", change: "float", change_percent: "float", sma10: "float", sma20: "float",
  },
  trades: {
    fill_id: "string", order_id: "string", symbol: "string", side: "string", quantity: "float",
    price: "float", timestamp: "datetime",
  },
};

export const TABLE_OPTIONS = {
  holdings: { index: "symbol" },
  holdings_history: { limit: HISTORY_ROWS },
  quotes: { limit: QUOTE_ROWS },
  trades: { index: "fill_id" },
};

const ms = (iso) => (iso ? parseTime(iso) : Date.now());

export class AnalysisFeed {
  constructor() {
    this.holdings = new Map(); // symbol -> row
    this.history = [];
    this.quotes = [];
    this.trades = new Map(); // fill_id -> row
    this.sink = null; // {update(table, rows), remove(table, keys)} once Perspective is up
  }

  /** Every row collected so far, per table (for the first load of the tables). */
  snapshot() {
    return {
      holdings: [...this.holdings.values()],
      holdings_history: this.history.slice(),
      quotes: this.quotes.slice(),
      trades: [...this.trades.values()],
    };
  }

  attach(sink) { this.sink = sink; }

  quote(q) {
    const row = {
      timestamp: ms(q.timestamp), symbol: q.symbol, bid: q.bid, ask: q.ask, last: q.last,
      bid_size: q.bid_size, ask_size: q.ask_size, change: q.change, change_percent: q.change_percent,
      sma10: q.sma10, sma20: q.sma20,
    };
    if (this.sink) { this.sink.update("quotes", [row]); return; }
    this.quotes.push(row);
    if (this.quotes.length > QUOTE_ROWS) this.quotes.splice(0, this.quotes.length - QUOTE_ROWS);
  }

  /** The current positions (already repriced); symbols no longer held leave the table. */
  positions(list) {
    const now = Date.now();
    const seen = new Set();
    const rows = [];
    for (const p of list) {
      seen.add(p.symbol);
      const row = {
        symbol: p.symbol, quantity: p.quantity, average_cost: p.average_cost, market_price: p.market_price,
        market_value: p.market_value, unrealized_pnl: p.unrealized_pnl, updated: now,
      };
      this.holdings.set(p.symbol, row);
      rows.push(row);
    }
    const gone = [...this.holdings.keys()].filter((s) => !seen.has(s));
    for (const s of gone) this.holdings.delete(s);
    if (this.sink) {
      if (rows.length) this.sink.update("holdings", rows);
      if (gone.length) this.sink.remove("holdings", gone);
    }
  }

  /** One sample of the portfolio's value per symbol (cash as its own line), all at the same time. */
  sample(positions, cash) {
    const t = Date.now();
    const rows = positions.map((p) => ({
      timestamp: t, symbol: p.symbol, quantity: p.quantity, price: p.market_price, value: p.market_value,
    }));
    if (cash != null) rows.push({ timestamp: t, symbol: "CASH", quantity: cash, price: 1, value: cash });
    if (!rows.length) return;
    if (this.sink) { this.sink.update("holdings_history", rows); return; }
    this.history.push(...rows);
    if (this.history.length > HISTORY_ROWS) this.history.splice(0, this.history.length - HISTORY_ROWS);
  }

  trade(t) {
    if (!t || !t.fill_id) return;
    const row = {
      fill_id: t.fill_id, order_id: t.order_id, symbol: t.symbol, side: t.side, quantity: t.quantity,
      price: t.price, timestamp: ms(t.timestamp),
    };
    this.trades.set(t.fill_id, row);
    if (this.sink) this.sink.update("trades", [row]);
  }
}
