"""New accounts confirm their address (a link valid 24 hours, which can be sent again) before they
post, request a loan, write in a loan's conversation, comment or try a practice, or flag."""

from __future__ import annotations

import html

import pytest
from sqlalchemy import func, select

from forum.accounts import recovery
from forum.accounts.models import User
from forum.core.database import write_intent
from forum.extensions import db
from forum.moderation.models import Flag
from forum.practices.models import OutdatedFlag, Practice, PracticeComment, PracticeTrial
from forum.resources.models import Loan, LoanMessage
from forum.threads.models import Post, Thread
from tests.accounts.clock import signed_ago
from tests.accounts.mail import link_in, outbox, sent_to
from tests.conftest import csrf_token, login, make_category, make_member, make_thread, make_user, submit
from tests.practices.builders import form_data, make_practice
from tests.resources.builders import day, make_loan, two_fabriques

BANNER = "Confirmez votre adresse e-mail."
REFUSED = "Confirmez d'abord votre adresse e-mail"
REGISTRATION = {"email": "nadia.benali@exemple.fr", "display_name": "Nadia Benali",
                "password": "le jardin partagé ouvre en mai", "password_confirm": "le jardin partagé ouvre en mai",
                "fabrique": ""}


def text_of(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def count(model) -> int:
    return db.session.execute(select(func.count()).select_from(model)).scalar_one()


def confirmation_link(app, address: str) -> str:
    emails = [email for email in sent_to(app, address) if email.subject == "Confirmez votre adresse e-mail"]
    return link_in(emails[-1], "/confirmer/")


def confirmed(email: str) -> bool:
    db.session.rollback()
    return db.session.execute(select(User.email_confirmed_at).where(User.email == email)).scalar_one() is not None


@pytest.fixture
def world(app):
    """A newcomer, member of a fabrique but with an unconfirmed address, among content they could act on."""
    world = two_fabriques()
    newcomer = make_member(world["borrower_fabrique"], "newcomer@exemple.fr", "Noé Nouveau", confirmed=False)
    category = make_category()
    thread = make_thread(world["owner"], category)
    practice = make_practice(world["owner"], [category.id])
    loan = make_loan(world["member"], world["resource"], day(3), day(5))
    opening = db.session.execute(select(Post.id).where(Post.thread_id == thread.id)).scalar_one()
    return {**world, "newcomer": newcomer, "category": category, "thread": thread, "practice": practice,
            "loan": loan, "opening_post_id": opening}


def test_registration_sends_the_link_and_the_banner_says_what_to_do(client, app):
    response = submit(client, "/inscription", REGISTRATION)
    assert response.status_code == 302
    assert response.headers["Location"] == "/bienvenue"  # whose first step says where the link went
    welcome = text_of(client.get("/bienvenue"))
    assert "Nous avons envoyé un lien à <strong>nadia.benali@exemple.fr</strong> (valable 24 heures)" in welcome
    [email] = outbox(app)
    assert email.to == ["nadia.benali@exemple.fr"] and email.subject == "Confirmez votre adresse e-mail"
    assert "24 heures" in email.body and "desabonnement" not in email.body
    assert "List-Unsubscribe" not in email.extra_headers
    assert not confirmed("nadia.benali@exemple.fr")
    # The banner is on every page, with the button that sends the link again.
    for url in ("/", "/profil", "/fabriques", "/sujets/nouveau", "/notifications"):
        page = text_of(client.get(url))
        assert BANNER in page and 'action="/confirmation/renvoyer"' in page, url

    link = confirmation_link(app, "nadia.benali@exemple.fr")
    response = client.get(link)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    page = text_of(client.get("/"))
    assert "votre adresse nadia.benali@exemple.fr est confirmée" in page and BANNER not in page
    assert confirmed("nadia.benali@exemple.fr")


def test_the_link_works_without_being_logged_in(client, app):
    submit(client, "/inscription", REGISTRATION)
    link = confirmation_link(app, "nadia.benali@exemple.fr")
    elsewhere = app.test_client()
    response = elsewhere.get(link)
    assert response.status_code == 302 and response.headers["Location"] == "/connexion"
    assert "est confirmée" in text_of(elsewhere.get("/connexion"))
    assert confirmed("nadia.benali@exemple.fr")
    again = elsewhere.get(link)  # opened twice (or by a mail scanner first): harmless
    assert again.status_code == 302 and "était déjà confirmée" in text_of(elsewhere.get("/connexion"))


def test_the_suite_s_builders_make_confirmed_accounts_unless_asked(app):
    make_user()
    assert confirmed("alice@exemple.fr")
    make_user("bob@exemple.fr", "Bob Leroy", confirmed=False)
    assert not confirmed("bob@exemple.fr")


ACTIONS = {
    "nouveau sujet": lambda w: ("/sujets/nouveau", "/sujets/nouveau", {
        "title": "Un sujet qui attendra", "category": w["category"].slug, "body": "Bonjour à tous.",
        "tags": "", "action": "publish"}),
    "réponse": lambda w: (f"/sujets/{w['thread'].id}/repondre", f"/sujets/{w['thread'].id}", {
        "body": "Je réponds sans avoir confirmé.", "action": "publish"}),
    "demande de prêt": lambda w: (f"/ressources/{w['resource'].id}/demander", f"/ressources/{w['resource'].id}", {
        "start_date": day(10).isoformat(), "end_date": day(12).isoformat(), "quantity": "1", "message": ""}),
    "message de prêt": lambda w: (f"/prets/{w['loan'].id}/messages", f"/prets/{w['loan'].id}", {
        "body": "Nous passerons mardi."}),
    "commentaire": lambda w: (f"/pratiques/{w['practice'].id}/commentaires", f"/pratiques/{w['practice'].id}", {
        "body": "Merci pour ce retour."}),
    "essai": lambda w: (f"/pratiques/{w['practice'].id}/essaye", f"/pratiques/{w['practice'].id}", {
        "outcome": "a-marche", "note": "Chez nous aussi."}),
    "pas à jour": lambda w: (f"/pratiques/{w['practice'].id}/depasse", f"/pratiques/{w['practice'].id}", {
        "outdated-note": "Les aides ont changé."}),
    "nouveau retour": lambda w: ("/pratiques/nouveau", "/pratiques/nouveau", {
        **form_data([w["category"].id]), "action": "publish"}),
    "signalement d'un message": lambda w: (f"/signaler/message/{w['opening_post_id']}", f"/sujets/{w['thread'].id}", {
        "reason": "spam"}),
    "signalement d'un sujet": lambda w: (f"/signaler/sujet/{w['thread'].id}", f"/sujets/{w['thread'].id}", {
        "reason": "spam"}),
    "signalement d'une ressource": lambda w: (f"/signaler/ressource/{w['resource'].id}", "/", {"reason": "spam"}),
}
WRITTEN = (Thread, Post, Loan, LoanMessage, PracticeComment, PracticeTrial, OutdatedFlag, Practice, Flag)


@pytest.mark.parametrize("action", list(ACTIONS))
def test_an_unconfirmed_member_is_refused_with_a_french_403_and_nothing_is_written(client, app, world, action):
    url, form_page, data = ACTIONS[action](world)
    before = {model: count(model) for model in WRITTEN}
    login(client, "newcomer@exemple.fr")
    response = client.post(url, data={"csrf_token": csrf_token(client, form_page), **data})
    assert response.status_code == 403, text_of(response)[:3000]
    message = text_of(response)
    assert REFUSED in message and "newcomer@exemple.fr" in message
    assert {model: count(model) for model in WRITTEN} == before

    # Once the address is confirmed, the same request goes through.
    confirm = client.get(confirmation_link_for(world["newcomer"]))
    assert confirm.status_code == 302
    response = submit(client, url, data, form_url=form_page)  # the form, now offered, with its hidden fields
    assert response.status_code == 302, text_of(response)[:3000]


def confirmation_link_for(user) -> str:
    """The builders register without e-mail: the link the e-mail would carry."""
    return f"/confirmer/{recovery.make_token(recovery.Purpose.CONFIRM, db.session.get(User, user.id))}"


def test_the_flag_form_itself_is_refused(client, app, world):
    login(client, "newcomer@exemple.fr")
    response = client.get(f"/signaler/sujet/{world['thread'].id}")
    assert response.status_code == 403 and REFUSED in text_of(response)


def test_pages_offer_a_confirmation_line_instead_of_the_forms(client, app, world):
    login(client, "newcomer@exemple.fr")
    thread_page = text_of(client.get(f"/sujets/{world['thread'].id}/{world['thread'].slug}"))
    assert "Pour répondre, confirmez d'abord votre adresse e-mail" in thread_page
    assert f'action="/sujets/{world["thread"].id}/repondre"' not in thread_page and "/signaler/" not in thread_page
    new_thread = text_of(client.get("/sujets/nouveau"))
    assert "Pour ouvrir un sujet, confirmez" in new_thread and "Publier le sujet" not in new_thread
    resource = text_of(client.get(f"/ressources/{world['resource'].id}"))
    assert "Pour demander cette ressource, confirmez" in resource and "Envoyer la demande" not in resource
    assert "/signaler/" not in resource
    loan = text_of(client.get(f"/prets/{world['loan'].id}"))
    assert "Pour écrire ici, confirmez" in loan and f'action="/prets/{world["loan"].id}/messages"' not in loan
    practice = text_of(client.get(f"/pratiques/{world['practice'].id}"))
    assert "Pour commenter, confirmez" in practice and "/commentaires\"" not in practice
    assert "Pour raconter l'essai de votre fabrique, confirmez" in practice and "/essaye\"" not in practice
    assert "/depasse\"" not in practice and "/signaler/" not in practice
    new_practice = text_of(client.get("/pratiques/nouveau"))
    assert "Pour partager une expérience, confirmez" in new_practice and "Enregistrer le brouillon" not in new_practice

    # Confirmed members see the forms (and no line).
    other = app.test_client()
    login(other, "member@exemple.fr")
    thread_page = text_of(other.get(f"/sujets/{world['thread'].id}/{world['thread'].slug}"))
    assert f'action="/sujets/{world["thread"].id}/repondre"' in thread_page and BANNER not in thread_page
    assert "confirmez d'abord" not in thread_page


def test_an_unconfirmed_member_still_manages_their_account(client, app, world):
    login(client, "newcomer@exemple.fr")
    assert submit(client, "/profil", {"display_name": "Noé Nouveau-Venu", "bio": ""}).status_code == 302
    assert submit(client, f"/sujets/{world['thread'].id}/favori", form_url="/").status_code == 302


def test_resending_the_link(client, app, world):
    login(client, "newcomer@exemple.fr")
    page = f"/sujets/{world['thread'].id}/{world['thread'].slug}"
    response = submit(client, "/confirmation/renvoyer", {"next": page}, form_url=page)
    assert response.status_code == 302 and response.headers["Location"] == page
    assert "Un nouveau lien de confirmation vient de partir vers newcomer@exemple.fr" in text_of(client.get(page))
    assert client.get(confirmation_link(app, "newcomer@exemple.fr")).status_code == 302
    assert confirmed("newcomer@exemple.fr")
    # Once confirmed, there is nothing to send.
    response = submit(client, "/confirmation/renvoyer", form_url="/")
    assert response.status_code == 409 and "déjà confirmée" in text_of(response)


def test_resending_is_rate_limited(client, app, world):
    login(client, "newcomer@exemple.fr")
    for _ in range(5):
        assert submit(client, "/confirmation/renvoyer", form_url="/").status_code == 302
    refused = submit(client, "/confirmation/renvoyer", form_url="/")
    assert refused.status_code == 429 and "beaucoup d'e-mails en peu de temps" in text_of(refused)
    assert len(sent_to(app, "newcomer@exemple.fr")) == 5


def test_resending_needs_a_login_and_a_form(client, app):
    response = submit(client, "/confirmation/renvoyer", form_url="/connexion")
    assert response.status_code == 302 and response.headers["Location"].startswith("/connexion?next=")
    make_user("bob@exemple.fr", "Bob Leroy", confirmed=False)
    login(client, "bob@exemple.fr")
    assert client.post("/confirmation/renvoyer", data={}).status_code == 400
    assert outbox(app) == []


def _token_made_ago(user_id: int, seconds: int, monkeypatch) -> str:
    with signed_ago(monkeypatch, seconds):
        return recovery.make_token(recovery.Purpose.CONFIRM, db.session.get(User, user_id))


def test_a_link_older_than_24_hours_is_refused_and_a_new_one_offered(client, app, monkeypatch):
    user = make_user("bob@exemple.fr", "Bob Leroy", confirmed=False)
    stale = _token_made_ago(user.id, 24 * 3600 + 1, monkeypatch)
    login(client, "bob@exemple.fr")
    response = client.get(f"/confirmer/{stale}")
    assert response.status_code == 400
    page = text_of(response)
    assert "Ce lien de confirmation a expiré" in page and "Recevoir un nouveau lien" in page
    assert not confirmed("bob@exemple.fr")
    assert client.get(f"/confirmer/{_token_made_ago(user.id, 24 * 3600 - 10, monkeypatch)}").status_code == 302


def test_an_altered_link_is_a_french_400(client, app):
    user = make_user("bob@exemple.fr", "Bob Leroy", confirmed=False)
    token = recovery.make_token(recovery.Purpose.CONFIRM, user)
    response = client.get(f"/confirmer/{token[:-4]}")
    assert response.status_code == 400 and "n'est pas valide" in text_of(response)
    assert "Se connecter" in text_of(response)
    assert not confirmed("bob@exemple.fr")


def test_a_link_for_a_former_address_confirms_nothing(client, app):
    user = make_user("bob@exemple.fr", "Bob Leroy", confirmed=False)
    token = recovery.make_token(recovery.Purpose.CONFIRM, user)
    with write_intent():
        db.session.get(User, user.id).email = "robert@exemple.fr"
        db.session.commit()
    response = client.get(f"/confirmer/{token}")
    assert response.status_code == 400 and "n'est plus celle du compte" in text_of(response)
    assert not confirmed("robert@exemple.fr")


def test_create_admin_accounts_are_confirmed(app):
    make_user("bob@exemple.fr", "Bob Leroy", confirmed=False)
    runner = app.test_cli_runner()
    for email in ("chef@exemple.fr", "bob@exemple.fr"):  # a new account, and a promoted one
        result = runner.invoke(args=["create-admin", "--email", email, "--name", "Cheffe Dupont",
                                     "--password", "une phrase très longue pour l'admin"])
        assert result.exit_code == 0, result.output
        assert confirmed(email)


def test_registering_then_posting_needs_the_confirmation(client, app):
    """The whole path: register, be refused, confirm, post."""
    category = make_category()
    submit(client, "/inscription", REGISTRATION)
    data = {"title": "Comment financer un poste ?", "category": category.slug, "body": "Bonjour.", "tags": "",
            "action": "publish"}
    refused = submit(client, "/sujets/nouveau", data, form_url="/")
    assert refused.status_code == 403 and count(Thread) == 0
    client.get(confirmation_link(app, "nadia.benali@exemple.fr"))
    assert submit(client, "/sujets/nouveau", data).status_code == 302 and count(Thread) == 1


def test_the_forum_e_mails_nobody_at_an_unconfirmed_address(client, app):
    # The address may be someone else's: the notification waits in the app, the e-mail never leaves.
    author = make_user("alice@exemple.fr", "Alice Martin")
    newcomer = make_user("nadia@exemple.fr", "Nadia Benali", confirmed=False)
    confirmed = make_user("bob@exemple.fr", "Bob Leroy")
    thread = make_thread(author, make_category())
    from forum.threads import watching
    from forum.threads.models import WatchLevel

    with write_intent():
        for member in (newcomer, confirmed):
            watching.set_level(db.session.merge(member), WatchLevel.WATCHING, thread=db.session.merge(thread))
        db.session.commit()
    login(client, "alice@exemple.fr")
    assert submit(client, f"/sujets/{thread.id}/repondre", {"body": "Une réponse pour vous deux.",
                                                            "action": "publish"},
                  form_url=f"/sujets/{thread.id}").status_code == 302
    assert sent_to(app, "bob@exemple.fr") and not sent_to(app, "nadia@exemple.fr")
    from forum.notifications.models import Notification

    assert db.session.execute(select(func.count()).select_from(Notification)
                              .where(Notification.user_id == newcomer.id)).scalar_one() == 1
