// The dashboard's WebSocket (/ws?token=): subscribes to quotes and bars of the symbols on screen and
// to the user's own account, reconnects with backoff, and re-subscribes after a reconnect. Every
// (re)connect fires "open" so the page reloads its REST snapshots: nothing shown is older than the
// connection it came from.

export class LiveFeed extends EventTarget {
  constructor(tokenProvider) {
    super();
    this.tokenProvider = tokenProvider;
    this.symbols = new Set();
    this.ws = null;
    this.state = "connecting";
    this.attempt = 0;
    this.closed = false;
    this.timer = null;
    this.lastMessageAt = 0;
  }

  /** Opens the socket (again after a drop, with exponential backoff). */
  connect() {
    if (this.closed) return;
    const token = this.tokenProvider();
    if (!token) { this.setState("offline"); return; }
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const url = `${scheme}//${location.host}/ws?token=${encodeURIComponent(token)}`;
    this.setState(this.attempt === 0 ? "connecting" : "reconnecting");
    let ws;
    try { ws = new WebSocket(url); } catch { this.scheduleReconnect(); return; }
    this.ws = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      this.attempt = 0;
      this.setState("live");
      if (this.symbols.size) this.send({ action: "subscribe", symbols: [...this.symbols] });
      this.send({ action: "subscribe_account" });
      this.dispatchEvent(new Event("open"));
    };
    ws.onmessage = (ev) => {
      this.lastMessageAt = Date.now();
      let msg;
      try { msg = JSON.parse(ev.data); } catch { return; }
      if (!msg || typeof msg.type !== "string") return;
      this.dispatchEvent(new CustomEvent(msg.type, { detail: msg.data }));
    };
    ws.onclose = (ev) => {
      if (this.ws !== ws) return;
      this.ws = null;
      // 1008 (policy violation) / 4401: the token is no longer accepted.
      if (ev.code === 1008 || ev.code === 4401 || ev.code === 4403) {
        this.setState("offline");
        this.dispatchEvent(new Event("unauthorized"));
        return;
      }
      // Refused before the upgrade (a 401 for an expired token looks like any other failure here).
      if (!opened) this.dispatchEvent(new Event("failed"));
      this.scheduleReconnect();
    };
    ws.onerror = () => { /* onclose follows */ };
  }

  scheduleReconnect() {
    if (this.closed) return;
    this.setState("reconnecting");
    const delay = Math.min(15000, 500 * 2 ** this.attempt) * (0.8 + Math.random() * 0.4);
    this.attempt++;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), delay);
  }

  setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.dispatchEvent(new CustomEvent("state", { detail: state }));
  }

  send(obj) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) {
      this.ws.send(JSON.stringify(obj));
      return true;
    }
    return false;
  }

  /** Makes the subscribed set exactly `symbols` (sending only the difference). */
  setSymbols(symbols) {
    const next = new Set(symbols);
    const add = [...next].filter((s) => !this.symbols.has(s));
    const remove = [...this.symbols].filter((s) => !next.has(s));
    this.symbols = next;
    if (add.length) this.send({ action: "subscribe", symbols: add });
    if (remove.length) this.send({ action: "unsubscribe", symbols: remove });
  }

  close() {
    this.closed = true;
    clearTimeout(this.timer);
    if (this.ws) this.ws.close(1000, "bye");
    this.ws = null;
  }
}
