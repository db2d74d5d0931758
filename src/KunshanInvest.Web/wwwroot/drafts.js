// Drafts that survive a weak mobile network (ADR 0040): the text typed into a form marked data-draft="key" is kept in
// sessionStorage as it is typed; when the circuit comes back (or the page is reloaded after the server rejected it),
// the text is put back into the same fields and announced to Blazor with input/change events, so the server-side
// form holds it again. The page clears the draft once the form was saved.
(() => {
  const prefix = "ki-draft:";
  // Typed text only: a select's or a date picker's input is read-only (its text is a rendering of the value), and
  // writing that text back would not choose the value — it would clear it on the server.
  const typed = "input[data-testid]:not([type=password]):not([type=hidden]):not([type=file]):not([readonly]):not([disabled]), textarea[data-testid]:not([readonly])";
  const fields = scope => [...scope.querySelectorAll(typed)];
  const read = key => { try { return JSON.parse(sessionStorage.getItem(prefix + key) || "{}"); } catch { return {}; } };
  const write = (key, draft) => sessionStorage.setItem(prefix + key, JSON.stringify(draft));

  function save(event) {
    const field = event.target;
    const scope = field?.closest?.("[data-draft]");
    if (!scope || !field.matches(typed)) return;
    const key = scope.getAttribute("data-draft");
    const draft = read(key);
    draft[field.getAttribute("data-testid")] = field.value;
    write(key, draft);
  }

  document.addEventListener("input", save, true);
  document.addEventListener("change", save, true);

  function restore(key) {
    const scope = document.querySelector(`[data-draft="${CSS.escape(key)}"]`);
    if (!scope) return 0;
    const draft = read(key);
    let restored = 0;
    for (const field of fields(scope)) {
      const value = draft[field.getAttribute("data-testid")];
      if (typeof value !== "string" || value === "") continue;
      field.value = value;
      field.dispatchEvent(new Event("input", { bubbles: true }));
      field.dispatchEvent(new Event("change", { bubbles: true }));
      restored++;
    }
    return restored;
  }

  function restoreAll() {
    document.querySelectorAll("[data-draft]").forEach(scope => restore(scope.getAttribute("data-draft")));
  }

  document.addEventListener("click", event => {
    if (event.target?.closest?.("#ki-reconnect-retry")) window.Blazor?.reconnect?.();
    if (event.target?.closest?.("#ki-reconnect-reload")) location.reload();
  });

  window.kiDrafts = {
    restore,
    clear: key => sessionStorage.removeItem(prefix + key),
    restoreAll,
  };

  // The reconnect notice (App.razor): after the circuit is back, the server-side forms get the typed text again; when
  // the server no longer knows the circuit, the page reloads and each form restores its own draft once interactive.
  // Blazor dispatches the state on the notice element itself (the event does not bubble).
  document.getElementById("components-reconnect-modal")?.addEventListener("components-reconnect-state-changed", event => {
    const state = event.detail?.state;
    const modal = document.getElementById("components-reconnect-modal");
    if (modal) modal.setAttribute("data-state", state || "");
    if (state === "hide" || state === "resume") setTimeout(restoreAll, 0);
    if (state === "rejected" || state === "resume-failed") location.reload();
  });
})();
