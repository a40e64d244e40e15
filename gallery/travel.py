"""Travel: flight options with "load more", hotel options, and a booking form.

Hotel and city pictures are the gallery's SVGs under `/gallery-assets/` (served by the preview).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, validate_call

from widgetkit import (
    Badge,
    Caption,
    Card,
    Checkbox,
    Col,
    DatePicker,
    Icon,
    Image,
    Input,
    Label,
    ListView,
    ListViewItem,
    RadioGroup,
    Row,
    Select,
    SelectOption,
    Spacer,
    Text,
    Textarea,
    Title,
    action,
    widget,
)
from widgetkit.handlers import ActionContext, ActionRouter, Reply

from ._common import asset, values_card

actions = ActionRouter()

CARRIERS = ("Skyline", "Atlantic", "Nordwind")


class Flight(BaseModel):
    id: str
    carrier: str
    depart: str
    arrive: str
    stops: int
    price: int


def flights_between(origin: str, destination: str, count: int) -> list[Flight]:
    """A made-up timetable, the same on every run, so "load more" is repeatable."""
    return [
        Flight(
            id=f"{origin}-{destination}-{n}",
            carrier=CARRIERS[n % 3],
            depart=f"{6 + 2 * n:02d}:{(n * 25) % 60:02d}",
            arrive=f"{9 + 2 * n + n % 2:02d}:{(n * 40) % 60:02d}",
            stops=n % 3 // 2,
            price=89 + (n * 37) % 140,
        )
        for n in range(count)
    ]


class Search(BaseModel):
    origin: str
    destination: str
    shown: int


class FlightPick(BaseModel):
    flight: Flight
    origin: str
    destination: str


@actions.on("flights.more")
def more_flights(payload: Search) -> ListView:
    """Show four more departures: the list grows in place."""
    flights = flights_between(payload.origin, payload.destination, payload.shown + 4)
    return flight_options(payload.origin, payload.destination, flights)


@actions.on("flights.select")
def pick_flight(payload: FlightPick) -> Reply:
    """A pick answers with a new card below the list, holding the fare."""
    f = payload.flight
    return Reply(
        Card(
            Row(
                Title(f"{payload.origin} → {payload.destination}", size="sm"),
                Spacer(),
                Badge("Held 20 min", color="info"),
            ),
            Row(
                Text(f"{f.carrier} · {f.depart}–{f.arrive}"),
                Spacer(),
                Text(f"€{f.price}", weight="bold"),
            ),
            status={"text": "Fare held", "favicon": asset("logo-skyline.svg")},
            size="sm",
        )
    )


@widget(
    samples={
        "typical": {
            "origin": "LIS",
            "destination": "AMS",
            "flights": [f.model_dump() for f in flights_between("LIS", "AMS", 4)],
        },
        "none": {"origin": "LIS", "destination": "NAN", "flights": []},
    },
    title="Flight options",
)
@validate_call
def flight_options(origin: str, destination: str, flights: list[Flight]) -> ListView:
    """Departures as a ListView; a row holds the fare, the last row loads later flights."""
    rows = [
        ListViewItem(
            Image(asset("logo-skyline.svg"), alt=f.carrier, size=28, radius="sm"),
            Col(
                Text(f"{f.depart} – {f.arrive}", weight="semibold"),
                Caption(f"{f.carrier} · {'nonstop' if f.stops == 0 else f'{f.stops} stop'}"),
                gap=0,
            ),
            Spacer(),
            Text(f"€{f.price}", weight="bold"),
            onClickAction=action(
                "flights.select",
                {"flight": f.model_dump(), "origin": origin, "destination": destination},
            ),
            gap=3,
            align="center",
            key=f.id,
        )
        for f in flights
    ]
    more = ListViewItem(
        Icon("reload", color="secondary"),
        Text("Show later flights", color="secondary"),
        onClickAction=action(
            "flights.more",
            {"origin": origin, "destination": destination, "shown": len(flights)},
            loading_behavior="self",
        ),
        gap=2,
        key="more",
    )
    empty = ListViewItem(
        Text(f"No flights from {origin} to {destination} that day.", color="tertiary")
    )
    return ListView(
        *([*rows, more] if rows else [empty]),
        status={"text": f"{origin} → {destination}", "icon": "globe"},
    )


class Hotel(BaseModel):
    id: str
    name: str
    area: str
    image: str
    nightly: int
    rating: float
    perks: list[str] = []


HOTELS = [
    {
        "id": "h1",
        "name": "Harbour House",
        "area": "Alfama",
        "image": "hotel-harbor.svg",
        "nightly": 164,
        "rating": 4.7,
        "perks": ["Sea view", "Breakfast"],
    },
    {
        "id": "h2",
        "name": "Garden Court",
        "area": "Estrela",
        "image": "hotel-garden.svg",
        "nightly": 122,
        "rating": 4.4,
        "perks": ["Quiet"],
    },
    {
        "id": "h3",
        "name": "The Night Loft",
        "area": "Bairro Alto",
        "image": "hotel-loft.svg",
        "nightly": 98,
        "rating": 4.1,
    },
]


class HotelPick(BaseModel):
    hotel_id: str
    name: str


@actions.on("hotels.select")
def pick_hotel(payload: HotelPick) -> Reply:
    return Reply(booking_form(hotel=payload.name, guests=2))


@widget(
    samples={
        "three": {"city": "Lisbon", "hotels": HOTELS},
        "many": {
            "city": "Lisbon",
            "hotels": [{**h, "id": f"{h['id']}-{n}"} for n in range(3) for h in HOTELS],
        },
    },
    title="Hotel options",
)
@validate_call
def hotel_options(city: str, hotels: list[Hotel]) -> ListView:
    """Hotels with a thumbnail, perks and the nightly rate; a click starts the booking."""
    return ListView(
        *(
            ListViewItem(
                Image(asset(h.image), alt=h.name, width=72, height=54, radius="md", fit="cover"),
                Col(
                    Text(h.name, weight="semibold"),
                    Row(
                        Icon("star-filled", size="xs", color="warning"),
                        Caption(f"{h.rating} · {h.area}"),
                        gap=1,
                    ),
                    Row(*(Badge(p, size="sm", variant="soft") for p in h.perks), gap=1),
                    gap=1,
                ),
                Spacer(),
                Col(Text(f"€{h.nightly}", weight="bold"), Caption("a night"), align="end"),
                onClickAction=action("hotels.select", {"hotel_id": h.id, "name": h.name}),
                gap=3,
                key=h.id,
            )
            for h in hotels
        ),
        limit=4,
        status={"text": f"Hotels in {city}", "icon": "map-pin"},
    )


@actions.on("booking.submit")
def book(payload: dict[str, Any], ctx: ActionContext) -> Card:
    """Echo the booking back: ChatKit sends the card's field values with its confirm action."""
    return values_card(
        "Booking request", {**payload, **ctx.form}, note="A real server would reserve the room now."
    )


@widget(
    samples={
        "blank": {"hotel": "Harbour House", "guests": 2},
        "prefilled": {
            "hotel": "Garden Court",
            "guests": 3,
            "name": "Ada Lovelace",
            "email": "ada@example.com",
            "check_in": "2025-06-12",
        },
    },
    title="Booking form",
)
def booking_form(
    hotel: str, guests: int, name: str = "", email: str = "", check_in: str | None = None
) -> Card:
    """An asForm card: Labels, required and pattern-checked fields, and every kind of control."""
    rooms: list[SelectOption] = [
        {"value": v, "label": v.capitalize()} for v in ("standard", "deluxe", "suite")
    ]
    return Card(
        Title(f"Book {hotel}", size="sm"),
        Label("Full name", fieldName="guest.name"),
        Input(name="guest.name", required=True, defaultValue=name or None, autoFocus=True),
        Label("Email", fieldName="guest.email"),
        Input(
            name="guest.email",
            inputType="email",
            required=True,
            defaultValue=email or None,
            pattern=r"[^@\s]+@[^@\s]+\.[a-z]{2,}",
        ),
        Row(
            Col(
                Label("Check-in", fieldName="stay.check_in"),
                DatePicker(name="stay.check_in", defaultValue=check_in, min="2025-01-01"),
                flex=1,
            ),
            Col(
                Label("Nights", fieldName="stay.nights"),
                Input(
                    name="stay.nights", inputType="number", defaultValue="2", pattern="[1-9][0-9]?"
                ),
                flex=1,
            ),
            gap=2,
        ),
        Label("Room", fieldName="room"),
        Select(name="room", options=rooms, defaultValue="standard"),
        Label("Guests", fieldName="guests"),
        RadioGroup(
            name="guests",
            direction="row",
            defaultValue=str(guests),
            options=[{"label": str(n), "value": str(n)} for n in range(1, 5)],
        ),
        Label("Requests", fieldName="requests"),
        Textarea(name="requests", rows=2, placeholder="Late arrival, cot, quiet room…"),
        Checkbox(name="terms", label="I accept the cancellation policy", required=True),
        asForm=True,
        size="md",
        confirm={"label": "Request booking", "action": action("booking.submit", {"hotel": hotel})},
        cancel={"label": "Back", "action": action("gallery.click", {"label": "Back"})},
    )
