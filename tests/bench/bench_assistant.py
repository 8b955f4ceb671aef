"""The service assistant's understanding, through its API, over the questions
and dialogues in ``assistant_questions.yaml``. Measured and printed, never
asserted. Targets: the right service first for at least 90 % of questions,
every out-of-scope question refused, follow-ups kept in context at least 90 %.

Each answer is counted as right, wrong or asked (a clarifying question), and
the kind of question (materials, fee, ...) is checked for the right answers.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).parent


def _send(api, locale: str, text: str, conversation_id: str | None) -> dict:
    response = api.post("/assistant/messages", params={"locale": locale}, json={"text": text, "conversation_id": conversation_id})
    assert response.status_code == 200, response.text
    return response.json()


def _judge(reply: dict, turn: dict) -> str:
    if turn.get("outside"):
        return "refused" if reply["act"] == "handoff" and reply["handoff"] and not reply["services"] else "not refused"
    if turn.get("asks"):
        return "right" if reply["act"] == "clarify" else "wrong"
    if reply["act"] == "clarify":
        return "asked"
    if reply["act"] == "answer" and reply["services"][0]["id"] == turn["service"]:
        return "right"
    return "wrong"


def measure(api) -> tuple[dict, list[str]]:
    data = yaml.safe_load((HERE / "assistant_questions.yaml").read_text(encoding="utf-8"))
    figures: dict = {"questions": {}, "dialogues": {}}
    misses: list[str] = []
    for locale, items in data["questions"].items():
        counts: Counter = Counter()
        for item in items:
            reply = _send(api, locale, item["q"], None)
            verdict = _judge(reply, item)
            counts[verdict] += 1
            if verdict == "right" and not item.get("outside"):
                counts["intent right"] += reply["topics"][:1] == [item.get("intent", "general")]
            if verdict not in ("right", "refused"):
                misses.append(f"{locale} {item['q']!r}: {verdict} ({reply['act']}, {[s['id'] for s in reply['services']]})")
        figures["questions"][locale] = dict(counts)
    follow: Counter = Counter()
    for dialogue in data["dialogues"]:
        conversation_id = None
        for position, turn in enumerate(dialogue["turns"]):
            reply = _send(api, dialogue["locale"], turn["q"], conversation_id)
            conversation_id = reply["conversation_id"]
            if position == 0:
                continue
            verdict = _judge(reply, turn)
            if verdict == "right" and turn.get("intent") and reply["topics"][:1] != [turn["intent"]]:
                verdict = "wrong kind of question"
            follow[verdict] += 1
            if verdict != "right":
                misses.append(f"dialogue {dialogue['locale']} {turn['q']!r}: {verdict} ({reply['act']}, {[s['id'] for s in reply['services']]})")
    figures["dialogues"] = {"dialogues": len(data["dialogues"]), "follow-ups": dict(follow)}
    return figures, misses


def _report(figures: dict) -> None:
    total: Counter = Counter()
    print()
    for locale, counts in figures["questions"].items():
        counts = Counter(counts)
        total.update(counts)
        in_scope = counts["right"] + counts["wrong"] + counts["asked"]
        outside = counts["refused"] + counts["not refused"]
        print(
            f"  {locale}: right {counts['right']}/{in_scope}, wrong {counts['wrong']}, asked {counts['asked']}; "
            f"kind of question right {counts['intent right']}/{counts['right']}; refused {counts['refused']}/{outside}"
        )
    in_scope = total["right"] + total["wrong"] + total["asked"]
    outside = total["refused"] + total["not refused"]
    print(f"  all: right {100 * total['right'] / in_scope:.1f} % ({total['right']}/{in_scope}), wrong {total['wrong']}, asked {total['asked']}; refused {total['refused']}/{outside}")
    follow = figures["dialogues"]["follow-ups"]
    turns = sum(follow.values())
    print(f"  dialogues: {figures['dialogues']['dialogues']}, follow-ups right {100 * follow.get('right', 0) / turns:.1f} % ({follow.get('right', 0)}/{turns}): {follow}")


def test_assistant_understanding(api, artifacts):
    figures, misses = measure(api)
    _report(figures)
    for miss in misses:
        print("  miss:", miss)
    (artifacts / "bench-assistant.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False))
    assert sum(sum(c.values()) for c in figures["questions"].values()) >= 100

