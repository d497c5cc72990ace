"""python -m bot.language: reading grade and banned words across every response."""

from statistics import mean

from bot.language.readability import banned_words_in, grade, rules
from bot.language.responses import all_responses


def main() -> None:
    scored = [(where, grade(text), banned_words_in(text)) for where, text in all_responses()]
    hardest = max(scored, key=lambda item: item[1])
    print(f"responses checked:  {len(scored)}")
    print(
        f"mean reading grade: {mean(g for _, g, _ in scored):.1f} "
        f"(target {rules()['target_grade']})"
    )
    print(f"hardest:            {hardest[1]:.1f} ({hardest[0]}; limit {rules()['max_grade']})")
    print(f"banned words found: {sum(len(b) for _, _, b in scored)}")


if __name__ == "__main__":
    main()
