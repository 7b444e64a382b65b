"""The pages' one style sheet and the index's one small script.

Both are written into each page rather than beside it: a page is often opened on
its own (from a QR code, a USB stick, a saved copy), and then it still looks right.

The style asks for large tap targets (44 px at least), a focus ring that cannot be
missed, text that never relies on colour (links are underlined; the end of a path
says "Done" in words), and a print layout without the links a sheet of paper
cannot follow: each choice prints the number of the part it leads to instead.
"""

from __future__ import annotations

CSS = """
:root { color-scheme: light; --ink: #1a1a1a; --link: #0b4f9c; --line: #5a5a5a; }
* { box-sizing: border-box; }
html { font-size: 112.5%; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  line-height: 1.5; color: var(--ink); background: #fff; }
header, main, footer { max-width: 42rem; margin: 0 auto; padding: 0 1rem; }
header { border-bottom: 2px solid var(--line); padding-top: .5rem; padding-bottom: .5rem; }
header p { margin: 0; font-weight: 600; }
nav a, .choices a, .pages a { display: inline-flex; align-items: center; min-height: 44px;
  min-width: 44px; padding: .5rem .75rem; }
a { color: var(--link); text-decoration: underline; text-underline-offset: .15em; }
a:hover { text-decoration-thickness: 3px; }
:focus-visible { outline: 3px solid #000; outline-offset: 2px; box-shadow: 0 0 0 6px #ffd33d; }
.skip { position: absolute; left: -999px; }
.skip:focus { position: static; display: inline-block; padding: .75rem; }
h1 { font-size: 1.6rem; line-height: 1.25; }
h2 { font-size: 1.2rem; line-height: 1.3; margin: 0 0 .5rem; }
.part { border: 2px solid var(--line); border-radius: 6px; padding: 1rem; margin: 1rem 0; }
.part:target { border-width: 4px; border-color: #000; }
.number { display: inline-block; min-width: 2ch; }
.choices, .pages { list-style: none; padding: 0; margin: .5rem 0 0; }
.choices li, .pages li { margin: .25rem 0; }
.choices a { border: 2px solid var(--link); border-radius: 6px; width: 100%; }
.done { font-weight: 700; }
.text { font-size: 1.1rem; margin: 0 0 .5rem; }
.also { color: #3d3d3d; font-size: .9rem; margin: 0 0 0 .75rem; }
.desk { border-style: dashed; }
.desk dt { font-weight: 700; }
.desk dd { margin: 0 0 .5rem 0; }
label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
input[type=search] { font: inherit; width: 100%; min-height: 44px; padding: .5rem;
  border: 2px solid var(--line); border-radius: 6px; }
footer { border-top: 2px solid var(--line); margin-top: 2rem; padding-top: .5rem;
  padding-bottom: 2rem; font-size: .9rem; }
.print-only { display: none; }
@media print {
  html { font-size: 12pt; }
  nav, .skip, .search, .no-print { display: none !important; }
  .print-only { display: inline; }
  a { color: #000; text-decoration: none; }
  .choices a { display: block; border: 0; min-height: 0; padding: .1rem 0; }
  .part { break-inside: avoid; border-width: 1px; }
  .part:target { border-width: 1px; }
}
"""

#: Filters the index as a patron types. Without it the whole list is simply there.
#: It reads only the page's own text and sets only ``hidden`` and a count.
SCRIPT = """
(function () {
  var form = document.getElementById("search");
  var box = document.getElementById("q");
  var count = document.getElementById("count");
  var items = Array.prototype.slice.call(document.querySelectorAll(".pages li"));
  if (!form || !box || !count) { return; }
  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  function words(text) { return text.toLowerCase().split(/[^\\p{L}\\p{N}]+/u).filter(Boolean); }
  box.addEventListener("input", function () {
    var wanted = words(box.value);
    var left = 0;
    items.forEach(function (item) {
      var have = words(item.getAttribute("data-search") || "");
      var hit = wanted.every(function (w) {
        return have.some(function (h) { return h.indexOf(w) === 0; });
      });
      item.hidden = !hit;
      if (hit) { left += 1; }
    });
    count.textContent = wanted.length ? left + (left === 1 ? " problem" : " problems") +
      " match" + (left === 1 ? "es" : "") : "";
  });
})();
"""
