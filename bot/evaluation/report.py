"""Turn evaluation results into a summary a non-programmer can read, and a full report."""

from __future__ import annotations

from typing import Any


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _intent_alternatives(r: dict[str, Any], test: str) -> str:
    words, default = r[f"nlu_words_{test}"], r[f"nlu_default_{test}"]
    return f"{_num(words['f1'])} words only; {_num((default or {}).get('f1'))} Rasa default"


WRITTEN_SAFETY = (
    ("serious_rated_urgent_plus", "Serious risk rated urgent or higher"),
    ("serious_rated_or_checked", "Serious risk rated urgent or higher, or checked"),
    ("concern_rated_concern_plus", "Concern rated concern or higher"),
    ("ordinary_raised", "Ordinary messages raised (false alarms)"),
    ("needless_checks", "Ordinary messages given a check question"),
)


def _written_safety_rows(found: dict[str, Any]) -> list[tuple[str, str, str]]:
    blind = found["blind"]
    return [
        (
            f"{title}, blind set written the way people write",
            _pct(blind["both"][key]),
            f"{_pct(blind['lexicon'][key])} lexicon alone; "
            f"{_pct(blind['classifier'][key])} classifier alone",
        )
        for key, title in WRITTEN_SAFETY
    ]


def _written_safety_section(found: dict[str, Any]) -> list[str]:
    sets = [("blind", "blind (frozen)"), ("dev", "development (tuned on)")]
    if isinstance(found["shared"], dict):
        sets.append(("shared", "shared examples"))
    header = " | ".join(f"{label}: {way}" for _, label in sets for way in ("both", "lexicon"))
    lines = [
        "### Messages written the way people write: lexicon and classifier together",
        "",
        f"Blind set SHA-256 `{found['blind_sha256']}`. Development figures are rated by "
        "models that never saw each message (5-fold), but the thresholds were chosen on "
        "them. The classifier alone is in the summary above.",
        "",
        f"| metric | {header} |",
        "|---|" + "---|" * (2 * len(sets)),
    ]
    for key, title in WRITTEN_SAFETY:
        cells = " | ".join(
            _pct(found[name][way][key]) for name, _ in sets for way in ("both", "lexicon")
        )
        lines.append(f"| {title} | {cells} |")
    if not isinstance(found["shared"], dict):
        lines += ["", f"Shared examples {found['shared']}."]
    return [*lines, ""]


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({_pct(part / whole if whole else None)})"


def _conversation_rows(found: dict[str, Any]) -> list[tuple[str, str, str]]:
    blind, dev = found["blind"], found["dev"]
    due, dev_due = blind["handover_due"], dev["handover_due"]
    return [
        (
            "Whole conversations: hand-over made where due, carrying every key fact, blind",
            _share(blind["made_with_every_key_fact"], due),
            f"made at all {_share(blind['handover_made_when_due'], due)}; development "
            f"{_share(dev['made_with_every_key_fact'], dev_due)} (tuned on)",
        ),
        (
            "Whole conversations: key facts in the hand-over summary, blind",
            _share(blind["key_facts_carried"], blind["key_facts_in_made"]),
            f"development {_share(dev['key_facts_carried'], dev['key_facts_in_made'])}",
        ),
        (
            "Whole conversations: hand-over made where none was due, blind",
            _share(blind["handover_made_when_not_due"], blind["conversations"] - due),
            f"development {dev['handover_made_when_not_due']}",
        ),
        (
            "Whole conversations: a question asked twice, blind",
            _share(blind["with_a_question_asked_twice"], blind["conversations"]),
            f"development {_share(dev['with_a_question_asked_twice'], dev['conversations'])}",
        ),
    ]


def _conversation_section(found: dict[str, Any]) -> list[str]:
    lines = [
        "### Whole conversations played against the running assistant",
        "",
        f"Blind set SHA-256 `{found['blind_sha256']}`; its misses are never printed. Each "
        "conversation is typed as written, turn by turn, over HTTP to the whole system; the "
        "hand-over is read back from First Contact's inbox. A key fact counts when its words "
        "appear in order in the summary a worker reads first.",
        "",
        "| | blind (frozen) | development (tuned on) |",
        "|---|---|---|",
    ]
    for key, title in (
        ("conversations", "conversations"),
        ("handover_due", "hand-over due"),
        ("handover_made_when_due", "hand-over made where due"),
        ("made_with_every_key_fact", "made, carrying every key fact"),
        ("key_facts_carried", "key facts carried"),
        ("key_facts_in_made", "key facts in the hand-overs made"),
        ("handover_made_when_not_due", "hand-over made where none was due"),
        ("level_reached", "reached the level expected"),
        ("with_a_question_asked_twice", "with a question asked twice"),
    ):
        lines.append(f"| {title} | {found['blind'][key]} | {found['dev'][key]} |")
    return [*lines, ""]


def _offer_rows(found: dict[str, Any]) -> list[tuple[str, str, str]]:
    written, needs = found["written_blind"], found["needs_blind"]
    dev = found["written_dev"]
    return [
        (
            "Conversation 1 reaches a fitting local offer, blind whole conversations",
            _share(written["fitting_offer"], written["conversations"]),
            f"development {_share(dev['fitting_offer'], dev['conversations'])} (tuned on); "
            f"blind needs played as conversations "
            f"{_share(needs['fitting_offer'], needs['conversations'])}",
        ),
        (
            "Conversation 1: the person's turns to the first offer (median), blind",
            _num(written["median_turns_to_first_offer"]),
            "target 4 or fewer",
        ),
        (
            "Conversation 1: traps and questions asked twice, blind",
            f"{written['traps'] + needs['traps']} / "
            f"{written['with_a_question_asked_twice'] + needs['with_a_question_asked_twice']}",
            f"of {written['conversations'] + needs['conversations']} conversations; target 0 / 0",
        ),
    ]


def _offer_section(found: dict[str, Any]) -> list[str]:
    sets = [
        ("written_blind", "whole conversations, blind (frozen)"),
        ("written_dev", "whole conversations, development (tuned on)"),
        ("needs_blind", "needs played as conversations, blind (frozen)"),
        ("needs_dev", "needs played as conversations, development (tuned on)"),
    ]
    lines = [
        "## Conversation 1: from what people say to a fitting local offer",
        "",
        "Each conversation is typed turn by turn over HTTP to the whole system. Whole "
        "conversations are played as written; a labelled need is played as a new user would "
        "(hello, the need, then plain answers to whatever is asked). A fitting offer is a "
        "service card its labels call a fit. Blind sets SHA-256: whole conversations "
        f"`{found['written_blind_sha256']}`, needs `{found['needs_blind_sha256']}`; their "
        "misses are never printed.",
        "",
        "| | " + " | ".join(title for _, title in sets) + " |",
        "|---" * (len(sets) + 1) + "|",
    ]
    for key, title in (
        ("conversations", "conversations"),
        ("fitting_offer", "reached a fitting offer"),
        ("any_offer", "reached any offer"),
        ("median_turns_to_first_offer", "the person's turns to the first offer (median)"),
        ("with_a_question_asked_twice", "with a question asked twice"),
        ("traps", "trapped (not understood twice in a row)"),
        ("offered_something_to_avoid", "offered something its labels say to avoid"),
        ("silent_turns", "turns with no answer at all"),
    ):
        lines.append(f"| {title} | " + " | ".join(str(found[k][key]) for k, _ in sets) + " |")
    return [*lines, ""]


def summary_table(r: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(what we measured, ours, the alternative) rows, most important first."""
    safety, pipeline, sign = r["safety"], r["safety_pipeline"], r["signposting"]
    advice_blind = r["advice"]["sets"]["blind (frozen)"]
    return [
        (
            "Intent F1, blind set written the way people write (never tuned on)",
            _num(r["nlu_ours_blind"]["f1"]),
            _intent_alternatives(r, "blind"),
        ),
        (
            "Understands messages it has never seen (intent F1, held-out)",
            _num(r["nlu_ours_heldout"]["f1"]),
            f"{_num((r['nlu_default_heldout'] or {}).get('f1'))} Rasa default",
        ),
        (
            f"Intent F1, {r['folds']}-fold cross-validation of the training data (tuned on)",
            _num(r["nlu_ours_cv"]["f1"]),
            _intent_alternatives(r, "cv"),
        ),
        *_written_safety_rows(r["safety_written"]),
        *_conversation_rows(r["conversations"]),
        *_offer_rows(r["offers"]),
        (
            "Serious risk rated urgent or higher (labelled set)",
            _pct(safety["screen"]["serious_rated_urgent_plus"]),
            f"{_pct(safety['baseline']['serious_rated_urgent_plus'])} keyword list",
        ),
        (
            "Serious risk rated urgent or higher, new wording, whole pipeline",
            _pct(pipeline["pipeline_unseen"]["serious_rated_urgent_plus"]),
            f"{_pct(safety['baseline_unseen']['serious_rated_urgent_plus'])} keyword list",
        ),
        (
            "Everyday messages wrongly raised (false alarms)",
            _pct(safety["screen"]["false_alarms"]),
            f"{_pct(safety['baseline']['false_alarms'])} keyword list",
        ),
        (
            "Right help in the first three results (hit@3), blind needs",
            _num(sign["blind"]["search"]["hit@3"]),
            f"{_num(sign['blind']['lexical']['hit@3'])} words only; "
            f"{_num(sign['blind']['baseline']['hit@3'])} keyword search",
        ),
        (
            "Ranking quality (nDCG@5), blind needs",
            _num(sign["blind"]["search"]["ndcg@5"]),
            f"{_num(sign['blind']['lexical']['ndcg@5'])} words only; "
            f"{_num(sign['blind']['baseline']['ndcg@5'])} keyword search",
        ),
        (
            "Advice questions answered on the right topic, blind set",
            _num(advice_blind["meaning"]["answered_right"]),
            f"{_num((advice_blind.get('intent') or {}).get('answered_right'))} intent ranking",
        ),
        ("Test conversations followed as written", _pct(r["dialogue"]["success_rate"]), "-"),
        (
            "Reading grade of responses: mean / hardest",
            f"{r['language']['mean_grade']:.1f} / {r['language']['worst_grade']:.1f}",
            "target 6 / limit 8",
        ),
        ("Banned jargon words in responses", str(r["language"]["banned_words"]), "target 0"),
    ]


def summary_rows(r: dict[str, Any]) -> list[str]:
    rows = summary_table(r)
    width = max(len(what) for what, _, _ in rows)
    lines = [f"{'What we measured':{width}}  {'Ours':>9}  Alternative", "-" * (width + 35)]
    lines += [f"{what:{width}}  {ours:>9}  {other}" for what, ours, other in rows]
    return lines


def _intent_section(title: str, scores: dict[str, Any], blind: bool = False) -> list[str]:
    lines = [
        f"### {title}",
        "",
        "| precision | recall | F1 |",
        "|---|---|---|",
        f"| {_num(scores['precision'])} | {_num(scores['recall'])} | {_num(scores['f1'])} |",
        "",
    ]
    if scores.get("confusions") and not blind:  # a blind set's misses are never read
        lines += ["Most common confusions:", ""]
        lines += [
            f"- {c['intent']} read as {c['confused_with']}: {c['count']}"
            for c in scores["confusions"]
        ]
        lines.append("")
    return lines


def markdown(r: dict[str, Any]) -> str:
    lines = [
        "# Evaluation report",
        "",
        "Produced by `make eval`. Ours and the alternatives are measured in the same run.",
        "",
        "## Summary",
        "",
        "| What we measured | Ours | Alternative |",
        "|---|---|---|",
    ]
    lines += [f"| {what} | {ours} | {other} |" for what, ours, other in summary_table(r)]
    lines += ["", "## Understanding (NLU)", ""]
    for key, title in (
        ("nlu_ours_blind", "Ours, blind set written the way people write (never tuned on)"),
        ("nlu_words_blind", "Words only (ours before the sentence encoder), the same blind set"),
        ("nlu_default_blind", "Rasa default pipeline, the same blind set"),
        ("nlu_ours_heldout", "Ours, held-out split"),
        ("nlu_default_heldout", "Rasa default pipeline, held-out split"),
        ("nlu_ours_cv", f"Ours, {r['folds']}-fold cross-validation"),
        ("nlu_words_cv", f"Words only, the same {r['folds']} folds"),
        ("nlu_default_cv", f"Rasa default pipeline, the same {r['folds']} folds"),
    ):
        if r[key]:
            lines += _intent_section(title, r[key], blind=key.endswith("_blind"))
    if not r["nlu_default_cv"]:
        lines += [
            "Rasa's default pipeline was not trained in this run: DIET takes about twenty "
            "minutes of a core for each of its six models here. `make eval-default` trains it "
            "on these same folds; its results are kept by the hash of their inputs and shown "
            "by every later `make eval` while the data and pipeline stay the same.",
            "",
        ]
    d = r["dialogue"]
    lines += [
        "## Dialogue",
        "",
        f"{d['stories'] - d['failed']} of {d['stories']} test "
        f"stories followed end to end ({_pct(d['success_rate'])}).",
        "",
    ]
    lines += _offer_section(r["offers"])
    lines += ["## Safety", ""]
    lines += _written_safety_section(r["safety_written"])
    lines += _conversation_section(r["conversations"])
    lines += [
        "### The lexicon's own labelled sets",
        "",
        "| metric | screen | keyword list | whole pipeline | "
        "screen, new wording | whole pipeline, new wording | keyword list, new wording |",
        "|---|---|---|---|---|---|---|",
    ]
    s, p = r["safety"], r["safety_pipeline"]
    for key in (
        "recall_concern",
        "recall_urgent",
        "recall_immediate",
        "serious_rated_urgent_plus",
        "exact",
        "over_triage",
        "under_triage",
        "false_alarms",
    ):
        cells = [
            s["screen"].get(key),
            s["baseline"].get(key),
            p["pipeline"].get(key),
            s["screen_unseen"].get(key),
            p["pipeline_unseen"].get(key),
            s["baseline_unseen"].get(key),
        ]
        lines.append(f"| {key} | " + " | ".join(_pct(c) for c in cells) + " |")
    lines += [
        "",
        "The labelled set was used to tune the lexicon; the new-wording set was "
        "written afterwards and never tuned on, so it is the honest figure.",
        "",
    ]
    lines += signposting_section(r["signposting"]) + advice_section(r["advice"])
    lang = r["language"]
    lines += [
        "",
        "## Language",
        "",
        f"{lang['responses']} responses: mean reading grade {lang['mean_grade']:.1f}, "
        f"hardest {lang['worst_grade']:.1f} ({lang['worst_where']}); "
        f"{lang['banned_words']} banned words.",
        "",
        f"Whole run: {r['seconds']} seconds.",
        "",
    ]
    return "\n".join(lines)


def signposting_section(sign: dict[str, Any]) -> list[str]:
    lines = ["## Signposting", ""]
    for name, title in (
        ("blind", "Blind needs written the way people write (frozen, never tuned on)"),
        ("dev", "Development needs (tuned on)"),
        ("queries", "The team's own queries (tuned on)"),
    ):
        found = sign[name]
        lines += [
            f"### {title}",
            "",
            f"{found['queries']} needs."
            + (f" Blind set SHA-256 `{found['sha256']}`." if "sha256" in found else ""),
            "",
            "| system | hit@1 | hit@3 | nDCG@5 | zero results |",
            "|---|---|---|---|---|",
        ]
        for key, system in (
            ("search", "ours: words and meaning"),
            ("lexical", "ours: words only (before meaning)"),
            ("baseline", "keyword (all words)"),
            ("baseline_any_word", "keyword (any word)"),
        ):
            m = found[key]
            lines.append(
                f"| {system} | {_num(m['hit@1'])} | {_num(m['hit@3'])} | "
                f"{_num(m['ndcg@5'])} | {_pct(m['zero_result_rate'])} |"
            )
        lines.append("")
    return lines


def advice_section(advice: dict[str, Any]) -> list[str]:
    lines = [
        "## Advice questions",
        "",
        f"Blind set SHA-256 `{advice['blind_sha256']}`. Answered on the right topic: the answer "
        "given straight away is the labelled one (for a question no topic answers, an honest "
        '"not sure"). Offered: answered, or among the two topics offered.',
        "",
        "| set | approach | questions | answered right | right topic offered | "
        "not sure where no topic fits |",
        "|---|---|---|---|---|---|",
    ]
    for name, found in advice["sets"].items():
        if isinstance(found, str):
            lines.append(f"| {name} | {found} | | | | |")
            continue
        for approach, score in found.items():
            cells = (
                score["answered_right"],
                score["right_topic_offered"],
                score.get("not_sure_on_no_topic"),
            )
            lines.append(
                f"| {name} | {approach} | {score['questions']} | "
                + " | ".join(_num(cell) for cell in cells)
                + " |"
            )
    return [*lines, ""]
