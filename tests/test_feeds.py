"""RSS and Atom feeds as inputs, served from a local HTTP server: good feeds, bad feeds, bad pages.

Nothing outside http(s) is fetched: every test that serves a hostile link also checks the server's
request log and that no article holds the content of the local file it named.
"""

from __future__ import annotations

import time

import pytest
from feed_server import ARTICLES, FeedServer, article_parts, atom, news_site, rss

from newsgraph.extract.fetch import Fetcher, FetchError, FetchLimits, is_url
from newsgraph.extract.readers import count_articles, iter_articles

RSS_ARTICLES = ["003_us_uk_strike_houthis.txt", "001_eu_sanctions_iran_drones.txt"]
ATOM_ARTICLES = [
    ARTICLES / n for n in ("009_water_cannon_second_thomas_shoal.txt", "006_un_aid_convoy_darfur.txt")
]
PASSWD_MARK = "root:"


@pytest.fixture(autouse=True)
def quick_limits(monkeypatch):
    """Short timeouts and no per-host delay, so a bad page costs a fraction of a second."""
    monkeypatch.setenv("NEWSGRAPH_FETCH_TIMEOUT", "0.5")
    monkeypatch.setenv("NEWSGRAPH_FETCH_DELAY", "0")


def read_all(*paths):
    skips: list[str] = []
    warns: list[str] = []
    articles = list(iter_articles(paths, on_skip=skips.append, on_warn=warns.append))
    return articles, skips, warns


def test_rss_items_get_the_main_text_of_their_pages():
    with FeedServer() as server:
        items = news_site(server, RSS_ARTICLES)
        server.add("/rss.xml", rss(server.base, items), "application/rss+xml")
        articles, skips, warns = read_all(server.url("/rss.xml"))
    assert skips == [] and warns == []
    assert [a.title for a in articles] == [item["title"] for item in items]
    for article, name, item in zip(articles, RSS_ARTICLES, items, strict=True):
        _outlet, _headline, paragraphs = article_parts(ARTICLES / name)
        assert all(p in article.text for p in paragraphs), "the page's every paragraph"
        assert "Home" not in article.text and "Copyright" not in article.text, "boilerplate dropped"
        assert article.source == "Harbour Wire" and article.url == item["link"]
        assert article.path == server.url("/rss.xml")
    assert [a.published for a in articles] == ["2026-01-01", "2026-01-02"]
    assert server.requests == ["/rss.xml", "/news/1.html", "/news/2.html"]
    assert all(agent.startswith("newsgraph/") and "(+http" in agent for agent in server.agents)


def test_atom_full_content_needs_no_page(tmp_path):
    with FeedServer() as server:
        server.add("/atom.xml", atom(server.base, ATOM_ARTICLES), "application/atom+xml")
        articles, skips, warns = read_all(server.url("/atom.xml"))
        assert server.requests == ["/atom.xml"], "full content: no page fetched"
    assert skips == [] and warns == [] and len(articles) == 2
    _outlet, headline, paragraphs = article_parts(ATOM_ARTICLES[0])
    assert articles[0].title == headline and articles[0].source == "Atom Desk"
    assert articles[0].text.split("\n") == paragraphs, "one line per paragraph"
    assert articles[0].published == "2026-01-01"


def test_feed_files_on_disk_by_extension_by_content_and_in_folders(tmp_path):
    body = atom("http://127.0.0.1:9", ATOM_ARTICLES)
    (tmp_path / "desk.atom").write_bytes(body)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "news.rss").write_bytes(body)
    named = tmp_path / "export.xml"  # .xml is not taken from folders, but read when named
    named.write_bytes(body)
    articles, skips, warns = read_all(tmp_path, named)
    assert skips == [] and warns == []
    assert len(articles) == 6 and {a.path for a in articles} == {
        str(tmp_path / "desk.atom"),
        str(tmp_path / "sub" / "news.rss"),
        str(named),
    }
    assert count_articles([tmp_path, named]) == 6


def test_a_malformed_feed_is_one_line_and_the_rest_goes_on():
    with FeedServer() as server:
        server.add("/atom.xml", atom(server.base, ATOM_ARTICLES[:1]), "application/atom+xml")
        server.add("/broken.xml", b"<?xml version='1.0'?><rss><channel><title>x</ti", "application/rss+xml")
        server.add("/notfeed.xml", b"just some words, not XML at all", "text/plain")
        urls = [server.url(p) for p in ("/broken.xml", "/missing.xml", "/notfeed.xml", "/atom.xml")]
        articles, skips, warns = read_all(*urls)
    assert len(articles) == 1 and warns == []
    assert len(skips) == 3
    assert skips[0].startswith(server.url("/broken.xml") + ": not a valid RSS or Atom feed")
    assert skips[1] == server.url("/missing.xml") + ": feed not fetched: HTTP 404 Not Found"
    assert skips[2].startswith(server.url("/notfeed.xml") + ": not a valid RSS or Atom feed")
    assert all("\n" not in line for line in skips)


def test_a_feed_with_bad_xml_that_still_has_items_is_read_with_one_warning(tmp_path):
    feed = tmp_path / "sloppy.rss"
    item = "<item><title>T{n}</title><content:encoded>Ships collided near port {n}.</content:encoded></item>"
    feed.write_text(
        "<rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel>"
        "<title>Bits & Pieces</title>" + item.format(n=1) + item.format(n=2) + "</channel></rss>"
    )
    empty = tmp_path / "empty.rss"
    empty.write_text("<rss version='2.0'><channel><title>Quiet</title></channel></rss>")
    articles, skips, warns = read_all(feed, empty)
    assert [a.text for a in articles] == ["Ships collided near port 1.", "Ships collided near port 2."]
    assert skips == [], "a feed with no items yet is not an error"
    assert len(warns) == 1 and warns[0].startswith(f"{feed}: malformed XML (")
    assert warns[0].endswith("; read 2 of 2 items anyway")


def test_bad_pages_keep_their_summary_with_one_line_each_and_nothing_but_http_is_fetched():
    with FeedServer(slow_seconds=2.0) as server:
        good = news_site(server, RSS_ARTICLES[:1])[0]
        server.add_slow("/slow.html")
        server.add_redirect("/loop", "/loop")
        server.add_redirect("/to-file", "file:///etc/passwd")
        server.add_big("/big.html")
        server.add_big("/declared.html", declare=True)
        bad = {
            "slow": server.url("/slow.html"),
            "loop": server.url("/loop"),
            "big": server.url("/big.html"),
            "declared": server.url("/declared.html"),
            "file": "file:///etc/passwd",
            "redirect to file": server.url("/to-file"),
            "gone": server.url("/gone.html"),
        }
        items = [good] + [
            {"title": f"Item {name}", "link": link, "guid": name, "summary": f"Summary of {name}."}
            for name, link in bad.items()
        ]
        server.add("/rss.xml", rss(server.base, items), "application/rss+xml")
        started = time.monotonic()
        articles, skips, warns = read_all(server.url("/rss.xml"))
        seconds = time.monotonic() - started
        requests = list(server.requests)
    assert skips == []
    assert [a.title for a in articles] == [item["title"] for item in items], "every item kept"
    assert article_parts(ARTICLES / RSS_ARTICLES[0])[2][0] in articles[0].text
    assert [a.text for a in articles[1:]] == [f"Summary of {name}." for name in bad]
    assert len(warns) == len(bad), warns
    reasons = dict(zip(bad, warns, strict=True))
    assert "timed out after 0.5 s" in reasons["slow"]
    assert "too many redirects (more than 5)" in reasons["loop"]
    assert "larger than 10 MB; stopped reading" in reasons["big"]
    assert "larger than 10 MB (20 MB declared)" in reasons["declared"]
    assert "not an http(s) URL (file:)" in reasons["file"]
    assert "not an http(s) URL (file:)" in reasons["redirect to file"]
    assert "HTTP 404" in reasons["gone"]
    for name, line in reasons.items():
        assert line.endswith("kept the feed's summary") and f"(Item {name})" in line and "\n" not in line
    assert all(PASSWD_MARK not in a.text for a in articles)
    assert requests.count("/loop") == 6, "the first request and five redirects, no more"
    assert not any("passwd" in path for path in requests)
    assert seconds < 15, "limits bound the time a bad page costs"


def test_external_entities_are_not_expanded(tmp_path):
    feed = tmp_path / "xxe.rss"
    feed.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY leak SYSTEM "file:///etc/passwd">]>\n'
        "<rss version='2.0'><channel><title>T</title><item><title>Leak</title>"
        "<description>Before &leak; after.</description><content:encoded "
        "xmlns:content='http://purl.org/rss/1.0/modules/content/'>Before &leak; after, in full."
        "</content:encoded>"
        "</item></channel></rss>"
    )
    articles, skips, _warns = read_all(feed)
    assert all(PASSWD_MARK not in a.text for a in articles)
    assert all(PASSWD_MARK not in line for line in skips)


def test_fetcher_refuses_other_schemes_before_any_io_and_spaces_requests_to_a_host():
    fetcher = Fetcher(FetchLimits(timeout=1, delay=0.3))
    for url in (
        "file:///etc/passwd",
        "ftp://127.0.0.1/x",
        "javascript:alert(1)",
        "/relative/path",
        "http:///x",
    ):
        with pytest.raises(FetchError, match=r"not an http\(s\) URL|URL has no host"):
            fetcher.get(url)
    assert is_url("https://example.org/feed") and not is_url("file:///etc/passwd") and not is_url("feed.xml")
    with FeedServer() as server:
        server.add("/a", b"a")
        for _ in range(3):
            assert fetcher.get(server.url("/a")).data == b"a"
        stamps = [t for t, _path in server.times]
    gaps = [later - earlier for earlier, later in zip(stamps, stamps[1:], strict=False)]
    assert len(gaps) == 2 and min(gaps) >= 0.25, gaps


def test_feed_counts_and_url_inputs_in_the_record_source():
    from newsgraph.extract.inputs import RecordSource

    assert RecordSource(["http://127.0.0.1:9/feed.xml"]).article_count() is None
