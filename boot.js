// Start-up watchdog: if the wasm module fails to load or start, every <parallax-compare> that has
// not mounted says why, instead of showing "Loading…" forever. Plain script, no module, no eval.
(function () {
  var failed = false;
  function fail(reason) {
    if (failed) return;
    failed = true;
    document.querySelectorAll("parallax-compare").forEach(function (el) {
      if (el.shadowRoot) return;
      el.textContent = "";
      var p = document.createElement("p");
      p.className = "parallax-error";
      p.setAttribute("role", "alert");
      p.textContent = "Parallax could not start: " + reason;
      el.appendChild(p);
    });
  }
  addEventListener("error", function (e) {
    var src = e.target && (e.target.src || e.target.href);
    fail(src ? "could not load " + src : e.message || "a script failed");
  }, true);
  addEventListener("unhandledrejection", function (e) {
    var r = e.reason;
    fail((r && r.message) || String(r));
  });
  setTimeout(function () {
    if (!customElements.get("parallax-compare")) fail("the WebAssembly module did not start within 10 seconds.");
  }, 10000);
})();
