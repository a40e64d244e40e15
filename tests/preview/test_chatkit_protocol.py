"""/chatkit against openai-chatkit's request union: every request type ChatKit.js can send gets an
answer that parses as openai-chatkit's own response or event types.

The test's parameters come from the installed `chatkit.types.ChatKitReq`, not from CASES, so an
openai-chatkit upgrade that adds a request type fails here until it has a case. Each request is
built from openai-chatkit's own request models (the shapes ChatKit.js sends) and sent twice: with
every field, and with only what differs from the defaults (a client may leave those out).
"""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, get_args

import pytest
from chatkit.actions import Action
from chatkit.types import (
    AttachmentCreateParams,
    AttachmentDeleteParams,
    AttachmentsCreateReq,
    AttachmentsDeleteReq,
    BaseReq,
    ChatKitReq,
    ClientToolCallItem,
    InferenceOptions,
    InputTranscribeParams,
    InputTranscribeReq,
    ItemFeedbackParams,
    ItemsFeedbackReq,
    ItemsListParams,
    ItemsListReq,
    Page,
    StructuredInputAnswerSubmission,
    StructuredInputFreeform,
    StructuredInputItem,
    StructuredInputSubmission,
    SyncCustomActionResponse,
    Thread,
    ThreadAddClientToolOutputParams,
    ThreadAddStructuredInputParams,
    ThreadAddUserMessageParams,
    ThreadCreateParams,
    ThreadCustomActionParams,
    ThreadDeleteParams,
    ThreadGetByIdParams,
    ThreadItem,
    ThreadItemReplacedEvent,
    ThreadListParams,
    ThreadMetadata,
    ThreadRetryAfterItemParams,
    ThreadsAddClientToolOutputReq,
    ThreadsAddStructuredInputReq,
    ThreadsAddUserMessageReq,
    ThreadsCreateReq,
    ThreadsCustomActionReq,
    ThreadsDeleteReq,
    ThreadsGetByIdReq,
    ThreadsListReq,
    ThreadsRetryAfterItemReq,
    ThreadsSyncCustomActionReq,
    ThreadStreamEvent,
    ThreadsUpdateReq,
    ThreadUpdateParams,
    UserMessageInput,
    UserMessageTextContent,
    WidgetItem,
)
from chatkit.widgets import DynamicWidgetRoot
from pydantic import BaseModel, TypeAdapter

from widgetkit.preview.chatkit_server import PreviewServer

if TYPE_CHECKING:
    from conftest import ChatKit

PAID = {"type": "Card", "children": [{"type": "Text", "value": "Paid, thank you."}]}
EVENT: TypeAdapter[ThreadStreamEvent] = TypeAdapter(ThreadStreamEvent)


def request_types() -> dict[str, type[BaseReq]]:
    """Every request model in openai-chatkit's ChatKitReq union, by its `type`."""
    union, *_ = get_args(ChatKitReq)  # Annotated[StreamingReq | NonStreamingReq, Field(...)]
    return {model.model_fields["type"].default: model for model in get_args(union)}


# ---- how /chatkit answers ---------------------------------------------------------------------


@dataclass(frozen=True)
class Stream:
    """Server-sent events, each one of openai-chatkit's ThreadStreamEvent types, none an error."""


@dataclass(frozen=True)
class Json:
    """A JSON body that parses as `model` and says nothing it does not define."""

    model: Any


@dataclass(frozen=True)
class Empty:
    """`{}`: openai-chatkit's own answer for requests with nothing to return."""


@dataclass(frozen=True)
class Unsupported:
    """501 with a message: the preview enables neither ChatKit.js's attachments nor dictation
    (chatkit-stage.js's options), so ChatKit.js does not send these to it."""


Answer = Stream | Json | Empty | Unsupported


# ---- the cases --------------------------------------------------------------------------------


def _message(text: str) -> UserMessageInput:
    return UserMessageInput(
        content=[UserMessageTextContent(text=text)],
        attachments=[],
        inference_options=InferenceOptions(),
    )


def _pay(ck: ChatKit) -> ThreadCustomActionParams:
    action: Action[str, Any] = Action(type="order.pay", payload={"id": "A-17"})
    return ThreadCustomActionParams(thread_id=ck.thread_id, item_id=ck.seed_item_id, action=action)


def _pending_tool_call(ck: ChatKit) -> ThreadsAddClientToolOutputReq:
    item = ClientToolCallItem(
        id="cltc_1",
        thread_id=ck.thread_id,
        created_at=datetime.now(),
        call_id="call_1",
        name="get_location",
        arguments={},
    )
    ck.server.store.put_item(ck.thread_id, item)
    params = ThreadAddClientToolOutputParams(thread_id=ck.thread_id, result={"city": "Oslo"})
    return ThreadsAddClientToolOutputReq(params=params)


def _pending_question(ck: ChatKit) -> ThreadsAddStructuredInputReq:
    item = StructuredInputItem(
        id="si_1",
        thread_id=ck.thread_id,
        created_at=datetime.now(),
        inputs=[StructuredInputFreeform(id="colour", question="Which colour?")],
    )
    ck.server.store.put_item(ck.thread_id, item)
    answers = {"colour": StructuredInputAnswerSubmission(values=["blue"])}
    params = ThreadAddStructuredInputParams(
        thread_id=ck.thread_id, item_id=item.id, input=StructuredInputSubmission(answers=answers)
    )
    return ThreadsAddStructuredInputReq(params=params)


def _retry(ck: ChatKit) -> ThreadsRetryAfterItemReq:
    user_item = ck.say("show it")[0]["item"]["id"]
    params = ThreadRetryAfterItemParams(thread_id=ck.thread_id, item_id=user_item)
    return ThreadsRetryAfterItemReq(params=params)


def _delete(ck: ChatKit) -> ThreadsDeleteReq:
    other = ck.server.seed(PAID, title="To delete")
    return ThreadsDeleteReq(params=ThreadDeleteParams(thread_id=other))


@dataclass(frozen=True)
class Case:
    request: Callable[[ChatKit], BaseReq]
    answer: Answer
    # What the answer (parsed JSON, or the list of events) must also show, beyond its types.
    check: Callable[[ChatKit, Any], bool] = field(default=lambda ck, answer: True)
    # ChatKit.js points a new thread at the previewed one with ?thread=<id> (chatkit_server.py).
    query: bool = False


def _widget_in(items: list[dict[str, Any]], widget: dict[str, Any]) -> bool:
    return any(i["type"] == "widget" and i["widget"] == widget for i in items)


def _items(events: list[dict[str, Any]], kind: str = "") -> list[dict[str, Any]]:
    """The items the events carry (`kind`: only thread.item.<kind> events')."""
    return [e["item"] for e in events if "item" in e and e["type"].endswith(kind)]


CASES: dict[str, Case] = {
    "threads.get_by_id": Case(
        lambda ck: ThreadsGetByIdReq(params=ThreadGetByIdParams(thread_id=ck.thread_id)),
        Json(Thread),
        lambda ck, a: _widget_in(a["items"]["data"], ck.widget),
    ),
    "threads.list": Case(
        lambda ck: ThreadsListReq(params=ThreadListParams(limit=10)),
        Json(Page[Thread]),
        lambda ck, a: [t["id"] for t in a["data"]] == [ck.thread_id],
    ),
    "items.list": Case(
        lambda ck: ItemsListReq(
            params=ItemsListParams(thread_id=ck.thread_id, limit=20, order="asc")
        ),
        Json(Page[ThreadItem]),
        lambda ck, a: _widget_in(a["data"], ck.widget),
    ),
    "items.feedback": Case(
        lambda ck: ItemsFeedbackReq(
            params=ItemFeedbackParams(
                thread_id=ck.thread_id, item_ids=[ck.seed_item_id], kind="positive"
            )
        ),
        Empty(),
    ),
    "threads.update": Case(
        lambda ck: ThreadsUpdateReq(
            params=ThreadUpdateParams(thread_id=ck.thread_id, title="Renamed")
        ),
        Json(Thread),
        lambda ck, a: a["title"] == "Renamed",
    ),
    "threads.delete": Case(
        _delete,
        Empty(),
        lambda ck, a: ck.server.store.thread_ids() == [ck.thread_id],
    ),
    "threads.sync_custom_action": Case(
        lambda ck: ThreadsSyncCustomActionReq(params=_pay(ck)),
        Json(SyncCustomActionResponse),
        lambda ck, a: a["updated_item"]["widget"] == PAID,
    ),
    "threads.create": Case(
        lambda ck: ThreadsCreateReq(params=ThreadCreateParams(input=_message("hello"))),
        Stream(),
        lambda ck, events: (
            events[0]["type"] == "thread.created" and _widget_in(_items(events), ck.widget)
        ),
        query=True,
    ),
    "threads.add_user_message": Case(
        lambda ck: ThreadsAddUserMessageReq(
            params=ThreadAddUserMessageParams(thread_id=ck.thread_id, input=_message("again"))
        ),
        Stream(),
        lambda ck, events: _widget_in(_items(events), ck.widget),
    ),
    "threads.add_client_tool_output": Case(
        _pending_tool_call,
        Stream(),
        lambda ck, events: (
            _widget_in(_items(events), ck.widget)
            and ck.server.store.get_item(ck.thread_id, "cltc_1").status == "completed"
        ),
    ),
    "threads.add_structured_input": Case(
        _pending_question,
        Stream(),
        lambda ck, events: [i["status"] for i in _items(events, "replaced")] == ["answered"],
    ),
    "threads.retry_after_item": Case(
        _retry,
        Stream(),
        lambda ck, events: _widget_in(_items(events), ck.widget),
    ),
    "threads.custom_action": Case(
        lambda ck: ThreadsCustomActionReq(params=_pay(ck)),
        Stream(),
        lambda ck, events: [i["widget"] for i in _items(events, "replaced")] == [PAID],
    ),
    "attachments.create": Case(
        lambda ck: AttachmentsCreateReq(
            params=AttachmentCreateParams(name="photo.png", size=3, mime_type="image/png")
        ),
        Unsupported(),
    ),
    "attachments.delete": Case(
        lambda ck: AttachmentsDeleteReq(params=AttachmentDeleteParams(attachment_id="atc_1")),
        Unsupported(),
    ),
    "input.transcribe": Case(
        lambda ck: InputTranscribeReq(
            params=InputTranscribeParams(
                audio_base64=base64.b64encode(b"\x1a\x45\xdf\xa3").decode(),
                mime_type="audio/webm;codecs=opus",
            )
        ),
        Unsupported(),
    ),
}


# ---- the server under test ----------------------------------------------------------------------


async def _pay_replaces(
    thread: ThreadMetadata, action: Action[str, Any], sender: WidgetItem | None, context: Any
) -> AsyncIterator[ThreadStreamEvent]:
    assert sender is not None
    paid = sender.model_copy(update={"widget": DynamicWidgetRoot.model_validate(PAID)})
    yield ThreadItemReplacedEvent(item=paid)


async def _pay_replaces_sync(
    thread: ThreadMetadata, action: Action[str, Any], sender: WidgetItem | None, context: Any
) -> SyncCustomActionResponse:
    assert sender is not None
    paid = sender.model_copy(update={"widget": DynamicWidgetRoot.model_validate(PAID)})
    return SyncCustomActionResponse(updated_item=paid)


def _body(request: BaseReq, encoding: str) -> Any:
    if encoding == "every field":
        return request.model_dump(mode="json")
    return json.loads(json.dumps(_sparse(request)))


def _sparse(value: Any) -> Any:
    """`value` as JSON without the optional fields that hold their defaults; every `type` stays
    (openai-chatkit's unions are told apart by it)."""
    if isinstance(value, BaseModel):
        out = {}
        for name, info in type(value).model_fields.items():
            held = getattr(value, name)
            if name != "type" and not info.is_required():
                if held == info.get_default(call_default_factory=True):
                    continue
            out[info.alias or name] = _sparse(held)
        return out
    if isinstance(value, list):
        return [_sparse(v) for v in value]
    if isinstance(value, dict):
        return {k: _sparse(v) for k, v in value.items()}
    return value


def _parses(adapter: TypeAdapter[Any], raw: str) -> Any:
    """Parse `raw` with `adapter`: it must hold nothing the type does not define (pydantic drops
    unknown fields, so the parsed value dumped again must still hold all of `raw`)."""
    again = json.loads(adapter.dump_json(adapter.validate_json(raw), by_alias=True))
    sent = json.loads(raw)
    _assert_within(sent, again, "")
    return sent


def _assert_within(sent: Any, parsed: Any, where: str) -> None:
    if isinstance(sent, dict):
        assert isinstance(parsed, dict), (where, sent, parsed)
        for key, value in sent.items():
            assert key in parsed, f"{where}/{key}: a field the type does not define"
            _assert_within(value, parsed[key], f"{where}/{key}")
    elif isinstance(sent, list):
        assert isinstance(parsed, list) and len(parsed) == len(sent), (where, sent, parsed)
        for n, (a, b) in enumerate(zip(sent, parsed, strict=True)):
            _assert_within(a, b, f"{where}/{n}")
    else:
        assert sent == parsed, (where, sent, parsed)


def test_the_cases_are_exactly_openai_chatkits_request_union() -> None:
    assert sorted(CASES) == sorted(request_types())


@pytest.mark.parametrize("encoding", ["every field", "defaults left out"])
@pytest.mark.parametrize("request_type", sorted(request_types()))
def test_chatkit_answers_each_request_type_in_openai_chatkits_own_types(
    start_chatkit: Callable[..., ChatKit], request_type: str, encoding: str
) -> None:
    case = CASES.get(request_type)
    assert case is not None, f"openai-chatkit defines {request_type!r}: add a case to CASES"
    server = PreviewServer(on_action=_pay_replaces, on_sync_action=_pay_replaces_sync)
    ck = start_chatkit(server)
    request = case.request(ck)
    assert isinstance(request, request_types()[request_type])
    url = f"/chatkit?thread={ck.thread_id}" if case.query else "/chatkit"
    response = ck.post(_body(request, encoding), url)

    if isinstance(case.answer, Unsupported):
        assert response.status_code == 501, response.text
        assert "preview server does not" in response.json()["error"]["message"]
        ck.assert_intact()
        return
    assert response.status_code == 200, response.text
    if isinstance(case.answer, Stream):
        assert response.headers["content-type"].startswith("text/event-stream")
        chunks = [c for c in response.text.split("\n\n") if c.strip()]
        assert all(c.startswith("data: ") for c in chunks), response.text
        answer = [_parses(EVENT, c.removeprefix("data: ")) for c in chunks]
        assert [e for e in answer if e["type"] == "error"] == []
    else:
        assert response.headers["content-type"] == "application/json"
        if isinstance(case.answer, Empty):
            answer = response.json()
            assert answer == {}
        else:
            answer = _parses(TypeAdapter(case.answer.model), response.text)
    assert case.check(ck, answer), answer
