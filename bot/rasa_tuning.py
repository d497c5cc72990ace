"""Three corrections to how Rasa 3.6 behaves when started from our own code.

Both were found by profiling the Rasa server under load (py-spy, 10 conversations at once):

* Logging. `rasa run` configures structlog; `serve_application` alone does not, so every
  debug event (including the text of each message and the whole tracker) is printed.
  That breaks our rule that logs never hold what people wrote, and it cost a sixth of the
  server's time. We configure structlog at the level asked for, as `rasa run` would.

* Checking the action server's replies. Rasa calls `jsonschema.validate` on every reply,
  which first checks the *schema itself* against the JSON Schema metaschema; with the
  jsonschema version Rasa pins, that took three quarters of the server's time. The schema
  never changes, so we build its validator once and check replies against it: the same
  check, the same error, without the repeated work.

* The SQLite tracker store (the local default). Rasa opens it with SQLite's defaults, so
  every turn's commit waits for the disk with the server's event loop blocked. We give it
  the settings our own SQLite database has (write-ahead log, a busy timeout).
"""

from __future__ import annotations

import logging
import sqlite3
from functools import cache
from typing import Any

from jsonschema import ValidationError, validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.utils.common import configure_logging_and_warnings
from rasa.utils.log_utils import configure_structlog
from sqlalchemy import event
from sqlalchemy.engine import Engine

from directory.db import sqlite_pragmas


def configure_logging(level_name: str) -> None:
    """Plain and structured logging at one level, chosen by LOG_LEVEL (INFO if unknown)."""
    level = logging.getLevelName(level_name.upper())
    if not isinstance(level, int):
        level = logging.INFO
    configure_logging_and_warnings(level)
    configure_structlog(level)


@cache
def _action_reply_validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    return validators.validator_for(schema)(schema)


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    try:
        _action_reply_validator().validate(result)
    except ValidationError as error:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response "
            f"from the Action endpoint is valid. See {DOCS_BASE_URL}/custom-actions"
        )
        raise
    return True


def _sqlite_only(dbapi_connection: object, record: object) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        sqlite_pragmas(dbapi_connection, record)


def tune_sqlite_tracker_store() -> None:
    # On the Engine class, as Rasa makes its engine itself: this process has no other.
    event.listen(Engine, "connect", _sqlite_only)


def check_action_replies_once_compiled() -> None:
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
