from gongkai.publishing.sanitize import clean_html, html_to_paragraphs, links, unsafe_parts


def test_scripts_handlers_and_javascript_urls_are_removed():
    raw = (
        '<p onclick="steal()">正文<script>alert(1)</script></p>'
        '<a href="javascript:alert(1)">链接</a><img src="x.png" onerror="x()">'
        '<iframe src="https://evil.example"></iframe>'
    )
    cleaned = clean_html(raw)
    for bad in ("script", "onclick", "onerror", "javascript:", "iframe", "alert"):
        assert bad not in cleaned
    assert "<p>正文</p>" in cleaned


def test_unsafe_parts_are_named_for_the_editor():
    problems = unsafe_parts('<p onclick="x()">a</p><script>1</script><a href=" JavaScript:x">b</a>')
    assert problems == ["事件属性 onclick", "<script> 标签", "href 中的 JavaScript: 地址"]
    assert unsafe_parts("<p><strong>普通</strong> <a href='https://www.gov.cn/'>链接</a></p>") == []


def test_tables_lists_and_safe_links_survive():
    raw = (
        '<table><tr><td colspan="2">合计</td></tr></table>'
        '<ol><li>一</li></ol><a href="/policies/">库</a>'
    )
    cleaned = clean_html(raw)
    assert 'colspan="2"' in cleaned and "<li>一</li>" in cleaned and 'href="/policies/"' in cleaned


def test_raster_data_images_are_kept_but_svg_and_data_links_are_not():
    png = "data:image/png;base64,iVBORw0KGgo="
    svg = "data:image/svg+xml;base64,PHN2Zz4="
    cleaned = clean_html(f'<img src="{png}"><img src="{svg}"><a href="data:text/html,x">x</a>')
    assert png in cleaned and "svg" not in cleaned and "text/html" not in cleaned


def test_paragraph_numbers_for_findings_and_links():
    body = "<p>一</p><p>二 <a href='/x'>x</a></p><table><tr><td>三</td><td><a href='http://'>y</a></td></tr></table>"
    assert html_to_paragraphs(body) == ["一", "二 x", "三", "y"]
    assert links(body) == [(2, "/x"), (4, "http://")]
