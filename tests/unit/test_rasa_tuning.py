import logging

import pytest
import structlog
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from sqlalchemy import event
from sqlalchemy.engine import Engine

from bot import rasa_tuning
from bot.rasa_tuning import (
    check_action_replies_once_compiled,
    configure_logging,
    tune_sqlite_tracker_store,
)


@pytest.fixture
def remote_action() -> RemoteAction:
    check_action_replies_once_compiled()
    return RemoteAction("action_continue_conversation", None)


def test_a_well_formed_action_reply_is_accepted(remote_action: RemoteAction) -> None:
    reply = {"events": [{"event": "slot", "name": "risk_level", "value": "none"}], "responses": []}
    assert remote_action._validate_action_result(reply)


def test_a_malformed_action_reply_is_refused_as_rasa_would(remote_action: RemoteAction) -> None:
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        remote_action._validate_action_result({"events": "not a list"})


def test_debug_events_with_message_text_are_dropped_at_info(
    capsys: pytest.CaptureFixture[str],
) -> None:
    configure_logging("INFO")
    structlog.get_logger().debug("processor.message.parse", parse_data_text="my private words")
    printed = capsys.readouterr()
    assert "my private words" not in printed.out + printed.err
    assert logging.getLogger("rasa").level == logging.INFO


def test_an_unknown_level_falls_back_to_info() -> None:
    configure_logging("chatty")
    assert logging.getLogger("rasa").level == logging.INFO


def test_rasas_sqlite_tracker_store_gets_a_write_ahead_log(tmp_path):
    tune_sqlite_tracker_store()
    try:
        store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "tracker.db"))
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        # It listens on every engine: in the Rasa server only the tracker store's, but
        # here it would reach other tests' engines.
        event.remove(Engine, "connect", rasa_tuning._sqlite_only)
