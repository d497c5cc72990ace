"""Three corrections to how Rasa 3.6 behaves when started from our own code.

All were found by profiling the Rasa server under load (py-spy, 10 conversations at once):

* Logging. `rasa run` configures structlog; `serve_application` alone does not, so every
  debug event (including the text of each message and the whole tracker) is printed.
  That breaks our rule that logs never hold what people wrote, and it cost a sixth of the
  server's time. We configure structlog at the level asked for, as `rasa run` would.

* Checking the action server's replies. Rasa calls `jsonschema.validate` on every reply,
  which first checks the *schema itself* against the JSON Schema metaschema; with the
  jsonschema version Rasa pins, that took three quarters of the server's time. Then each
  event is tried against all 23 event schemas (`oneOf`), a tenth of what remained. The
  schema never changes, so we build its validators once, and check each event against
  the one schema its `event` name selects: the same check, the same error, less work.

* The intent classifier's input. `LogisticRegressionClassifier` asks each message for its
  combined sparse features, which deep-copies and joins the sequence features as well as
  the sentence features, and then uses the sentence features alone: a tenth of the
  server's time. We join the sentence features only: the same matrix, built once.

The tracker store (bot/tracker_store.py), the graph runner (bot/rasa_graph.py) and the
action server's kept-alive connections (bot/rasa_endpoints.py) came from the same profile.
"""

from __future__ import annotations

import copy
import logging
from functools import cache
from typing import Any

from jsonschema import ValidationError, validators
from rasa.core.actions.action import RemoteAction
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.utils.common import configure_logging_and_warnings
from rasa.utils.log_utils import configure_structlog
from scipy.sparse import coo_matrix, hstack, vstack


def configure_logging(level_name: str) -> None:
    """Plain and structured logging at one level, chosen by LOG_LEVEL (INFO if unknown)."""
    level = logging.getLevelName(level_name.upper())
    if not isinstance(level, int):
        level = logging.INFO
    configure_logging_and_warnings(level)
    configure_structlog(level)


def _validator(schema: dict[str, Any]) -> Any:
    return validators.validator_for(schema)(schema)


class ActionReplyValidator:
    """Validates against `schema`, whose events must each match one of its `oneOf` event
    schemas. Those differ in the `const` of `event`, so only the schema of the event's
    own name can match: checking that one alone gives the same verdict. Anything
    refused is checked again in full, so the error is the one jsonschema would give."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self._full = _validator(schema)
        outline = copy.deepcopy(schema)
        kinds = outline["properties"]["events"]["items"].pop("oneOf")
        self._outline = _validator(outline)
        self._by_name = {kind["properties"]["event"]["const"]: _validator(kind) for kind in kinds}
        if len(self._by_name) != len(kinds):
            raise ValueError("event schemas share a name: only the full check is right")

    def _fits(self, event: Any) -> bool:
        kind = self._by_name.get(event.get("event"))
        return kind is not None and kind.is_valid(event)

    def validate(self, reply: Any) -> None:
        if self._outline.is_valid(reply) and all(map(self._fits, reply.get("events") or [])):
            return
        self._full.validate(reply)


@cache
def _action_reply_validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    try:
        return ActionReplyValidator(schema)
    except (KeyError, ValueError):  # a Rasa whose schema is shaped otherwise
        return _validator(schema)


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


def check_action_replies_once_compiled() -> None:
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]


_rasas_create_x = LogisticRegressionClassifier._create_X


def sentence_features_matrix(
    classifier: LogisticRegressionClassifier, messages: list[Message]
) -> coo_matrix:
    """What `LogisticRegressionClassifier._create_X` returns, joining only what it uses."""
    rows = []
    for message in messages:
        if any(feature.is_dense() for feature in message.features):
            return _rasas_create_x(classifier, messages)  # not in our pipeline
        sentence = [
            feature.features
            for feature in message.features
            if feature.attribute == TEXT and feature.type == FEATURE_TYPE_SENTENCE
        ]
        rows.append(hstack(sentence) if sentence else coo_matrix((1, 0)))
    return vstack(rows)


def classify_from_sentence_features_only() -> None:
    LogisticRegressionClassifier._create_X = sentence_features_matrix  # type: ignore[method-assign]
