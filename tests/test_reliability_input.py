"""Bad input through the real ``newsgraph extract`` (issue 6, point 1).

Each case gives either a processed article or one clear stderr line naming the file and the reason,
an exit code that says whether anything was skipped, and never a traceback. Most cases run the CLI
in-process (click's CliRunner over ``newsgraph.graph.cli:main``, real spaCy); the 5 MB text and the
mixed directory run ``.venv/bin/newsgraph`` as a subprocess, the first to measure its peak memory,
the second as an unprivileged user so that ``chmod 000`` really makes a file unreadable.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.extract.errors import EXIT_OK, EXIT_SKIPPED, EXIT_USAGE
from newsgraph.graph.cli import main

ROOT = Path(__file__).resolve().parents[1]
INPUTS = Path(__file__).parent / "data" / "inputs"
NEWSGRAPH = Path(sys.executable).with_name("newsgraph")
PROSE = "Russia rejected the proposals of France on Tuesday.\n"
FRENCH = (
    "La Russie a rejeté mardi les propositions de la France et du Royaume-Uni. "
    "Selon le ministère des affaires étrangères, les troupes occidentales déployées en Ukraine "
    "seraient des cibles légitimes. Le président français a déclaré que la coalition des volontaires "
    "enverrait des soldats si un cessez-le-feu était conclu, et que les garanties de sécurité "
    "seraient discutées à Paris avec les alliés européens au cours des prochaines semaines.\n"
)
PEAK_RSS_LIMIT = 1536 * 2**20  # bytes; the model alone takes about 0.4 GB, a 5 MB Doc would take many GB


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    def records(self) -> list[dict]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]

    def lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def extract(*paths: str | Path) -> Run:
    """``newsgraph extract PATHS`` in-process; a traceback or stray exception fails the test here."""
    result = CliRunner().invoke(main, ["extract", *map(str, paths)])
    assert isinstance(result.exception, SystemExit) or result.exception is None, result.exception
    run = Run(result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in run.stdout + run.stderr
    return run


# --- one case at a time --------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\n   \n", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary, not text"),
        (
            "scripts.html",
            b"<html><head><title>Live</title><script>var x = 'only a script';</script></head>"
            b"<body><script>document.write('loading the article...');</script></body></html>",
            "no main text found in the HTML page",
        ),
    ],
    ids=["empty", "whitespace", "binary", "html-scripts-only"],
)
def test_unusable_file_is_one_skip_line_and_exit_1(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    run = extract(path)
    assert run.code == EXIT_SKIPPED
    assert run.records() == []
    assert run.lines() == [f"newsgraph: warning: {path}: {reason}"]


def test_invalid_utf8_is_read_with_a_warning(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 owners said Russia rejected the proposals of France.\n".encode("latin-1"))
    run = extract(path)
    assert run.code == EXIT_OK  # read, with a caveat: nothing was skipped
    (record,) = run.records()
    assert record["article"]["path"] == str(path)
    assert any(e["type"].startswith("reject") for e in record["events"])
    assert run.lines() == [
        f"newsgraph: warning: {path}: not valid UTF-8 (first bad byte at offset 3); "
        "undecodable bytes read as U+FFFD"
    ]


def test_lone_surrogate_escape_in_json_is_read_with_a_warning(tmp_path):
    # "\ud800" is valid JSON but no UTF-8 file can hold it; it used to end in a traceback
    path = tmp_path / "feed.jsonl"
    path.write_text('{"title": "Odd \\ud800 title", "text": "Russia rejected the proposals \\udfff."}\n')
    run = extract(path)
    assert run.code == EXIT_OK
    (record,) = run.records()
    assert record["article"]["title"] == "Odd \ufffd title"
    assert run.lines() == [
        f"newsgraph: warning: {path}:1: lone UTF-16 surrogates (\\ud800-\\udfff escapes) read as U+FFFD"
    ]


def test_html_page_full_of_scripts_and_navigation_gives_only_the_article():
    page = INPUTS / "page.html"
    run = extract(page)
    assert run.code == EXIT_OK and run.lines() == []
    (record,) = run.records()
    assert record["article"]["title"] == "Russia rejects Western security guarantees for Ukraine"
    assert record["events"], "the main text holds events"
    evidence = " ".join(e["evidence"]["text"] for e in record["events"])
    names = " ".join(a["name"] for a in record["actors"])
    for marker in ("NAVSCRIPT", "SCRIPTTEXT", "NAVWORLD", "COOKIEBANNER", "SIDEBARLINK", "FOOTERTEXT"):
        assert marker not in evidence and marker not in names


def test_malformed_json_line_is_skipped_with_its_line_number_and_the_rest_processed(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"title": "One", "text": "Russia rejected the proposals of France."}\n'
        '{"title": "Two", "text": }\n'
        '{"title": "Three", "text": "The United States seized a Russian oil tanker."}\n',
        encoding="utf-8",
    )
    run = extract(path)
    assert run.code == EXIT_SKIPPED
    assert [r["article"]["title"] for r in run.records()] == ["One", "Three"]
    assert run.lines() == [f"newsgraph: warning: {path}:2: not valid JSON: Expecting value (column 26)"]


def test_non_english_article_warns_and_invents_no_events(tmp_path):
    path = tmp_path / "francais.txt"
    path.write_text(FRENCH, encoding="utf-8")
    run = extract(path)
    assert run.code == EXIT_OK
    (record,) = run.records()
    assert record["events"] == [] and record["relations"] == []
    assert run.lines() == [
        f"newsgraph: warning: {path}: does not look like English text; no events extracted"
    ]


def test_missing_path_is_exit_2_before_any_work(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(PROSE, encoding="utf-8")
    missing = tmp_path / "nowhere.txt"
    run = extract(good, missing)
    assert run.code == EXIT_USAGE
    assert run.stdout == ""  # not even the good file: the run stops before reading anything
    assert run.lines() == [f"newsgraph: error: {missing}: no such file or directory"]


# --- a 5 MB single line, through the extractor in a real process ----------------------------------


def _memory_probe():
    spec = importlib.util.spec_from_file_location("bench_memory", ROOT / "bench" / "memory.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def _five_megabyte_line() -> str:
    """One line of 5 MB: English sentences between blobs of hex tokens, as a page with inline data.

    Prose all the way would take minutes of parsing; the blobs keep spaCy's work small while the
    line, the chunking and the offsets stay those of a 5 MB article.
    """
    sentences = (
        "Russia rejected the proposals of France on Tuesday.",
        "The United States seized a Russian oil tanker.",
        "France and Britain pledged to send troops to Ukraine.",
    )
    parts, size, i = [], 0, 0
    while size < 5_000_000:
        blob = " ".join(hashlib.sha256(f"{i}:{k}".encode()).hexdigest() for k in range(60))
        parts += [sentences[i % 3], blob]
        size += len(sentences[i % 3]) + len(blob) + 2
        i += 1
    return " ".join(parts) + "\n"


@pytest.mark.slow
def test_five_megabyte_single_line_goes_through_the_extractor_in_bounded_memory(tmp_path):
    text = _five_megabyte_line()
    assert len(text) > 5_000_000 and text.count("\n") == 1
    folder = tmp_path / "huge"
    folder.mkdir()
    (folder / "huge.txt").write_text(text, encoding="utf-8")
    run = _memory_probe().measure_extract(folder, tmp_path / "huge.jsonl", articles=1)
    assert run.exit_code == EXIT_OK, run.stderr
    assert "Traceback" not in run.stderr and "max_length" not in run.stderr
    (line,) = (tmp_path / "huge.jsonl").read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    events = record["events"]
    # events from the start, the middle and the end: every 100k chunk went through spaCy
    starts = [e["evidence"]["start"] for e in events]
    assert min(starts) < 100_000 and max(starts) > len(text) - 100_000 and len(events) > 1000
    for event in events:  # offsets of later chunks were shifted into the article
        span = event["evidence"]
        assert text[span["start"] : span["end"]] == span["text"]
    indexes = [e["evidence"]["sentence_index"] for e in sorted(events, key=lambda e: e["evidence"]["start"])]
    assert indexes == sorted(indexes) and indexes[-1] > 1000  # sentence numbers run on across chunks
    assert run.peak_tree < PEAK_RSS_LIMIT, f"peak RSS {run.peak_tree / 2**20:.0f} MiB"
    print(f"\n5 MB line: {run.seconds:.1f} s, peak RSS {run.peak_tree / 2**20:.0f} MiB, {len(events)} events")


# --- a directory mixing good and bad files, one of them unreadable ------------------------------


def _as_nobody() -> list[str]:
    """A command prefix that drops root (chmod 000 does not stop root), or [] when not root."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root and setpriv (util-linux) is missing to drop privileges")
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def test_directory_mixing_good_and_bad_files_keeps_every_good_article():
    folder = Path(tempfile.mkdtemp(prefix="newsgraph-mixed-"))
    try:
        folder.chmod(0o755)
        good = {
            "a_good.txt": PROSE,
            "c_good.md": "# Tanker seized\n\nThe United States seized a Russian oil tanker.\n",
            "e_good.html": (INPUTS / "page.html").read_text(encoding="utf-8"),
        }
        bad = {
            "b_empty.txt": (b"", "empty"),
            "d_binary.txt": (b"\x00\x01\x02binary\x00", "binary, not text"),
            "f_secret.txt": (PROSE.encode(), "permission denied"),
        }
        for name, content in good.items():
            (folder / name).write_text(content, encoding="utf-8")
        for name, (content, _) in bad.items():
            (folder / name).write_bytes(content)
        (folder / "g_feed.jsonl").write_text(
            '{"title": "Good line", "text": "France and Britain pledged to send troops to Ukraine."}\n'
            "{not json}\n",
            encoding="utf-8",
        )
        (folder / "f_secret.txt").chmod(0o000)
        done = subprocess.run(
            [*_as_nobody(), str(NEWSGRAPH), "extract", str(folder)],
            cwd="/", capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        assert "Traceback" not in done.stderr, done.stderr
        assert done.returncode == EXIT_SKIPPED, done.stderr
        records = [json.loads(line) for line in done.stdout.splitlines()]
        assert [r["article"]["path"] for r in records] == [
            str(folder / "a_good.txt"),
            str(folder / "c_good.md"),
            str(folder / "e_good.html"),
            str(folder / "g_feed.jsonl"),
        ]
        assert all(r["events"] for r in records), "every good article was extracted, not just listed"
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        assert lines == [
            f"newsgraph: warning: {folder / 'b_empty.txt'}: empty",
            f"newsgraph: warning: {folder / 'd_binary.txt'}: binary, not text",
            f"newsgraph: warning: {folder / 'f_secret.txt'}: permission denied",
            f"newsgraph: warning: {folder / 'g_feed.jsonl'}:2: not valid JSON: "
            "Expecting property name enclosed in double quotes (column 2)",
        ]
    finally:
        (folder / "f_secret.txt").chmod(0o600)
        shutil.rmtree(folder, ignore_errors=True)
