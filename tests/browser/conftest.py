"""One running system, one stand-in Rasa and one headless Chromium for the whole session:
starting them is what costs time, not the tests."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver

from tests.browser.chat_page import ChatPage
from tests.browser.stand_in_rasa import StandInRasa
from tests.integration.stack import Stack, launch, stack_environment, stop, wait_ready
from tests.integration.web.lone_web_app import LoneWebApp, start_lone_web_app

CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

# What a directory search result looks like to the widget (a Rasa json_message), with
# markup where a careless page would run it.
SERVICE_CARD = {
    "type": "service",
    "id": "svc-walking-1",
    "name": "Heeley Walking Group <img src=x onerror=window.pwned=1>",
    "why": "A friendly walk every Tuesday, good for meeting people",
    "phone": "0114 496 0456",
    "email": "walks@example.org",
    "url": "https://walks.example.org/heeley",
    "address": "Heeley City Farm, Richards Road, Sheffield S2 3DT",
    "opening_times": "Tuesdays 10am to 12pm",
}
STAND_IN_REPLIES = [
    {"text": "Here is something nearby. Your reference number is FC-2026-0042."},
    {"custom": SERVICE_CARD},
    {"text": "<b>bold?</b> <script>window.pwned=2</script> See www.example.org/help."},
]


@pytest.fixture(scope="session")
def browser_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    workdir: Path = tmp_path_factory.mktemp("browser-stack")
    # Every test talks from 127.0.0.1, so the per-visitor limit would soon be reached.
    env = stack_environment(workdir, CHAT_MESSAGES_PER_MINUTE="100000")
    running = launch(env, workdir / "launcher.log")
    wait_ready(running)
    yield running
    stop(running)


@pytest.fixture(scope="session")
def rasa_down_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoneWebApp]:
    """The web app with nothing listening where Rasa should be."""
    app = start_lone_web_app(tmp_path_factory.mktemp("rasa-down") / "web.log")
    yield app
    app.stop()


@pytest.fixture(scope="session")
def stand_in_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoneWebApp]:
    """The web app in front of a stand-in Rasa that always answers with STAND_IN_REPLIES."""
    rasa = StandInRasa(STAND_IN_REPLIES).start()
    app = start_lone_web_app(
        tmp_path_factory.mktemp("stand-in") / "web.log", RASA_PORT=str(rasa.port)
    )
    yield app
    app.stop()
    rasa.stop()


@pytest.fixture(scope="session")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="session")
def driver(tmp_path_factory: pytest.TempPathFactory, downloads: Path) -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(downloads), "download.prompt_for_download": False},
    )
    chromium = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    yield chromium
    chromium.quit()


def fresh_page(driver: WebDriver, base_url: str) -> ChatPage:
    """A page with no conversation stored and the window at desktop size."""
    driver.set_window_size(1280, 900)
    page = ChatPage(driver, base_url).open("/chat")
    page.forget()
    # Again, so what a previous test left on screen is gone too.
    return page.open("/chat")


@pytest.fixture
def page(driver: WebDriver, browser_stack: Stack) -> ChatPage:
    return fresh_page(driver, browser_stack.web)


@pytest.fixture
def stand_in_page(driver: WebDriver, stand_in_app: LoneWebApp) -> ChatPage:
    return fresh_page(driver, stand_in_app.url)


@pytest.fixture
def rasa_down_page(driver: WebDriver, rasa_down_app: LoneWebApp) -> ChatPage:
    return fresh_page(driver, rasa_down_app.url)
