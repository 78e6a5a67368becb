"""Article readers: every input format, bad input reported (never raised), nothing lost."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from newsgraph.extract.errors import EXIT_USAGE, InputError
from newsgraph.extract.readers import (
    article_id,
    count_articles,
    is_record_file,
    iter_articles,
    normalize_date,
    read_article,
)

ROOT = Path(__file__).resolve().parents[1]
INPUTS = Path(__file__).parent / "data" / "inputs"
SEED = ROOT / "seeds" / "000_1b2a53b241cc35b5.txt"


def read_all(*paths, published=None):
    """Articles, skip lines and warning lines from iter_articles."""
    skips: list[str] = []
    warns: list[str] = []
    articles = list(iter_articles(paths, published=published, on_skip=skips.append, on_warn=warns.append))
    return articles, skips, warns


# --- plain text ----------------------------------------------------------------------------


def test_seed_layout_is_outlet_then_headline_and_text_is_the_whole_file():
    article = read_article(SEED)
    raw = SEED.read_text(encoding="utf-8")
    assert article.source == "News Beat"
    assert article.title == "Russian Official Attacks US-Europe’s Ukraine Security Guarantees"
    assert article.text == raw
    assert article.id == "sha256:" + hashlib.sha256(raw.encode("utf-8")).hexdigest()
    assert article.path == str(SEED)
    assert article.published is None and article.url is None
    start = raw.index("Maria Zakharova")  # offsets into text are offsets into the file
    assert article.text[start : start + 15] == "Maria Zakharova"


def test_headline_only_and_body_only_layouts():
    headline = read_article(INPUTS / "headline_only.txt")
    assert headline.title == "US seizes Russian oil tanker in the North Atlantic"
    assert headline.source is None
    body = read_article(INPUTS / "body_only.txt")
    assert body.title is None and body.source is None
    assert body.text.startswith("Russia rejected the proposals on Tuesday")


@pytest.mark.parametrize(
    "content, title, source",
    [
        (
            "Reuters\nRussia rejects peace plan\nMoscow rejected the plan.\n",
            "Russia rejects peace plan",
            "Reuters",
        ),
        ("Will Russia accept the plan?\nMoscow has so far refused.\n", "Will Russia accept the plan?", None),
        ("Moscow rejected the plan.\nKyiv welcomed it.\n", None, None),
        ("Russia rejects peace plan\nMoscow rejected the plan.\n", "Russia rejects peace plan", None),
        ("\n\nBBC News\nUK signs pact\nThe UK signed a pact.\n", "UK signs pact", "BBC News"),
    ],
)
def test_layout_rule(tmp_path, content, title, source):
    path = tmp_path / "a.txt"
    path.write_text(content, encoding="utf-8")
    article = read_article(path)
    assert (article.title, article.source) == (title, source)
    assert article.text == content


def test_front_matter_lines_are_honoured_and_kept_in_the_text():
    article = read_article(INPUTS / "front_matter.txt")
    assert article.title == "Russia rejects the proposals"
    assert article.source == "Example Times"
    assert article.published == "2026-01-06"  # "6 January 2026" normalised
    assert article.url == "https://example.com/russia-rejects"
    assert article.text == (INPUTS / "front_matter.txt").read_text(encoding="utf-8")


def test_crlf_newlines_are_normalised():
    article = read_article(INPUTS / "crlf.txt")
    assert "\r" in (INPUTS / "crlf.txt").read_bytes().decode()
    assert "\r" not in article.text
    assert article.text == (INPUTS / "crlf.txt").read_bytes().decode().replace("\r\n", "\n")
    assert (article.source, article.title) == ("Wire Report", "France and Britain sign troop pledge")


def test_byte_order_marks_are_decoded(tmp_path):
    utf8 = tmp_path / "bom8.txt"
    utf8.write_bytes(b"\xef\xbb\xbfRussia rejects plan\nMoscow rejected it.\n")
    utf16 = tmp_path / "bom16.txt"
    utf16.write_bytes("Russia rejects plan\nMoscow rejected it.\n".encode("utf-16"))
    articles, skips, warns = read_all(utf8, utf16)
    assert [a.text for a in articles] == ["Russia rejects plan\nMoscow rejected it.\n"] * 2
    assert articles[0].title == "Russia rejects plan"
    assert skips == [] and warns == []


# --- Markdown ------------------------------------------------------------------------------


def test_markdown_front_matter_and_markup_stripped():
    article = read_article(INPUTS / "article.md")
    assert article.title == "Coalition pledges troops for Ukraine"
    assert article.source == "Example Review"
    assert article.published == "2026-01-06"
    assert article.url == "https://review.example.com/coalition"
    assert article.text.split("\n") == [
        "Coalition pledges troops",
        "The UK and France signed a statement on Tuesday confirming they would send troops.",
        "Russia rejected the proposals.",
        "The US announced plans to deter attacks.",
        "Any troops would be legitimate combat targets, the ministry said.",
    ]
    assert article.id == article_id(article.text)


def test_markdown_heading_is_the_title_without_front_matter():
    article = read_article(INPUTS / "heading.md")
    assert article.title == "Russia rejects the proposals"
    assert article.text == (
        "Russia rejects the proposals\n"
        "Moscow rejected the proposals on Tuesday.\n"
        "Reaction\n"
        "Kyiv welcomed the pledge."
    )


def test_markdown_bad_front_matter_warns_and_reads_the_body(tmp_path):
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: [unclosed\n---\nRussia rejected the plan.\n", encoding="utf-8")
    articles, skips, warns = read_all(path)
    assert [a.text for a in articles] == ["Russia rejected the plan."]
    assert skips == []
    assert len(warns) == 1 and warns[0].startswith(f"{path}: front matter is not valid YAML")


# --- HTML ----------------------------------------------------------------------------------


def test_html_main_text_and_metadata_without_scripts_or_navigation():
    article = read_article(INPUTS / "page.html")
    assert article.title == "Russia rejects Western security guarantees for Ukraine"
    assert article.source == "Daily Wire Service"
    assert article.published == "2026-01-07"
    assert article.url == "https://news.example.org/world/russia-rejects-guarantees"
    for sentence in (
        "Russia on Tuesday rejected proposals by Britain and France",
        "Maria Zakharova said any Western troops deployed to Ukraine",
        "French president Emmanuel Macron said the coalition",
        "The United States announced plans to help deter future attacks",
    ):
        assert sentence in article.text
    for marker in (
        "NAVSCRIPT", "SCRIPTTEXT", "STYLETEXT", "LDJSONTEXT", "NAVWORLD", "NAVSPORT", "COOKIEBANNER",
        "SIDEBARLINK", "INLINESCRIPT", "FOOTERTEXT", "ENDSCRIPT", "Subscribe", "Privacy",
    ):  # fmt: skip
        assert marker not in article.text
    assert "<" not in article.text


def test_html_without_main_text_is_skipped(tmp_path):
    path = tmp_path / "scripts.html"
    path.write_text(
        "<html><head><title>Live</title><script>var x = 'only a script';</script></head>"
        "<body><script>document.write('loading the article...');</script></body></html>",
        encoding="utf-8",
    )
    articles, skips, _ = read_all(path)
    assert articles == []
    assert skips == [f"{path}: no main text found in the HTML page"]


def test_web_page_saved_as_txt_or_without_extension_is_read_as_html(tmp_path):
    page = (INPUTS / "page.html").read_bytes()
    (tmp_path / "saved.txt").write_bytes(page)
    (tmp_path / "saved").write_bytes(page)
    articles, skips, _ = read_all(tmp_path / "saved.txt", tmp_path / "saved")
    assert skips == []
    assert [a.source for a in articles] == ["Daily Wire Service"] * 2
    assert all("NAVSCRIPT" not in a.text for a in articles)


# --- JSON and JSON Lines -------------------------------------------------------------------


def test_json_lines_reads_good_lines_and_reports_bad_ones():
    path = INPUTS / "articles.jsonl"
    articles, skips, warns = read_all(path)
    assert [(a.title, a.source, a.published) for a in articles] == [
        ("Russia rejects proposals", "Wire One", "2026-01-06"),
        ("US seizes tanker", "Wire Two", "2026-01-07"),
        ("Content field", None, "2026-01-09"),
    ]
    assert articles[1].text == "The US seized a Russian tanker.\nThe crew was detained."
    assert articles[0].url == "https://a.example/1"
    assert {a.path for a in articles} == {str(path)}
    assert skips == [
        f"{path}:2: not valid JSON: Invalid control character (column 55)",
        f"{path}:5: no text field (text, body or content)",
        f"{path}:6: not a JSON object (a list)",
    ]
    assert warns == []


def test_json_list_object_and_json_lines_named_json(tmp_path):
    path = INPUTS / "articles.json"
    articles, skips, warns = read_all(path, INPUTS / "one.json")
    assert [a.title for a in articles] == ["First", "Second", "One article"]
    assert articles[0].published == "2026-01-06"
    assert articles[2].source == "Solo News"
    assert skips == [f"{path}: item 3: empty"]
    assert warns == [f"{path}: item 2: published date 'soon-ish' is not a full date; ignored"]

    lines = tmp_path / "lines.json"
    lines.write_text(
        '{"text": "Russia rejected it."}\n{"text": "France pledged troops."}\n', encoding="utf-8"
    )
    assert [a.text for a in iter_articles([lines])] == ["Russia rejected it.", "France pledged troops."]


def test_malformed_json_document_is_skipped(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"title": "x", "text": ', encoding="utf-8")
    articles, skips, _ = read_all(path)
    assert articles == []
    assert skips == [f"{path}: not valid JSON: Expecting value (line 1, column 24)"]


def test_record_files_are_recognised_and_not_read_as_articles(tmp_path):
    assert is_record_file(INPUTS / "records.jsonl")
    assert not is_record_file(INPUTS / "articles.jsonl")
    assert not is_record_file(INPUTS / "articles.json")
    assert not is_record_file(SEED)
    pretty = tmp_path / "records.json"
    pretty.write_text(json.dumps([{"article": {"id": "sha256:0"}, "events": []}], indent=2), encoding="utf-8")
    assert is_record_file(pretty)
    one_line = tmp_path / "one_line.json"
    one_line.write_text(json.dumps([{"article": {"id": "sha256:0"}, "events": []}]), encoding="utf-8")
    assert is_record_file(one_line)
    _, skips, _ = read_all(INPUTS / "records.jsonl")
    assert skips == [f"{INPUTS / 'records.jsonl'}: newsgraph extract output (records), not articles"]


# --- directories ---------------------------------------------------------------------------


def test_directory_is_read_recursively_in_sorted_order_skipping_hidden_and_other_types():
    corpus = str(INPUTS / "corpus")
    articles, skips, warns = read_all(corpus)
    assert [a.path for a in articles] == [
        f"{corpus}/a.txt",
        f"{corpus}/sub/b.md",
        f"{corpus}/sub/c.jsonl",
        f"{corpus}/sub/c.jsonl",
    ]
    assert [a.title for a in articles] == [
        "Russia rejects the proposals",
        "France pledges troops",
        "Line one",
        "Line two",
    ]
    assert skips == [] and warns == []  # .hidden.txt and notes.yaml passed over silently
    assert count_articles([corpus]) == 4


def test_reading_is_lazy(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"{name} says Russia rejected the plan.\n", encoding="utf-8")
    skips: list[str] = []
    articles = iter_articles([tmp_path], on_skip=skips.append)
    assert next(articles).path == str(tmp_path / "a.txt")
    (tmp_path / "b.txt").unlink()  # only listed so far, not read: the next step notices
    assert list(articles) == []
    assert skips == [f"{tmp_path / 'b.txt'}: no such file (removed while reading, or a broken symbolic link)"]


def test_symlink_loop_in_a_directory_ends(tmp_path):
    (tmp_path / "a.txt").write_text("Russia rejected the plan.\n", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)
    assert [a.path for a in iter_articles([tmp_path])] == [str(tmp_path / "a.txt")]


# --- bad input -----------------------------------------------------------------------------


def test_missing_path_raises_input_error_before_reading_anything(tmp_path):
    missing = tmp_path / "nowhere.txt"
    with pytest.raises(InputError) as caught:
        iter_articles([SEED, missing])  # raised at the call, not halfway through the run
    assert str(caught.value) == f"{missing}: no such file or directory"
    assert caught.value.exit_code == EXIT_USAGE == 2
    with pytest.raises(InputError):
        count_articles([missing])
    with pytest.raises(InputError, match="no such file"):
        read_article(missing)


def test_broken_symlink_given_directly_is_an_input_error(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "target.txt")
    with pytest.raises(InputError, match=r"gone\.txt: broken symbolic link"):
        iter_articles([link])


def test_empty_and_whitespace_only_files_are_skipped(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\t\n\n", encoding="utf-8")
    (tmp_path / "blank.jsonl").write_text("\n\n", encoding="utf-8")
    articles, skips, _ = read_all(tmp_path)
    assert articles == []
    assert sorted(skips) == sorted(f"{tmp_path / n}: empty" for n in ("empty.txt", "blank.md", "blank.jsonl"))
    with pytest.raises(InputError, match=r"empty\.txt: empty$"):
        read_article(tmp_path / "empty.txt")


def test_binary_file_is_skipped(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    articles, skips, _ = read_all(path)
    assert articles == []
    assert skips == [f"{path}: binary, not text"]


def test_invalid_utf8_is_read_with_replacement_characters_and_a_warning(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 owners in Kyiv welcomed the pledge.\n".encode("latin-1"))
    articles, skips, warns = read_all(path)
    assert skips == []
    assert [a.text for a in articles] == ["Caf\ufffd owners in Kyiv welcomed the pledge.\n"]
    assert warns == [
        f"{path}: not valid UTF-8 (first bad byte at offset 3); undecodable bytes read as U+FFFD"
    ]


def test_warnings_go_to_the_log_without_on_warn(tmp_path, caplog):
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"Caf\xe9 in Kyiv.\n")
    with caplog.at_level(logging.WARNING, logger="newsgraph.readers"):
        assert len(list(iter_articles([path]))) == 1
    assert [r.getMessage() for r in caplog.records] == [
        f"{path}: not valid UTF-8 (first bad byte at offset 3); undecodable bytes read as U+FFFD"
    ]


def test_five_megabyte_single_line_is_read_whole(tmp_path):
    sentence = "Russia rejected the proposals and said foreign troops would be targets. "
    text = sentence * (5_000_000 // len(sentence) + 1)
    path = tmp_path / "huge.txt"
    path.write_text(text, encoding="utf-8")
    articles, skips, warns = read_all(path)
    assert skips == [] and warns == []
    (article,) = articles
    assert len(article.text) == len(text) >= 5_000_000
    assert article.text == text and article.title is None
    assert article.id == article_id(text)


def test_fifo_and_broken_symlink_in_a_directory_are_skipped_without_blocking(tmp_path):
    (tmp_path / "a.txt").write_text("Russia rejected the plan.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # open() on it would wait for a writer forever
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nothing.md")
    articles, skips, _ = read_all(tmp_path)
    assert [a.path for a in articles] == [str(tmp_path / "a.txt")]
    assert skips == [
        f"{tmp_path / 'dangling.md'}: broken symbolic link",
        f"{tmp_path / 'pipe.txt'}: not a regular file",
    ]


_AS_OTHER_USER = """
import json, sys
from newsgraph.extract.readers import iter_articles
skips = []
paths = [a.path for a in iter_articles([sys.argv[1]], on_skip=skips.append)]
print(json.dumps({"paths": paths, "skips": skips}))
"""


def test_unreadable_file_in_a_directory_is_skipped_as_permission_denied():
    # chmod 000 does not stop root, so as root the reader runs as "nobody" in a child process
    # (setpriv, since subprocess's user= cannot exec the venv's interpreter under /root here).
    folder = Path(tempfile.mkdtemp(prefix="newsgraph-perm-"))
    try:
        folder.chmod(0o755)
        (folder / "a.txt").write_text("Russia rejected the plan.\n", encoding="utf-8")
        secret = folder / "b.txt"
        secret.write_text("France pledged troops.\n", encoding="utf-8")
        secret.chmod(0o000)
        if os.geteuid() == 0:
            if not shutil.which("setpriv"):
                pytest.skip("running as root and setpriv (util-linux) is missing to drop privileges")
            nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
            done = subprocess.run(
                [*nobody, sys.executable, "-c", _AS_OTHER_USER, str(folder)],
                cwd="/", capture_output=True, text=True, check=False,
            )  # fmt: skip
            assert done.returncode == 0, done.stderr
            result = json.loads(done.stdout)
        else:
            skips: list[str] = []
            paths = [a.path for a in iter_articles([str(folder)], on_skip=skips.append)]
            result = {"paths": paths, "skips": skips}
        assert result == {"paths": [str(folder / "a.txt")], "skips": [f"{secret}: permission denied"]}
    finally:
        shutil.rmtree(folder)


# --- dates and the published argument ------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2026-01-06", "2026-01-06"),
        ("2026-01-06T23:30:00-05:00", "2026-01-06"),
        ("6 January 2026", "2026-01-06"),
        ("Jan 6, 2026", "2026-01-06"),
        ("Tue, 06 Jan 2026 10:00:00 GMT", "2026-01-06"),
        (1767657600, "2026-01-06"),
        (1767657600000, "2026-01-06"),
        ("January 2026", None),
        ("2 days ago", None),
        ("2026-02-30", None),
        ("soon-ish", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected


def test_published_argument_fills_in_only_where_the_input_has_none():
    articles, _, _ = read_all(
        SEED, INPUTS / "front_matter.txt", INPUTS / "articles.json", published="6 Jan 2026"
    )
    assert [a.published for a in articles] == ["2026-01-06", "2026-01-06", "2026-01-06", "2026-01-06"]
    articles, _, _ = read_all(SEED, INPUTS / "page.html", published="2025-12-31")
    assert [a.published for a in articles] == ["2025-12-31", "2026-01-07"]
    with pytest.raises(InputError, match="published date 'someday' is not a date"):
        iter_articles([SEED], published="someday")


# --- read_article and count_articles -------------------------------------------------------


def test_read_article_wants_exactly_one_article():
    with pytest.raises(InputError, match=r"articles\.json: holds 2 articles"):
        read_article(INPUTS / "articles.json")
    with pytest.raises(InputError, match="is a directory"):
        read_article(INPUTS / "corpus")
    assert read_article(INPUTS / "one.json").title == "One article"


def test_count_articles_is_an_upper_bound_of_what_is_read():
    counted = count_articles([INPUTS])
    articles, skips, _ = read_all(INPUTS)
    # every .jsonl line and .json item counts, malformed or not; record files count nothing
    assert counted == 21
    assert len(articles) == 17 and len(skips) == 5
