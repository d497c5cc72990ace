import logging

import jsonschema
import numpy as np
import pytest
import scipy.sparse
import structlog
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message

from bot import rasa_tuning
from bot.rasa_tuning import (
    ActionReplyValidator,
    check_action_replies_once_compiled,
    configure_logging,
    sentence_features_matrix,
)

SCHEMA = RemoteAction.action_response_format_spec()
REPLIES = {
    "slots and a bot message": {
        "events": [
            {"event": "slot", "name": "risk_level", "value": "high", "timestamp": None},
            {"event": "bot", "text": "Thank you", "data": {"buttons": []}},
            {"event": "session_started"},
            {"event": "action", "name": "action_listen"},
        ],
        "responses": [{"text": "Hello", "buttons": [{"title": "Yes", "payload": "/affirm"}]}],
    },
    "nothing at all": {},
    "events not a list": {"events": "not a list"},
    "an event that is not an object": {"events": ["slot"]},
    "an event without a name": {"events": [{"name": "risk_level"}]},
    "an unknown event": {"events": [{"event": "teleport"}]},
    "an event of the wrong shape": {"events": [{"event": "slot", "name": 42}]},
    "a timestamp that is text": {"events": [{"event": "restart", "timestamp": "noon"}]},
    "responses not objects": {"events": [], "responses": ["hello"]},
}


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


VALID = {"slots and a bot message", "nothing at all"}


@pytest.mark.parametrize("name", REPLIES)
def test_the_quicker_check_agrees_with_jsonschema(name: str) -> None:
    reply = REPLIES[name]
    try:
        jsonschema.validate(reply, SCHEMA)
        expected = None
    except ValidationError as error:
        expected = error.message
    try:
        ActionReplyValidator(SCHEMA).validate(reply)
        got = None
    except ValidationError as error:
        got = error.message
    assert got == expected
    assert (got is None) == (name in VALID)


def test_event_schemas_that_share_a_name_are_refused() -> None:
    schema = {
        "type": "object",
        "properties": {
            "events": {
                "type": "array",
                "items": {
                    "type": "object",
                    "oneOf": [
                        {"properties": {"event": {"const": "slot"}}},
                        {"properties": {"event": {"const": "slot"}, "name": {"type": "string"}}},
                    ],
                },
            }
        },
    }
    with pytest.raises(ValueError, match="share a name"):
        ActionReplyValidator(schema)


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


def _features(kind: str, origin: str, values: list[list[float]], dense: bool = False) -> Features:
    matrix = np.array(values) if dense else scipy.sparse.coo_matrix(values)
    return Features(matrix, kind, TEXT, origin)


def _message(dense: bool = False) -> Message:
    message = Message(data={TEXT: "my mum fell"})
    for origin, width in (("lexical", 2), ("words", 3), ("letters", 4)):
        message.add_features(_features("sequence", origin, [[1.0] * width] * 3))
        row = [[float(n % 3) for n in range(width)]]
        message.add_features(_features("sentence", origin, row))
    if dense:
        message.add_features(_features("sentence", "dense", [[0.5, 0.25]], dense=True))
    return message


@pytest.mark.parametrize("dense", [False, True], ids=["sparse only", "with dense features"])
def test_the_classifier_gets_the_same_matrix_built_once(dense: bool) -> None:
    messages = [_message(dense), _message(dense)]
    classifier = object.__new__(LogisticRegressionClassifier)
    ours = sentence_features_matrix(classifier, messages)
    rasas = rasa_tuning._rasas_create_x(classifier, messages)
    assert ours.shape == rasas.shape
    assert (ours.toarray() == rasas.toarray()).all()
