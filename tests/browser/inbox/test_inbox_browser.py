"""The inbox in headless Chromium: a new urgent hand-over appears without a reload and is
worked to closed; markup a person wrote stays text; axe-core finds nothing on any page.
Screenshots go to var/artefacts/ for a person to look at."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.browser.inbox.conftest import InboxPage
from tests.integration.inbox.conftest import InboxApp
from tests.unit.handover.factories import (
    anonymous_facts,
    call_back_facts,
    record,
    safeguarding_facts,
    transcript,
)

pytestmark = pytest.mark.browser

PAYLOAD = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'
ARABIC = "ابني يأخذ مالي"
HEBREW = "הבן שלי לוקח את הכסף שלי"


def test_the_sign_in_page_has_no_accessibility_violations(inbox: InboxPage):
    inbox.open("/first-contact/login")
    assert inbox.axe_violations() == []
    inbox.screenshot("inbox-sign-in", 1280)


def test_a_new_urgent_hand_over_appears_without_a_reload_and_is_worked_to_closed(
    inbox: InboxPage, inbox_app: InboxApp
):
    inbox_app.post_handover(record(call_back_facts(conversation_id="conv-browser-cb")))
    inbox.sign_in()
    driver = inbox.driver
    assert not driver.find_element(By.ID, "new-handovers").is_displayed()
    driver.execute_script("window.stillTheSamePage = true;")
    urgent = record(anonymous_facts(conversation_id="conv-browser-urgent"))
    reference = urgent["reference"]
    assert inbox_app.post_handover(urgent).status_code == 201

    banner = inbox.wait_until(lambda d: d.find_element(By.ID, "new-handovers").is_displayed())
    assert banner
    announced = driver.find_element(By.ID, "inbox-announcer").get_attribute("textContent")
    assert announced == f"New immediate hand-over {reference}."
    assert driver.execute_script("return window.stillTheSamePage === true;")
    assert driver.title.startswith("(1 new)")
    assert inbox.axe_violations() == []
    inbox.screenshot("inbox-new-urgent", 1280)

    driver.find_element(By.LINK_TEXT, f"Hand-over {reference}").click()
    inbox.wait_until(lambda d: d.find_elements(By.CSS_SELECTOR, "h1"))
    assert driver.find_element(By.CSS_SELECTOR, "h1").text == f"Hand-over {reference}"
    assert inbox.axe_violations() == []
    inbox.screenshot("inbox-handover", 1280)

    inbox.submit("claim")
    assert "Claimed by Ann Worker" in driver.find_element(By.TAG_NAME, "main").text
    driver.find_element(By.ID, "note").send_keys("Ambulance called by the neighbour")
    inbox.submit("notes")
    driver.find_element(By.CSS_SELECTOR, "label[for=outcome-referred_on]").click()
    inbox.submit("close")
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "The hand-over is closed." in main and "Outcome: Referred on" in main
    assert "Ambulance called by the neighbour" in main

    driver.find_element(By.PARTIAL_LINK_TEXT, "Audit trail").click()
    inbox.wait_until(lambda d: "Audit trail for" in d.find_element(By.TAG_NAME, "h1").text)
    rows = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "tbody .govuk-table__row")]
    actions = [row.rsplit("Ann Worker ", 1)[1] for row in rows]
    assert [action for action in actions if action != "Viewed"] == [
        "Claimed",
        "Noted",
        "Closed",
        "Viewed audit",
    ]
    assert inbox.axe_violations() == []
    inbox.screenshot("inbox-audit", 1280)

    driver.find_element(By.LINK_TEXT, "Numbers").click()
    inbox.wait_until(lambda d: d.find_element(By.TAG_NAME, "h1").text.startswith("Numbers"))
    assert driver.find_elements(By.CSS_SELECTOR, "svg rect")
    assert inbox.axe_violations() == []
    inbox.screenshot("inbox-numbers", 1280)


def test_markup_a_person_wrote_is_shown_as_text_and_never_runs(
    inbox: InboxPage, inbox_app: InboxApp
):
    facts = safeguarding_facts(
        conversation_id="conv-browser-xss",
        transcript=transcript(
            "I'm worried about my mum", "What's been happening?", HEBREW, "I see.", PAYLOAD
        ),
        in_their_words=[PAYLOAD, ARABIC],
    )
    built = record(facts)
    assert inbox_app.post_handover(built).status_code == 201
    inbox.sign_in()
    row = inbox.driver.find_element(By.CSS_SELECTOR, f"tr[data-reference='{built['reference']}']")
    assert "inbox-table__row--urgent" in row.get_attribute("class")
    assert "Urgent" in row.text and "New" in row.text
    assert "Overdue" in row.text  # its call-back time, on a Tuesday in November, has passed
    inbox.screenshot("inbox-list", 1280)
    inbox.open(f"/first-contact/handovers/{built['reference']}")
    quotes = inbox.driver.find_elements(By.CSS_SELECTOR, "blockquote.inbox-quote")
    assert [quote.text for quote in quotes] == [PAYLOAD, ARABIC]
    # Right-to-left writing reads right to left; the rest of the page is unaffected.
    assert [quote.value_of_css_property("direction") for quote in quotes] == ["ltr", "rtl"]
    turns = inbox.driver.find_elements(By.CSS_SELECTOR, ".inbox-turn__text")
    assert turns[-1].text == PAYLOAD
    assert turns[2].text == HEBREW and turns[2].value_of_css_property("direction") == "rtl"
    assert inbox.driver.execute_script("return window.pwned === undefined;")
    assert inbox.driver.find_elements(By.CSS_SELECTOR, "main img") == []
    inbox.screenshot("inbox-xss-as-text", 1280)


def test_the_inbox_works_from_the_keyboard_with_a_visible_focus(
    inbox: InboxPage, inbox_app: InboxApp
):
    inbox.sign_in()
    driver = inbox.driver
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    skip = driver.switch_to.active_element
    assert skip.text == "Skip to main content"
    assert skip.is_displayed()
    skip.send_keys(Keys.TAB)
    name = driver.switch_to.active_element
    assert name.text == "First Contact inbox"
    # GOV.UK's focus state: yellow background and a dark underline, not colour alone.
    assert name.value_of_css_property("background-color") == "rgba(255, 221, 0, 1)"
    assert name.value_of_css_property("box-shadow") != "none"
