"""When the assistant cannot answer, the person is told plainly and keeps what they typed."""

from collections.abc import Iterator

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from tests.browser.chat_page import ChatPage
from tests.browser.conftest import fresh_page
from tests.browser.stand_in_rasa import StandInRasa
from tests.integration.web.lone_web_app import LoneWebApp, start_lone_web_app

pytestmark = pytest.mark.browser


def test_when_rasa_is_unreachable_the_widget_gives_the_numbers_and_keeps_the_text(
    rasa_down_page: ChatPage,
):
    page = rasa_down_page
    page.type_and_send("I need some help with my mum")
    assert "0114 496 0123" in page.error()
    assert "999" in page.error()
    assert page.box.get_attribute("value") == "I need some help with my mum"
    assert page.said() == []
    assert page.stored() is None
    links = page.driver.find_elements(By.CSS_SELECTOR, "a[href='tel:999']")
    assert links


# Just over the limit (refused after reading), and 100,000 characters (refused unread:
# the body is over the web app's byte limit).
@pytest.mark.parametrize("times", [100, 4762], ids=["2,100 characters", "100,000 characters"])
def test_a_message_over_2000_characters_is_refused_and_stays_in_the_box(page: ChatPage, times: int):
    long_message = "I look after my dad. " * times
    page.driver.execute_script(
        "document.getElementById('chat-message').value = arguments[0]", long_message
    )
    page.type_and_send("")
    assert "2,000 characters" in page.error()
    assert page.box.get_attribute("value") == long_message
    assert page.box.get_attribute("aria-describedby") == "chat-message-hint chat-error"


def test_sending_an_empty_box_asks_for_a_message(page: ChatPage):
    page.box.send_keys("   ")
    page.driver.find_element(By.ID, "chat-send").click()
    assert page.error() == "Please type a message before sending."
    assert page.said() == []


@pytest.fixture(scope="module")
def one_message_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoneWebApp]:
    """The web app allowing one message per conversation a minute, before a stand-in Rasa."""
    rasa = StandInRasa([{"text": "Thank you for telling me."}]).start()
    app = start_lone_web_app(
        tmp_path_factory.mktemp("one-message") / "web.log",
        RASA_PORT=str(rasa.port),
        CHAT_MESSAGES_PER_CONVERSATION_PER_MINUTE="1",
    )
    yield app
    app.stop()
    rasa.stop()


def test_sending_too_fast_asks_the_person_to_wait_and_keeps_the_text(
    driver: WebDriver, one_message_app: LoneWebApp
):
    page = fresh_page(driver, one_message_app.url)
    page.type_and_send("hello")
    page.type_and_send("my dad keeps falling over")
    assert "Please wait a minute" in page.error()
    assert "0114 496 0123" in page.error() and "999" in page.error()
    assert page.box.get_attribute("value") == "my dad keeps falling over"
    assert page.said() == [("You:", "hello"), ("Helper:", "Thank you for telling me.")]
