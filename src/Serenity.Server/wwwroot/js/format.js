// Number and time formatting for the dashboard: fixed decimals, thousands separators,
// signed changes, and a class name for green/red colouring.

const cache = new Map();
function nf(min, max) {
  const key = `${min}:${max}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { minimumFractionDigits: min, maximumFractionDigits: max });
    cache.set(key, f);
  }
  return f;
}

export const DASH = "\u2014";

/** Milliseconds since the epoch of an API time (ISO-8601 UTC; a time without a zone is read as UTC). */
export function parseTime(iso) {
  if (iso == null || iso === "") return NaN;
  if (typeof iso === "number") return iso;
  const s = String(iso);
  return Date.parse(/(Z|[+-]\d\d:?\d\d)$/i.test(s) || !s.includes("T") ? s : `${s}Z`);
}
const isNum = (v) => typeof v === "number" && Number.isFinite(v);

/** 1234.5 -> "1,234.50". */
export function price(v, digits = 2) { return isNum(v) ? nf(digits, digits).format(v) : DASH; }

/** Money with a dollar sign: "$1,234.50" / "-$12.00". */
export function money(v) {
  if (!isNum(v)) return DASH;
  const s = nf(2, 2).format(Math.abs(v));
  return v < 0 ? `-$${s}` : `$${s}`;
}

/** Signed money: "+$12.00" / "-$3.10" / "$0.00". */
export function signedMoney(v) {
  if (!isNum(v)) return DASH;
  const s = nf(2, 2).format(Math.abs(v));
  if (v > 0) return `+$${s}`;
  if (v < 0) return `-$${s}`;
  return `$${s}`;
}

/** Signed number: "+1.23" / "-0.50". */
export function signed(v, digits = 2) {
  if (!isNum(v)) return DASH;
  const s = nf(digits, digits).format(Math.abs(v));
  return v > 0 ? `+${s}` : v < 0 ? `-${s}` : s;
}

/** Signed percent: "+1.23%". */
export function percent(v, digits = 2) { return isNum(v) ? `${signed(v, digits)}%` : DASH; }

/** Quantity: integer or up to 4 decimals. */
export function qty(v) { return isNum(v) ? nf(0, 4).format(v) : DASH; }

/** "up" / "down" / "flat" for colouring a signed value. */
export function tone(v) {
  if (!isNum(v) || v === 0) return "flat";
  return v > 0 ? "up" : "down";
}

/** Local wall-clock time of an ISO timestamp: "14:03:27". */
export function time(iso) {
  if (!iso) return DASH;
  const d = new Date(parseTime(iso));
  if (Number.isNaN(d.getTime())) return DASH;
  return d.toLocaleTimeString("en-GB", { hour12: false });
}

/** Local date and time: "2024-05-01 14:03:27". */
export function dateTime(iso) {
  if (!iso) return DASH;
  const d = new Date(parseTime(iso));
  if (Number.isNaN(d.getTime())) return DASH;
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Sets an element's text and up/down/flat class in one go (only touching the DOM on change). */
export function setText(el, text, toneClass) {
  if (el.textContent !== text) el.textContent = text;
  if (toneClass !== undefined) {
    for (const c of ["up", "down", "flat"]) el.classList.toggle(c, c === toneClass);
  }
}
