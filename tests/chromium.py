"""Headless Debian Chromium driven by selenium, for the browser tests (test_html.py, test_browser.py).

Chromium and ChromeDriver come from apt (``make browser-deps``); selenium is pointed at them directly
so it never tries to download a driver. Every session gets a fresh profile folder.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--window-size=1400,900",
)


def require_chromium() -> None:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("Chromium and ChromeDriver are not installed (run `make browser-deps`)")


@contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium session (selenium WebDriver) with the performance log on."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    require_chromium()
    profile = tempfile.mkdtemp(prefix="newsgraph-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    # The performance log lists every network request the page makes.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def requested_urls(driver) -> list[str]:
    """URLs of every request the browser sent since the log was last read."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def screenshot(driver, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    driver.save_screenshot(str(path))
    return path


def publish(shot: Path, docs_name: str) -> None:
    """Copy a screenshot to docs/ (the README's pictures) only when asked with
    NEWSGRAPH_UPDATE_DOCS=1: a plain test run leaves the working tree as it found it."""
    if os.environ.get("NEWSGRAPH_UPDATE_DOCS") == "1":
        shutil.copyfile(shot, Path(__file__).resolve().parents[1] / "docs" / docs_name)
