"""The real web app with the inbox for the browser tests, once per module, and a page
object that signs in through the form."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement

from tests.browser.chat_page import ChatPage
from tests.integration.handover.conftest import stop
from tests.integration.inbox.conftest import EMAIL, PASSWORD, InboxApp, start_inbox_app


def gone(element: WebElement) -> Callable[[WebDriver], bool]:
    """Whether `element` has left the page. Selenium's staleness_of, except that Chrome,
    asked about a node while the next page is loading, may answer "Node with given id does
    not belong to the document" instead of calling it stale: that is gone too."""

    def check(_driver: WebDriver) -> bool:
        try:
            element.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise
        return False

    return check


class InboxPage(ChatPage):
    """The chat page object's waiting, axe and screenshot helpers, for the inbox."""

    def sign_in(self) -> InboxPage:
        self.open("/first-contact/login")
        self.driver.find_element(By.ID, "email").send_keys(EMAIL)
        self.driver.find_element(By.ID, "password").send_keys(PASSWORD)
        self.driver.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
        self.wait_until(lambda d: d.find_elements(By.ID, "new-handovers"))
        return self

    def submit(self, form_action: str) -> None:
        button = self.driver.find_element(
            By.CSS_SELECTOR, f"form[action$='/{form_action}'] button[type=submit]"
        )
        button.click()
        # The page before may already have "?done=" in its address: wait for the new one.
        self.wait_until(gone(button))
        self.wait_until(
            lambda d: (
                "?done=" in d.current_url or d.find_elements(By.CLASS_NAME, "govuk-error-summary")
            )
        )


@pytest.fixture(scope="module")
def inbox_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InboxApp]:
    app = start_inbox_app(tmp_path_factory.mktemp("inbox-browser"), INBOX_POLL_SECONDS="1")
    yield app
    stop(app.process)


@pytest.fixture
def inbox(driver: WebDriver, inbox_app: InboxApp) -> Iterator[InboxPage]:
    driver.set_window_size(1280, 900)
    driver.delete_all_cookies()
    yield InboxPage(driver, inbox_app.url)
    driver.delete_all_cookies()
