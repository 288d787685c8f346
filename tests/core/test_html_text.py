"""HTML import keeps only visible text, one line per block."""

from reader.core.documents.html_text import html_to_text

PAGE = """<html><head><title>T</title><style>p { color: red }</style></head><body>
<nav><a href="/">Home</a> | <a href="/shop">Shop</a></nav>
<div role="navigation">Menu</div>
<h1>Genden   and
Stalin</h1><p>The two <b>met</b> on November 15, 1934.<br>In Moscow.</p>
<script>document.write("hidden")</script><!-- a comment -->
<p hidden>secret</p><p>Sükhbaatar &amp; 𝔐</p></body></html>"""


def test_visible_text_only():
    """Script, style, navigation, hidden elements and comments disappear; entities are decoded."""
    text = html_to_text(PAGE)
    for invisible in ("Home", "Menu", "color", "document.write", "secret", "comment", "T\n"):
        assert invisible not in text
    assert "Sükhbaatar & 𝔐" in text


def test_blocks_become_line_breaks():
    """Headings and paragraphs are separate lines; inline whitespace collapses; <br> breaks a line."""
    lines = html_to_text(PAGE).splitlines()
    assert lines[0] == "Genden and Stalin"
    assert "The two met on November 15, 1934." in lines
    assert "In Moscow." in lines


def test_deeply_nested_html_keeps_its_text():
    """Protects text nested 100,000 levels deep, which libxml2's tree drops, from being read as 'no text in it'."""
    html = "<div>" * 100_000 + "Deep account of 1937" + "</div>" * 100_000
    assert html_to_text(html) == "Deep account of 1937\n"
