"""WCAG 2.2 AA checks: axe-core on both pages, small screens, reduced motion, and
screenshots under var/artefacts/ for a person to look at."""

import pytest
from selenium.webdriver.common.by import By

from tests.browser.chat_page import ChatPage

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/", "/chat"])
def test_axe_finds_no_violations_before_and_during_a_conversation(page: ChatPage, path: str):
    page.open(path)
    assert page.axe_violations() == []
    page.type_and_send("hello")
    page.type_and_send("i used to love gardening but im lonley now")
    assert page.axe_violations() == []


@pytest.mark.parametrize("path", ["/", "/chat"])
def test_axe_finds_no_violations_when_showing_an_error_or_a_service_card(
    stand_in_page: ChatPage, path: str
):
    page = stand_in_page
    page.open(path)
    page.type_and_send("walking groups")
    page.box.clear()
    page.driver.find_element(By.ID, "chat-send").click()
    assert page.error()
    assert page.axe_violations() == []


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize(("path", "name"), [("/", "home"), ("/chat", "chat")])
def test_the_pages_fit_the_width_with_no_sideways_scrolling(
    page: ChatPage, path: str, name: str, width: int
):
    page.open(path)
    page.type_and_send("hello")
    page.type_and_send("i used to love gardening but im lonley now")
    screenshot = page.screenshot(name, width)
    assert screenshot.stat().st_size > 0
    scroll_width = page.driver.execute_script("return document.documentElement.scrollWidth")
    assert scroll_width <= width


def test_the_typing_dots_stand_still_for_people_who_ask_for_less_motion(page: ChatPage):
    page.driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]},
    )
    try:
        page.driver.execute_script(
            "const d = document.createElement('span'); d.className = 'chat__dots';"
            "d.append(document.createElement('span'));"
            "document.getElementById('chat-typing').append(d);"
        )
        dot = page.driver.find_element(By.CSS_SELECTOR, ".chat__dots span")
        assert dot.value_of_css_property("animation-name") == "none"
    finally:
        page.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_every_control_has_a_label_and_the_conversation_is_a_polite_live_log(page: ChatPage):
    log = page.driver.find_element(By.ID, "chat-log")
    assert log.get_attribute("role") == "log"
    assert log.get_attribute("aria-live") == "polite"
    label = page.driver.find_element(By.CSS_SELECTOR, "label[for='chat-message']")
    assert label.text == "Your message"
