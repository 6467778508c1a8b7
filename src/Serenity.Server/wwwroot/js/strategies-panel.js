// The Strategies panel: enable the SMA crossover (SMA10 vs SMA20 of minute bars) on a symbol with a
// position size, list the user's strategies, disable one. Validation is the server's: its field and
// reason are shown under the form.
import { ApiError, del, get, put } from "./api.js";
import * as fmt from "./format.js";

const $ = (id) => document.getElementById(id);
const FIELD_INPUTS = { symbol: "strategy-symbol", strategy: "strategy-name", quantity: "strategy-quantity" };

export class StrategiesPanel extends EventTarget {
  constructor(root) {
    super();
    this.root = root;
    this.strategies = new Map(); // symbol -> strategy
    this.lastSignal = new Map(); // symbol -> newest signal
    $("strategy-form").addEventListener("submit", (ev) => { ev.preventDefault(); this.enable(); });
  }

  /** Fills the symbol picker. */
  setSymbols(symbols) {
    const select = $("strategy-symbol");
    const current = select.value;
    select.replaceChildren(...symbols.map((s) => new Option(s, s)));
    if (current && symbols.includes(current)) select.value = current;
  }

  async load() {
    try {
      const [list, signals] = await Promise.all([get("/api/strategies"), get("/api/signals?limit=200")]);
      this.strategies.clear();
      for (const s of list?.strategies ?? []) this.strategies.set(s.symbol, s);
      this.lastSignal.clear();
      for (const s of [...(signals?.signals ?? [])].reverse()) this.lastSignal.set(s.symbol, s);
      this.render();
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) this.unavailable();
      else throw e;
    }
  }

  unavailable() {
    this.root.dataset.state = "off";
    $("strategy-enable").disabled = true;
    $("strategies-empty").textContent = "Strategies are off on this server.";
  }

  /** A "signal" push: remember it and reload the list (the strategy's position changed). */
  onSignal(signal) {
    if (!signal?.symbol) return;
    this.lastSignal.set(signal.symbol, signal);
    this.load().catch(() => {});
  }

  clearErrors() {
    const box = $("strategy-error");
    box.hidden = true;
    box.replaceChildren();
    for (const id of Object.values(FIELD_INPUTS)) $(id).classList.remove("invalid");
  }

  showError(field, reason) {
    const box = $("strategy-error");
    const parts = [];
    if (field) {
      const b = document.createElement("span");
      b.className = "err-field";
      b.textContent = `${field}:`;
      parts.push(b);
    }
    parts.push(document.createTextNode(reason));
    box.replaceChildren(...parts);
    box.dataset.field = field ?? "";
    box.hidden = false;
    if (field && FIELD_INPUTS[field]) $(FIELD_INPUTS[field]).classList.add("invalid");
  }

  async enable() {
    this.clearErrors();
    const raw = $("strategy-quantity").value.trim();
    const body = {
      symbol: $("strategy-symbol").value,
      strategy: $("strategy-name").value,
      // No client-side rules: the server names the field at fault.
      quantity: raw === "" ? null : Number.isFinite(Number(raw)) ? Number(raw) : raw,
    };
    const button = $("strategy-enable");
    button.disabled = true;
    try {
      const s = await put("/api/strategies", body);
      this.strategies.set(s.symbol, s);
      this.render();
      this.dispatchEvent(new CustomEvent("changed", { detail: s }));
    } catch (e) {
      if (e instanceof ApiError) this.showError(e.field, e.reason);
      else this.showError(null, e.message);
    } finally {
      button.disabled = false;
    }
  }

  async disable(symbol, button) {
    this.clearErrors();
    button.disabled = true;
    try {
      const s = await del(`/api/strategies/${encodeURIComponent(symbol)}`);
      this.strategies.set(s.symbol, s);
      this.render();
    } catch (e) {
      if (e instanceof ApiError) this.showError(e.field, e.reason);
      button.disabled = false;
    }
  }

  render() {
    const list = [...this.strategies.values()].sort((a, b) => a.symbol.localeCompare(b.symbol));
    const body = $("strategies").querySelector("tbody");
    body.replaceChildren(...list.map((s) => this.row(s)));
    $("strategies-empty").hidden = list.length > 0;
    this.root.dataset.count = String(list.filter((s) => s.enabled).length);
  }

  row(s) {
    const tr = document.createElement("tr");
    tr.setAttribute("data-testid", `strategy-row-${s.symbol}`);
    tr.dataset.enabled = String(s.enabled);
    tr.dataset.strategy = s.strategy;
    tr.title = `${s.strategy}: ${fmt.qty(s.quantity)} shares per entry`;
    const signal = this.lastSignal.get(s.symbol);
    const held = s.in_position && s.held_quantity ? ` · ${fmt.qty(s.held_quantity)}` : "";
    const cells = {
      symbol: s.symbol,
      quantity: fmt.qty(s.quantity),
      state: s.enabled ? (s.in_position ? `in position${held}` : "watching") : (s.in_position ? `off${held}` : "off"),
      signal: signal ? `${signal.kind} ${fmt.time(signal.bar_timestamp)}` : fmt.DASH,
    };
    for (const [field, text] of Object.entries(cells)) {
      const td = document.createElement("td");
      td.dataset.field = field;
      td.textContent = text;
      if (field === "symbol") td.className = "l sym";
      else if (field === "state" || field === "signal") td.className = "l";
      if (field === "state") td.classList.add("status");
      tr.append(td);
    }
    const action = document.createElement("td");
    if (s.enabled) {
      const b = document.createElement("button");
      b.className = "btn btn-ghost btn-sm";
      b.textContent = "Stop";
      b.title = `Disable the strategy on ${s.symbol} (an open position stays)`;
      b.setAttribute("data-testid", `strategy-disable-${s.symbol}`);
      b.addEventListener("click", () => this.disable(s.symbol, b));
      action.append(b);
    }
    tr.append(action);
    return tr;
  }
}
