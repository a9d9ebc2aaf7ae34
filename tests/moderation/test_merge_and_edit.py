"""Moderators merge duplicate threads and edit members' posts with a recorded reason."""

from __future__ import annotations

import pytest

from forum.core.database import write_intent
from forum.core.errors import Invalid
from forum.extensions import db
from forum.moderation.models import Flag, FlagReason, ModerationAction, ModerationLog, TargetType
from forum.notifications.models import Notification
from forum.threads import community
from forum.threads import services as thread_services
from forum.threads.models import Bookmark, Category, Post, Thread, Watch, WatchLevel
from tests.conftest import login, make_reply, make_thread
from tests.moderation.conftest import count, press, text_of, thread_url


@pytest.fixture
def duplicate(forum):
    """Chloé asked again what Alice asked; David answered her and follows it, Bob kept it."""
    original = forum["thread"]
    copy = make_thread(forum["chloe"], forum["category"], "Financer un poste de médiateur numérique ?",
                       "Même question que le sujet d'Alice, pardon.", tags=["financement"])
    answer = make_reply(forum["david"], copy, "La DETR peut aider, demandez à la préfecture.")
    with write_intent():
        community.bookmark(forum["bob"], thread=db.session.get(Thread, copy.id))
        db.session.add(Flag(reporter_id=forum["alice"].id, target_type=TargetType.THREAD, target_id=copy.id,
                            reason=FlagReason.DUPLICATE))
        db.session.commit()
    return {"original": original, "copy": copy, "answer": answer}


def merge(client, source, target: str, reason: str = ""):
    url = f"/moderation/sujet/{source.id}/fusionner"
    return press(client, url, url, target=target, reason=reason)


def test_merging_moves_the_posts_after_the_target_s_and_the_old_address_follows(client, app, forum, duplicate):
    original, copy = duplicate["original"], duplicate["copy"]
    login(client, "mod@exemple.fr")
    assert "Fusionner avec un autre sujet" in text_of(client.get(thread_url(copy)))
    form = text_of(client.get(f"/moderation/sujet/{copy.id}/fusionner"))
    assert "Sujet de destination" in form and copy.title in form
    response = merge(client, copy, f"https://forum.example.fr/sujets/{original.id}/{original.slug}", "Doublon")
    assert response.status_code == 302 and response.headers["Location"] == thread_url(original)

    db.session.expire_all()
    posts = db.session.execute(db.select(Post.body_source, Post.position).where(Post.thread_id == original.id)
                               .order_by(Post.position)).all()
    assert [body for body, _ in posts] == [
        "Bonjour, la subvention se termine en juin.", "Achetez des montres de luxe sur mon site pas cher.",
        "Même question que le sujet d'Alice, pardon.", "La DETR peut aider, demandez à la préfecture."]
    assert [position for _, position in posts] == [1, 2, 3, 4]
    target, source = db.session.get(Thread, original.id), db.session.get(Thread, copy.id)
    assert target.post_count == 4 and target.reply_count == 3 and target.last_poster_id == forum["david"].id
    assert source.merged_into_id == original.id and source.hidden_at is not None and source.post_count == 0
    category = db.session.get(Category, forum["category"].id)
    assert (category.thread_count, category.post_count) == (1, 4)

    visitor = app.test_client()
    moved = visitor.get(thread_url(copy))
    assert moved.status_code == 301 and moved.headers["Location"] == thread_url(original)
    page = text_of(visitor.get(thread_url(original)))
    assert "La DETR peut aider" in page and "3 réponses" in page
    assert copy.title not in text_of(visitor.get("/forum/mediation-numerique"))
    assert visitor.get(f"/messages/{duplicate['answer'].id}").headers["Location"].startswith(thread_url(original))
    # Tags join, watchers and bookmarks follow, the duplicate's flag is closed, all logged once.
    assert [tag.name for tag in db.session.execute(
        db.select(Thread).where(Thread.id == original.id).options(db.selectinload(Thread.tags))).scalar_one().tags] \
        == ["financement"]
    assert db.session.execute(db.select(Watch.level).where(Watch.user_id == forum["david"].id,
                                                            Watch.thread_id == original.id)).scalar_one() \
        == WatchLevel.WATCHING
    assert count(Bookmark, Bookmark.user_id == forum["bob"].id, Bookmark.thread_id == original.id) == 1
    assert count(Watch, Watch.thread_id == copy.id) == count(Bookmark, Bookmark.thread_id == copy.id) == 0
    assert count(Flag, Flag.target_id == copy.id, Flag.resolved_at.is_(None)) == 0
    log = db.session.execute(db.select(ModerationLog)).scalar_one()
    assert (log.action, log.target_id, log.reason) == (ModerationAction.MERGE, copy.id, "Doublon")
    assert f"sujet n° {original.id}" in log.detail and "2 messages" in log.detail
    note = db.session.execute(db.select(Notification).where(Notification.user_id == forum["chloe"].id,
                                                            Notification.kind == "moderation")).scalar_one()
    assert "a été fusionné avec" in note.text and note.link == thread_url(original)
    # The same merge sent twice: nothing more.
    assert merge(client, copy, str(original.id)).status_code == 302
    assert count(ModerationLog) == 1 and count(Post, Post.thread_id == original.id) == 4


def test_merging_across_categories_moves_the_counts_and_the_solution(client, app, forum):
    question = make_thread(forum["alice"], forum["other_category"], "Quel tarif pour un atelier vidéo ?",
                           "Nous hésitons entre 5 et 10 €.", is_question=True)
    copy = make_thread(forum["chloe"], forum["category"], "Tarif des ateliers vidéo en fabrique",
                       "Combien faites-vous payer ?", is_question=True)
    answer = make_reply(forum["david"], copy, "Prix libre chez nous, ça marche bien.")
    with write_intent():
        community.mark_solution(forum["chloe"], db.session.get(Thread, copy.id), db.session.get(Post, answer.id))
        db.session.commit()
    login(client, "mod@exemple.fr")
    assert merge(client, copy, str(question.id)).status_code == 302
    db.session.expire_all()
    source_category = db.session.get(Category, forum["category"].id)
    target_category = db.session.get(Category, forum["other_category"].id)
    assert (source_category.thread_count, source_category.post_count) == (1, 2)
    assert (target_category.thread_count, target_category.post_count) == (1, 3)
    assert db.session.get(Thread, question.id).solution_post_id == answer.id
    assert db.session.get(Thread, copy.id).solution_post_id is None
    assert "Résolu" in text_of(app.test_client().get(thread_url(question)))


@pytest.mark.parametrize(("target", "message"), [
    ("", "Ce champ est obligatoire."),
    ("n'importe quoi", "Indiquez l'adresse du sujet"),
    ("/sujets/987654", "Aucun sujet ne porte ce numéro."),
    ("99999999999999999999999", "Indiquez l'adresse du sujet"),
])
def test_merge_targets_that_are_not_threads_get_a_french_message(client, forum, duplicate, target, message):
    login(client, "mod@exemple.fr")
    response = merge(client, duplicate["copy"], target)
    assert response.status_code == 400 and message in text_of(response)
    assert db.session.get(Thread, duplicate["copy"].id).merged_into_id is None
    assert count(Post, Post.thread_id == duplicate["copy"].id) == 2 and count(ModerationLog) == 0


def test_a_thread_is_not_merged_into_itself_nor_into_a_merged_or_hidden_one(client, app, forum, duplicate):
    original, copy = duplicate["original"], duplicate["copy"]
    third = make_thread(forum["bob"], forum["category"], "Encore la même question sur le financement", "Texte.")
    login(client, "mod@exemple.fr")
    itself = merge(client, copy, str(copy.id))
    assert itself.status_code == 400 and "on ne fusionne pas un sujet avec lui-même" in text_of(itself)
    merge(client, copy, str(original.id))
    into_merged = merge(client, third, str(copy.id))
    assert into_merged.status_code == 400 and "a lui-même été fusionné" in text_of(into_merged)
    press(client, f"/moderation/sujet/{original.id}/masquer", f"/moderation/sujet/{original.id}/masquer",
          reason="Hors charte")
    into_hidden = merge(client, third, str(original.id))
    assert into_hidden.status_code == 400 and "est masqué" in text_of(into_hidden)
    # A merged thread has nothing to restore: its posts are elsewhere.
    restore = press(client, f"/moderation/sujet/{copy.id}/retablir", "/")
    assert restore.status_code == 400 and "fusionné" in text_of(restore)
    assert db.session.get(Thread, copy.id).hidden_at is not None


def test_members_cannot_merge(client, forum, duplicate):
    login(client, "alice@exemple.fr")
    assert client.get(f"/moderation/sujet/{duplicate['copy'].id}/fusionner").status_code == 403
    response = press(client, f"/moderation/sujet/{duplicate['copy'].id}/fusionner", "/",
                     target=str(duplicate["original"].id))
    assert response.status_code == 403 and "réservée à l'équipe de modération" in text_of(response)
    assert db.session.get(Thread, duplicate["copy"].id).merged_into_id is None


# --- editing someone's post -----------------------------------------------------------------------
def edit(client, post, **data):
    url = f"/moderation/message/{post.id}/modifier"
    return press(client, url, url, action="publish", **data)


def test_a_moderator_edits_a_post_with_a_reason_told_to_its_author(client, app, forum):
    reply = forum["reply"]
    login(client, "mod@exemple.fr")
    page = text_of(client.get(thread_url(forum["thread"])))
    assert f"/moderation/message/{reply.id}/modifier" in page
    form = text_of(client.get(f"/moderation/message/{reply.id}/modifier"))
    assert "Raison de la modification" in form and "Achetez des montres" in form
    assert edit(client, reply, body="**Lien** retiré", reason="Publicité").status_code == 302
    db.session.expire_all()
    post = db.session.get(Post, reply.id)
    assert post.body_source == "**Lien** retiré" and post.edited_at is not None
    log = db.session.execute(db.select(ModerationLog)).scalar_one()
    assert (log.action, log.target_id, log.reason) == (ModerationAction.EDIT, reply.id, "Publicité")
    note = db.session.execute(db.select(Notification.text).where(Notification.user_id == forum["bob"].id,
                                                                 Notification.kind == "moderation")).scalar_one()
    assert "a été modifié par la modération" in note and "Raison\u00a0: Publicité" in note
    # The same text again is no change: nothing more in the log.
    edit(client, reply, body="**Lien** retiré", reason="Publicité")
    assert count(ModerationLog) == 1


def test_a_moderator_s_edit_without_reason_changes_nothing(client, app, forum):
    reply = forum["reply"]
    login(client, "mod@exemple.fr")
    response = edit(client, reply, body="Texte remplacé", reason="")
    assert response.status_code == 400 and "Indiquez la raison" in text_of(response)
    url = f"/moderation/message/{reply.id}/modifier"
    preview = press(client, url, url, body="Un *aperçu*", reason="", action="preview")
    assert preview.status_code == 200 and "<em>aperçu</em>" in preview.get_data(as_text=True)
    assert db.session.get(Post, reply.id).body_source == "Achetez des montres de luxe sur mon site pas cher."
    assert count(ModerationLog) == 0
    # The service refuses it too: a moderator's edit of someone else's post always has a reason.
    with write_intent(), pytest.raises(Invalid):
        thread_services.edit_post(forum["mod"], db.session.get(Post, reply.id), "Sans raison")
    db.session.rollback()


def test_members_cannot_use_the_moderators_edit(client, forum):
    login(client, "alice@exemple.fr")
    assert client.get(f"/moderation/message/{forum['reply'].id}/modifier").status_code == 403
    response = press(client, f"/moderation/message/{forum['reply'].id}/modifier", "/", body="piraté",
                     reason="parce que")
    assert response.status_code == 403
    assert db.session.get(Post, forum["reply"].id).body_source == "Achetez des montres de luxe sur mon site pas cher."
