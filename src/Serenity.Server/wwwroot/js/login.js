// Login page: sign in (POST /api/login) or create an account (POST /api/register, then sign in).
import { ApiError, getSession, post, setSession } from "./api.js";

const form = document.getElementById("login-form");
const user = document.getElementById("login-user");
const password = document.getElementById("login-password");
const errorBox = document.getElementById("login-error");
const infoBox = document.getElementById("login-info");
const submit = document.getElementById("login-submit");
const modeButton = document.getElementById("login-mode");
const title = document.getElementById("login-title");
const switchText = document.getElementById("login-switch-text");
let registering = false;

if (getSession()) location.replace("./");

const reason = new URLSearchParams(location.search).get("reason");
if (reason === "expired") showInfo("Your session ended. Please sign in again.");
if (reason === "logout") showInfo("Signed out.");

function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = !message;
}
function showInfo(message) {
  infoBox.textContent = message;
  infoBox.hidden = !message;
}
function markInvalid(field) {
  user.classList.toggle("invalid", field === "user_id");
  password.classList.toggle("invalid", field === "password");
}

modeButton.addEventListener("click", () => {
  registering = !registering;
  title.textContent = registering ? "Create account" : "Sign in";
  submit.textContent = registering ? "Create account" : "Sign in";
  switchText.textContent = registering ? "Already have an account?" : "New to Serenity?";
  modeButton.textContent = registering ? "Sign in" : "Create an account";
  password.autocomplete = registering ? "new-password" : "current-password";
  showError("");
  markInvalid(null);
});

form.addEventListener("submit", async (ev) => {
  ev.preventDefault();
  showError("");
  showInfo("");
  markInvalid(null);
  const credentials = { user_id: user.value.trim(), password: password.value };
  submit.disabled = true;
  try {
    if (registering) await post("/api/register", credentials, { anonymous: true });
    const session = await post("/api/login", credentials, { anonymous: true });
    setSession({ token: session.token, user_id: session.user_id, expires_at: session.expires_at });
    location.replace("./");
  } catch (e) {
    if (e instanceof ApiError) {
      showError(e.field ? `${e.field}: ${e.reason}` : e.reason);
      markInvalid(e.field);
    } else {
      showError(String(e));
    }
    submit.disabled = false;
  }
});
