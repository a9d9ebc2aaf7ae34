"""The members of ``bench/load.py``: a Locust file (run by it, or by ``locust -f`` by hand).

Each simulated member logs in through the login form with a real session cookie and CSRF
token, then reads threads and the catalogue, searches, replies (sometimes with a double
click), thanks, requests loans and, for managers, accepts the requests their fabrique
received, as people do, with a pause between actions. Who is who comes from the JSON file
named by ``FORUM_LOAD_CAST`` (written by ``bench/load.py`` from the seeded database).

Every request is named by its kind (``GET thread``, ``POST reply``…) and is a failure unless it
answers one of the statuses that kind may answer: 409 is the right answer for a loan accepted
a moment ago by another manager, for instance, but a 500 never is.
"""

from __future__ import annotations

import html
import itertools
import json
import os
import random
import re
from datetime import date, timedelta

import gevent
from locust import HttpUser, between, events, task

CAST = json.loads(open(os.environ["FORUM_LOAD_CAST"], encoding="utf-8").read()) \
    if os.environ.get("FORUM_LOAD_CAST") else None
PASSWORD = os.environ.get("FORUM_LOAD_PASSWORD", "fabriques-demo-2026")
SEARCH_WORDS = ("imprimante", "médiation numérique", "financement", "tiers-lieu rural", "découpeuse laser",
                "atelier", "subvention", "qpv", "mediation", "gouvernance partagée", "tablettes", "salle de réunion")
REPLY_SENTENCES = (
    "Merci pour ce retour, nous avons vécu la même chose l'an dernier.",
    "Chez nous, la mairie prête la salle le jeudi : ça vaut le coup de demander.",
    "Avez-vous essayé de passer par le réseau régional ? Ils ont un fonds d'amorçage.",
    "Je vous envoie notre modèle de convention dès demain.",
    "Même question de notre côté : je suis preneuse de vos réponses !",
)

_FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.DOTALL | re.IGNORECASE)
_ACTION = re.compile(r"\baction=\"([^\"]*)\"")
_HIDDEN = re.compile(r"<input\b[^>]*\btype=\"hidden\"[^>]*>", re.IGNORECASE)
_NAME = re.compile(r"\bname=\"([^\"]*)\"")
_VALUE = re.compile(r"\bvalue=\"([^\"]*)\"")
_LIKE_ACTION = re.compile(r"^/messages/(\d+)/merci$")
_LOAN_LINK = re.compile(r"href=\"/prets/(\d+)\"")

_member_numbers = itertools.count()


def _forms(page: str, page_path: str) -> list[tuple[str, str]]:
    """(action, inner HTML) of each form of ``page``; a form without action posts to the page itself."""
    forms = []
    for attributes, body in _FORM.findall(page):
        action = _ACTION.search(attributes)
        forms.append((html.unescape(action.group(1)) if action else page_path, body))
    return forms


def hidden_fields(page: str, action: str, page_path: str = "") -> dict[str, str] | None:
    """The hidden fields (CSRF token, submission token…) of the form posting to ``action``, or None."""
    for found_action, body in _forms(page, page_path):
        if found_action == action:
            fields = {}
            for tag in _HIDDEN.findall(body):
                name, value = _NAME.search(tag), _VALUE.search(tag)
                if name:
                    fields[html.unescape(name.group(1))] = html.unescape(value.group(1)) if value else ""
            return fields
    return None


def form_actions(page: str) -> list[str]:
    return [action for action, _body in _forms(page, "")]


class Member(HttpUser):
    """One logged-in member of the demo; ``manager_of`` is set for the managers of lending fabriques."""

    wait_time = between(0.5, 2.0)

    def on_start(self) -> None:
        people = CAST["members"]
        self.person = people[next(_member_numbers) % len(people)]
        self.rng = random.Random(self.person["email"])
        page = self.get("/connexion", "GET login")
        fields = hidden_fields(page or "", "/connexion", "/connexion") or {}
        self.post("/connexion", "POST login", {**fields, "email": self.person["email"], "password": PASSWORD},
                  expected=(302,))

    # -- helpers --------------------------------------------------------------------------
    def get(self, path: str, name: str) -> str | None:
        with self.client.get(path, name=name, catch_response=True, allow_redirects=False) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} on {path}")
                return None
            response.success()
            return response.text

    def post(self, path: str, name: str, data: dict, expected: tuple[int, ...]) -> int | None:
        with self.client.post(path, data=data, name=name, catch_response=True, allow_redirects=False,
                              headers={"Referer": self.host + path}) as response:
            if response.status_code not in expected:
                response.failure(f"{response.status_code} on {path}: {response.text[:300]!r}")
            else:
                response.success()
            return response.status_code

    def post_form(self, page: str | None, action: str, name: str, data: dict, expected: tuple[int, ...],
                  *, twice: bool = False) -> None:
        """Submit the form of ``page`` that posts to ``action`` with ``data``; ``twice``: a double click."""
        fields = hidden_fields(page or "", action)
        if fields is None:
            return  # not offered (locked thread, own post…): nothing to click
        payload = {**fields, **data}
        if twice:
            clicks = [gevent.spawn(self.post, action, name, payload, expected) for _ in range(2)]
            gevent.joinall(clicks)
        else:
            self.post(action, name, payload, expected)

    # -- reading ----------------------------------------------------------------------------
    @task(8)
    def home(self) -> None:
        self.get("/", "GET home")

    @task(30)
    def read_thread(self) -> None:
        self.get(f"/sujets/{self.rng.choice(CAST['threads'])}", "GET thread")

    @task(12)
    def read_catalogue(self) -> None:
        query = self.rng.choice(("", "?type=equipement", "?type=espace", "?q=imprimante"))
        self.get(f"/ressources{query}", "GET catalogue")

    @task(5)
    def read_resource(self) -> None:
        self.get(f"/ressources/{self.rng.choice(CAST['resources'])['id']}", "GET resource")

    @task(12)
    def search(self) -> None:
        self.client.get("/recherche", params={"q": self.rng.choice(SEARCH_WORDS)}, name="GET search")

    @task(3)
    def notifications(self) -> None:
        self.get("/notifications", "GET notifications")

    @task(3)
    def loans(self) -> None:
        self.get("/prets", "GET loans")

    # -- writing ----------------------------------------------------------------------------
    @task(6)
    def reply(self) -> None:
        # Replies go to a few busy threads, so that several members write to one thread at once.
        thread_id = self.rng.choice(CAST["busy_threads"])
        page = self.get(f"/sujets/{thread_id}", "GET thread")
        body = f"{self.rng.choice(REPLY_SENTENCES)} ({self.person['name']}, {self.rng.randrange(10**9)})"
        # One reply in five is double-clicked: the second submission must not make a second post.
        self.post_form(page, f"/sujets/{thread_id}/repondre", "POST reply", {"body": body, "action": "publish"},
                       (302, 303, 409), twice=self.rng.random() < 0.2)

    @task(6)
    def thank(self) -> None:
        page = self.get(f"/sujets/{self.rng.choice(CAST['busy_threads'])}", "GET thread")
        actions = [action for action in form_actions(page or "") if _LIKE_ACTION.match(action)]
        if actions:
            self.post_form(page, self.rng.choice(actions), "POST thanks", {}, (302, 303))

    @task(4)
    def request_loan(self) -> None:
        if not self.person.get("borrower"):
            return
        resource = self.rng.choice([item for item in CAST["resources"]
                                    if item["fabrique_id"] != self.person["fabrique_id"]])
        page = self.get(f"/ressources/{resource['id']}", "GET resource")
        start = date.today() + timedelta(days=self.rng.randint(3, 150))
        end = start + timedelta(days=self.rng.randint(0, min(3, resource["max_days"] - 1)))
        self.post_form(page, f"/ressources/{resource['id']}/demander", "POST loan request",
                       {"start_date": start.isoformat(), "end_date": end.isoformat(), "quantity": "1",
                        "message": "Pour un atelier avec les habitants du quartier."}, (302, 303, 409),
                       twice=self.rng.random() < 0.1)

    @task(4)
    def answer_requests(self) -> None:
        """Managers accept (or now and then decline) the oldest request their fabrique received;
        borrowers now and then cancel one of theirs: both sides race on the same loans."""
        listing = self.get("/prets?etat=requested", "GET loans")
        loan_ids = _LOAN_LINK.findall(listing or "")
        if not loan_ids:
            return
        loan_id = loan_ids[-1] if self.person.get("manager") else self.rng.choice(loan_ids)
        page = self.get(f"/prets/{loan_id}", "GET loan")
        actions = form_actions(page or "")
        if f"/prets/{loan_id}/accepter" in actions:
            action = "refuser" if self.rng.random() < 0.1 else "accepter"
        elif f"/prets/{loan_id}/annuler" in actions and self.rng.random() < 0.3:
            action = "annuler"
        else:
            return
        self.post_form(page, f"/prets/{loan_id}/{action}", f"POST loan {action}", {"note": ""}, (302, 303, 409))


@events.init_command_line_parser.add_listener
def _cast_required(parser) -> None:
    if CAST is None:
        raise SystemExit("FORUM_LOAD_CAST must name the cast file written by bench/load.py")
