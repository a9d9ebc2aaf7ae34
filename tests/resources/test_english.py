"""The catalogue and loans in English: pages for an English-speaking visitor or member, messages in
English, and the notifications and e-mails of a loan in each recipient's language."""

from __future__ import annotations

import re

from sqlalchemy import select, update

from forum.extensions import db
from forum.notifications.models import Notification
from forum.resources.models import Loan, LoanState
from tests.conftest import (
    ENGLISH, commit_work, login, main_text, page_text, plain_spaces, sent_emails, speak_english, submit,
)
from tests.resources.builders import TODAY, day, make_loan, two_fabriques
from tests.resources.room_builders import book, next_weekday, room_world
FRENCH_WORDS = re.compile(r"\b(?:Catalogue partagé|Demander un prêt|Équipement|Fabrication numérique|Caution|"
                          r"Prêts et réservations|Accepter|Refuser|demandé|Historique|Envoyer)\b")


def _request(client, resource, start, end, **headers):
    return submit(client, f"/ressources/{resource.id}/demander",
                  {"start_date": start.isoformat() if start else "", "end_date": end.isoformat(), "quantity": "1",
                   "message": "Pour la fête de quartier."}, form_url=f"/ressources/{resource.id}", headers=headers)


def test_the_catalogue_and_a_resource_page_read_in_english(client):
    world = two_fabriques()
    catalogue = client.get("/ressources", headers=ENGLISH)
    assert catalogue.status_code == 200
    assert "<h1>Shared catalogue</h1>" in page_text(catalogue)
    assert "Digital fabrication" in main_text(catalogue) and "Equipment" in main_text(catalogue)
    page = client.get(f"/ressources/{world['resource'].id}", headers=ENGLISH)
    main = main_text(page)
    assert page.status_code == 200 and "Deposit" in main and "Availability" in main
    assert not FRENCH_WORDS.findall(main), FRENCH_WORDS.findall(main)
    # French stays the default.
    assert "<h1>Catalogue partagé</h1>" in page_text(client.get("/ressources"))


def test_a_loan_page_reads_in_the_members_language(client):
    world = two_fabriques()
    loan = make_loan(world["member"], world["resource"], day(3), day(5))
    speak_english(world["owner"])
    login(client, "owner@exemple.fr")
    main = main_text(client.get(f"/prets/{loan.id}"))  # the member's preference, whatever the browser says
    assert "Accept" in main and "Decline" in main and "requested" in main and "Lending fabrique" in main
    assert not FRENCH_WORDS.findall(main), FRENCH_WORDS.findall(main)
    listing = main_text(client.get("/prets"))
    assert "Loans and bookings" in listing and "Requested" in listing


def test_a_domain_error_and_a_form_error_in_english(client, app):
    world = two_fabriques()
    login(client, "member@exemple.fr")
    refused = _request(client, world["resource"], day(5), day(3), **ENGLISH)
    assert refused.status_code == 400
    assert "The end date must be after the start date." in page_text(refused)
    missing = _request(client, world["resource"], None, day(3), **ENGLISH)
    assert missing.status_code == 400 and "Give a valid date." in page_text(missing)
    assert db.session.execute(select(Loan)).first() is None


def test_an_english_speaking_manager_is_told_in_english_while_the_member_browses_in_french(client, app):
    world = two_fabriques()
    speak_english(world["owner"])
    login(client, "member@exemple.fr")
    response = _request(client, world["resource"], day(3), day(5))
    assert response.status_code == 302
    assert "Votre demande est envoyée" in page_text(client.get(response.headers["Location"]))  # the actor's French
    notification = db.session.execute(select(Notification)).scalar_one()
    assert plain_spaces(notification.text).startswith("L'Atelier Emprunteur requests “Découpeuse laser 60 W” from ")
    [email] = sent_emails(app)
    assert email.to == ["owner@exemple.fr"] and email.subject == "Loan request: Découpeuse laser 60 W"
    assert "Mina Emprunteuse (L'Atelier Emprunteur) requests" in plain_spaces(email.body)
    assert "demande" not in email.subject


def test_the_owner_accepting_tells_the_english_speaking_borrower_in_english(client, app):
    world = two_fabriques()
    loan = make_loan(world["member"], world["resource"], day(3), day(5))
    speak_english(world["member"])
    sent_emails(app).clear()
    login(client, "owner@exemple.fr")
    response = submit(client, f"/prets/{loan.id}/accepter", {"seen_state": "requested"}, form_url=f"/prets/{loan.id}")
    assert response.status_code == 302, response.status_code
    assert db.session.get(Loan, loan.id).state is LoanState.ACCEPTED
    to_member = [email for email in sent_emails(app) if email.to == ["member@exemple.fr"]]
    assert [email.subject for email in to_member] == ["Loan accepted: Découpeuse laser 60 W"]
    body = plain_spaces(to_member[0].body)
    assert "La Fabrique Prêteuse accepted your request for “Découpeuse laser 60 W” from " in body
    assert "In practice:" in body and "Deposit: none" in body
    to_manager = [email for email in sent_emails(app) if email.to == ["bmanager@exemple.fr"]]
    assert [email.subject for email in to_manager] == ["Prêt accepté\u00a0: Découpeuse laser 60 W"]


def test_a_reminder_is_written_in_each_recipients_language(app):
    world = two_fabriques()
    loan = make_loan(world["member"], world["resource"], day(1), day(3))
    db.session.execute(update(Loan).where(Loan.id == loan.id).values(state=LoanState.ACCEPTED))
    commit_work()
    speak_english(world["owner"])
    sent_emails(app).clear()
    result = app.test_cli_runner().invoke(args=["loans", "remind", "--date", TODAY.isoformat()])
    assert result.exit_code == 0, result.output
    by_recipient = {email.to[0]: email for email in sent_emails(app)}
    english, french = by_recipient["owner@exemple.fr"], by_recipient["member@exemple.fr"]
    assert english.subject == "Reminder: the loan of “Découpeuse laser 60 W” starts tomorrow"
    assert plain_spaces(english.body).startswith("Hello Olivia Prêteuse,")
    assert "starts tomorrow (" in english.body
    assert plain_spaces(french.subject) == "Rappel : le prêt de « Découpeuse laser 60 W » commence demain"


def test_a_room_confirmed_by_its_rules_is_told_in_english_with_english_hours(client, app):
    world = room_world(needs_approval=False)
    speak_english(world["owner"], world["member"])
    sent_emails(app).clear()
    tuesday = next_weekday(1)
    book(world["member"], world["room"], tuesday, "14:00", "16:30")
    by_recipient = {(email.to[0], email.subject) for email in sent_emails(app)}
    assert ("owner@exemple.fr", "Room booked: Salle du Lavoir") in by_recipient
    [to_member] = [email for email in sent_emails(app) if email.to == ["member@exemple.fr"]]
    body = plain_spaces(to_member.body)
    assert f"on {tuesday:%A} {tuesday.day} {tuesday:%B}, 14:00 – 16:30" in body
    assert "Note: Confirmed automatically under the room’s rules." in body
    login(client, "member@exemple.fr")
    loan = db.session.execute(select(Loan)).scalar_one()
    page = main_text(client.get(f"/prets/{loan.id}"))
    assert "Confirmed automatically under the room’s rules." in page and "confirmed" in page
