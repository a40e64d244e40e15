"""Productivity: a task list, a calendar event, an email draft and a progress tracker.

These widgets are stateless: an action carries what its handler needs to draw the next state
(the list, the event), so the mock handlers need no database and answer the same every time.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, validate_call

from widgetkit import (
    Badge,
    BadgeColor,
    Button,
    Caption,
    Card,
    Checkbox,
    Divider,
    Icon,
    Image,
    Input,
    Label,
    Node,
    Row,
    Spacer,
    Text,
    Title,
    action,
    widget,
)
from widgetkit.handlers import ActionContext, ActionFailed, ActionRouter, Notice

from ._common import asset

actions = ActionRouter()


class Task(BaseModel):
    id: str
    title: str
    done: bool = False
    tag: str | None = None


class TaskList(BaseModel):
    title: str
    tasks: list[Task]


class Toggle(BaseModel):
    task_id: str
    list: TaskList


@actions.on("tasks.toggle")
def toggle_task(payload: Toggle) -> Card:
    """Tick or untick one task and redraw the list with the new count."""
    tasks = [
        t.model_copy(update={"done": not t.done}) if t.id == payload.task_id else t
        for t in payload.list.tasks
    ]
    if tasks == payload.list.tasks:
        raise ActionFailed(f"There is no task {payload.task_id!r} in this list any more.")
    return task_list(payload.list.title, tasks)


TASKS = [
    {"id": "t1", "title": "Book the venue", "done": True, "tag": "event"},
    {"id": "t2", "title": "Send the invitations", "tag": "event"},
    {"id": "t3", "title": "Order the cake"},
]


@widget(
    samples={
        "typical": {"title": "Party prep", "tasks": TASKS},
        "empty": {"title": "Nothing planned", "tasks": []},
        "many": {
            "title": "Move house",
            "tasks": [
                {
                    "id": f"m{n}",
                    "title": f"Pack box {n}: books, cables and the long-lost charger",
                    "done": n < 4,
                }
                for n in range(1, 13)
            ],
        },
    },
    title="Task list",
)
@validate_call
def task_list(title: str, tasks: list[Task]) -> Card:
    """Checkboxes that tick tasks off through a sync action (`streaming: false`)."""
    state = TaskList(title=title, tasks=tasks).model_dump(mode="json", exclude_none=True)
    done = sum(t.done for t in tasks)
    rows: list[Node] = [
        Row(
            Checkbox(
                name=f"done.{t.id}",
                label=t.title,
                defaultChecked=t.done,
                onChangeAction=action(
                    "tasks.toggle",
                    {"task_id": t.id, "list": state},
                    streaming=False,
                    loading_behavior="none",
                ),
            ),
            Spacer(),
            Badge(t.tag, size="sm", variant="outline") if t.tag else Spacer(),
            key=t.id,
        )
        for t in tasks
    ]
    return Card(
        Row(
            Title(title, size="sm"),
            Spacer(),
            Badge(
                f"{done}/{len(tasks)}",
                color="success" if tasks and done == len(tasks) else "secondary",
                pill=True,
            ),
        ),
        *(rows or [Text("No tasks yet.", color="tertiary")]),
        size="sm",
    )


class Event(BaseModel):
    id: str
    title: str
    start: str
    end: str
    place: str
    attendees: list[str]
    response: Literal["yes", "no", "maybe"] | None = None


class Rsvp(BaseModel):
    event: Event
    response: Literal["yes", "no", "maybe"]


@actions.on("event.rsvp")
def rsvp(payload: Rsvp) -> Card:
    return calendar_event(payload.event.model_copy(update={"response": payload.response}))


EVENT = {
    "id": "e1",
    "title": "Design review",
    "start": "Thu 14 Mar, 14:00",
    "end": "15:00",
    "place": "Room 4 · Lisbon office",
    "attendees": ["ada", "lin", "sam"],
}
ANSWERS: dict[str, tuple[str, BadgeColor]] = {
    "yes": ("Going", "success"),
    "no": ("Declined", "danger"),
    "maybe": ("Maybe", "warning"),
}


@widget(
    samples={"unanswered": {"event": EVENT}, "accepted": {"event": {**EVENT, "response": "yes"}}},
    title="Calendar event",
)
@validate_call
def calendar_event(event: Event) -> Card:
    """An invitation with time, place, attendees' avatars and RSVP buttons."""
    ref = event.model_dump(mode="json")
    answer = ANSWERS[event.response] if event.response else None
    return Card(
        Row(
            Icon("calendar", color="primary", size="lg"),
            Title(event.title, size="sm"),
            Spacer(),
            Badge(answer[0], color=answer[1]) if answer else Badge("Invited", color="info"),
            gap=2,
        ),
        Row(
            Icon("clock", color="secondary"), Text(f"{event.start} – {event.end}", size="sm"), gap=2
        ),
        Row(Icon("map-pin", color="secondary"), Text(event.place, size="sm"), gap=2),
        Row(
            *(
                Image(asset(f"avatar-{who}.svg"), alt=who.capitalize(), size=28, radius="full")
                for who in event.attendees
            ),
            Caption(f"{len(event.attendees)} going"),
            gap=1,
        ),
        Divider(),
        Row(
            *(
                Button(
                    label,
                    size="sm",
                    variant="solid" if event.response == key else "outline",
                    onClickAction=action("event.rsvp", {"event": ref, "response": key}),
                )
                for key, label in (("yes", "Yes"), ("maybe", "Maybe"), ("no", "No"))
            ),
            gap=2,
        ),
        size="sm",
    )


@actions.on("email.send")
def send_email(payload: dict[str, str], ctx: ActionContext) -> Card:
    """Sending collapses the draft under a "sent" status, showing the edited text."""
    values = {**payload, **ctx.form}
    to = values.get("to", "")
    if not to:
        raise ActionFailed("Add a recipient before sending.")
    return email_draft(to, values.get("subject", ""), values.get("body", ""), sent=True)


@actions.on("email.discard")
def discard_email(payload: dict[str, str]) -> Notice:
    return Notice("Draft discarded.", level="warning")


@widget(
    samples={
        "draft": {
            "to": "lin@example.com",
            "subject": "Venue is booked",
            "body": "Hi Lin,\n\nThe venue is booked for the 14th. Can you handle the "
            "invitations?\n\nThanks,\nAda",
        },
        "blank": {"to": "", "subject": "", "body": ""},
        "sent": {
            "to": "sam@example.com",
            "subject": "Re: cake",
            "body": "Chocolate, please.",
            "sent": True,
        },
    },
    title="Email draft",
)
def email_draft(to: str, subject: str, body: str, sent: bool = False) -> Card:
    """A draft whose subject and body are edited in place, then sent with the card's values."""
    fields = {"to": to, "subject": subject, "body": body}
    return Card(
        Row(
            Icon("mail", color="secondary"),
            Label("To", fieldName="to", size="sm"),
            Input(
                name="to",
                inputType="email",
                defaultValue=to or None,
                variant="soft",
                size="sm",
                required=True,
            ),
            gap=2,
            align="center",
        ),
        Text(
            subject,
            weight="semibold",
            editable={"name": "subject", "placeholder": "Subject", "required": True},
        ),
        Divider(flush=True),
        Text(
            body,
            minLines=3,
            editable={"name": "body", "placeholder": "Write your message…", "autoFocus": True},
        ),
        asForm=not sent,
        size="md",
        collapsed=sent,
        status={"text": f"Sent to {to}", "icon": "check-circle-filled"} if sent else None,
        confirm=None if sent else {"label": "Send", "action": action("email.send", fields)},
        cancel=None if sent else {"label": "Discard", "action": action("email.discard")},
    )
