"""A creating form sent twice at the same moment (a double click reaching two workers) creates one row,
and both answers lead to it: two processes (tests/race.py), on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import func, select

from forum.extensions import db
from forum.practices.models import Practice, PracticeComment
from forum.resources.models import Loan, LoanMessage, ResourceKind
from forum.threads.models import Category, Post, Thread
from tests.conftest import csrf_token, form_fields, login, make_category, make_thread
from tests.practices.builders import make_practice
from tests.race import Racer, outcome_of, race
from tests.resources.builders import day, make_loan, make_resource, two_fabriques
from tests.resources.room_builders import next_weekday, set_rules

ROUNDS = 3


def _read_page(client, round_data):
    """The racer's own session has its own CSRF token; the submission token is the form's, shared."""
    kind, url, page, data = round_data
    return kind, url, {**data, "csrf_token": csrf_token(client, page)}


def _send(client, prepared):
    kind, url, payload = prepared
    return outcome_of(client.post(url, data=payload))


def _count(model, *where) -> int:
    return db.session.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def test_every_creating_form_sent_twice_at_once_creates_once(app, client, tmp_path):
    world = two_fabriques()
    category = make_category()
    thread = make_thread(world["owner"], category)
    practice = make_practice(world["owner"], [category.id])
    loan = make_loan(world["borrower_manager"], world["resource"], day(60), day(61))
    room = make_resource(world["owner"], world["lender"], "Salle du Lavoir", ResourceKind.SPACE)
    set_rules(world["owner"], room)
    login(client, "member@exemple.fr")

    def form(kind, url, page, **data):
        return kind, url, page, {**data, "submission": form_fields(client, url, page)["submission"]}

    rounds = []
    for number in range(ROUNDS):
        rounds += [
            form("reply", f"/sujets/{thread.id}/repondre", f"/sujets/{thread.id}", body=f"Réponse {number}",
                 action="publish"),
            form("thread", "/sujets/nouveau", "/sujets/nouveau", title=f"Un sujet en double n° {number}",
                 category=category.slug, body="Le même sujet, deux fois.", action="publish"),
            form("loan", f"/ressources/{world['resource'].id}/demander", f"/ressources/{world['resource'].id}",
                 start_date=day(3 * number + 1).isoformat(), end_date=day(3 * number + 2).isoformat(),
                 quantity="1"),
            form("comment", f"/pratiques/{practice.id}/commentaires", f"/pratiques/{practice.id}",
                 body=f"Commentaire {number}"),
            form("message", f"/prets/{loan.id}/messages", f"/prets/{loan.id}", body=f"Message {number}"),
            form("room", f"/ressources/{room.id}/creneaux", f"/ressources/{room.id}/creneaux",
                 day=next_weekday(1).isoformat(), start=f"{14 + number}:00", end=f"{15 + number}:00"),
        ]
    first, second = race(app, tmp_path, [Racer("member@exemple.fr", _send, rounds, _read_page),
                                         Racer("member@exemple.fr", _send, rounds, _read_page)])

    for number, (kind, _, _, _) in enumerate(rounds):
        assert first[number].status == second[number].status == 302, (kind, first[number], second[number])
        assert first[number].location == second[number].location, kind
    assert _count(Post, Post.thread_id == thread.id) == ROUNDS + 1
    assert _count(Thread) == ROUNDS + 1
    assert _count(Loan) == 2 * ROUNDS + 1  # the loans by days, the room's hours, the first loan
    assert _count(Loan, Loan.starts_at.is_not(None)) == ROUNDS
    assert _count(PracticeComment) == ROUNDS
    assert _count(LoanMessage) == ROUNDS
    # The counters the pages show equal what a recount finds.
    for each in db.session.execute(select(Thread)).scalars():
        assert each.post_count == _count(Post, Post.thread_id == each.id)
    stored = db.session.get(Category, category.id)
    assert stored.thread_count == _count(Thread) and stored.post_count == _count(Post)
    assert db.session.get(Practice, practice.id).comment_count == ROUNDS


def _request_with_own_form(client, prepared):
    resource_id, start, end, token, submission = prepared
    return outcome_of(client.post(f"/ressources/{resource_id}/demander", data={
        "csrf_token": token, "submission": submission, "start_date": start, "end_date": end, "quantity": "1"}))


def _read_request_form(client, round_data):
    resource_id, start, end = round_data
    fields = form_fields(client, f"/ressources/{resource_id}/demander", f"/ressources/{resource_id}")
    return resource_id, start, end, fields["csrf_token"], fields["submission"]


def test_two_members_asking_the_same_loan_at_once_make_one_request(app, tmp_path):
    """Not a double click: two members of one fabrique, each with their own form, ask for the same
    resource and dates at the same moment. The second is a 409 that says the first is pending."""
    world = two_fabriques()
    rounds = [(world["resource"].id, day(3 * number + 1).isoformat(), day(3 * number + 2).isoformat())
              for number in range(ROUNDS * 2)]
    member, manager = race(app, tmp_path, [
        Racer("member@exemple.fr", _request_with_own_form, rounds, _read_request_form),
        Racer("bmanager@exemple.fr", _request_with_own_form, rounds, _read_request_form)])

    for number in range(len(rounds)):
        assert sorted((member[number].status, manager[number].status)) == [302, 409], number
        loser = member[number] if member[number].status == 409 else manager[number]
        assert "Votre fabrique a déjà demandé « Découpeuse laser 60 W »" in loser.text
    assert _count(Loan) == len(rounds)
