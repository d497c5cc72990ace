// "Exit this page", following the GOV.UK Design System component and the "Exit a page
// quickly" pattern: the button, the skip link, or the Shift key pressed three times (within
// 5 seconds, with no other key between) leave for a neutral site. Unlike GOV.UK Frontend's
// own script, this first removes the conversation from the screen and from sessionStorage,
// then uses location.replace so the Back button does not bring this page back.
//
// Loaded at the top of <body>, so Shift works before anything else has loaded.
(() => {
  "use strict";

  const STORE_KEY = "conversation-one.chat";
  const PRESSES_NEEDED = 3;
  const TIMEOUT_MS = 5000;

  // What GOV.UK Frontend's template sets: styles that need JavaScript switch on.
  document.body.classList.add("js-enabled", "govuk-frontend-supported");

  let presses = 0;
  let lastKeyWasModified = false;
  let timer = null;
  let exiting = false;

  const parts = () => {
    const root = document.querySelector("[data-exit-this-page]");
    return {
      root,
      button: root && root.querySelector(".govuk-exit-this-page__button"),
      status: root && root.querySelector("[data-exit-status]"),
      lights: root ? root.querySelectorAll(".govuk-exit-this-page__indicator-light") : [],
    };
  };

  const exitPage = (url) => {
    if (exiting) return;
    exiting = true;
    try {
      window.sessionStorage.removeItem(STORE_KEY);
    } catch {
      // Storage can be switched off; there is then nothing stored to remove.
    }
    document.querySelectorAll("[data-chat-clear-on-exit]").forEach((node) => {
      node.replaceChildren();
    });
    document.querySelectorAll("textarea, input").forEach((field) => {
      field.value = "";
    });
    document.body.classList.add("govuk-exit-this-page-hide-content");
    const overlay = document.createElement("div");
    overlay.className = "govuk-exit-this-page-overlay";
    overlay.setAttribute("role", "alert");
    overlay.textContent = "Loading.";
    document.body.appendChild(overlay);
    window.location.replace(url);
  };

  const exitUrl = () => {
    const { button } = parts();
    return button ? button.href : "https://www.bbc.co.uk/weather";
  };

  const showPresses = (message) => {
    const { root, status, lights } = parts();
    if (!root) return;
    const indicator = root.querySelector(".govuk-exit-this-page__indicator");
    if (indicator) {
      indicator.classList.toggle("govuk-exit-this-page__indicator--visible", presses > 0);
    }
    lights.forEach((light, index) => {
      light.classList.toggle("govuk-exit-this-page__indicator-light--on", index < presses);
    });
    if (status) status.textContent = message;
  };

  const reset = (message) => {
    presses = 0;
    window.clearTimeout(timer);
    timer = null;
    showPresses(message);
  };

  document.addEventListener(
    "keyup",
    (event) => {
      if (event.key === "Shift" && !lastKeyWasModified) {
        presses += 1;
        window.clearTimeout(timer);
        if (presses >= PRESSES_NEEDED) {
          reset("");
          exitPage(exitUrl());
        } else {
          const left = PRESSES_NEEDED - presses;
          showPresses(`Shift, press ${left} more ${left === 1 ? "time" : "times"} to exit.`);
          timer = window.setTimeout(() => reset("Exit this page expired."), TIMEOUT_MS);
        }
      } else if (presses > 0) {
        reset("Exit this page expired.");
      }
      lastKeyWasModified = event.shiftKey;
    },
    true,
  );

  document.addEventListener("DOMContentLoaded", () => {
    const { root, button } = parts();
    if (!root || !button) return;
    const indicator = document.createElement("div");
    indicator.className = "govuk-exit-this-page__indicator";
    indicator.setAttribute("aria-hidden", "true");
    for (let i = 0; i < PRESSES_NEEDED; i += 1) {
      const light = document.createElement("div");
      light.className = "govuk-exit-this-page__indicator-light";
      indicator.appendChild(light);
    }
    button.appendChild(indicator);
    const status = document.createElement("span");
    status.className = "govuk-visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("data-exit-status", "");
    root.appendChild(status);
    document.querySelectorAll(".govuk-js-exit-this-page-button, .govuk-js-exit-this-page-skiplink")
      .forEach((link) => {
        link.addEventListener("click", (event) => {
          event.preventDefault();
          exitPage(link.href);
        });
      });
  });

  // Coming back with the Back button can show this page from the back/forward cache.
  window.addEventListener("pageshow", () => {
    exiting = false;
    document.body.classList.remove("govuk-exit-this-page-hide-content");
    document.querySelectorAll(".govuk-exit-this-page-overlay").forEach((node) => node.remove());
  });
})();
