"""The topic intents and their rule are generated from the answers and up to date
(issue 10, part 3)."""

import yaml
from rasa.shared.core.domain import Domain

from bot.knowledge.base import load_answers
from bot.knowledge.domain import DOMAIN_PATH, RULES_PATH, render_domain, render_rules


def test_the_generated_files_are_up_to_date_with_the_answers():
    message = "run `python -m bot.knowledge.domain` and commit what it writes"
    assert DOMAIN_PATH.read_text(encoding="utf-8") == render_domain(), message
    assert RULES_PATH.read_text(encoding="utf-8") == render_rules(), message


def test_every_topic_is_an_intent_that_the_rule_answers():
    domain = Domain.from_yaml(render_domain())
    topics = {f"question_{topic}" for topic in load_answers()}
    assert topics <= set(domain.intents)
    [rule] = yaml.safe_load(render_rules())["rules"]
    assert {step["intent"] for step in rule["steps"][0]["or"]} == topics
    assert rule["steps"][1] == {"action": "action_answer_question"}
