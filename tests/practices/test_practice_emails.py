"""Comments and "essayé aussi" testimonies reach the authors by e-mail too, as their preference says."""

import pytest

from forum.accounts.models import User
from forum.core.database import write_intent
from forum.extensions import db
from forum.notifications.models import EmailFrequency, EmailPreference
from forum.practices import services
from tests.conftest import commit_work, login, make_category, make_fabrique, make_member, make_user, submit
from tests.practices.builders import make_practice


def _outbox(app) -> list:
    return app.extensions["mailman"].__dict__.setdefault("outbox", [])


@pytest.fixture
def world(app):
    manager = make_user("manager@exemple.fr", "Maëlle Responsable")
    fabrique = make_fabrique(manager, "Le Café des Possibles", "23", "rural")
    author = make_member(fabrique, "author@exemple.fr", "Arthur Auteur")
    other = make_fabrique(make_user("other@exemple.fr", "Odile Ailleurs"), "La Fabrique d'à côté", "87", "urbain")
    reader = make_member(other, "reader@exemple.fr", "Rémi Lecteur")
    practice = make_practice(author, [make_category("Culture", 1).id])
    _outbox(app).clear()
    return {"author": author, "reader": reader, "practice": practice, "url": f"/pratiques/{practice.id}"}


def test_a_comment_is_e_mailed_to_the_authors(client, app, world):
    login(client, "reader@exemple.fr")
    url = world["url"]
    response = submit(client, f"{url}/commentaires", {"body": "On a fait pareil à Limoges."}, form_url=url)
    assert response.status_code == 302
    [email] = _outbox(app)
    assert email.to == ["author@exemple.fr"]
    assert email.subject == "Nouveau commentaire\u00a0: Un atelier vélo au café associatif"
    assert "Rémi Lecteur a commenté" in email.body and "On a fait pareil à Limoges." in email.body
    assert f"https://localhost{url}#commentaires" in email.body and "/notifications/desabonnement/" in email.body


def test_a_trial_is_e_mailed_to_the_authors(client, app, world):
    login(client, "reader@exemple.fr")
    url = world["url"]
    assert submit(client, f"{url}/essaye", {"outcome": "en-partie", "note": "Bien, mais l'hiver…"},
                  form_url=url).status_code == 302
    [email] = _outbox(app)
    assert email.to == ["author@exemple.fr"]
    assert email.subject == "Nouveau témoignage\u00a0: Un atelier vélo au café associatif"
    assert "La Fabrique d'à côté a essayé «\u00a0Un atelier vélo au café associatif\u00a0»" in email.body
    assert "Bien, mais l'hiver…" in email.body and f"{url}#essais" in email.body


def test_the_trial_e_mail_links_to_the_public_address(app, world):
    reader_id, practice_id = world["reader"].id, world["practice"].id
    db.session.expunge_all()  # load the report as a request would
    with write_intent():
        services.record_trial(db.session.get(User, reader_id), services.get_practice(practice_id), "a-marche", "",
                              site_url="https://forum.exemple.org")
        commit_work()
    [email] = _outbox(app)
    assert f"https://forum.exemple.org{world['url']}#essais" in email.body


def test_authors_who_chose_a_digest_get_no_immediate_e_mail(client, app, world):
    with write_intent():
        db.session.add(EmailPreference(user_id=world["author"].id, frequency=EmailFrequency.DAILY))
        commit_work()
    login(client, "reader@exemple.fr")
    url = world["url"]
    submit(client, f"{url}/commentaires", {"body": "Bravo !"}, form_url=url)
    submit(client, f"{url}/essaye", {"outcome": "a-marche"}, form_url=url)
    assert _outbox(app) == []
