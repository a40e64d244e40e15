"""Every action the gallery sends has a mock handler, and each answers the documented kind.

Handlers are called through the merged router, with the payloads the gallery's own widgets send.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from gallery_cases import walk

from widgetkit import Node, validate
from widgetkit.gallery import actions
from widgetkit.gallery.productivity import TASKS, task_list
from widgetkit.gallery.tables import invoice
from widgetkit.handlers import ActionContext, Outcome

# What each gallery action answers with (see the handler docstrings).
EXPECTED: dict[str, str] = {
    "gallery.click": "notice",
    "layout.details": "update",
    "controls.submit": "update",
    "metrics.range": "update",
    "invoice.pay": "update",
    "invoice.download": "notice",
    "order.confirm": "update",
    "order.cancel": "update",
    "cart.add": "reply",
    "cart.notify": "notice",
    "flights.more": "update",
    "flights.select": "reply",
    "hotels.select": "reply",
    "booking.submit": "update",
    "tasks.toggle": "update",
    "event.rsvp": "update",
    "email.send": "update",
    "email.discard": "notice",
    "profile.follow": "update",
    "profile.copy_email": "notice",
    "summary.regenerate": "stream",
    "survey.submit": "update",
    "weather.unit": "update",
    "progress.advance": "update",
}


def sent_actions(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for component in walk(node):
        for key in ("onClickAction", "onSubmitAction", "onChangeAction"):
            if isinstance(component.get(key), dict):
                yield component[key]
        for key in ("confirm", "cancel"):
            if isinstance(component.get(key), dict):
                yield component[key]["action"]


def all_sent(gallery_output: dict[str, dict[str, Any]]) -> list[tuple[str, dict[str, Any], Any]]:
    """(case id, sending widget, action config) for every action in the gallery."""
    return [
        (case, payload, config)
        for case, payload in gallery_output.items()
        for config in sent_actions(payload)
    ]


def test_every_action_sent_has_a_handler(gallery_output: dict[str, dict[str, Any]]) -> None:
    used = {config["type"] for _, _, config in all_sent(gallery_output)}
    assert sorted(used - set(actions.types)) == []
    assert sorted(set(actions.types) - used) == [], "handlers no widget uses"
    assert set(EXPECTED) == set(actions.types)


async def outcome_states(outcome: Outcome) -> list[Node]:
    if outcome.kind == "stream":
        assert outcome.states is not None
        return [state async for state in outcome.states]
    return [outcome.widget] if outcome.widget is not None else []


async def test_every_sent_payload_gets_its_documented_answer(
    gallery_output: dict[str, dict[str, Any]],
) -> None:
    checked = 0
    for case, widget, config in all_sent(gallery_output):
        kind = config["type"]
        payload = config.get("payload")
        ctx = ActionContext(
            type=kind,
            payload=payload,
            widget=widget,
            item_id=f"item-{case}",
            handler=config.get("handler", "server"),
            sync=config.get("streaming") is False,
        )
        outcome = await actions.dispatch(kind, payload, ctx)
        # A widget may show an action it would refuse in that state (pay an empty invoice).
        assert outcome.kind in (EXPECTED[kind], "failed"), f"{case}: {kind} -> {outcome}"
        if outcome.kind == "failed":
            assert outcome.message, f"{case}: {kind} failed without saying why"
        for state in await outcome_states(outcome):
            problems = [d for d in validate(state.to_dict()) if d.severity == "error"]
            assert problems == [], f"{case}: {kind} answered an invalid widget: {problems}"
        checked += 1
    assert checked >= 100


@pytest.mark.parametrize("kind", sorted(EXPECTED))
async def test_each_handler_answers_its_kind_for_a_typical_payload(
    kind: str, gallery_output: dict[str, dict[str, Any]]
) -> None:
    config = next(c for _, _, c in all_sent(gallery_output) if c["type"] == kind)
    form = {"guest": {"name": "Ada", "email": "ada@example.com"}, "rating": "5"}
    ctx = ActionContext(type=kind, payload=config.get("payload"), form=form)
    outcome = await actions.dispatch(kind, config.get("payload"), ctx)
    assert outcome.kind == EXPECTED[kind], outcome


def text_of(node: Node) -> str:
    return node.to_json()


async def test_checking_a_task_updates_the_count() -> None:
    widget = task_list.build("typical").to_dict()
    toggle = next(a for a in sent_actions(widget) if a["payload"]["task_id"] == "t2")
    assert toggle["streaming"] is False  # a sync action
    outcome = await actions.dispatch("tasks.toggle", toggle["payload"])
    assert outcome.widget is not None
    assert '"1/3"' in task_list.build("typical").to_json()
    assert f'"2/{len(TASKS)}"' in text_of(outcome.widget)


async def test_confirming_an_order_collapses_it_with_a_success_status() -> None:
    payload = {
        "order": {"id": "A-1", "address": "x", "items": [{"name": "Mug", "qty": 1, "price": 3}]}
    }
    outcome = await actions.dispatch("order.confirm", payload)
    assert outcome.widget is not None
    data = outcome.widget.to_dict()
    assert data["collapsed"] is True and data["status"]["text"] == "Order confirmed"


async def test_a_form_submit_shows_the_values_received() -> None:
    ctx = ActionContext(
        type="booking.submit",
        payload={"hotel": "Harbour House"},
        form={"guest": {"name": "Ada Lovelace"}, "terms": True},
    )
    outcome = await actions.dispatch("booking.submit", {"hotel": "Harbour House"}, ctx)
    assert outcome.widget is not None
    shown = text_of(outcome.widget)
    assert "guest.name" in shown and "Ada Lovelace" in shown and '"Yes"' in shown


async def test_load_more_grows_the_flight_list() -> None:
    payload = {"origin": "LIS", "destination": "AMS", "shown": 4}
    outcome = await actions.dispatch("flights.more", payload)
    assert outcome.widget is not None
    assert len(outcome.widget.to_dict()["children"]) == 8 + 1  # flights and the "more" row


async def test_paying_an_empty_invoice_is_refused() -> None:
    widget = invoice.build("empty").to_dict()
    pay = next(a for a in sent_actions(widget) if a["type"] == "invoice.pay")
    outcome = await actions.dispatch("invoice.pay", pay["payload"])
    assert outcome.kind == "failed" and "empty invoice" in (outcome.message or "")


async def test_the_summary_streams_in_several_states() -> None:
    states = [o async for o in actions.outcomes("summary.regenerate", {"topic": "Q1"})]
    assert len(states) >= 3 and all(o.kind == "update" for o in states)
    texts = [o.widget.to_json() for o in states if o.widget is not None]
    assert '"summary-text"' in texts[0] and '"Done"' in texts[-1]
