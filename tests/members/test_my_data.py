"""« Mes données »: the ZIP export of a member's own data, and account deletion, through the pages."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from forum.accounts.models import LoginSession, User
from forum.core.database import write_intent
from forum.core.dates import today_in_france
from forum.extensions import db
from forum.fabriques import memberships
from forum.fabriques.models import Membership, MembershipRole
from forum.notifications.models import EmailFrequency, EmailPreference, Notification
from forum.practices import services as practice_services
from forum.practices.models import Practice, PracticeComment, PracticeStatus
from forum.resources import services as resource_services
from forum.resources.models import Loan, LoanMessage
from forum.search.index import open_or_create
from forum.search.models import SearchChange
from forum.search.sync import index_directory
from forum.threads import community
from forum.threads.models import Bookmark, Post, PostLike, Thread, Watch, WatchLevel
from tests.conftest import PASSWORD, csrf_token, login, make_category, make_member, make_reply, make_thread, \
    make_user, submit
from tests.practices.builders import make_practice
from tests.resources.builders import day, make_loan, two_fabriques

EXPORT = "/profil/mes-donnees/export.zip"
DELETE = "/profil/supprimer-mon-compte"
FILES = {"LISEZMOI.txt", "profil.json", "messages.json", "pratiques.json", "prets.json", "favoris.json",
         "suivis.json", "mercis.json", "notifications.json", "signalements.json", "messages-prives.json"}
# Texts only Bob or Olivia wrote: none may appear in Mina's export.
OTHERS_TEXTS = ("bob@exemple.fr", "owner@exemple.fr", "Réponse secrète de Bob", "Bob ouvre ce sujet",
                "Commentaire de Bob", "Réponse d'Olivia", "Brouillon de Bob")


@pytest.fixture
def world(app):
    """Mina (member of the borrowing fabrique) wrote, thanked, kept, voted, borrowed; so did Bob and Olivia."""
    base = two_fabriques()
    mina, owner = base["member"], base["owner"]
    category = make_category()
    bob = make_member(base["lender"], "bob@exemple.fr", "Bob Leroy")
    thread = make_thread(mina, category, "Quel logiciel pour les inscriptions ?", "Texte d'ouverture de Mina.",
                         is_question=True)
    bob_reply = make_reply(bob, thread, "Réponse secrète de Bob : un formulaire libre.")
    mina_reply = make_reply(mina, thread, "Merci Bob, je teste demain.")
    bob_thread = make_thread(bob, category, "Le sujet de Bob sur les tablettes", "Bob ouvre ce sujet.")
    with write_intent():
        community.mark_solution(mina, db.session.get(Thread, thread.id), db.session.get(Post, bob_reply.id))
        community.like(mina, db.session.get(Post, bob_reply.id))
        community.bookmark(mina, thread=db.session.get(Thread, bob_thread.id))
        community.bookmark(mina, post=db.session.get(Post, bob_reply.id))
        community.like(bob, db.session.get(Post, mina_reply.id))
        community.bookmark(bob, thread=db.session.get(Thread, thread.id))
        db.session.add(Watch(user_id=mina.id, category_id=category.id, level=WatchLevel.MUTED))
        db.session.add(EmailPreference(user_id=mina.id, frequency=EmailFrequency.WEEKLY))
        db.session.add(Watch(user_id=bob.id, category_id=category.id, level=WatchLevel.WATCHING))
        db.session.commit()
    practice = make_practice(mina, [category.id])
    draft = make_practice(mina, [category.id], publish=False, title="Brouillon de Mina sur le jardin partagé")
    bob_practice = make_practice(bob, [category.id], title="La ressourcerie racontée par Bob")
    make_practice(bob, [category.id], publish=False, title="Brouillon de Bob sur la cuisine")
    with write_intent():
        practice_services.set_useful(mina, _practice(bob_practice.id), True)
        practice_services.add_comment(mina, _practice(bob_practice.id),
                                      "Commentaire de Mina sur la ressourcerie.")
        practice_services.add_comment(bob, _practice(practice.id),
                                      "Commentaire de Bob sur le vélo.")
        db.session.commit()
    loan = make_loan(mina, base["resource"], day(3), day(5), message="Pour notre atelier du samedi.")
    with write_intent():
        for author, text in ((mina, "Message de Mina pour le prêt."), (owner, "Réponse d'Olivia pour le prêt.")):
            resource_services.post_loan_message(author, resource_services.get_loan(loan.id), text)
        db.session.commit()
    return {**base, "mina": mina, "bob": bob, "category": category, "thread": thread, "bob_reply": bob_reply,
            "mina_reply": mina_reply, "bob_thread": bob_thread, "practice": practice, "draft": draft,
            "bob_practice": bob_practice, "loan": loan}


def _practice(practice_id: int) -> Practice:
    """A report with its authors loaded (the services read them), fresh from the base."""
    return db.session.get(Practice, practice_id, options=[selectinload(Practice.authors)], populate_existing=True)


def _zip(response) -> dict[str, object]:
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def _count(model, *where) -> int:
    return db.session.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def _user(user_id: int) -> User:
    db.session.expire_all()
    return db.session.get(User, user_id)


def _delete(client, password: str = PASSWORD, remove_texts: bool = False):
    data = {"password": password}
    if remove_texts:
        data["remove_texts"] = "y"
    return submit(client, DELETE, data)


def _indexed_keys() -> set[str]:
    with open_or_create(index_directory()).searcher() as searcher:
        return {fields["key"] for fields in searcher.all_stored_fields() if fields["key"] != "__state__"}


# --- export ------------------------------------------------------------------------------------
def test_the_profile_leads_to_my_data(client, world):
    login(client, "member@exemple.fr")
    assert "/profil/mes-donnees" in client.get("/profil").get_data(as_text=True)
    page = client.get("/profil/mes-donnees")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    html = page.get_data(as_text=True)
    assert EXPORT in html and DELETE in html and "Télécharger mes données" in html
    listed = set(re.findall(r"<strong>([\w-]+\.json)</strong>", html))
    with zipfile.ZipFile(io.BytesIO(client.get(EXPORT).data)) as archive:
        assert listed == {name for name in archive.namelist() if name.endswith(".json")}


def test_the_zip_holds_every_file_with_my_data_and_nothing_of_others(client, world):
    mina = world["mina"]
    login(client, "member@exemple.fr")
    response = client.get(EXPORT)
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="donnees-forum-des-fabriques-{today_in_france().isoformat()}.zip"')
    files = _zip(response)
    assert set(files) == FILES
    for name, text in files.items():
        assert "\\u00e9" not in text, f"{name}: accents must be written as such (ensure_ascii=False)"
        for other in OTHERS_TEXTS:
            assert other not in text, f"{name} holds {other!r}"
    data = {name: json.loads(text) for name, text in files.items() if name.endswith(".json")}

    profile = data["profil.json"]
    assert profile["adresse_email"] == "member@exemple.fr" and profile["nom_affiche"] == "Mina Emprunteuse"
    assert profile["role"] == "member" and profile["inscrit_le"].startswith(str(mina.created_at.year))
    assert profile["fabrique"]["nom"] == "L'Atelier Emprunteur" and profile["fabrique"]["statut"] == "acceptée"
    assert len(profile["sessions_de_connexion"]) == 1
    assert profile["emails_de_notification"]["frequence"] == "Un résumé hebdomadaire"

    messages = data["messages.json"]
    assert [thread["titre"] for thread in messages["sujets"]] == ["Quel logiciel pour les inscriptions\u00a0?"]
    assert messages["sujets"][0]["question"] is True and messages["sujets"][0]["resolu"] is True
    assert [(post["position"], post["texte_markdown"]) for post in messages["messages"]] == [
        (1, "Texte d'ouverture de Mina."), (3, "Merci Bob, je teste demain.")]
    assert messages["messages"][1]["mercis_recus"] == 1
    assert messages["messages"][1]["sujet_id"] == world["thread"].id

    practices = data["pratiques.json"]
    reports = {report["titre"]: report for report in practices["retours_d_experience"]}
    assert set(reports) == {"Un atelier vélo au café associatif", "Brouillon de Mina sur le jardin partagé"}
    assert reports["Un atelier vélo au café associatif"]["statut"] == "publié"
    assert reports["Brouillon de Mina sur le jardin partagé"]["statut"] == "brouillon"
    assert "Ouvrir un atelier de réparation de vélos" in reports["Un atelier vélo au café associatif"][
        "sections_markdown"]["Objectif"]
    assert len(practices["versions_enregistrees"]) == 2
    assert [vote["retour_titre"] for vote in practices["votes_utile"]] == ["La ressourcerie racontée par Bob"]
    assert [comment["texte_markdown"] for comment in practices["commentaires"]] == [
        "Commentaire de Mina sur la ressourcerie."]

    [loan] = data["prets.json"]["prets"]
    assert loan["id"] == world["loan"].id and loan["demande_par_moi"] is True
    assert loan["message_de_demande"] == "Pour notre atelier du samedi."
    assert [message["texte_markdown"] for message in loan["mes_messages"]] == ["Message de Mina pour le prêt."]
    assert [action["vers"] for action in loan["mes_actions"]] == ["demandé"]

    bookmarks = data["favoris.json"]
    assert {(mark["type"], mark["sujet_id"], mark["message_id"]) for mark in bookmarks} == {
        ("sujet", world["bob_thread"].id, None), ("message", world["thread"].id, world["bob_reply"].id)}
    assert [like["message_id"] for like in data["mercis.json"]] == [world["bob_reply"].id]
    levels = {(watch["type"], watch["categorie"], watch["sujet_id"], watch["niveau"])
              for watch in data["suivis.json"]["niveaux_de_suivi"]}
    assert ("catégorie", "Médiation numérique", None, "Ignorer") in levels
    assert ("catégorie", "Médiation numérique", None, "Suivre") not in levels  # Bob's
    kinds = {notification["type"] for notification in data["notifications.json"]}
    assert {"practice.comment", "loan.message"} <= kinds


def test_the_export_costs_the_same_queries_however_much_was_written(client, world, count_queries):
    login(client, "member@exemple.fr")
    with count_queries() as before:
        assert client.get(EXPORT).status_code == 200
    for number in range(4):
        make_reply(world["mina"], world["bob_thread"], f"Encore un message de Mina, le n° {number}.")
        make_thread(world["mina"], world["category"], f"Un autre sujet de Mina, le n° {number}")
    with write_intent():
        community.like(world["mina"], db.session.get(Post, _first_post(world["bob_thread"])))
        db.session.commit()
    with count_queries() as after:
        response = client.get(EXPORT)
    assert len(json.loads(_zip(response)["messages.json"])["messages"]) == 10
    assert after.count == before.count <= 30, (before.count, after.count)


def _first_post(thread) -> int:
    return db.session.execute(select(Post.id).where(Post.thread_id == thread.id, Post.position == 1)).scalar_one()


def test_visitors_are_sent_to_the_login_page(client, world):
    for url in ("/profil/mes-donnees", EXPORT, DELETE):
        response = client.get(url)
        assert response.status_code == 302 and "/connexion" in response.headers["Location"], url
    response = client.post(DELETE, data={"csrf_token": csrf_token(client, "/connexion"), "password": PASSWORD})
    assert response.status_code == 302 and "/connexion" in response.headers["Location"]
    assert _user(world["mina"].id).deleted_at is None


# --- deletion: refusals ------------------------------------------------------------------------
def test_a_wrong_password_refuses_and_changes_nothing(client, world):
    login(client, "member@exemple.fr")
    page = client.get(DELETE).get_data(as_text=True)
    assert "Supprimer aussi mes textes" in page
    assert re.search(r'<input[^>]*name="remove_texts"[^>]*>', page) and " checked" not in page
    assert "Ce qui est effacé" in page and "Ce qui reste" in page

    response = _delete(client, "pas le bon mot de passe", remove_texts=True)
    assert response.status_code == 400
    assert "Mot de passe incorrect\u00a0: votre compte n&#39;a pas été supprimé." in response.get_data(as_text=True)
    response = _delete(client, "")
    assert response.status_code == 400 and "Ce champ est obligatoire." in response.get_data(as_text=True)
    response = client.post(EXPORT, data={"csrf_token": csrf_token(client, DELETE)})
    assert response.status_code == 405 and "Cette action n&#39;est pas possible" in response.get_data(as_text=True)
    response = _delete(client, "x" * 201)
    assert response.status_code == 400 and "Le formulaire contient des erreurs" in response.get_data(as_text=True)

    mina = _user(world["mina"].id)
    assert mina.email == "member@exemple.fr" and mina.display_name == "Mina Emprunteuse" and not mina.is_deleted
    assert _count(Membership, Membership.user_id == mina.id) == 1
    assert _count(PostLike, PostLike.user_id == mina.id) == 1
    assert db.session.get(Post, world["mina_reply"].id).body_source == "Merci Bob, je teste demain."
    assert client.get("/profil").status_code == 200  # still logged in


def test_the_only_manager_of_a_fabrique_hands_it_over_first(client, world):
    manager = world["borrower_manager"]
    login(client, "bmanager@exemple.fr")
    response = _delete(client)
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "Vous êtes le ou la seule responsable de «\u00a0L&#39;Atelier Emprunteur\u00a0»" in html
    assert "confiez d&#39;abord la fabrique à quelqu&#39;un d&#39;autre" in html
    assert not _user(manager.id).is_deleted and client.get("/profil").status_code == 200

    with write_intent():
        membership = db.session.execute(select(Membership).where(Membership.user_id == world["mina"].id)).scalar_one()
        memberships.set_membership_role(_user(manager.id), membership, MembershipRole.MANAGER)
        db.session.commit()
    assert _delete(client).status_code == 302
    assert _user(manager.id).is_deleted
    assert _count(Membership, Membership.user_id == manager.id) == 0


def test_the_only_administrator_is_refused(client, app):
    make_user("admin@exemple.fr", "Ada Administratrice", role="admin")
    login(client, "admin@exemple.fr")
    response = _delete(client)
    assert response.status_code == 409
    assert "seule administrateur·rice du forum" in response.get_data(as_text=True)


# --- deletion ----------------------------------------------------------------------------------
def test_deletion_erases_the_person_and_keeps_the_posts(client, other_client, app, world):
    mina, thread = world["mina"], world["thread"]
    login(client, "member@exemple.fr")
    login(other_client, "member@exemple.fr")  # a second browser
    response = _delete(client)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert "Votre compte a été supprimé." in client.get("/").get_data(as_text=True)

    # Logged out everywhere.
    for browser in (client, other_client):
        response = browser.get("/profil")
        assert response.status_code == 302 and "/connexion" in response.headers["Location"]
    assert _count(LoginSession, LoginSession.user_id == mina.id) == 0

    deleted = _user(mina.id)
    assert deleted.is_deleted and deleted.display_name == "Membre supprimé" and deleted.bio == ""
    assert deleted.email.endswith("@compte-supprime.invalid") and "member" not in deleted.email
    assert _count(Membership, Membership.user_id == mina.id) == 0
    assert _count(Notification, Notification.user_id == mina.id) == 0
    assert _count(Bookmark, Bookmark.user_id == mina.id) == 0
    assert _count(PostLike, PostLike.user_id == mina.id) == 0
    assert _count(Watch, Watch.user_id == mina.id) == 0
    assert _count(EmailPreference, EmailPreference.user_id == mina.id) == 0
    # Counts stay true: Mina's "Merci" and "Utile" are gone, Bob's "Merci" to Mina stays.
    assert db.session.get(Post, world["bob_reply"].id).like_count == 0
    assert db.session.get(Post, world["mina_reply"].id).like_count == 1
    assert db.session.get(Practice, world["bob_practice"].id).useful_count == 0
    # Her name left the notifications others received about her.
    texts = db.session.execute(select(Notification.text)).scalars().all()
    assert texts and not [text for text in texts if "Mina Emprunteuse" in text]
    assert "Membre supprimé a commenté «\u00a0La ressourcerie racontée par Bob\u00a0»." in texts

    # Her posts stay, signed "Membre supprimé"; her reports too.
    html = client.get(f"/sujets/{thread.id}/{thread.slug}").get_data(as_text=True)
    assert html.count("Membre supprimé") >= 2 and "Mina Emprunteuse" not in html
    assert "ouverture de Mina." in html and "Merci Bob, je teste demain." in html
    assert db.session.get(Practice, world["practice"].id).status is PracticeStatus.PUBLISHED
    profile = client.get(f"/membres/{mina.id}").get_data(as_text=True)
    assert "Membre supprimé" in profile and "Mina Emprunteuse" not in profile and "je teste demain" in profile

    # She cannot log in again; her address is free for a new account.
    response = submit(client, "/connexion", {"email": "member@exemple.fr", "password": PASSWORD})
    assert response.status_code == 401
    response = submit(client, "/inscription", {"email": "member@exemple.fr", "display_name": "Mina Revenue",
                                               "password": "une toute nouvelle phrase de passe",
                                               "password_confirm": "une toute nouvelle phrase de passe",
                                               "fabrique": ""})
    assert response.status_code == 302
    assert _count(User, User.email == "member@exemple.fr") == 1

    # Nobody writes to a deleted account any more.
    with write_intent():
        practice_services.add_comment(world["bob"], _practice(world["practice"].id),
                                      "Bob commente encore.")
        db.session.commit()
    assert _count(Notification, Notification.user_id == mina.id) == 0


def test_deletion_with_texts_removes_them_and_keeps_search_true(client, app, world):
    mina, thread = world["mina"], world["thread"]
    keys = _indexed_keys()
    assert {f"message:{world['mina_reply'].id}", f"pratique:{world['practice'].id}"} <= keys
    login(client, "member@exemple.fr")
    last_change = db.session.execute(select(func.max(SearchChange.id))).scalar_one()
    response = _delete(client, remove_texts=True)
    assert response.status_code == 302
    flashed = client.get("/").get_data(as_text=True)
    assert "Le texte de vos 2 messages a été retiré." in flashed

    posts = db.session.execute(select(Post).where(Post.author_id == mina.id).order_by(Post.position)).scalars().all()
    assert [(post.body_source, post.body_html, post.is_deleted) for post in posts] == [("", "", True)] * 2
    reloaded = db.session.get(Thread, thread.id)
    assert reloaded.title == "Sujet d'un membre supprimé" and reloaded.deleted_reply_count == 1
    assert reloaded.solution_post_id == world["bob_reply"].id  # Bob's answer is still the solution
    html = client.get(f"/sujets/{thread.id}/{reloaded.slug}").get_data(as_text=True)
    assert html.count("Message supprimé.") == 2 and "je teste demain" not in html and "ouverture de Mina" not in html
    assert "Réponse secrète de Bob" in html

    # Her published report goes back to draft (for her fabrique's managers); her draft stays a draft.
    assert db.session.get(Practice, world["practice"].id).status is PracticeStatus.DRAFT
    assert db.session.get(Practice, world["draft"].id).status is PracticeStatus.DRAFT
    assert client.get(f"/pratiques/{world['practice'].id}").status_code == 404
    # Her comment is gone and the count follows; her loan messages too, Olivia's stays.
    assert _count(PracticeComment, PracticeComment.author_id == mina.id) == 0
    assert db.session.get(Practice, world["bob_practice"].id).comment_count == 0
    assert [message.body_source for message in db.session.execute(
        select(LoanMessage).where(LoanMessage.loan_id == world["loan"].id)).scalars()] == [
        "Réponse d'Olivia pour le prêt."]
    assert db.session.get(Loan, world["loan"].id).message == ""

    # The search index followed: the change log names every document, and the index agrees with the base.
    changed = set(db.session.execute(select(SearchChange.key).where(SearchChange.id > last_change)).scalars())
    assert {f"fil:{thread.id}", f"message:{world['mina_reply'].id}", f"pratique:{world['practice'].id}"} <= changed
    keys = _indexed_keys()
    assert f"message:{world['mina_reply'].id}" not in keys and f"pratique:{world['practice'].id}" not in keys
    assert f"message:{world['bob_reply'].id}" in keys
    db.session.rollback()
    result = app.test_cli_runner().invoke(args=["search", "check"])
    db.session.rollback()
    assert result.exit_code == 0, result.output


def test_a_deleted_account_cannot_be_deleted_twice_nor_export(client, world):
    login(client, "member@exemple.fr")
    token = csrf_token(client, DELETE)
    assert client.post(DELETE, data={"csrf_token": token, "password": PASSWORD}).status_code == 302
    # The old session is dead: a replayed form is sent to the login page, not processed again.
    response = client.post(DELETE, data={"csrf_token": token, "password": PASSWORD})
    assert response.status_code == 400 and "Le formulaire a expiré" in response.get_data(as_text=True)
    assert client.get(EXPORT).status_code == 302


def test_deleting_with_texts_withdraws_the_titles_and_tags_of_the_threads_started(client, app, world):
    from forum.threads.models import Tag, thread_tags

    mina, bob = world["mina"], world["bob"]
    started = make_thread(mina, world["category"], "Notre atelier de Guéret cherche une imprimante 3D",
                          "Le texte de Mina.", tags=["gueret-mina", "impression 3d"])
    make_thread(bob, world["category"], "Une imprimante 3D à prêter", "Bob en a une.", tags=["impression 3d"])
    answer = make_reply(bob, started, "Nous pouvons vous prêter la nôtre.")
    opening = db.session.execute(select(Post.id).where(Post.thread_id == started.id, Post.position == 1)).scalar_one()
    told = select(Notification.text).where(Notification.user_id == bob.id, Notification.link == f"/messages/{opening}")
    # Bob follows the category: he was told of the new thread, by its title.
    assert "Guéret cherche une imprimante" in db.session.execute(told).scalar_one()
    # A reply is indexed without its thread's title (forum.search.documents): nothing to withdraw there.
    assert {fields.get("title") for fields in _stored_fields(f"message:{answer.id}")} == {""}

    login(client, "member@exemple.fr")
    response = _delete(client, remove_texts=True)
    assert response.status_code == 302
    farewell = client.get("/").get_data(as_text=True)
    assert "Vos 2 sujets s&#39;intitulent désormais «\u00a0Sujet d&#39;un membre supprimé\u00a0»" in farewell

    db.session.expire_all()
    thread = db.session.get(Thread, started.id)
    assert (thread.title, thread.slug) == ("Sujet d'un membre supprimé", "sujet-d-un-membre-supprime")
    assert not db.session.execute(select(thread_tags).where(thread_tags.c.thread_id == started.id)).all()
    # A tag only her thread carried goes; one Bob's thread carries stays.
    assert set(db.session.execute(select(Tag.name)).scalars()) == {"impression 3d"}
    # The thread stays readable for Bob's answer, under its new title.
    page = client.get(f"/sujets/{thread.id}/{thread.slug}").get_data(as_text=True)
    assert "Nous pouvons vous prêter la nôtre." in page and "Guéret" not in page
    assert "Sujet d&#39;un membre supprimé" in page
    # Bob's notification no longer names it.
    text = db.session.execute(told).scalar_one()
    assert "Guéret" not in text and "«\u00a0Sujet d'un membre supprimé\u00a0»" in text, text
    # The search index followed: the thread carries the new title, the replies in it none.
    assert {fields.get("title") for fields in _stored_fields(f"message:{answer.id}")} == {""}
    assert {fields.get("title") for fields in _stored_fields(f"fil:{thread.id}")} == {"Sujet d'un membre supprimé"}
    db.session.rollback()
    result = app.test_cli_runner().invoke(args=["search", "check"])
    db.session.rollback()
    assert result.exit_code == 0, result.output


def test_deleting_without_texts_keeps_the_titles(client, world):
    title = db.session.get(Thread, world["thread"].id).title
    assert "inscriptions" in title
    login(client, "member@exemple.fr")
    assert _delete(client).status_code == 302
    db.session.expire_all()
    assert db.session.get(Thread, world["thread"].id).title == title


def _stored_fields(key: str) -> list[dict]:
    with open_or_create(index_directory()).searcher() as searcher:
        return [fields for fields in searcher.all_stored_fields() if fields["key"] == key]
