"""The HTML review page's renderer on a hand-made page: escaping, term highlighting, summaries."""

from __future__ import annotations

import re

from translate_kit.render.html import (
    ReviewArticle,
    ReviewPage,
    ReviewSegment,
    TermMark,
    ViolationMark,
    render_html,
)


def _page() -> ReviewPage:
    korut = TermMark("Korut → North Korea", "glossary/abbreviations.po:12", "enforced", (0, 5), (0, 11))
    flagged = TermMark("AS → US", "glossary/abbreviations.po:30", "flagged", (11, 13), None)
    seg = ReviewSegment(
        "in/a.txt:1",
        "Korut & <b>AS</b>",
        "North Korea & <b>AS</b>",
        terms=[korut, flagged],
        violations=[
            ViolationMark(
                "missing-term", "error", "'AS' is not rendered <US>", "AS → US", "glossary/abbreviations.po:30"
            )
        ],
    )
    chrome = ReviewSegment(
        "in/a.txt:3", "Baca Juga: <script>alert(1)</script>", "Baca Juga: <script>alert(1)</script>", boilerplate=True
    )
    return ReviewPage("review <test>", [ReviewArticle("in/a.txt", [seg, chrome])], model="demo <DEMO>")


def test_everything_is_escaped_and_nothing_is_fetched():
    html = render_html(_page())
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>AS</b>" not in html and "review &lt;test&gt;" in html and "demo &lt;DEMO&gt;" in html
    assert "&#39;AS&#39; is not rendered &lt;US&gt;" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # self-contained: no remote resources
    assert html.count("<script>") == 1 and html.count("<style>") == 1


def test_terms_are_marked_by_verdict_on_both_sides():
    html = render_html(_page())
    assert re.search(r'<mark class="term enforced"[^>]*>Korut</mark>', html)
    assert re.search(r'<mark class="term enforced"[^>]*>North Korea</mark>', html)
    # the flagged term is marked in the source (its English form was not found: no English mark)
    assert re.search(r'<mark class="term flagged"[^>]*>AS</mark>', html)
    assert html.count('class="term flagged"') == 2  # one in the source, one in the legend
    assert 'class="segment flagged"' in html and 'class="segment boilerplate"' in html
    assert 'data-kinds="missing-term"' in html and "glossary/abbreviations.po:30" in html


def test_summaries_count_per_article_and_entry():
    html = render_html(_page())
    rows = re.findall(r'<tr data-entry="(e\d+)"><td>([^<]*)</td>', html)
    assert [label for _, label in rows] == ["AS → US", "Korut → North Korea"]
    article = re.search(r'<table class="summary" id="article-summary">(.*?)</table>', html, re.DOTALL).group(1)
    cells = re.findall(r'<td class="n">(\d+)</td>', article)
    # segments, site chrome, natural, enforced, flagged, violations, flagged segments
    assert cells == ["2", "1", "0", "1", "1", "1", "1"]
