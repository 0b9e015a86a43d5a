// The studio build's browser calls ("bring your own", src/view/byo.rs): the few that are
// asynchronous or page-wide (files, clipboard, downloads, storage) and HTML import through the
// browser's DOMParser. Smaller here than as web-sys bindings, and none of them puts text into
// the page as markup. Only the studio build links this file (feature `byo`), so readers do not
// download it.

/** Reads the files of a drop or a file input; calls `done([[name, Uint8Array], …])`, or
 * `done(message)` when a file could not be read. */
export function read_files(event, done) {
  const list = (event.dataTransfer || event.target).files;
  const files = Array.from(list || []);
  Promise.all(files.map(async (f) => [f.name, new Uint8Array(await f.arrayBuffer())])).then(
    done,
    (e) => done(String(e && e.message ? e.message : e)),
  );
}

/** Copies `text`; calls `done(null)` or `done(message)`. */
export function copy_text(text, done) {
  const clip = navigator.clipboard;
  if (!clip) return done("the clipboard is not available on this page");
  clip.writeText(text).then(
    () => done(null),
    (e) => done(String(e && e.message ? e.message : e)),
  );
}

/** Saves `text` as a file named `name`. */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** localStorage[key], or throws when storage is disabled. */
export function store_get(key) {
  return localStorage.getItem(key);
}

/** Writes (or with `null`, removes) localStorage[key]; returns null or why it failed. */
export function store_set(key, value) {
  try {
    if (value === null || value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
    return null;
  } catch (e) {
    return e && e.name === "QuotaExceededError"
      ? "the browser's storage for this page is full"
      : String(e && e.message ? e.message : e);
  }
}

/** Calls `f` after the browser has painted. */
export function after_paint(f) {
  requestAnimationFrame(() => setTimeout(f, 0));
}

// HTML import (issue 6) through the browser's own parser: a document made by DOMParser runs
// no script and loads no image, frame or style, and it parses exactly as the browser would.
// The rules follow src/import.rs (the native reader): these elements are not prose and go
// with their content; a block element starts and ends a line; a table cell adds a space.
const UNSEEN =
  "head,script,style,xmp,iframe,noembed,noframes,noscript,textarea,template,svg,math,object,canvas,video,audio,select,datalist,button,map";
const BLOCKS = new Set(
  ("address article aside blockquote body br caption center dd details dialog div dl dt fieldset " +
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav " +
    "ol p pre section summary table tbody tfoot thead tr ul").split(" "),
);

/** The text of an HTML page: `[title, author, ...lines]` (title and author may be null). */
export function html_text(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  // A title is plain: markup written inside it (as text, `&lt;b&gt;`) is noise in a title.
  // Removed until none is left: taking `<b>` out of `<<b>i>` leaves `<i>`.
  const plain = (s) => {
    let t = s || "";
    for (let u; (u = t.replace(/<[a-z/!?][^>]*>?/gi, "")) !== t; ) t = u;
    return t.replace(/\s+/g, " ").trim() || null;
  };
  const author = Array.from(doc.querySelectorAll("meta[name][content]")).find((m) =>
    /^(author|dc\.creator)$/i.test(m.getAttribute("name")),
  );
  const found = [plain(doc.title), author ? plain(author.getAttribute("content")) : null];
  for (const el of doc.querySelectorAll(UNSEEN)) el.remove();
  if (!found[0]) {
    const h1 = Array.from(doc.querySelectorAll("h1")).find((h) => h.textContent.trim());
    if (h1) found[0] = plain(h1.textContent);
  }
  let line = "";
  const end = () => {
    line = line.replace(/\s+/g, " ").trim();
    if (line) found.push(line);
    line = "";
  };
  const walk = (node, pre) => {
    for (const n of node.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) {
        const parts = pre ? n.data.split("\n") : [n.data];
        parts.forEach((part, i) => {
          if (i) end();
          line += part;
        });
      } else if (n.nodeType === Node.ELEMENT_NODE) {
        const block = BLOCKS.has(n.localName);
        if (block) end();
        else if (n.localName === "td" || n.localName === "th") line += " ";
        walk(n, pre || n.localName === "pre");
        if (block) end();
      }
    }
  };
  walk(doc, false);
  end();
  return found;
}
