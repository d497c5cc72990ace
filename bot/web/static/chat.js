// The chat widget. Everything the person or the assistant wrote is put on the page with
// textContent or text nodes, never innerHTML, so markup in a message always shows as text.
(() => {
  "use strict";

  const root = document.querySelector("[data-chat]");
  if (!root) return;

  // Same key as exit.js, which removes it before leaving the page.
  const STORE_KEY = "conversation-one.chat";
  // A conversation left alone this long is not brought back on reload.
  const EXPIRY_MS = 30 * 60 * 1000;
  // A little longer than the web app waits for Rasa, so its own kind message arrives first.
  const REQUEST_TIMEOUT_MS = 20000;

  const log = root.querySelector("#chat-log");
  const form = root.querySelector("#chat-form");
  const input = root.querySelector("#chat-message");
  const sendButton = root.querySelector("#chat-send");
  const typing = root.querySelector("#chat-typing");
  const errorBox = root.querySelector("#chat-error");
  const tools = root.querySelector("#chat-tools");
  const unavailable = root.dataset.unavailable;

  // --- Stored conversation (this tab only) ---------------------------------------------

  const newConversationId = () => {
    const bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  };

  const freshState = () => ({ id: newConversationId(), updatedAt: Date.now(), entries: [] });

  const loadState = () => {
    try {
      const stored = JSON.parse(window.sessionStorage.getItem(STORE_KEY));
      if (stored && Array.isArray(stored.entries) && Date.now() - stored.updatedAt < EXPIRY_MS) {
        return stored;
      }
      window.sessionStorage.removeItem(STORE_KEY);
    } catch {
      // Unreadable or storage switched off: start a new conversation.
    }
    return freshState();
  };

  const saveState = () => {
    state.updatedAt = Date.now();
    try {
      window.sessionStorage.setItem(STORE_KEY, JSON.stringify(state));
    } catch {
      // Storage full or switched off: the conversation still works, it just won't survive a reload.
    }
  };

  let state = loadState();
  let busy = false;

  // --- Links in text ---------------------------------------------------------------------

  // Web addresses, email addresses and UK phone numbers (10 or 11 digits, or 999, 111 and
  // 116 123), in that order of precedence.
  const LINKS =
    /(https?:\/\/[^\s<>"']+|www\.[^\s<>"']+)|([\w.+-]+@[\w-]+(?:\.[\w-]+)+)|((?:\+44\s?|\b0)\d(?:[\s-]?\d){8,9}\b|\b(?:999|111|116\s?123)\b)/g;
  const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

  const link = (href, text) => {
    const a = document.createElement("a");
    a.className = "govuk-link";
    a.href = href;
    a.rel = "noreferrer";
    a.textContent = text;
    return a;
  };

  const webHref = (address) => {
    try {
      const url = new URL(address.startsWith("www.") ? `https://${address}` : address);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch {
      return null;
    }
  };

  const telHref = (number) => `tel:${number.replace(/[^\d+]/g, "")}`;

  const withLinks = (text) => {
    const fragment = document.createDocumentFragment();
    let last = 0;
    for (const match of text.matchAll(LINKS)) {
      let [found] = match;
      let trailing = "";
      if (match[1]) {
        trailing = (found.match(TRAILING_PUNCTUATION) || [""])[0];
        found = found.slice(0, found.length - trailing.length);
      }
      const href = match[1] ? webHref(found) : match[2] ? `mailto:${found}` : telHref(found);
      fragment.append(text.slice(last, match.index));
      fragment.append(href ? link(href, found) : found, trailing);
      last = match.index + match[0].length;
    }
    fragment.append(text.slice(last));
    return fragment;
  };

  // --- Drawing the conversation ------------------------------------------------------------

  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const SERVICE_ROWS = [
    ["why", "Why it might suit you"],
    ["phone", "Phone"],
    ["email", "Email"],
    ["url", "Website"],
    ["address", "Address"],
    ["opening_times", "Opening times"],
  ];

  const asText = (value) => (Array.isArray(value) ? value.join("; ") : String(value));

  const serviceValue = (key, value) => {
    const text = asText(value);
    if (key === "phone") return link(telHref(text), text);
    if (key === "email") return link(`mailto:${text}`, text);
    if (key === "url") {
      const href = webHref(text);
      return href ? link(href, text) : document.createTextNode(text);
    }
    return document.createTextNode(text);
  };

  const serviceCard = (service) => {
    const card = element("div", "govuk-summary-card chat__card");
    const titleWrapper = element("div", "govuk-summary-card__title-wrapper");
    titleWrapper.append(element("p", "govuk-summary-card__title", asText(service.name || "")));
    const list = element("dl", "govuk-summary-list");
    for (const [key, label] of SERVICE_ROWS) {
      if (!service[key] || (Array.isArray(service[key]) && !service[key].length)) continue;
      const row = element("div", "govuk-summary-list__row");
      const value = element("dd", "govuk-summary-list__value");
      value.append(serviceValue(key, service[key]));
      row.append(element("dt", "govuk-summary-list__key", label), value);
      list.append(row);
    }
    const content = element("div", "govuk-summary-card__content");
    content.append(list);
    card.append(titleWrapper, content);
    return card;
  };

  const quickReplies = (buttons) => {
    const group = element("div", "chat__quick-replies");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Suggested replies");
    for (const { title, payload } of buttons) {
      const button = element("button", "govuk-button govuk-button--secondary", title);
      button.type = "button";
      button.addEventListener("click", () => send(payload, title, false));
      group.append(button);
    }
    return group;
  };

  const drawEntry = (entry, withButtons) => {
    const mine = entry.from === "person";
    const message = element("div", `chat__message chat__message--${mine ? "person" : "assistant"}`);
    message.append(element("p", "chat__who", mine ? "You:" : "Helper:"));
    if (entry.text) {
      const text = element("p", "chat__text");
      // Arabic or Hebrew reads right to left, and stray direction marks stay inside.
      text.dir = "auto";
      text.append(withLinks(entry.text));
      message.append(text);
    }
    if (entry.custom && entry.custom.type === "service") message.append(serviceCard(entry.custom));
    log.append(message);
    if (withButtons && entry.buttons && entry.buttons.length) log.append(quickReplies(entry.buttons));
  };

  const drawAll = () => {
    log.replaceChildren();
    const lastPerson = state.entries.map((e) => e.from).lastIndexOf("person");
    state.entries.forEach((entry, index) => drawEntry(entry, index > lastPerson));
    const started = state.entries.length > 0;
    log.hidden = !started;
    tools.hidden = !started;
  };

  const removeQuickReplies = () => {
    log.querySelectorAll(".chat__quick-replies").forEach((group) => group.remove());
  };

  const scrollToEnd = () => {
    log.scrollTop = log.scrollHeight;
  };

  // --- Errors and the typing indicator -----------------------------------------------------

  const showError = (message) => {
    errorBox.textContent = message;
    errorBox.classList.toggle("chat__error--visible", Boolean(message));
    input.classList.toggle("govuk-textarea--error", Boolean(message));
    if (message) {
      input.setAttribute("aria-describedby", "chat-message-hint chat-error");
    } else {
      input.setAttribute("aria-describedby", "chat-message-hint");
    }
  };

  const setBusy = (value) => {
    busy = value;
    sendButton.disabled = value;
    sendButton.setAttribute("aria-disabled", String(value));
    typing.replaceChildren();
    if (value) {
      typing.append("The helper is writing a reply");
      const dots = element("span", "chat__dots");
      dots.setAttribute("aria-hidden", "true");
      dots.append(element("span"), element("span"), element("span"));
      typing.append(dots);
    }
  };

  // --- Sending -----------------------------------------------------------------------------

  const post = async (message) => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    try {
      const response = await fetch("/api/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ conversation_id: state.id, message }),
        signal: controller.signal,
      });
      const body = await response.json().catch(() => ({}));
      if (response.ok && Array.isArray(body.messages)) return { messages: body.messages };
      return { error: body.error || unavailable };
    } catch {
      return { error: unavailable };
    } finally {
      window.clearTimeout(timer);
    }
  };

  // `message` goes to the assistant; `shown` is what the person sees they said (a button's
  // title rather than its payload). Typed text goes back in the box if sending fails.
  const send = async (message, shown, typed) => {
    if (busy) return;
    showError("");
    setBusy(true);
    removeQuickReplies();
    // A used quick reply disappears; without this, keyboard focus would be lost with it.
    if (!typed) input.focus();
    const entry = { from: "person", text: shown };
    state.entries.push(entry);
    drawEntry(entry, false);
    log.hidden = false;
    if (typed) input.value = "";
    scrollToEnd();
    const result = await post(message);
    setBusy(false);
    if (result.error) {
      state.entries.pop();
      drawAll();
      if (typed && !input.value) input.value = message;
      showError(result.error);
      input.focus();
      return;
    }
    for (const reply of result.messages) {
      const saved = { from: "assistant", text: reply.text, buttons: reply.buttons, custom: reply.custom };
      state.entries.push(saved);
      drawEntry(saved, true);
    }
    saveState();
    tools.hidden = false;
    scrollToEnd();
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!input.value.trim()) {
      showError("Please type a message before sending.");
      input.focus();
      return;
    }
    send(input.value, input.value.trim(), true);
  });

  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  // --- Clearing, and a copy for the person ---------------------------------------------------

  root.querySelector("#chat-clear").addEventListener("click", () => {
    window.sessionStorage.removeItem(STORE_KEY);
    state = freshState();
    drawAll();
    showError("");
    typing.textContent = "Your conversation has been cleared from this browser.";
    input.focus();
  });

  const REFERENCE = /\breference(?: number)?(?: is)?:?\s+([A-Z0-9][A-Z0-9-]*\d[A-Z0-9-]*)/gi;

  const transcript = () => {
    const lines = [
      `Your conversation with the automated helper from ${root.dataset.council}`,
      `Saved ${new Date().toLocaleString("en-GB")}`,
      "",
    ];
    const references = new Set();
    for (const entry of state.entries) {
      const who = entry.from === "person" ? "You" : "Helper";
      if (entry.text) lines.push(`${who}: ${entry.text}`);
      if (entry.from === "assistant" && entry.text) {
        for (const match of entry.text.matchAll(REFERENCE)) references.add(match[1]);
      }
      const service = entry.custom;
      if (service && service.type === "service") {
        lines.push(`${who} offered: ${asText(service.name || "")}`);
        for (const [key, label] of SERVICE_ROWS) {
          if (service[key]) lines.push(`    ${label}: ${asText(service[key])}`);
        }
      }
      lines.push("");
    }
    if (references.size) lines.push(`Reference numbers: ${[...references].join(", ")}`, "");
    lines.push("In an emergency, call 999.");
    return lines.join("\r\n");
  };

  root.querySelector("#chat-download").addEventListener("click", () => {
    const file = new Blob([transcript()], { type: "text/plain;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(file);
    a.download = `conversation-${new Date().toISOString().slice(0, 10)}.txt`;
    document.body.append(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });

  root.querySelector("#chat-print").addEventListener("click", () => window.print());

  drawAll();
})();
