"""Actions done outside the moderation package that the admins' journal records all the same:
a moderator choosing (or withdrawing) the solution of someone else's question, an admin changing a role."""

from __future__ import annotations

from forum.extensions import db
from forum.moderation.models import ModerationAction, ModerationLog, TargetType
from tests.conftest import login, make_reply, make_thread
from tests.moderation.conftest import press, text_of, thread_url


def _journal() -> list[tuple]:
    return [(row.moderator_id, row.action, row.target_type, row.target_id, row.detail)
            for row in db.session.execute(db.select(ModerationLog).order_by(ModerationLog.id)).scalars()]


def test_a_moderator_choosing_the_solution_for_the_asker_is_journaled(client, app, forum):
    question = make_thread(forum["alice"], forum["category"], "Quel outil pour les inscriptions ?", is_question=True)
    answer = make_reply(forum["bob"], question, "Un formulaire libre fait très bien l'affaire.")
    asker = app.test_client()
    login(asker, "alice@exemple.fr")
    press(asker, f"/sujets/{question.id}/solution/{answer.id}", thread_url(question))
    press(asker, f"/sujets/{question.id}/solution/retirer", thread_url(question))
    assert _journal() == []  # the asker's own choice is no moderation

    login(client, "mod@exemple.fr")
    assert press(client, f"/sujets/{question.id}/solution/{answer.id}", thread_url(question)).status_code == 302
    assert press(client, f"/sujets/{question.id}/solution/retirer", thread_url(question)).status_code == 302
    mod = forum["mod"].id
    assert _journal() == [(mod, ModerationAction.SOLUTION, TargetType.THREAD, question.id, "message n° 2"),
                          (mod, ModerationAction.UNSOLUTION, TargetType.THREAD, question.id, "")]
    admin = app.test_client()
    login(admin, "admin@exemple.fr")
    html = text_of(admin.get("/moderation/journal"))
    assert "Solution choisie pour l'auteur·rice" in html and f'href="/sujets/{question.id}"' in html


def test_role_changes_are_journaled_and_a_refused_one_leaves_nothing(client, app, forum):
    login(client, "admin@exemple.fr")
    url = f"/admin/membres/{forum['bob'].id}/role"
    assert press(client, url, "/admin/membres", role="moderator").status_code == 302
    assert press(client, url, "/admin/membres", role="moderator").status_code == 302  # twice: once in the journal
    admin_url = f"/admin/membres/{forum['admin'].id}/role"
    assert press(client, admin_url, "/admin/membres", role="member").status_code == 409  # the last admin stays
    assert _journal() == [(forum["admin"].id, ModerationAction.ROLE, TargetType.MEMBER, forum["bob"].id,
                           "membre → modérateur·rice")]
    html = text_of(client.get("/moderation/journal?action=role"))
    assert "Changement de rôle" in html and "Bob Leroy" in html


def test_a_solution_held_after_an_edit_is_journaled_by_the_site(client, app, forum):
    from forum.threads import services as thread_services
    from forum.threads.models import Post

    assert thread_services.SOLUTION_HIDDEN == ModerationAction.SOLUTION_HIDDEN.value  # the journal reads it
    question = make_thread(forum["alice"], forum["category"], "Quel outil pour les inscriptions ?", is_question=True)
    login(client, "chloe@exemple.fr")  # a newcomer: a link added later waits for a moderator
    press(client, f"/sujets/{question.id}/repondre", thread_url(question), body="Un formulaire.", action="publish")
    reply = db.session.execute(db.select(Post).where(Post.body_source == "Un formulaire.")).scalar_one()
    asker = app.test_client()
    login(asker, "alice@exemple.fr")
    press(asker, f"/sujets/{question.id}/solution/{reply.id}", thread_url(question))
    url = f"/messages/{reply.id}/modifier"
    edited = press(client, url, url, body="Celui-ci : https://formulaires.exemple.org", action="publish")
    assert edited.status_code == 302
    assert _journal() == [(None, ModerationAction.SOLUTION_HIDDEN, TargetType.POST, reply.id, "message n° 2")]
    admin = app.test_client()
    login(admin, "admin@exemple.fr")
    assert "Solution mise de côté avec son message masqué" in text_of(admin.get("/moderation/journal"))
