"""Who reaches moderation pages (403 for members, 404 for unknown ids) and the audit log for admins."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from forum.core.models import utcnow
from forum.extensions import db
from forum.moderation.models import ModerationAction, ModerationLog, TargetType
from tests.conftest import csrf_token, login
from tests.core.test_every_post import _example_path
from tests.moderation.conftest import count, press, text_of


def _moderation_rules(app):
    return [rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith("moderation.")
            and rule.endpoint != "moderation.flag"]


def test_members_get_403_on_every_moderation_url(client, app, forum):
    login(client, "chloe@exemple.fr")
    token = csrf_token(client, "/")
    rules = _moderation_rules(app)
    assert len(rules) >= 8
    for rule in rules:
        path = _example_path(rule).replace("/1/", f"/{forum['reply'].id}/")
        for method in sorted(rule.methods & {"GET", "POST"}):
            response = client.open(path, method=method, data={"csrf_token": token, "reason": "x", "duration": "7",
                                                                "category": "culture"})
            assert response.status_code == 403, (method, path, response.status_code)
            assert "réservé" in text_of(response), path
    assert count(ModerationLog) == 0
    assert "/moderation" not in re.findall(r'href="(/moderation[^"]*)"', text_of(client.get("/")))


def test_visitors_are_sent_to_the_login_page(app, forum):
    visitor = app.test_client()
    for path in ("/moderation", "/moderation/journal", f"/moderation/message/{forum['reply'].id}/masquer"):
        response = visitor.get(path)
        assert response.status_code == 302 and "/connexion" in response.headers["Location"], path


@pytest.mark.parametrize("method,path,message", [
    ("GET", "/moderation/message/999999/masquer", "Ce message n'existe pas."),
    ("GET", "/moderation/sujet/999999/masquer", "Ce sujet n'existe pas"),
    ("GET", "/moderation/ressource/999999/masquer", "Cette ressource n'existe pas"),
    ("GET", "/moderation/pratique/999999/masquer", "Ce retour d'expérience n'existe pas."),
    ("POST", "/moderation/message/999999/retablir", "Ce message n'existe pas."),
    ("POST", "/moderation/sujet/999999/verrouiller", "Ce sujet n'existe pas"),
    ("GET", "/moderation/sujet/999999/deplacer", "Ce sujet n'existe pas"),
    ("GET", "/moderation/membres/999999/suspendre", "Ce membre n'existe pas"),
    ("POST", "/moderation/membres/999999/lever-suspension", "n'existe pas"),
    ("GET", "/moderation/membre/1/masquer", "Cette page n'existe pas"),
])
def test_unknown_ids_are_404_with_a_french_message(client, forum, method, path, message):
    login(client, "admin@exemple.fr")
    response = client.open(path, method=method, data={"csrf_token": csrf_token(client, "/")})
    assert response.status_code == 404 and message in text_of(response)


def test_reviewing_flags_of_an_unknown_object_is_harmless(client, forum):
    login(client, "mod@exemple.fr")
    response = press(client, "/moderation/message/999999/signalements/rejeter", "/moderation")
    assert response.status_code == 302 and count(ModerationLog) == 0


# --- the audit log --------------------------------------------------------------------------------
def _log_rows(forum):
    now = utcnow()
    rows = [
        ModerationLog(moderator_id=forum["mod"].id, action=ModerationAction.HIDE, target_type=TargetType.POST,
                      target_id=forum["reply"].id, reason="Publicité", created_at=now - timedelta(days=10)),
        ModerationLog(moderator_id=forum["mod"].id, action=ModerationAction.LOCK, target_type=TargetType.THREAD,
                      target_id=forum["thread"].id, reason="Fin du débat", created_at=now - timedelta(days=2)),
        ModerationLog(moderator_id=forum["admin"].id, action=ModerationAction.SUSPEND, target_type=TargetType.MEMBER,
                      target_id=forum["bob"].id, reason="Insultes", detail="jusqu'au 3 mars", created_at=now),
    ]
    db.session.add_all(rows)
    db.session.commit()


def test_only_admins_read_the_journal(client, app, forum):
    _log_rows(forum)
    login(client, "mod@exemple.fr")
    refused = client.get("/moderation/journal")
    assert refused.status_code == 403 and "administrateur" in text_of(refused)
    admin = app.test_client()
    login(admin, "admin@exemple.fr")
    html = text_of(admin.get("/moderation/journal"))
    assert html.index("Insultes") < html.index("Fin du débat") < html.index("Publicité")  # newest first
    assert f'href="/membres/{forum["bob"].id}"' in html and "jusqu'au 3 mars" in html


def test_the_journal_filters_and_pages(app, forum):
    _log_rows(forum)
    admin = app.test_client()
    login(admin, "admin@exemple.fr")

    def reasons(**args):
        html = text_of(admin.get("/moderation/journal", query_string=args))
        return [reason for reason in ("Publicité", "Fin du débat", "Insultes") if f"<td>{reason}</td>" in html]

    assert reasons(action="lock") == ["Fin du débat"]
    assert reasons(moderateur=str(forum["mod"].id)) == ["Publicité", "Fin du débat"]
    since = (utcnow() - timedelta(days=3)).date().isoformat()
    assert reasons(du=since) == ["Fin du débat", "Insultes"]
    until = (utcnow() - timedelta(days=5)).date().isoformat()
    assert reasons(au=until) == ["Publicité"]
    for bad in ({"action": "tout"}, {"du": "hier"}, {"moderateur": "x"}, {"du": "2026-05-02", "au": "2026-05-01"}):
        assert admin.get("/moderation/journal", query_string=bad).status_code == 400, bad
    app.config["MODERATION_PER_PAGE"] = 2
    assert "<td>Publicité</td>" in text_of(admin.get("/moderation/journal?page=2"))
    assert admin.get("/moderation/journal?page=3").status_code == 404


@pytest.mark.parametrize("args", [{"au": "9999-12-31"}, {"du": "0001-01-01"}, {"du": "0001-01-01", "au": "9999-12-31"}])
def test_journal_dates_out_of_range_are_a_french_400(app, forum, args):
    admin = app.test_client()
    login(admin, "admin@exemple.fr")
    response = admin.get("/moderation/journal", query_string=args)
    assert response.status_code == 400, args
    assert "doit être comprise entre 1900 et 2999" in text_of(response)
