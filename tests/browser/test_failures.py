"""When the assistant cannot answer, the person is told plainly and keeps what they typed."""

import pytest
from selenium.webdriver.common.by import By

from tests.browser.chat_page import ChatPage

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


def test_a_message_over_2000_characters_is_refused_and_stays_in_the_box(page: ChatPage):
    long_message = "I look after my dad. " * 100
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
