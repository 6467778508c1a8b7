// REST client for the Serenity API (/tmp/api-spec.md): bearer token, snake_case JSON, and the
// server's error shape {"error": {"field", "reason"}} surfaced as ApiError.

const SESSION_KEY = "serenity.session";

/** An error answer of the API: HTTP status plus the server's field and reason. */
export class ApiError extends Error {
  constructor(status, field, reason, retryAfter) {
    super(field ? `${field}: ${reason}` : reason);
    this.name = "ApiError";
    this.status = status;
    this.field = field ?? null;
    this.reason = reason;
    this.retryAfter = retryAfter ?? null;
  }
}

/** The stored login ({token, user_id, expires_at}) or null when absent or expired. */
export function getSession() {
  let raw = null;
  try { raw = localStorage.getItem(SESSION_KEY); } catch { return null; }
  if (!raw) return null;
  try {
    const s = JSON.parse(raw);
    if (!s || typeof s.token !== "string") return null;
    if (s.expires_at && Date.parse(s.expires_at) <= Date.now()) { clearSession(); return null; }
    return s;
  } catch {
    clearSession();
    return null;
  }
}

export function setSession(session) {
  localStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession() {
  try { localStorage.removeItem(SESSION_KEY); } catch { /* storage disabled */ }
}

/** Sends the user to the login page, remembering nothing but the reason. */
export function redirectToLogin(reason) {
  clearSession();
  const q = reason ? `?reason=${encodeURIComponent(reason)}` : "";
  location.replace(`login.html${q}`);
}

async function parseError(res) {
  let field = null;
  let reason = `${res.status} ${res.statusText || "error"}`;
  try {
    const body = await res.json();
    if (body && body.error) {
      field = body.error.field ?? null;
      reason = body.error.reason ?? reason;
    }
  } catch { /* not JSON */ }
  if (res.status === 429 && !field) reason = "too many requests, slow down";
  return new ApiError(res.status, field, reason, res.headers.get("Retry-After"));
}

/**
 * Calls the API. Returns the parsed JSON body (null for an empty body); throws ApiError for an
 * error status. A 401 on an authenticated call ends the session (back to the login page) unless
 * options.noRedirect is set.
 */
export async function api(method, path, body, options = {}) {
  const headers = { Accept: "application/json" };
  const session = options.anonymous ? null : getSession();
  if (session) headers.Authorization = `Bearer ${session.token}`;
  const init = { method, headers, cache: "no-store" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, null, `server unreachable (${e.message})`);
  }
  if (!res.ok) {
    const err = await parseError(res);
    if (res.status === 401 && session && !options.noRedirect) redirectToLogin("expired");
    throw err;
  }
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

export const get = (path, options) => api("GET", path, undefined, options);
export const post = (path, body, options) => api("POST", path, body, options);
export const put = (path, body, options) => api("PUT", path, body, options);
export const del = (path, options) => api("DELETE", path, undefined, options);

/** A client order id for idempotent submits (a resubmit returns the existing order). */
export function newClientOrderId() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}
