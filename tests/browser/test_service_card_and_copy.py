"""A directory result shown as a card, markup from the assistant shown as text, and the
copy a person can keep."""

import time
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from tests.browser.chat_page import ChatPage
from tests.browser.conftest import SERVICE_CARD

pytestmark = pytest.mark.browser


def test_a_service_is_shown_as_a_card_with_why_it_fits_contacts_and_opening_times(
    stand_in_page: ChatPage,
):
    page = stand_in_page
    page.type_and_send("walking groups near S8")
    card = page.driver.find_element(By.CSS_SELECTOR, "#chat-log .chat__card")
    rows = {
        row.find_element(By.TAG_NAME, "dt").text: row.find_element(By.TAG_NAME, "dd")
        for row in card.find_elements(By.CLASS_NAME, "govuk-summary-list__row")
    }
    assert (
        card.find_element(By.CLASS_NAME, "govuk-summary-card__title").text == (SERVICE_CARD["name"])
    )
    assert rows["Why it might suit you"].text == SERVICE_CARD["why"]
    assert rows["Opening times"].text == SERVICE_CARD["opening_times"]
    assert rows["Address"].text == SERVICE_CARD["address"]
    phone = rows["Phone"].find_element(By.TAG_NAME, "a")
    assert phone.get_attribute("href") == "tel:01144960456"
    assert rows["Email"].find_element(By.TAG_NAME, "a").get_attribute("href") == (
        "mailto:walks@example.org"
    )
    website = rows["Website"].find_element(By.TAG_NAME, "a")
    assert website.get_attribute("href") == SERVICE_CARD["url"]
    for width in (320, 1280):
        page.screenshot("service-card", width)
        assert page.driver.execute_script("return document.documentElement.scrollWidth") <= width


def test_markup_from_the_assistant_shows_as_text_and_web_addresses_become_links(
    stand_in_page: ChatPage,
):
    page = stand_in_page
    page.type_and_send("hello")
    assert "<b>bold?</b> <script>window.pwned=2</script>" in page.helper_text()
    assert page.driver.find_elements(By.CSS_SELECTOR, "#chat-log b, #chat-log img") == []
    assert page.driver.execute_script("return window.pwned === undefined")
    link = page.driver.find_element(By.LINK_TEXT, "www.example.org/help")
    assert link.get_attribute("href") == "https://www.example.org/help"


def test_download_gives_a_plain_text_copy_with_what_was_said_offered_and_the_reference(
    stand_in_page: ChatPage, downloads: Path
):
    page = stand_in_page
    page.type_and_send("<i>my</i> words")
    page.driver.find_element(By.ID, "chat-download").click()
    deadline = time.monotonic() + 10
    while not list(downloads.glob("conversation-*.txt")) and time.monotonic() < deadline:
        time.sleep(0.1)
    copy = next(downloads.glob("conversation-*.txt")).read_text(encoding="utf-8")
    assert "You: <i>my</i> words" in copy
    assert f"Helper offered: {SERVICE_CARD['name']}" in copy
    assert f"Phone: {SERVICE_CARD['phone']}" in copy
    assert "Reference numbers: FC-2026-0042" in copy
    assert "In an emergency, call 999." in copy


def test_print_shows_only_the_conversation(stand_in_page: ChatPage):
    page = stand_in_page
    page.type_and_send("hello")
    page.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert page.driver.find_element(By.ID, "chat-log").is_displayed()
        for hidden in ("chat-form", "chat-tools"):
            assert not page.driver.find_element(By.ID, hidden).is_displayed()
        exit_button = page.driver.find_element(By.CSS_SELECTOR, ".govuk-exit-this-page")
        assert not exit_button.is_displayed()
    finally:
        page.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
