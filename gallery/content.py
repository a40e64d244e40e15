"""Content: a profile card, a streaming summary and a feedback survey.

Avatars are the gallery's SVGs under `/gallery-assets/` (served by the preview).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from pydantic import BaseModel, validate_call

from widgetkit import (
    Badge,
    Box,
    Button,
    Caption,
    Card,
    Checkbox,
    Col,
    Divider,
    Form,
    Image,
    Label,
    Markdown,
    RadioGroup,
    RadioOption,
    Row,
    Select,
    Spacer,
    Text,
    Textarea,
    Title,
    action,
    widget,
)
from widgetkit.handlers import ActionContext, ActionRouter, Notice

from ._common import asset, values_card

actions = ActionRouter()


class Profile(BaseModel):
    handle: str
    name: str
    role: str
    avatar: str
    bio: str
    email: str
    skills: list[str] = []
    following: bool = False


class Follow(BaseModel):
    profile: Profile


@actions.on("profile.follow")
def follow(payload: Follow) -> Card:
    p = payload.profile
    return profile_card(p.model_copy(update={"following": not p.following}))


class CopyEmail(BaseModel):
    email: str


@actions.on("profile.copy_email")
def copy_email(payload: CopyEmail) -> Notice:
    """A client action: the page copies the address; a server that is sent it just confirms."""
    return Notice(f"Copied {payload.email}")


ADA = {
    "handle": "ada",
    "name": "Ada Lovelace",
    "role": "Principal engineer",
    "avatar": "avatar-ada.svg",
    "email": "ada@example.com",
    "bio": "Writes the first programs for engines that do not exist yet.",
    "skills": ["Analysis", "Notes", "Loops"],
}


@widget(
    samples={
        "typical": {"profile": ADA},
        "following": {"profile": {**ADA, "following": True}},
        "long bio": {
            "profile": {
                **ADA,
                "handle": "lin",
                "name": "Lin Qiu",
                "avatar": "avatar-lin.svg",
                "skills": [],
                "bio": "Ships design systems. " * 12,
            }
        },
    },
    title="Profile card",
)
@validate_call
def profile_card(profile: Profile) -> Card:
    """Avatar, name, role, a clamped bio, skills, and follow / copy-email buttons."""
    return Card(
        Row(
            Image(asset(profile.avatar), alt=profile.name, size=64, radius="full", frame=True),
            Col(
                Title(profile.name, size="md"),
                Caption(f"@{profile.handle} · {profile.role}"),
                gap=0,
            ),
            gap=3,
            align="center",
        ),
        Text(profile.bio, maxLines=3, color="secondary"),
        Row(*(Badge(s, variant="soft", pill=True) for s in profile.skills), gap=1, wrap="wrap"),
        Row(
            Button(
                "Following" if profile.following else "Follow",
                iconStart="check" if profile.following else "plus",
                variant="outline" if profile.following else "solid",
                color="primary",
                onClickAction=action(
                    "profile.follow", {"profile": profile.model_dump(mode="json")}
                ),
            ),
            Button(
                "Copy email",
                iconStart="mail",
                variant="ghost",
                onClickAction=action(
                    "profile.copy_email", {"email": profile.email}, handler="client"
                ),
            ),
            gap=2,
        ),
        size="sm",
        background={"light": "#FFFFFF", "dark": "#111827"},
    )


SUMMARY_ID = "summary-text"  # the id lets ChatKit stream text deltas into this Markdown

SECTIONS = [
    "## Summary\n\nRevenue grew **14%** over the quarter, led by mobile.",
    "\n\n### Highlights\n\n- Checkout is 30% faster\n- Refunds fell for the third month",
    "\n\n### Next\n\n1. Launch the annual plan\n2. Hire two support engineers",
]


class Regenerate(BaseModel):
    topic: str


STREAM_PAUSE = 0.06  # seconds between sections


@actions.on("summary.regenerate")
async def regenerate(payload: Regenerate) -> AsyncIterator[Card]:
    """Stream the summary section by section, as a model's output would arrive."""
    text = ""
    for section in SECTIONS:
        text += section
        yield streaming_summary(payload.topic, text, done=False)
        # A real handler awaits the model here; the pause lets the preview show text arriving.
        await asyncio.sleep(STREAM_PAUSE)
    yield streaming_summary(payload.topic, text, done=True)


@widget(
    samples={
        "streaming": {"topic": "Q1 report", "text": SECTIONS[0], "done": False},
        "done": {"topic": "Q1 report", "text": "".join(SECTIONS), "done": True},
        "empty": {"topic": "Q2 report", "text": "", "done": False},
    },
    title="Streaming summary",
)
def streaming_summary(topic: str, text: str, done: bool) -> Card:
    """A Markdown with an id, so a server can stream text into it; regenerate streams states."""
    return Card(
        Row(
            Image(asset("cover-report.svg"), alt="Report cover", width=64, height=36, radius="sm"),
            Title(topic, size="sm"),
            Spacer(),
            Badge("Done" if done else "Writing…", color="success" if done else "discovery"),
            gap=2,
            align="center",
        ),
        Box(
            Markdown(text or "_Waiting for the first words…_", id=SUMMARY_ID, streaming=not done),
            minHeight=80,
        ),
        Button(
            "Regenerate",
            iconStart="sparkle",
            variant="soft",
            disabled=not done,
            onClickAction=action("summary.regenerate", {"topic": topic}),
        ),
        size="md",
        status={"text": "Summary", "icon": "sparkle-double"},
    )


@actions.on("survey.submit")
def survey_sent(payload: dict[str, Any], ctx: ActionContext) -> Card:
    """Thank the user and show what was sent."""
    return values_card(
        "Thanks for your feedback",
        {**payload, **ctx.form},
        note="These are the values your server receives.",
    )


SCORES: list[RadioOption] = [{"label": str(n), "value": str(n)} for n in range(1, 6)]


@widget(
    samples={
        "short": {"product": "Checkout", "topics": ["Speed", "Design"]},
        "long": {
            "product": "The new onboarding flow for teams with more than fifty seats",
            "topics": ["Speed", "Design", "Docs", "Pricing", "Support", "Integrations"],
        },
    },
    title="Feedback survey",
)
def feedback_survey(product: str, topics: list[str]) -> Card:
    """A Form with a rating, a choice, topic checkboxes and a comment, submitted together."""
    return Card(
        Form(
            Title(f"How was {product}?", size="sm", maxLines=2),
            Label("Your rating", fieldName="rating", weight="semibold"),
            RadioGroup(name="rating", options=SCORES, direction="row", required=True),
            Label("How often do you use it?", fieldName="usage"),
            Select(
                name="usage",
                placeholder="Pick one",
                options=[
                    {"value": "daily", "label": "Every day"},
                    {"value": "weekly", "label": "Weekly"},
                    {"value": "rarely", "label": "Rarely"},
                ],
            ),
            Caption("What should we improve?"),
            Row(
                *(Checkbox(name=f"improve.{t.lower()}", label=t) for t in topics),
                gap=3,
                wrap="wrap",
            ),
            Label("Anything else?", fieldName="comment"),
            Textarea(name="comment", rows=3, autoResize=True, placeholder="Optional"),
            Divider(),
            Row(Spacer(), Button("Send feedback", submit=True, color="primary")),
            onSubmitAction=action("survey.submit", {"product": product}),
            gap=2,
        ),
        size="md",
    )
