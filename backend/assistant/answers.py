"""Answers to each kind of question, built only from a service's guide and its
halls as the catalogue holds them: nothing here is made up."""

from __future__ import annotations

from dataclasses import dataclass

from backend.assistant.replies import clock, days, money, say
from backend.localize import localize

BULLET = "• "


@dataclass(frozen=True)
class Catalogue:
    """A snapshot of the content the assistant answers from, taken at start-up:
    services and halls as stored (JSON with texts in every locale), by id."""

    services: dict[str, dict]
    halls: dict[str, dict]

    def name(self, service_id: str, locale: str) -> tuple[str, str]:
        """The service's name in ``locale`` (or Chinese) and that language."""
        data = localize(self.services[service_id], locale)
        return data["name"], data["lang"]


def _days_text(count: int, locale: str) -> str:
    return say("on_the_spot", locale) if count == 0 else say("days", locale, count=count)


def _materials(service: dict, locale: str) -> list[str]:
    lines = [say("materials", locale, service=service["name"])]
    for material in service["materials"]:
        details = [say("material_original", locale)] if material.get("original") else []
        if material.get("copies"):
            details.append(say("material_copies", locale, count=material["copies"]))
        if not material.get("required", True):
            details.append(say("material_optional", locale))
        opening, separator, closing = {"zh": ("（", "，", "）"), "ja": ("（", "、", "）")}.get(locale, (" (", ", ", ")"))
        lines.append(BULLET + material["name"] + (opening + separator.join(details) + closing if details else ""))
    return lines


def _fee(service: dict, locale: str) -> list[str]:
    if float(service["fee_cny"]) == 0:
        lines = [say("fee_free", locale, service=service["name"])]
    else:
        lines = [say("fee", locale, service=service["name"], amount=money(service["fee_cny"], locale))]
    return [*lines, service["fee_note"]]


def _time(service: dict, locale: str) -> list[str]:
    legal = _days_text(service["legal_limit_days"], locale)
    if service["promised_limit_days"] == 0:
        return [say("time_spot", locale, service=service["name"], legal=legal)]
    return [say("time", locale, service=service["name"], promised=_days_text(service["promised_limit_days"], locale), legal=legal)]


def _halls(catalogue: Catalogue, service: dict, locale: str) -> list[dict]:
    return [localize(catalogue.halls[h], locale) for h in service["halls"] if h in catalogue.halls]


def _where(catalogue: Catalogue, service: dict, locale: str) -> list[str]:
    lines = [say("where", locale, service=service["name"], where=service["where"])]
    halls = _halls(catalogue, service, locale)
    if halls:
        lines.append(say("halls", locale))
        lines += [BULLET + say("hall_line", locale, hall=h["name"], address=h["address"]) for h in halls]
    return lines


def _hours(catalogue: Catalogue, service: dict, locale: str) -> list[str]:
    halls = _halls(catalogue, service, locale)
    if not halls:
        return [say("no_hall", locale, service=service["name"])]
    lines = [say("hours", locale, service=service["name"])]
    for hall in halls:
        times = "; ".join(f"{days(h['days'], locale)} {clock(h['opens'], locale)}–{clock(h['closes'], locale)}" for h in hall["hours"])
        lines.append(BULLET + say("hours_line", locale, hall=hall["name"], times=times) + " " + hall["hours_note"])
    return lines


def _online(service: dict, locale: str) -> list[str]:
    name = service["name"]
    if service["mode"] == "in_person":
        return [say("in_person", locale, service=name, visits=say("visits", locale, count=service["max_visits"]))]
    if service["online_application"]:
        return [say("online_apply", locale, service=name)]
    if service["mode"] == "online":
        return [say("online_only", locale, service=name)]
    return [say("online_elsewhere", locale, service=name)]


def _booking(catalogue: Catalogue, service: dict, locale: str) -> list[str]:
    if service["appointment"]:
        return [say("booking_yes", locale, service=service["name"]), *(BULLET + h["name"] for h in _halls(catalogue, service, locale))]
    if service["mode"] == "online":
        return [say("booking_online", locale, service=service["name"])]
    return [say("booking_no", locale, service=service["name"])]


def _conditions(service: dict, locale: str) -> list[str]:
    return [
        say("conditions", locale, service=service["name"], eligibility=service["eligibility"]),
        say("conditions_list", locale),
        *(BULLET + c for c in service["conditions"]),
    ]


def answer(catalogue: Catalogue, service_id: str, intent: str, locale: str) -> list[str]:
    """The lines that answer ``intent`` (one of ``analysis.INTENTS`` or
    "general") about a service, in ``locale`` (the service's facts in Chinese
    when it has no translation)."""
    service = localize(catalogue.services[service_id], locale)
    if intent == "materials":
        return _materials(service, locale)
    if intent == "fee":
        return _fee(service, locale)
    if intent == "time":
        return _time(service, locale)
    if intent == "where":
        return _where(catalogue, service, locale)
    if intent == "hours":
        return _hours(catalogue, service, locale)
    if intent == "online":
        return _online(service, locale)
    if intent == "booking":
        return _booking(catalogue, service, locale)
    if intent == "conditions":
        return _conditions(service, locale)
    return [say("general", locale, service=service["name"], summary=service["summary"]), say("more", locale)]
