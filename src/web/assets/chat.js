// The web chat's only script, served by the binary; the page works without it. It sends
// the forms with fetch, appends the reply to the conversation instead of loading a new
// page, and moves focus to the newest message (announced by the aria-live log).
// It never stores anything in the browser.
(function () {
  "use strict";
  var log = document.getElementById("log");
  if (!log || !window.fetch || !window.DOMParser || !window.URLSearchParams) {
    return;
  }
  // The print button prints the newest checklist on the page, and shows only when
  // there is one.
  function checklists() {
    return document.querySelectorAll(".msg.checklist");
  }
  function printChecklist() {
    var all = checklists();
    if (!all.length) {
      return;
    }
    var newest = all[all.length - 1];
    var turn = newest.closest(".turn");
    newest.classList.add("print-this");
    if (turn) { turn.classList.add("print-this"); }
    document.body.classList.add("print-checklist");
    var done = function () {
      window.removeEventListener("afterprint", done);
      newest.classList.remove("print-this");
      if (turn) { turn.classList.remove("print-this"); }
      document.body.classList.remove("print-checklist");
    };
    window.addEventListener("afterprint", done);
    window.print();
  }
  function wirePrint() {
    var printButton = document.getElementById("print");
    if (printButton) {
      printButton.hidden = checklists().length === 0;
      printButton.addEventListener("click", printChecklist);
    }
  }
  wirePrint();

  var busy = false;

  function youSaid(text) {
    var label = document.body.getAttribute("data-you") || "";
    var div = document.createElement("div");
    div.className = "msg you";
    var hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = label + " ";
    div.appendChild(hidden);
    div.appendChild(document.createTextNode(text));
    return div;
  }

  function replace(id, doc) {
    var mine = document.getElementById(id);
    var theirs = doc.getElementById(id);
    if (mine && theirs) {
      mine.replaceWith(document.importNode(theirs, true));
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-chat")) {
      return;
    }
    event.preventDefault();
    if (busy) {
      return;
    }
    var data = new URLSearchParams(new FormData(form));
    var submitter = event.submitter;
    var said = null;
    if (submitter && submitter.name) {
      data.append(submitter.name, submitter.value);
      if (submitter.name === "b") {
        said = submitter.textContent.trim();
      }
    }
    var field = form.querySelector("input[name=text]");
    if (field) {
      said = field.value.trim();
      if (!said) {
        field.focus();
        return;
      }
    }
    busy = true;
    fetch(form.getAttribute("action"), {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" }
    }).then(function (response) {
      return response.text();
    }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      var newLog = doc.getElementById("log");
      var lang = doc.documentElement.getAttribute("lang");
      if (!newLog || lang !== document.documentElement.getAttribute("lang")) {
        // Another language, or a notice page (too many requests): show the whole page.
        document.documentElement.setAttribute("lang", lang || "");
        document.title = doc.title;
        document.body.replaceWith(document.importNode(doc.body, true));
        var first = document.querySelector(".msg");
        if (first) { first.focus(); }
        log = document.getElementById("log");
        wirePrint();
        return;
      }
      var turns = log.querySelectorAll(".turn");
      for (var i = 0; i < turns.length; i++) {
        turns[i].classList.add("old");
        var olds = turns[i].querySelectorAll(".choices button");
        for (var j = 0; j < olds.length; j++) { olds[j].disabled = true; }
      }
      var turn = newLog.querySelector(".turn");
      // A private input (a CPR number, a UserID idea) is not shown again on the page.
      if (said && !(turn && turn.hasAttribute("data-private"))) {
        var last = turns[turns.length - 1];
        (last || log).appendChild(youSaid(said));
      }
      if (turn) {
        turn = document.importNode(turn, true);
        log.appendChild(turn);
        var message = turn.querySelector(".msg");
        if (message) {
          message.focus();
        }
      }
      replace("tools", doc);
      wirePrint();
      var nonce = doc.querySelector("input[name=u]");
      if (nonce) {
        var mine = document.querySelectorAll("form.ask input[name=u]");
        for (var k = 0; k < mine.length; k++) { mine[k].value = nonce.value; }
      }
      if (field) {
        field.value = "";
      }
    }).catch(function () {
      // The network failed: send the form the plain way, the page will say what happened.
      if (submitter && submitter.name) {
        var keep = document.createElement("input");
        keep.type = "hidden";
        keep.name = submitter.name;
        keep.value = submitter.value;
        form.appendChild(keep);
      }
      form.submit();
    }).then(function () {
      busy = false;
    });
  });
})();
