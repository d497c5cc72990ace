import asyncio
import logging

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.rasa_channel import GuardedRestInput, guarded, kinds


def test_the_channel_keeps_the_rest_address():
    assert GuardedRestInput.name() == "rest"


def test_an_error_is_named_with_its_causes_but_never_its_text():
    try:
        try:
            raise ConnectionError("my mum's address is 1 High Street")
        except ConnectionError as cause:
            raise RuntimeError("could not save 'my private words'") from cause
    except RuntimeError as error:
        named = kinds(error)
    assert named == "builtins.RuntimeError, from builtins.ConnectionError"


def say(handler, text: str) -> list[dict]:
    collector = CollectingOutputChannel()
    asyncio.run(guarded(handler)(UserMessage(text, collector, "s-1")))
    return collector.messages


def test_a_failed_turn_answers_with_the_number_and_999_and_logs_no_text(caplog):
    async def failing(message: UserMessage) -> None:
        raise RuntimeError(f"could not save {message.text}")

    with caplog.at_level(logging.ERROR):
        [reply] = say(failing, "my private words")
    assert "999" in reply["text"] and "0114" in reply["text"]
    assert "my private words" not in caplog.text
    assert "a chat turn failed: builtins.RuntimeError" in caplog.text


def test_a_turn_that_works_is_untouched():
    async def working(message: UserMessage) -> None:
        await message.output_channel.send_text_message(message.sender_id, "Hello")

    assert say(working, "hi") == [{"recipient_id": "s-1", "text": "Hello"}]
