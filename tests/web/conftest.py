"""A small hand-made patronage database for the web tests (no pipeline run needed)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from patronage.model.records import (
    Actor,
    ActorRef,
    AnalysedArticle,
    CleanArticle,
    DateValue,
    Event,
    Evidence,
    Mention,
    Quote,
    Relation,
    Role,
    Sentence,
)
from patronage.store import Store

RUSSIA = Actor("country/RUS", "Russia", "country", "RUS", "GOV", None, ("Russian Federation", "Moscow"))
PUTIN = Actor(
    "person/Q7747",
    "Vladimir Putin",
    "person",
    "RUS",
    "GOV",
    "Q7747",
    ("Putin",),
    (Role("president", "RUS", "2012-05-07", None, "gazetteer"),),
)
ASSAD = Actor(
    "person/Q44329",
    "Bashar al-Assad",
    "person",
    "SYR",
    "GOV",
    "Q44329",
    ("Assad",),
    (Role("president", "SYR", "2000-07-17", "2024-12-08", "gazetteer"),),
)
IRAN = Actor("country/IRN", "Iran", "country", "IRN", "GOV", None, ("Tehran",))
SNOWDEN = Actor("person/Q4985", "Edward Snowden", "person", "USA", None, "Q4985", ("Snowden",))
ACTORS = {a.actor_id: a for a in (RUSSIA, PUTIN, ASSAD, IRAN, SNOWDEN)}

HOSTILE = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(2)>"


@dataclass
class Doc:
    """Builds one analysed article, computing character offsets from surface texts."""

    doc_id: str
    title: str
    date: str
    text: str
    url: str | None = None
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def sentence_of(self, needle: str) -> tuple[int, Evidence]:
        at = self.text.index(needle)
        starts = [0] + [i + 2 for i in range(len(self.text)) if self.text.startswith(". ", i)]
        start = max(s for s in starts if s <= at)
        end = self.text.find(". ", at)
        end = len(self.text) if end < 0 else end + 1
        idx = starts.index(start)
        return idx, Evidence(self.doc_id, start, end, self.text[start:end], idx, "test.v1")

    def ref(self, actor: Actor, surface: str, in_sentence: str) -> ActorRef:
        idx, ev = self.sentence_of(in_sentence)
        at = ev.start + ev.sentence.index(surface)
        self.mentions.append(
            Mention(self.doc_id, at, at + len(surface), surface, "PER", idx, actor.actor_id, "gazetteer")
        )
        return ActorRef(actor.actor_id, actor.name, actor.kind, actor.country, actor.sector, surface)

    def event(
        self,
        event_id: str,
        type_: str,
        src: tuple[Actor, str],
        tgt: tuple[Actor, str],
        trigger: str,
        date: str,
        sentence: str,
        cameo: str | None = None,
        mode: str | None = None,
        context: tuple[str, ...] = (),
    ) -> None:
        _, ev = self.sentence_of(sentence)
        self.events.append(
            Event(
                event_id,
                type_,
                cameo,
                self.ref(*src, sentence),
                self.ref(*tgt, sentence),
                ev,
                mode=mode,
                context=context,
                date=DateValue(date, "day" if len(date) == 10 else "month"),
                trigger=trigger,
            )
        )

    def relation(
        self,
        rel: str,
        src: tuple[Actor, str],
        tgt: tuple[Actor, str],
        date: str,
        sentence: str,
        polarity: str = "positive",
    ) -> None:
        _, ev = self.sentence_of(sentence)
        self.relations.append(
            Relation(
                self.ref(*src, sentence),
                self.ref(*tgt, sentence),
                rel,
                ev,
                polarity,
                0.7,
                DateValue(date, "month"),
            )
        )

    def build(self) -> AnalysedArticle:
        clean = CleanArticle(
            self.doc_id, self.title, self.text, self.date, self.url, "test", "test", "h-" + self.doc_id
        )
        sents = []
        seen = {m.actor_id for m in self.mentions if m.actor_id is not None}
        for needle in [s for s in self.text.split(". ") if s]:
            idx, ev = self.sentence_of(needle)
            sents.append(Sentence(self.doc_id, idx, ev.start, ev.end, ev.sentence))
        actors = tuple(ACTORS[a] for a in sorted(seen))
        return AnalysedArticle(
            clean,
            tuple(sents),
            tuple(self.mentions),
            actors,
            tuple(self.events),
            tuple(self.quotes),
            tuple(self.relations),
        )


def corpus() -> list[AnalysedArticle]:
    """Four short articles written for these tests."""
    asylum = Doc(
        "doc-asylum",
        "Moscow shelters a fallen ruler",
        "2024-12-10",
        "Russia granted Assad asylum after the fall of Damascus. "
        "Putin said the decision was a humanitarian one.",
        url="https://example.org/asylum",
    )
    asylum.event(
        "ev-asylum",
        "AID",
        (RUSSIA, "Russia"),
        (ASSAD, "Assad"),
        "granted",
        "2024-12",
        "Russia granted Assad",
        cameo="075",
        context=("asylum",),
    )
    asylum.relation("harbours", (RUSSIA, "Russia"), (ASSAD, "Assad"), "2024-12", "Russia granted Assad")
    _, qev = asylum.sentence_of("Putin said")
    asylum.quotes.append(
        Quote(
            "q-1",
            asylum.ref(PUTIN, "Putin", "Putin said"),
            "the decision was a humanitarian one",
            "said",
            False,
            qev,
            "Putin",
            0.92,
        )
    )

    visit = Doc(
        "doc-visit",
        "A surprise trip to the Kremlin",
        "2015-10-21",
        "Assad flew to Moscow on 20 October to consult Putin about the air campaign. "
        "The Kremlin has backed Assad since September. "
        "Diplomats describe the personal tie between Putin and Assad as chilly.",
    )
    visit.event(
        "ev-visit",
        "CONSULT",
        (ASSAD, "Assad"),
        (RUSSIA, "Moscow"),
        "flew",
        "2015-10-20",
        "Assad flew to Moscow",
        cameo="042",
        mode="visit",
    )
    visit.relation("supports", (RUSSIA, "Kremlin"), (ASSAD, "Assad"), "2015-09", "The Kremlin has backed")
    visit.relation(
        "personal_tie",
        (PUTIN, "Putin"),
        (ASSAD, "Assad"),
        "2015-10",
        "Diplomats describe",
        polarity="negative",
    )

    hostile = Doc(
        "doc-hostile",
        f"{HOSTILE} Tehran ships fuel {HOSTILE_IMG}",
        "2019-05-02",
        f"Iran sent fuel tankers to Assad {HOSTILE} while {HOSTILE_IMG} loaded. "
        "Officials in Tehran denied it.",
        url="javascript:alert(3)",
    )
    hostile.event("ev-hostile", "AID", (IRAN, "Iran"), (ASSAD, "Assad"), "sent", "2019-05", "Iran sent fuel")

    snowden = Doc(
        "doc-snowden",
        "Whistleblower stays",
        "2013-08-02",
        "Russia gave Snowden temporary asylum on Thursday.",
        url="https://example.org/snowden",
    )
    snowden.event(
        "ev-snowden",
        "AID",
        (RUSSIA, "Russia"),
        (SNOWDEN, "Snowden"),
        "gave",
        "2013-08-01",
        "Russia gave Snowden",
        cameo="075",
        context=("asylum",),
    )
    snowden.relation("harbours", (RUSSIA, "Russia"), (SNOWDEN, "Snowden"), "2013-08", "Russia gave Snowden")
    return [d.build() for d in (asylum, visit, hostile, snowden)]


def build_db(path: Path) -> Path:
    """Write the test corpus to a new database at ``path``."""
    with Store(path) as store:
        run = store.start_run("test", "0")
        store.write(corpus(), [], run)
    return path


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with Russia, Putin, Assad, Iran and Snowden, their events, relations and a quote."""
    return build_db(tmp_path_factory.mktemp("web") / "web.duckdb")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(db: Path, **options: Any) -> Iterator[str]:
    """The app on ``db`` served by uvicorn on a free loopback port, in a thread; yields its base URL."""
    import uvicorn

    from patronage.web import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(str(db), **options), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        if not server.started:
            pytest.fail("uvicorn did not start within 15 s")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
