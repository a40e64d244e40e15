"""At-a-glance status: weather now and forecast, and a progress tracker.

Weather art is the gallery's SVGs under `/gallery-assets/` (served by the preview).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, validate_call

from widgetkit import (
    Badge,
    Box,
    Button,
    Caption,
    Card,
    Col,
    Divider,
    Icon,
    Image,
    Row,
    Spacer,
    Text,
    Title,
    action,
    widget,
)
from widgetkit.handlers import ActionFailed, ActionRouter

from ._common import asset

actions = ActionRouter()

Sky = Literal["sun", "partly", "cloud", "rain"]
SKY_TEXT: dict[Sky, str] = {
    "sun": "Sunny",
    "partly": "Partly cloudy",
    "cloud": "Overcast",
    "rain": "Showers",
}


class Day(BaseModel):
    day: str
    sky: Sky
    high: int
    low: int


class Weather(BaseModel):
    city: str
    sky: Sky
    temp: int  # °C
    wind_kmh: int
    forecast: list[Day]
    unit: Literal["C", "F"] = "C"


class WeatherRef(BaseModel):
    weather: Weather


@actions.on("weather.unit")
def switch_unit(payload: WeatherRef) -> Card:
    """Flip between Celsius and Fahrenheit; the data stays in Celsius."""
    w = payload.weather
    return weather(w.model_copy(update={"unit": "F" if w.unit == "C" else "C"}))


def degrees(celsius: int, unit: Literal["C", "F"]) -> str:
    return f"{celsius}°" if unit == "C" else f"{round(celsius * 9 / 5 + 32)}°"


LISBON = {
    "city": "Lisbon",
    "sky": "partly",
    "temp": 21,
    "wind_kmh": 14,
    "forecast": [
        {"day": "Fri", "sky": "sun", "high": 24, "low": 15},
        {"day": "Sat", "sky": "cloud", "high": 20, "low": 14},
        {"day": "Sun", "sky": "rain", "high": 17, "low": 12},
        {"day": "Mon", "sky": "partly", "high": 19, "low": 13},
        {"day": "Tue", "sky": "sun", "high": 23, "low": 15},
    ],
}


@widget(
    samples={
        "celsius": {"weather": LISBON},
        "fahrenheit": {"weather": {**LISBON, "unit": "F"}},
        "no forecast": {
            "weather": {
                **LISBON,
                "city": "Reykjavík",
                "sky": "rain",
                "temp": 4,
                "wind_kmh": 42,
                "forecast": [],
            }
        },
    },
    title="Weather",
)
@validate_call
def weather(weather: Weather) -> Card:
    """Current conditions large, then a row of daily forecasts."""
    u = weather.unit
    days = [
        Col(
            Caption(d.day),
            Image(asset(f"weather-{d.sky}.svg"), alt=SKY_TEXT[d.sky], size=32),
            Text(degrees(d.high, u), weight="semibold", size="sm"),
            Caption(degrees(d.low, u)),
            align="center",
            gap=1,
            flex=1,
        )
        for d in weather.forecast
    ]
    return Card(
        Row(
            Col(
                Caption(weather.city, size="lg"),
                Title(degrees(weather.temp, u), size="5xl"),
                Text(SKY_TEXT[weather.sky], color="secondary"),
                gap=0,
            ),
            Spacer(),
            Image(asset(f"weather-{weather.sky}.svg"), alt=SKY_TEXT[weather.sky], size=88),
            align="center",
        ),
        Row(
            Icon("compass", color="secondary", size="sm"),
            Caption(f"Wind {weather.wind_kmh} km/h"),
            Spacer(),
            Button(
                f"°{'F' if u == 'C' else 'C'}",
                size="xs",
                variant="ghost",
                pill=True,
                onClickAction=action("weather.unit", {"weather": weather.model_dump(mode="json")}),
            ),
            gap=1,
            align="center",
        ),
        *([Divider(), Row(*days, gap=1)] if days else []),
        size="sm",
        background={"light": "#F0F7FF", "dark": "#0B1A2E"},
    )


StepState = Literal["done", "active", "waiting", "failed"]


class Step(BaseModel):
    label: str
    detail: str = ""
    state: StepState = "waiting"


class Job(BaseModel):
    id: str
    title: str
    steps: list[Step]


class JobRef(BaseModel):
    job: Job


@actions.on("progress.advance")
def advance(payload: JobRef) -> Card:
    """Finish the active step and start the next, as a polling refresh would find them."""
    steps = [s.model_copy() for s in payload.job.steps]
    active = next((i for i, s in enumerate(steps) if s.state in ("active", "waiting")), None)
    if any(s.state == "failed" for s in steps):
        raise ActionFailed("This job failed; retry it from the dashboard.")
    if active is None:
        raise ActionFailed("Every step is already done.")
    steps[active].state = "done"
    if active + 1 < len(steps):
        steps[active + 1].state = "active"
    return progress_tracker(payload.job.model_copy(update={"steps": steps}))


MARKS: dict[StepState, tuple[str, Literal["success", "primary", "tertiary", "danger"]]] = {
    "done": ("check-circle-filled", "success"),
    "active": ("reload", "primary"),
    "waiting": ("empty-circle", "tertiary"),
    "failed": ("bug", "danger"),
}

DEPLOY: dict[str, Any] = {
    "id": "deploy-318",
    "title": "Deploy web v3.18",
    "steps": [
        {"label": "Build", "detail": "2m 10s", "state": "done"},
        {"label": "Tests", "detail": "1,204 passed", "state": "done"},
        {"label": "Canary", "detail": "5% of traffic", "state": "active"},
        {"label": "Rollout"},
    ],
}


@widget(
    samples={
        "running": {"job": DEPLOY},
        "failed": {
            "job": {
                **DEPLOY,
                "steps": [
                    *DEPLOY["steps"][:2],
                    {"label": "Canary", "detail": "error rate 4%", "state": "failed"},
                    {"label": "Rollout"},
                ],
            }
        },
        "finished": {"job": {**DEPLOY, "steps": [{**s, "state": "done"} for s in DEPLOY["steps"]]}},
    },
    title="Progress tracker",
)
@validate_call
def progress_tracker(job: Job) -> Card:
    """Steps with their state, a progress bar made of boxes, and a refresh button."""
    done = sum(s.state == "done" for s in job.steps)
    failed = any(s.state == "failed" for s in job.steps)
    pct = round(100 * done / len(job.steps)) if job.steps else 0
    rows = [
        Row(
            Icon(MARKS[s.state][0], color=MARKS[s.state][1]),
            Text(
                s.label,
                weight="semibold" if s.state == "active" else "normal",
                color="tertiary" if s.state == "waiting" else None,
            ),
            Spacer(),
            Caption(s.detail),
            gap=2,
            align="center",
            key=f"step-{i}",
        )
        for i, s in enumerate(job.steps)
    ]
    bar = Box(
        Box(
            width=f"{pct}%", height=6, radius="full", background="#DC2626" if failed else "#16A34A"
        ),
        height=6,
        radius="full",
        background="surface-tertiary",
    )
    finished = done == len(job.steps)
    return Card(
        Row(
            Title(job.title, size="sm"),
            Spacer(),
            Badge(
                "Failed" if failed else "Done" if finished else f"{pct}%",
                color="danger" if failed else "success" if finished else "info",
            ),
        ),
        bar,
        *rows,
        Button(
            "Refresh",
            iconStart="reload",
            variant="outline",
            size="sm",
            disabled=finished or failed,
            onClickAction=action("progress.advance", {"job": job.model_dump(mode="json")}),
        ),
        size="sm",
        status={"text": f"Job {job.id}", "icon": "bolt"},
    )
