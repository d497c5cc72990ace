"""Jinja2 with autoescaping on, so anything a person typed is shown as text, never markup."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic.response import HTTPResponse, html

TEMPLATES = Path(__file__).with_name("templates")


def autoescaping_environment(folder: Path) -> Environment:
    """Templates from `folder`, escaping every value: the one way pages are built here."""
    return Environment(
        loader=FileSystemLoader(folder),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )


@lru_cache(maxsize=1)
def environment() -> Environment:
    return autoescaping_environment(TEMPLATES)


def render(name: str, status: int = 200, **context: Any) -> HTTPResponse:
    return html(environment().get_template(name).render(**context), status=status)
