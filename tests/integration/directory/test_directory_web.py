import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from bot.launcher import free_port
from directory.validation import page_problems, problems
from tests.directory_factories import database, service

pytestmark = pytest.mark.integration

APP = """
import sys
from sanic import Sanic
from directory.web import blueprint
app = Sanic("oruk_test")
app.blueprint(blueprint)
app.run(host="127.0.0.1", port=int(sys.argv[1]), access_log=False, workers=1)
"""


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("web")
    url = database(
        folder,
        [
            service(
                f"svc-{n}", f"Group {n}", terms=("need-loneliness",), postcode="S8 0ZB", byday="MO"
            )
            for n in range(3)
        ],
    )
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", APP, str(port)],
        env={**os.environ, "DATABASE_URL": url},
        cwd=Path(__file__).resolve().parents[3],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/oruk"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                requests.get(f"{base}/", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_api_describes_itself(api: str) -> None:
    answer = requests.get(f"{api}/", timeout=5)
    assert answer.status_code == 200 and answer.json()["version"] == "3.0"
    assert answer.headers["Access-Control-Allow-Origin"] == "*"


def test_services_are_published_as_valid_pages_and_records(api: str) -> None:
    page = requests.get(f"{api}/services", params={"per_page": 2}, timeout=5).json()
    assert page_problems(page, "service_list") == []
    assert page["total_items"] == 3 and page["total_pages"] == 2
    record = requests.get(f"{api}/services/svc-1", timeout=5).json()
    assert problems(record) == [] and record["name"] == "Group 1"


def test_taxonomies_and_terms_are_published_as_valid_pages(api: str) -> None:
    terms = requests.get(f"{api}/taxonomy_terms", timeout=5).json()
    assert page_problems(terms, "taxonomy_term") == []
    assert page_problems(requests.get(f"{api}/taxonomies", timeout=5).json(), "taxonomy") == []


def test_an_unknown_service_is_a_json_404(api: str) -> None:
    answer = requests.get(f"{api}/services/no-such-thing", timeout=5)
    assert answer.status_code == 404 and answer.json() == {"error": "not found"}


def test_bad_paging_is_a_json_400_that_says_why(api: str) -> None:
    answer = requests.get(f"{api}/services", params={"page": "zero"}, timeout=5)
    assert answer.status_code == 400 and "page must be" in answer.json()["error"]
