"""The reader's display settings — font size, high contrast, elder mode — kept in cookies and
applied by a small stylesheet the server writes per visitor (/display.css). Pages themselves
carry no per-visitor state, so they can be cached or served as static files, and the settings
work without JavaScript: each choice is a link that sets a cookie and comes back."""

FONT_SIZES = {"normal": "100%", "large": "118.75%", "larger": "137.5%"}
SWITCHES = ("contrast", "elder")
COOKIE_AGE = 365 * 24 * 3600

# Font sizes in rem everywhere, so every control grows with the root size below.
ELDER = """
body { line-height: 1.9; letter-spacing: .02em; }
a { text-decoration-thickness: .12em; text-underline-offset: .2em; }
.two-col, .unit-grid { display: block; }
.unit-grid li, .two-col > * { margin-bottom: .5rem; }
.muted, .helptext, .breadcrumb, .document-keyfacts { color: var(--ink); }
button, .button, input, select, summary, .main-nav a, .column-tabs a { min-height: 3.25rem; }
.main-nav a, .column-tabs a { display: inline-block; padding: .5rem .75rem; }
"""

CONTRAST = """
:root { --ink: #fff; --muted: #fff; --accent: #ffeb3b; --link: #ffeb3b; --line: #fff;
  --bg-soft: #000; }
html, body, .site-header, .search-bar, .site-footer, .hero, .card, .empty, .before-submit,
.notice, .validity-banner, .messages li, table, th, td, input, select, textarea, button,
.button, .display-controls a {
  background: #000 !important; color: #fff !important; border-color: #fff !important; }
a, .site-header a, .button, button { color: #ffeb3b !important; }
.column-tabs a[aria-current="page"] { background: #ffeb3b !important; color: #000 !important; }
:focus-visible { outline: 3px solid #ffeb3b !important; box-shadow: 0 0 0 6px #000 !important; }
"""

SWITCH_RULES = {"contrast": CONTRAST, "elder": ELDER}


def settings_from(cookies):
    """The valid display settings in these cookies; anything else counts as the default."""
    size = cookies.get("display_font", "normal")
    return {
        "font": size if size in FONT_SIZES else "normal",
        **{name: cookies.get(f"display_{name}") == "on" for name in SWITCHES},
    }


def stylesheet(settings):
    """The CSS for one visitor: the root size, the current font size marked, each switch's
    rules when it is on, and of each switch's two links only the one that changes it."""
    # Elder mode means large type: at least the 特大 size whatever the font choice.
    size = "larger" if settings["elder"] else settings["font"]
    rules = [f"html {{ font-size: {FONT_SIZES[size]}; }}"]
    rules.append(
        f'.display-controls a[data-font="{settings["font"]}"] {{ font-weight: 700; '
        "text-decoration: none; border-width: 2px; }"
        f'\n.display-controls a[data-font="{settings["font"]}"]::after {{ content: "（当前）"; }}'
    )
    for name in SWITCHES:
        on = settings[name]
        hidden, shown = ("on", "off") if on else ("off", "on")
        rules.append(f'.display-controls a[data-{name}="{hidden}"] {{ display: none; }}')
        rules.append(f'.display-controls a[data-{name}="{shown}"] {{ display: inline-block; }}')
        if on:
            rules.append(SWITCH_RULES[name])
    return "\n".join(rules) + "\n"


def cookies_for(query):
    """(cookie name, value) for each valid setting in the query string of a display link."""
    changes = []
    if query.get("font") in FONT_SIZES:
        changes.append(("display_font", query["font"]))
    for name in SWITCHES:
        if query.get(name) in ("on", "off"):
            changes.append((f"display_{name}", query[name]))
    return changes
