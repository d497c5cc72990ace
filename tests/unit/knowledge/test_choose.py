"""Answer when clear, ask which of two when close, say so honestly when nothing fits
(issue 10, part 4)."""

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import ActionAnswerQuestion
from bot.conversation.facts import Facts
from bot.conversation.planner import phrases
from bot.council.profile import load_profile
from bot.knowledge.base import load_answers, wording
from bot.knowledge.choose import Choice, candidates, choose, thresholds
from bot.knowledge.respond import respond

KNOWN = load_answers().keys()


def selector(*ranked: tuple[str, float]) -> dict:
    """A parsed message whose intent ranking puts these topics first, best first."""
    ranking = [
        {"name": f"question_{topic}", "confidence": confidence} for topic, confidence in ranked
    ]
    return {"intent": ranking[0], "intent_ranking": ranking}


def test_the_thresholds_come_from_data_and_leave_room_between_answering_and_offering():
    limits = thresholds()
    assert 0 < limits.offer_at_least < limits.answer_at_least < 1
    assert 0 < limits.clear_lead < 1


def test_a_clear_best_topic_is_answered():
    clear = selector(("blue_badge", 0.91), ("carers_allowance", 0.04))
    assert choose(clear, KNOWN) == Choice("answer", ("blue_badge",))


def test_two_close_topics_are_offered_as_a_choice_best_first():
    close = selector(("carers_assessment", 0.46), ("carers_allowance", 0.41), ("pip", 0.05))
    assert choose(close, KNOWN) == Choice("clarify", ("carers_assessment", "carers_allowance"))


def test_a_weak_best_guess_with_nothing_close_is_not_answered():
    weak = selector(("scams", 0.3), ("falls", 0.05))
    assert choose(weak, KNOWN) == Choice("not_sure")


def test_no_parse_or_only_unknown_topics_means_not_sure():
    assert choose(None, KNOWN) == Choice("not_sure")
    assert choose(selector(("parking_fines", 0.99)), KNOWN) == Choice("not_sure")


def test_a_topic_unknown_to_the_knowledge_base_is_skipped_in_favour_of_a_known_one():
    stale_model = selector(("parking_fines", 0.5), ("blue_badge", 0.48), ("pip", 0.01))
    assert choose(stale_model, KNOWN) == Choice("answer", ("blue_badge",))


def test_the_top_intent_is_used_when_the_ranking_is_missing():
    only_top = {"intent": {"name": "question_falls", "confidence": 0.8}}
    assert choose(only_top, KNOWN) == Choice("answer", ("falls",))


def test_only_question_intents_become_candidate_topics():
    parsed = {
        "intent_ranking": [
            {"name": "share_what_matters", "confidence": 0.5},
            {"name": "question_falls", "confidence": 0.3},
        ]
    }
    assert [c.topic for c in candidates(parsed, KNOWN)] == ["falls"]
    assert candidates({"intent": {"name": "greet", "confidence": 1.0}}, KNOWN) == []


def test_a_clear_answer_is_sent_with_its_next_step_link_and_a_gentle_way_back():
    replies = respond(selector(("blue_badge", 0.9)), load_profile())
    texts = [reply.text for reply in replies]
    assert texts[0] == load_answers()["blue_badge"].answer
    assert "0114 496 0123" in texts[1]
    assert texts[2].startswith("Read more on GOV.UK: ")
    assert len(texts) == 3, "the way back is added by the action, in the conversation's words"


def test_a_choice_of_two_is_one_short_question_whose_buttons_send_each_topics_question():
    close = selector(("carers_assessment", 0.46), ("carers_allowance", 0.41))
    [reply] = respond(close, load_profile())
    assert reply.text == wording()["clarify"]
    assert reply.buttons == ("What is a carer's assessment?", "Can I get Carer's Allowance?")


def test_when_nothing_fits_it_says_so_and_gives_first_contacts_number_and_hours():
    asked = {"text": "can you tell me about bin collections?", **selector(("scams", 0.2))}
    [reply] = respond(asked, load_profile())
    assert reply.text.startswith("I'm sorry, I don't have a good answer")
    assert "First Contact" in reply.text
    assert "0114 496 0123" in reply.text
    assert "Monday" in reply.text


def test_the_action_answers_from_the_parsed_message_on_the_tracker():
    parsed = {"text": "how do i get a blue badge", **selector(("blue_badge", 0.93))}
    tracker = Tracker("someone", {}, parsed, [], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionAnswerQuestion().run(dispatcher, tracker, {}))
    assert dispatcher.messages[0]["text"] == load_answers()["blue_badge"].answer
    first_way_back = phrases()["ask_anything_else"][0]
    assert dispatcher.messages[-1]["text"] == first_way_back
    facts = Facts.from_slot(next(e["value"] for e in events if e["name"] == "conversation_facts"))
    later = Tracker(
        "someone", {"conversation_facts": facts.to_slot()}, parsed, [], False, None, {}, ""
    )
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAnswerQuestion().run(dispatcher, later, {}))
    assert dispatcher.messages[-1]["text"] != first_way_back, "never the same words twice"


def test_the_action_offers_buttons_whose_payload_is_the_question_text():
    parsed = selector(("pip", 0.4), ("attendance_allowance", 0.38))
    tracker = Tracker("someone", {}, parsed, [], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAnswerQuestion().run(dispatcher, tracker, {}))
    [message] = dispatcher.messages
    assert [button["payload"] for button in message["buttons"]] == [
        "What is Personal Independence Payment?",
        "What is Attendance Allowance?",
    ]


def test_a_weak_guess_that_is_not_a_question_goes_back_to_the_conversation():
    parsed = {
        "text": "i'm tired but i cope, my sister helps",
        **selector(("carers_assessment", 0.23)),
    }
    assert respond(parsed, load_profile()) == []
    question = {"text": "how do i get my bins emptied", **selector(("scams", 0.2))}
    assert respond(question, load_profile())[0].text.startswith("I'm sorry")


def test_something_told_not_asked_with_no_clear_topic_goes_back_to_the_conversation():
    """An answer to "how are you doing yourself?" is not a question about two topics."""
    told = {
        "text": "we get by, it's just the two of us",
        **selector(("carers_assessment", 0.7), ("mental_wellbeing", 0.2)),
    }
    assert respond(told, load_profile()) == []
