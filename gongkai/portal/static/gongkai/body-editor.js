/* The document body's rich-text editor: Squire (vendored, see vendor/README.md) over the
   form's textarea. Without JavaScript the textarea stays and the form works as before; with it
   the editor takes the textarea's place and writes its HTML back into it, and the server
   sanitises whatever arrives (publishing/sanitize.py) — the editor is a convenience, not the
   safeguard. No inline script or style: the Content-Security-Policy allows neither. */
(function () {
  "use strict";

  var ATTRIBUTES = ["href", "title", "src", "alt", "width", "height", "colspan", "rowspan",
    "scope", "start"];

  // [label, test for the current format (Squire.hasFormat), on, off]
  var BUTTONS = [
    ["加粗", "B", function (e) { e.bold(); }, function (e) { e.removeBold(); }],
    ["斜体", "I", function (e) { e.italic(); }, function (e) { e.removeItalic(); }],
    ["项目列表", "UL", function (e) { e.makeUnorderedList(); }, function (e) { e.removeList(); }],
    ["编号列表", "OL", function (e) { e.makeOrderedList(); }, function (e) { e.removeList(); }],
    ["链接", "A", function (e) {
      var url = window.prompt("链接地址（以 http:// 或 https:// 开头）", "https://");
      if (url && /^(https?:\/\/|mailto:)/i.test(url.trim())) { e.makeLink(url.trim()); }
    }, function (e) { e.removeLink(); }],
    ["撤销", null, function (e) { e.undo(); }],
    ["重做", null, function (e) { e.redo(); }]
  ];

  function sanitiser(allowedTags) {
    return function (html) {
      var fragment = window.DOMPurify.sanitize(html, {
        ALLOWED_TAGS: allowedTags,
        ALLOWED_ATTR: ATTRIBUTES,
        RETURN_DOM_FRAGMENT: true
      });
      return fragment ? document.importNode(fragment, true) : document.createDocumentFragment();
    };
  }

  function setUp(textarea) {
    var label = document.querySelector('label[for="' + textarea.id + '"]');
    if (!label || !window.Squire || !window.DOMPurify) { return; }
    if (!label.id) { label.id = textarea.id + "-label"; }

    var wrapper = document.createElement("div");
    wrapper.className = "rich-text";
    var toolbar = document.createElement("div");
    toolbar.className = "rich-text-toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", "正文格式");
    var area = document.createElement("div");
    area.id = textarea.id + "-editor";
    area.className = "rich-text-area";
    area.setAttribute("role", "textbox");
    area.setAttribute("aria-multiline", "true");
    area.setAttribute("aria-labelledby", label.id);
    if (textarea.getAttribute("aria-describedby")) {
      area.setAttribute("aria-describedby", textarea.getAttribute("aria-describedby"));
    }
    toolbar.setAttribute("aria-controls", area.id);
    wrapper.appendChild(toolbar);
    wrapper.appendChild(area);
    textarea.parentNode.insertBefore(wrapper, textarea);
    textarea.hidden = true;

    var allowed = (textarea.getAttribute("data-allowed-tags") || "p br").split(" ");
    var editor = new window.Squire(area, {
      blockTag: "P",
      sanitizeToDOMFragment: sanitiser(allowed)
    });
    editor.setHTML(textarea.value);

    var toggles = [];
    BUTTONS.forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "secondary";
      button.textContent = spec[0];
      if (spec[1]) {
        button.setAttribute("aria-pressed", "false");
        toggles.push([button, spec[1]]);
      }
      button.addEventListener("click", function () {
        var on = spec[1] && editor.hasFormat(spec[1]);
        (on && spec[3] ? spec[3] : spec[2])(editor);
        editor.focus();
      });
      toolbar.appendChild(button);
    });

    function sync() {
      textarea.value = editor.getHTML();
      toggles.forEach(function (entry) {
        entry[0].setAttribute("aria-pressed", editor.hasFormat(entry[1]) ? "true" : "false");
      });
    }
    editor.addEventListener("input", sync);
    editor.addEventListener("pathChange", sync);
    label.addEventListener("click", function () { editor.focus(); });
    textarea.form.addEventListener("submit", function () { textarea.value = editor.getHTML(); });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("textarea[data-rich-text]"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
