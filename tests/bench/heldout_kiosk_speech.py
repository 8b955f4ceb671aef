"""The held-out check of the kiosk's Korean voice commands: phrasings the
templates were not built from (heldout_kiosk_speech.yaml), spoken by espeak-ng
in the benchmark's voices, and what the kiosk does: right, right after one
yes, wrong, asked, not understood. Outside the suite:

    .venv/bin/python -m tests.bench.heldout_kiosk_speech
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import yaml

from kiosk.commands import match
from tests.bench.bench_kiosk_speech import VOICES
from tests.bench.kiosk_voice import outcome, shares


def main() -> int:
    cases = yaml.safe_load((Path(__file__).with_suffix(".yaml")).read_text(encoding="utf-8"))
    results, misses = [], []
    with tempfile.TemporaryDirectory() as folder:
        for screen, intents in cases.items():
            for intent, said in intents.items():
                for text in said:
                    for voice in VOICES:
                        done = outcome(Path(folder), text, screen, intent, voice)
                        results.append(done)
                        if done.kind not in ("right", "right_after_yes"):
                            misses.append(f"{screen}: {text} ({voice}) meant {intent}, heard {done.heard.text!r} -> {done.kind} {done.heard.intent}")
    in_templates = sum(match("ko", screen, text, {}) is not None for screen, intents in cases.items() for said in intents.values() for text in said)
    print(json.dumps({"held_out": shares(results), "phrasings_that_are_template_sentences": in_templates}, indent=1, ensure_ascii=False))
    print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
