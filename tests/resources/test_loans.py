"""Asking, accepting, lending and returning, through the web pages, with notifications and e-mails."""

import html

import pytest
from sqlalchemy import func, select

from forum.extensions import db
from forum.notifications.models import Notification
from forum.resources.models import Loan, LoanEvent, LoanMessage, LoanState
from tests.conftest import csrf_token, login, make_fabrique, make_member, make_user, submit
from tests.resources.builders import day, make_loan, make_resource, two_fabriques


def _outbox(app):
    return app.extensions["mailman"].__dict__.setdefault("outbox", [])


def _state(loan_id) -> LoanState:
    db.session.rollback()
    return db.session.get(Loan, loan_id).state


def _request(client, resource, start, end, quantity=1, message="Pour la fête de quartier du 14."):
    return submit(client, f"/ressources/{resource.id}/demander",
                  {"start_date": start.isoformat(), "end_date": end.isoformat(), "quantity": str(quantity),
                   "message": message}, form_url=f"/ressources/{resource.id}")


def test_member_requests_and_the_owner_is_notified(client, app):
    world = two_fabriques()
    login(client, "member@exemple.fr")
    response = _request(client, world["resource"], day(3), day(5))
    loan = db.session.execute(select(Loan)).scalar_one()
    assert response.status_code == 302 and response.headers["Location"] == f"/prets/{loan.id}"
    assert loan.state is LoanState.REQUESTED and loan.borrower_fabrique_id == world["borrower_fabrique"].id
    assert loan.requested_by_id == world["member"].id and loan.owner_fabrique_id == world["lender"].id
    notification = db.session.execute(select(Notification)).scalar_one()
    assert notification.user_id == world["owner"].id and notification.link == f"/prets/{loan.id}"
    assert "L'Atelier Emprunteur demande «\u00a0Découpeuse laser 60 W\u00a0»" in notification.text
    [email] = _outbox(app)
    assert email.to == ["owner@exemple.fr"] and "Demande de prêt" in email.subject
    assert f"/prets/{loan.id}" in email.body and "fête de quartier" in email.body


@pytest.mark.parametrize("start,end,quantity,message", [
    (5, 3, 1, "La date de fin doit être après la date de début."),
    (-2, 3, 1, "La date de début est déjà passée."),
    (1, 40, 1, "La durée dépasse le maximum de 30 jours"),
    (1, 2, 0, "Quantité\u00a0: "),
    (1, 2, 2, "La quantité doit être comprise entre 1 et 1."),
    (400, 401, 1, "plus d'un an à l'avance"),
])
def test_bad_requests_get_a_french_message_and_nothing_is_stored(client, app, start, end, quantity, message):
    world = two_fabriques()
    login(client, "member@exemple.fr")
    response = _request(client, world["resource"], day(start), day(end), quantity)
    assert response.status_code == 400
    assert message in html.unescape(response.get_data(as_text=True)).replace("\u202f", " ")
    assert db.session.execute(select(func.count()).select_from(Loan)).scalar_one() == 0
    assert _outbox(app) == []


def test_malformed_dates_are_400(client, app):
    world = two_fabriques()
    login(client, "member@exemple.fr")
    response = submit(client, f"/ressources/{world['resource'].id}/demander",
                      {"start_date": "demain", "end_date": "2027-02-30"}, form_url=f"/ressources/{world['resource'].id}")
    assert response.status_code == 400 and "Indiquez une date valide." in response.get_data(as_text=True)


def test_who_may_not_request(client, app):
    world = two_fabriques()
    make_user("loner@exemple.fr", "Lou Sansfabrique")
    login(client, "owner@exemple.fr")  # own fabrique's resource
    assert _request(client, world["resource"], day(1), day(2)).status_code == 403
    client.post("/deconnexion", data={"csrf_token": csrf_token(client, "/")})
    login(client, "loner@exemple.fr")  # no fabrique
    assert _request(client, world["resource"], day(1), day(2)).status_code == 403
    assert db.session.execute(select(func.count()).select_from(Loan)).scalar_one() == 0
    assert client.post("/ressources/999999/demander", data={"csrf_token": csrf_token(client, "/")}).status_code == 404


def test_paused_resources_and_know_how_cannot_be_requested(client, app):
    world = two_fabriques()
    guide = make_resource(world["owner"], world["lender"], "Guide du fablab", kind=__import__(
        "forum.resources.models", fromlist=["ResourceKind"]).ResourceKind.KNOW_HOW)
    login(client, "owner@exemple.fr")
    submit(client, f"/ressources/{world['resource'].id}/pause", form_url=f"/ressources/{world['resource'].id}")
    client.post("/deconnexion", data={"csrf_token": csrf_token(client, "/")})
    login(client, "member@exemple.fr")
    page = client.get(f"/ressources/{world['resource'].id}").get_data(as_text=True)
    assert "Indisponible pour le moment" in page and "Envoyer la demande" not in page
    token = csrf_token(client, "/")
    paused = client.post(f"/ressources/{world['resource'].id}/demander", data={
        "csrf_token": token, "start_date": day(1).isoformat(), "end_date": day(2).isoformat()})
    assert paused.status_code == 409
    know_how = client.post(f"/ressources/{guide.id}/demander", data={
        "csrf_token": token, "start_date": day(1).isoformat(), "end_date": day(2).isoformat()})
    assert know_how.status_code == 400
    assert db.session.execute(select(func.count()).select_from(Loan)).scalar_one() == 0


def test_full_lifecycle_with_history_and_notifications(client, other_client, app):
    world = two_fabriques()
    loan = make_loan(world["member"], world["resource"], day(2), day(4))
    login(client, "owner@exemple.fr")
    login(other_client, "member@exemple.fr")
    for actor, action, expected in [(client, "accepter", LoanState.ACCEPTED), (client, "preter", LoanState.LENT),
                                    (client, "rendre", LoanState.RETURNED)]:
        data = {"note": "Rendue propre, lentille à changer bientôt."} if action == "rendre" else {}
        if action == "preter":
            data = {"early_confirmed": "1"}  # before the first day: confirmed (see the test below)
        response = submit(actor, f"/prets/{loan.id}/{action}", data, form_url=f"/prets/{loan.id}")
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        assert _state(loan.id) is expected
    loan = db.session.get(Loan, loan.id)
    assert loan.return_note == "Rendue propre, lentille à changer bientôt."
    events = db.session.execute(select(LoanEvent.to_state).where(LoanEvent.loan_id == loan.id)
                                .order_by(LoanEvent.id)).scalars().all()
    assert events == [LoanState.REQUESTED, LoanState.ACCEPTED, LoanState.LENT, LoanState.RETURNED]
    page = other_client.get(f"/prets/{loan.id}").get_data(as_text=True)
    assert "Historique" in page and "Olivia Prêteuse" in page and "lentille à changer" in page
    member_notes = db.session.execute(select(Notification.kind).where(
        Notification.user_id == world["member"].id).order_by(Notification.id)).scalars().all()
    assert member_notes == ["loan.accepted", "loan.lent", "loan.returned"]
    assert '<span class="bell-count">3</span>' in other_client.get("/").get_data(as_text=True)
    subjects = [email.subject for email in _outbox(app)]
    assert "Prêt accepté\u00a0: Découpeuse laser 60 W" in subjects
    assert "Retour enregistré\u00a0: Découpeuse laser 60 W" in subjects


def test_the_wrong_side_gets_403_and_nothing_changes(client, app):
    world = two_fabriques()
    loan = make_loan(world["member"], world["resource"], day(2), day(4))
    login(client, "member@exemple.fr")  # the borrower may not accept
    assert submit(client, f"/prets/{loan.id}/accepter", form_url=f"/prets/{loan.id}").status_code == 403
    assert _state(loan.id) is LoanState.REQUESTED
    client.post("/deconnexion", data={"csrf_token": csrf_token(client, "/")})
    login(client, "owner@exemple.fr")  # the owner may not cancel the borrower's request
    assert submit(client, f"/prets/{loan.id}/annuler", form_url=f"/prets/{loan.id}").status_code == 403
    assert _state(loan.id) is LoanState.REQUESTED


def test_senseless_moves_are_409_with_an_explanation(client, app):
    world = two_fabriques()
    loan = make_loan(world["member"], world["resource"], day(2), day(4))
    login(client, "owner@exemple.fr")
    response = submit(client, f"/prets/{loan.id}/rendre", form_url=f"/prets/{loan.id}")
    assert response.status_code == 409 and "Action impossible" in response.get_data(as_text=True)
    submit(client, f"/prets/{loan.id}/refuser", form_url=f"/prets/{loan.id}")
    response = submit(client, f"/prets/{loan.id}/accepter", form_url=f"/prets/{loan.id}")
    assert response.status_code == 409 and "refusée" in response.get_data(as_text=True)
    assert _state(loan.id) is LoanState.DECLINED
    assert submit(client, f"/prets/{loan.id}/voler", form_url=f"/prets/{loan.id}").status_code == 404


def test_borrower_cancels(client, app):
    world = two_fabriques()
    loan = make_loan(world["member"], world["resource"], day(2), day(4))
    login(client, "member@exemple.fr")
    assert submit(client, f"/prets/{loan.id}/annuler", form_url=f"/prets/{loan.id}").status_code == 302
    assert _state(loan.id) is LoanState.CANCELLED
    assert db.session.execute(select(Notification.user_id).where(Notification.kind == "loan.cancelled")
                              ).scalars().all() == [world["owner"].id]


def test_accepting_beyond_stock_is_409_with_the_dates(client, app):
    world = two_fabriques()
    first = make_loan(world["member"], world["resource"], day(2), day(6))
    second = make_loan(world["borrower_manager"], world["resource"], day(5), day(8))
    login(client, "owner@exemple.fr")
    assert submit(client, f"/prets/{first.id}/accepter", form_url=f"/prets/{first.id}").status_code == 302
    response = submit(client, f"/prets/{second.id}/accepter", form_url=f"/prets/{second.id}")
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "déjà réservée du" in html and "(stock\u00a0: 1, demandé\u00a0: 1)" in html
    assert _state(second.id) is LoanState.REQUESTED
    # The calendar shows the booked days.
    page = client.get(f"/ressources/{world['resource'].id}").get_data(as_text=True)
    assert page.count("day-complet") >= 5


def test_a_loan_is_private_to_its_two_fabriques(client, app):
    world = two_fabriques()
    loan = make_loan(world["member"], world["resource"], day(2), day(4))
    stranger = make_user("stranger@exemple.fr", "Stéphane Tiers")
    make_fabrique(stranger, "La Tierce Fabrique", "35", "urbain")
    login(client, "stranger@exemple.fr")
    assert client.get(f"/prets/{loan.id}").status_code == 404
    assert submit(client, f"/prets/{loan.id}/accepter", form_url="/").status_code == 404
    assert submit(client, f"/prets/{loan.id}/messages", {"body": "Coucou"}, form_url="/").status_code == 404
    assert _state(loan.id) is LoanState.REQUESTED
    assert db.session.execute(select(func.count()).select_from(LoanMessage)).scalar_one() == 0


def test_conversation_between_the_two_fabriques(client, other_client, app):
    world = two_fabriques()
    loan = make_loan(world["member"], world["resource"], day(2), day(4))
    login(client, "member@exemple.fr")
    response = submit(client, f"/prets/{loan.id}/messages", {"body": "On peut passer **mardi** ?"},
                      form_url=f"/prets/{loan.id}")
    assert response.status_code == 302
    login(other_client, "owner@exemple.fr")
    page = other_client.get(f"/prets/{loan.id}").get_data(as_text=True)
    assert "<strong>mardi</strong>" in page
    assert db.session.execute(select(Notification.user_id).where(Notification.kind == "loan.message")
                              ).scalars().all() == [world["owner"].id, world["borrower_manager"].id]
    empty = submit(client, f"/prets/{loan.id}/messages", {"body": "   "}, form_url=f"/prets/{loan.id}")
    assert empty.status_code == 400


def test_loans_page_shows_what_needs_my_action_first(client, app):
    world = two_fabriques()
    mine = make_resource(world["borrower_manager"], world["borrower_fabrique"], "Barnum 3 × 3 m")
    make_loan(world["member"], world["resource"], day(2), day(4))  # sent
    received = make_loan(world["owner"], mine, day(10), day(12))  # received: needs an answer
    login(client, "bmanager@exemple.fr")
    html = client.get("/prets").get_data(as_text=True)
    assert html.index("Barnum 3 × 3 m") < html.index("Découpeuse laser 60 W")
    assert "Répondre" in html and f"/prets/{received.id}" in html
    assert client.get("/prets?etat=requested").status_code == 200
    assert client.get("/prets?etat=perdu").status_code == 400


def test_notifications_can_be_read(client, other_client, app):
    world = two_fabriques()
    loan = make_loan(world["member"], world["resource"], day(2), day(4))
    login(client, "owner@exemple.fr")
    assert "L&#39;Atelier Emprunteur demande" in client.get("/notifications").get_data(as_text=True)
    notification = db.session.execute(select(Notification)).scalar_one()
    response = submit(client, f"/notifications/{notification.id}", form_url="/notifications")
    assert response.status_code == 302 and response.headers["Location"] == f"/prets/{loan.id}"
    db.session.rollback()
    assert db.session.get(Notification, notification.id).read_at is not None
    # Someone else's notification does not exist for me.
    make_user("x@exemple.fr", "Xavier Autre")
    login(other_client, "x@exemple.fr")
    response = submit(other_client, f"/notifications/{notification.id}", form_url="/notifications")
    assert response.status_code == 404


def test_a_plain_member_of_the_lending_fabrique_reads_its_loans_without_acting(client, app):
    # /prets lists the requests the fabrique received to all its members: each opens, read-only.
    world = two_fabriques()
    loan = make_loan(world["member"], world["resource"], day(2), day(4))
    make_member(world["lender"], "colleague@exemple.fr", "Colette Collègue")
    login(client, "colleague@exemple.fr")
    assert f'href="/prets/{loan.id}"' in client.get("/prets").get_data(as_text=True)
    response = client.get(f"/prets/{loan.id}")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Historique" in page
    assert "Que faire" not in page and f"/prets/{loan.id}/accepter" not in page
    assert f"/prets/{loan.id}/messages" not in page
    assert submit(client, f"/prets/{loan.id}/accepter", form_url="/").status_code == 403
    assert submit(client, f"/prets/{loan.id}/messages", {"body": "Coucou"}, form_url="/").status_code == 403
    assert _state(loan.id) is LoanState.REQUESTED


def test_marking_lent_before_the_first_day_asks_to_confirm(client, app):
    world = two_fabriques()
    loan = make_loan(world["member"], world["resource"], day(2), day(4))
    login(client, "owner@exemple.fr")
    assert submit(client, f"/prets/{loan.id}/accepter", form_url=f"/prets/{loan.id}").status_code == 302
    asked = submit(client, f"/prets/{loan.id}/preter", {"seen_state": "accepted"}, form_url=f"/prets/{loan.id}")
    page = html.unescape(asked.get_data(as_text=True))
    assert asked.status_code == 409 and "le matériel est-il vraiment retiré dès aujourd'hui" in page
    assert 'name="early_confirmed" value="1"' in page and "Oui, il est retiré aujourd'hui" in page
    assert _state(loan.id) is LoanState.ACCEPTED
    confirmed = submit(client, f"/prets/{loan.id}/preter", {"seen_state": "accepted", "early_confirmed": "1"},
                       form_url=f"/prets/{loan.id}")
    assert confirmed.status_code == 302 and _state(loan.id) is LoanState.LENT


def test_the_acceptance_email_says_when_where_what_deposit_and_whom_to_ask(client, app):
    world = two_fabriques()
    resource = world["resource"]
    resource.pickup_place, resource.usage_conditions = "Accueil, 3 rue des Forges", "Formation de 30 min au retrait."
    resource.deposit_euros = 150.5
    db.session.commit()
    loan = make_loan(world["member"], resource, day(2), day(4))
    login(client, "owner@exemple.fr")
    submit(client, f"/prets/{loan.id}/accepter", form_url=f"/prets/{loan.id}")
    [email] = [email for email in _outbox(app) if email.to == ["member@exemple.fr"]]
    body = email.body.replace("\u00a0", " ").replace("\u202f", " ")
    for expected in ("Dates : du ", "Retrait : Accueil, 3 rue des Forges", "Caution : 150,50 €",
                     "Conditions : Formation de 30 min au retrait.", "Contact : Olivia Prêteuse (La Fabrique Prêteuse)",
                     f"/prets/{loan.id}", "Choisir quels e-mails vous recevez, et quand : https://localhost/notifications#e-mails"):
        assert expected in body, expected


def test_lent_and_returned_read_well_whatever_the_item_s_gender(client, app):
    world = two_fabriques()
    world["resource"].name = "Valise de robotique"
    db.session.commit()
    loan = make_loan(world["member"], world["resource"], day(0), day(2))
    login(client, "owner@exemple.fr")
    for action in ("accepter", "preter", "rendre"):
        submit(client, f"/prets/{loan.id}/{action}", form_url=f"/prets/{loan.id}")
    texts = db.session.execute(select(Notification.text).where(Notification.user_id == world["member"].id)
                               .order_by(Notification.id)).scalars().all()
    assert texts[1:] == ["Le prêt de «\u00a0Valise de robotique\u00a0» est noté comme retiré par L'Atelier Emprunteur.",
                         "Le retour de «\u00a0Valise de robotique\u00a0» est enregistré. Merci\u00a0!"]


def test_only_managers_are_offered_to_answer_and_the_others_see_who_can(client, other_client, app):
    world = two_fabriques()
    loan = make_loan(world["member"], world["resource"], day(2), day(4))
    make_member(world["lender"], "colleague@exemple.fr", "Colette Collègue")
    login(client, "colleague@exemple.fr")
    listing = client.get("/prets").get_data(as_text=True)
    assert "Répondre" not in listing and "pour les responsables" in listing
    page = html.unescape(client.get(f"/prets/{loan.id}").get_data(as_text=True))
    assert "Qui peut agir" in page and "Olivia Prêteuse" in page
    assert f'/messagerie/nouveau?a={world["owner"].id}' in page
    login(other_client, "owner@exemple.fr")
    assert "Répondre" in other_client.get("/prets").get_data(as_text=True)
    owner_page = other_client.get(f"/prets/{loan.id}").get_data(as_text=True)
    # The next action comes before the conversation in the page (first on a phone).
    assert "Qui peut agir" not in owner_page
    assert owner_page.index("Que faire") < owner_page.index("Conversation")
