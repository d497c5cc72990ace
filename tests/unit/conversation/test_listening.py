from bot.conversation.listening import reflect


def test_reflection_names_what_matters_and_what_is_hard_despite_typos():
    heard = reflect("i used to love gardning but since my wife passed im so lonley")
    assert heard.interests == ("gardening",)
    assert heard.worries == ("feeling lonely", "losing someone close")
    text = heard.as_text()
    assert "gardening really matters to you" in text
    assert "feeling lonely and losing someone close have been hard" in text


def test_two_interests_read_as_plain_grammar():
    text = reflect("football and my grandkids are everything to me").as_text()
    assert "football and staying in touch with family really matter to you" in text


def test_short_words_are_not_guessed_from_near_misses():
    # "bat" must not be read as "bath"; only exact short words count.
    assert reflect("i found a bat in the loft").worries == ()


def test_a_message_with_no_themes_is_still_thanked_without_inventing_anything():
    assert reflect("well it's complicated").as_text() == "Thank you for telling me."


def test_what_matters_is_said_back_about_the_one_it_matters_to():
    heard = reflect("she always loved singing in the choir")
    assert heard.as_text("your mum").endswith("music and singing really matters to your mum.")
    assert heard.as_text(None).endswith("It sounds like music and singing really matters.")
