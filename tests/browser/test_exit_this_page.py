"""Exit this page: the button, the skip link and Shift pressed three times."""

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.browser.chat_page import ChatPage

pytestmark = pytest.mark.browser

NEUTRAL_SITE = "https://www.bbc.co.uk/weather"


def left_for_the_neutral_site(page: ChatPage) -> None:
    page.wait_until(lambda d: d.current_url.startswith(NEUTRAL_SITE), seconds=10)


def came_back_to_nothing(page: ChatPage) -> None:
    page.open("/chat")
    assert page.stored() is None
    assert page.said() == []


def test_the_exit_button_leaves_for_a_neutral_site_and_forgets_the_conversation(page: ChatPage):
    page.type_and_send("hello")
    page.driver.find_element(By.CSS_SELECTOR, ".govuk-exit-this-page__button").click()
    left_for_the_neutral_site(page)
    came_back_to_nothing(page)


def test_pressing_shift_three_times_leaves_and_forgets_the_conversation(page: ChatPage):
    page.type_and_send("hello")
    ActionChains(page.driver).send_keys(Keys.SHIFT, Keys.SHIFT, Keys.SHIFT).perform()
    left_for_the_neutral_site(page)
    came_back_to_nothing(page)


def test_exit_clears_the_screen_before_leaving(page: ChatPage):
    page.type_and_send("hello")
    page.box.send_keys("half-typed words")
    # What is on screen as the page unloads, kept where the test can read it afterwards.
    page.driver.execute_script(
        "window.addEventListener('beforeunload', () => localStorage.setItem('at-exit',"
        " JSON.stringify([document.getElementById('chat-log').textContent,"
        " document.getElementById('chat-message').value])))"
    )
    page.driver.find_element(By.CSS_SELECTOR, ".govuk-exit-this-page__button").click()
    left_for_the_neutral_site(page)
    page.open("/chat")
    at_exit = page.driver.execute_script("return localStorage.getItem('at-exit')")
    page.driver.execute_script("localStorage.clear()")
    assert at_exit == '["",""]'


def test_capital_letters_typed_with_shift_do_not_exit(page: ChatPage):
    page.box.send_keys("Hello There Again From Me")
    assert page.driver.current_url.startswith(page.base_url)
    assert page.box.get_attribute("value") == "Hello There Again From Me"


def test_the_first_tab_reaches_an_exit_link_that_leaves_with_enter(page: ChatPage):
    page.type_and_send("hello")
    page.open("/chat")
    page.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = page.driver.switch_to.active_element
    assert focused.get_attribute("textContent").strip() == "Exit this page"
    focused.send_keys(Keys.ENTER)
    left_for_the_neutral_site(page)
    came_back_to_nothing(page)
