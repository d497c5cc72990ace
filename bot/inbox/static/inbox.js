// Asks for the open hand-overs every few seconds and announces new ones without a reload.
// Everything is added with textContent, never as HTML.
(function () {
  "use strict";
  var banner = document.getElementById("new-handovers");
  var list = document.getElementById("new-handovers-list");
  var announcer = document.getElementById("inbox-announcer");
  if (!banner || !list || !announcer || !window.fetch) {
    return;
  }
  var seen = {};
  document.querySelectorAll("[data-reference]").forEach(function (row) {
    seen[row.getAttribute("data-reference")] = true;
  });
  var urgentLevels = { immediate: "govuk-tag--red", urgent: "govuk-tag--orange" };
  var title = document.title;
  var fresh = 0;

  function show(item) {
    var entry = document.createElement("li");
    var tag = document.createElement("strong");
    tag.className = "govuk-tag " + (urgentLevels[item.risk_level] || "govuk-tag--grey");
    tag.textContent = item.level_label;
    var link = document.createElement("a");
    link.className = "govuk-link govuk-notification-banner__link";
    link.href = item.url;
    link.textContent = "Hand-over " + item.reference;
    entry.appendChild(tag);
    entry.appendChild(document.createTextNode(" "));
    entry.appendChild(link);
    list.insertBefore(entry, list.firstChild);
  }

  function check() {
    fetch(banner.getAttribute("data-url"), { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("status " + response.status);
        }
        return response.json();
      })
      .then(function (body) {
        var said = [];
        body.items.forEach(function (item) {
          if (seen[item.reference]) {
            return;
          }
          seen[item.reference] = true;
          show(item);
          fresh += 1;
          said.push("New " + item.level_label.toLowerCase() + " hand-over " + item.reference + ".");
        });
        if (said.length) {
          banner.hidden = false;
          announcer.textContent = said.join(" ");
          document.title = "(" + fresh + " new) " + title;
        }
      })
      .catch(function () {
        // A missed poll is retried on the next tick; the page keeps what it has.
      });
  }

  window.setInterval(check, parseInt(banner.getAttribute("data-poll-ms"), 10) || 5000);
})();
