"""A person chatting through the widget with the real assistant behind it."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of

from tests.browser.chat_page import ChatPage

pytestmark = pytest.mark.browser

# Records every text the typing indicator shows, so a brief one is not missed.
WATCH_TYPING = """
window.typingSeen = [];
const typing = document.getElementById('chat-typing');
new MutationObserver(() => window.typingSeen.push(typing.textContent))
  .observe(typing, {childList: true, subtree: true});
"""


def test_a_whole_conversation_shows_the_replies_in_order(page: ChatPage):
    page.open("/")
    page.type_and_send("hello")
    page.type_and_send("i used to love gardening but im lonley now")
    said = page.said()
    assert said[0] == ("You:", "hello")
    assert said[1][0] == "Helper:"
    assert "not a person" in said[1][1]
    assert said[2] == ("Helper:", "What matters most to you at the moment?")
    assert said[3] == ("You:", "i used to love gardening but im lonley now")
    assert "gardening really matters to you" in page.helper_text()


def test_the_typing_indicator_shows_while_waiting_for_a_reply(page: ChatPage):
    page.driver.execute_script(WATCH_TYPING)
    page.type_and_send("hello")
    assert "The helper is writing a reply" in page.driver.execute_script("return window.typingSeen")
    assert page.driver.find_element(By.ID, "chat-typing").text == ""


def test_a_quick_reply_sends_its_payload_and_shows_its_title_as_what_the_person_said(
    page: ChatPage,
):
    page.type_and_send("hello")
    page.type_and_send("i used to love gardening but im lonley now")
    buttons = page.driver.find_elements(By.CSS_SELECTOR, ".chat__quick-replies button")
    assert buttons
    title = buttons[0].text
    count = len(page.messages())
    buttons[0].click()
    page.wait_until(lambda _d: len(page.messages()) > count + 1)
    assert page.said()[count] == ("You:", title)
    assert staleness_of(buttons[0])(page.driver), "the used quick replies are taken away"


def test_phone_numbers_in_a_reply_become_tel_links(page: ChatPage):
    page.type_and_send("hello")
    page.type_and_send("thanks, bye for now")
    links = page.driver.find_elements(By.CSS_SELECTOR, '#chat-log a[href="tel:01144960123"]')
    assert [link.text for link in links] == ["0114 496 0123"]


def test_markup_typed_by_the_person_shows_as_text_and_never_runs(page: ChatPage):
    attack = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'
    page.type_and_send(attack)
    assert page.said()[0] == ("You:", attack)
    assert page.driver.find_elements(By.CSS_SELECTOR, "#chat-log img, #chat-log script") == []
    assert page.driver.execute_script("return window.pwned === undefined")


def test_arabic_and_hebrew_read_right_to_left_and_english_left_to_right(page: ChatPage):
    for message in ("أحتاج مساعدة لأمي", "אני צריך עזרה עם אמא שלי"):
        page.type_and_send(message)
    directions = page.driver.execute_script(
        "return Array.from(document.querySelectorAll('#chat-log .chat__text'),"
        " p => [p.textContent, getComputedStyle(p).direction]);"
    )
    assert ["أحتاج مساعدة لأمي", "rtl"] in directions
    assert ["אני צריך עזרה עם אמא שלי", "rtl"] in directions
    assert all(direction == "ltr" for text, direction in directions if text.isascii())


def test_the_conversation_survives_a_reload_in_the_same_tab(page: ChatPage):
    page.type_and_send("hello")
    before = page.said()
    page.open("/chat")
    assert page.said() == before
    page.open("/")
    assert page.said() == before


def test_a_conversation_left_for_over_half_an_hour_is_not_brought_back(page: ChatPage):
    page.type_and_send("hello")
    page.driver.execute_script(
        "const s = JSON.parse(sessionStorage.getItem('conversation-one.chat'));"
        "s.updatedAt -= 31 * 60 * 1000;"
        "sessionStorage.setItem('conversation-one.chat', JSON.stringify(s));"
    )
    page.open("/chat")
    assert page.said() == []
    assert page.stored() is None


def test_clear_this_conversation_removes_it_from_the_screen_and_the_browser(page: ChatPage):
    page.type_and_send("hello")
    old_id = page.stored()["id"]
    page.driver.find_element(By.ID, "chat-clear").click()
    assert page.said() == []
    assert page.stored() is None
    page.open("/chat")
    assert page.said() == []
    page.type_and_send("hello")
    assert page.stored()["id"] != old_id
