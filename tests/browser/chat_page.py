"""Driving the chat widget the way a person would, with waits instead of sleeps."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

from bot.settings import PROJECT_ROOT

STORE_KEY = "conversation-one.chat"
AXE = PROJECT_ROOT / "bot/web/frontend/node_modules/axe-core/axe.min.js"
ARTEFACTS = PROJECT_ROOT / "var/artefacts"
WAIT_SECONDS = 20


class ChatPage:
    def __init__(self, driver: WebDriver, base_url: str) -> None:
        self.driver = driver
        self.base_url = base_url

    def open(self, path: str = "/") -> ChatPage:
        self.driver.get(f"{self.base_url}{path}")
        self.wait_until(lambda d: d.execute_script("return document.readyState") == "complete")
        return self

    def wait_until(
        self, condition: Callable[[WebDriver], Any], seconds: float = WAIT_SECONDS
    ) -> Any:
        return WebDriverWait(self.driver, seconds).until(condition)

    @property
    def box(self) -> WebElement:
        return self.driver.find_element(By.ID, "chat-message")

    def type_and_send(self, text: str) -> None:
        before = len(self.messages())
        self.box.send_keys(text)
        self.box.send_keys(Keys.ENTER)
        # The person's own message appears at once; wait until the reply (or error) is in.
        self.wait_until(
            lambda d: (
                d.find_element(By.ID, "chat-send").is_enabled()
                and (len(self.messages()) > before + 1 or self.error())
            )
        )

    def messages(self) -> list[WebElement]:
        return self.driver.find_elements(By.CSS_SELECTOR, "#chat-log .chat__message")

    def said(self) -> list[tuple[str, str]]:
        """(who, text) for every message on screen, in order."""
        return [
            (
                message.find_element(By.CLASS_NAME, "chat__who").text,
                "\n".join(p.text for p in message.find_elements(By.CLASS_NAME, "chat__text")),
            )
            for message in self.messages()
        ]

    def helper_text(self) -> str:
        return "\n".join(text for who, text in self.said() if who == "Helper:")

    def error(self) -> str:
        return self.driver.find_element(By.ID, "chat-error").text

    def stored(self) -> dict | None:
        raw = self.driver.execute_script(f"return sessionStorage.getItem('{STORE_KEY}')")
        return None if raw is None else json.loads(raw)

    def forget(self) -> None:
        self.driver.execute_script("sessionStorage.clear()")

    def axe_violations(self) -> list[dict]:
        self.driver.execute_script(AXE.read_text())
        return self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']})"
            ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
            " nodes: v.nodes.map(n => n.target.join(' '))}))));"
        )

    def screenshot(self, name: str, width: int) -> Path:
        """The whole page at this width (the window is made as tall as the page)."""
        self.driver.set_window_size(width, 900)
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(width, max(900, height + 150))
        self.driver.execute_script("window.scrollTo(0, 0)")
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTEFACTS / f"{name}-{width}px.png"
        self.driver.save_screenshot(str(path))
        return path
