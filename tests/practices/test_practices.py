"""Practice reports through the web pages: write, publish, edit with revisions, compare, vote, comment, echo."""

import re

import pytest
from sqlalchemy import func, select

from forum.core.database import write_intent
from forum.core.errors import NotFound
from forum.extensions import db
from forum.notifications.models import Notification
from forum.practices.models import (
    OutdatedFlag, Practice, PracticeComment, PracticeRevision, PracticeStatus, PracticeTrial, PracticeVote,
    practice_authors,
)
from tests.conftest import commit_work, login, make_category, make_fabrique, make_member, make_thread, make_user, submit
from tests.practices.builders import form_data, make_practice


@pytest.fixture
def world(app):
    """A fabrique with an author and a manager, another fabrique with a member, two themes."""
    manager = make_user("manager@exemple.fr", "Maëlle Responsable")
    fabrique = make_fabrique(manager, "Le Café des Possibles", "23", "rural")
    author = make_member(fabrique, "author@exemple.fr", "Arthur Auteur")
    other_manager = make_user("other@exemple.fr", "Odile Ailleurs")
    other = make_fabrique(other_manager, "La Fabrique d'à côté", "87", "urbain")
    reader = make_member(other, "reader@exemple.fr", "Rémi Lecteur")
    themes = [make_category("Culture", 1), make_category("Agriculture et alimentation", 2)]
    return {"manager": manager, "fabrique": fabrique, "author": author, "other": other, "reader": reader,
            "themes": themes, "theme_ids": [theme.id for theme in themes]}


def _count(model) -> int:
    return db.session.execute(select(func.count()).select_from(model)).scalar_one()


def test_write_a_draft_then_publish(client, other_client, app, world):
    login(client, "author@exemple.fr")
    response = submit(client, "/pratiques/nouveau", {**form_data(world["theme_ids"]), "action": "draft"})
    assert response.status_code == 302
    practice = db.session.execute(select(Practice)).scalar_one()
    assert practice.status is PracticeStatus.DRAFT and practice.fabrique_id == world["fabrique"].id
    assert "<strong>nouveau</strong>" in practice.outcome_html and practice.revision_count == 1
    # A draft is private: others (and anonymous visitors) get 404, it is not listed.
    login(other_client, "reader@exemple.fr")
    assert other_client.get(f"/pratiques/{practice.id}").status_code == 404
    assert "Un atelier vélo" not in other_client.get("/pratiques").get_data(as_text=True)
    assert "Mes brouillons" in client.get("/pratiques").get_data(as_text=True)
    # The fabrique's manager may edit and publish it.
    login(app.test_client(), "manager@exemple.fr")
    assert submit(client, f"/pratiques/{practice.id}/publier", form_url=f"/pratiques/{practice.id}").status_code == 302
    html = other_client.get(f"/pratiques/{practice.id}").get_data(as_text=True)
    for text in ("Un atelier vélo au café associatif", "Bonne pratique", "Le Café des Possibles", "Arthur Auteur",
                 "Si c&#39;était à refaire", "450\u00a0€", "120\u00a0h", "FDVA", "Culture"):
        assert text in html, text
    assert "Un atelier vélo" in other_client.get("/pratiques").get_data(as_text=True)


@pytest.mark.parametrize("changes,message", [
    ({"title": ""}, "obligatoire"),
    ({"title": "x" * 151}, "150"),
    ({"context": ""}, "obligatoire"),
    ({"lessons": "x" * 10_001}, "10000"),
    ({"theme_ids": []}, "Choisissez au moins un thème"),
    ({"theme_ids": ["99999"]}, "choix"),
    ({"kind": "géniale"}, "choix"),
    ({"cost_euros": "-3"}, "Coût"),
    ({"links": "https://exemple.fr/pas-un-sujet"}, "n&#39;est pas l&#39;adresse d&#39;un sujet"),
    ({"links": "/sujets/99999"}, "n&#39;existe pas"),
])
def test_bad_input_is_refused_and_nothing_stored(client, app, world, changes, message):
    login(client, "author@exemple.fr")
    response = submit(client, "/pratiques/nouveau", {**form_data(world["theme_ids"]), **changes, "action": "publish"})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True).replace("\u202f", "")
    assert _count(Practice) == 0 and _count(PracticeRevision) == 0


def test_members_without_fabrique_cannot_write(client, app, world):
    make_user("loner@exemple.fr", "Lou Seul")
    login(client, "loner@exemple.fr")
    assert client.get("/pratiques/nouveau").status_code == 403


def test_links_to_threads_and_resources(client, app, world):
    thread = make_thread(world["author"], world["themes"][0])
    from tests.resources.builders import make_resource

    resource = make_resource(world["manager"], world["fabrique"], "Pompe à vélo d'atelier", category="outillage")
    login(client, "author@exemple.fr")
    links = f"https://forum.exemple.fr/sujets/{thread.id}/comment-financer\n/ressources/{resource.id}"
    response = submit(client, "/pratiques/nouveau", {**form_data(world["theme_ids"]), "links": links,
                                                     "action": "publish"})
    assert response.status_code == 302
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Comment financer un poste de médiateur\u00a0?" in html and "Pompe à vélo d&#39;atelier" in html


def test_edits_keep_revisions_and_any_two_can_be_compared(client, app, world):
    practice = make_practice(world["author"], world["theme_ids"])
    login(client, "author@exemple.fr")
    url = f"/pratiques/{practice.id}/modifier"
    submit(client, url, {**form_data(world["theme_ids"]), "outcome": "Quinze réparations par permanence.",
                         "kind": "experience-mitigee"})
    submit(client, url, {**form_data(world["theme_ids"]), "outcome": "Quinze réparations par permanence.",
                         "kind": "experience-mitigee", "lessons": "Prévoir un local chauffé."})
    assert db.session.get(Practice, practice.id).revision_count == 3
    # Saving without change records no new version.
    submit(client, url, {**form_data(world["theme_ids"]), "outcome": "Quinze réparations par permanence.",
                         "kind": "experience-mitigee", "lessons": "Prévoir un local chauffé."})
    assert _count(PracticeRevision) == 3
    history = client.get(f"/pratiques/{practice.id}/historique").get_data(as_text=True)
    assert "Historique des versions" in history and history.count('name="de"') == 3
    compared = client.get(f"/pratiques/{practice.id}/comparer?de=1&a=3").get_data(as_text=True)
    assert "<del>Douze</del>" in compared and "<ins>Quinze</ins>" in compared
    assert "<ins>Expérience mitigée</ins>" in compared and "<ins>local chauffé.</ins>" in compared
    only_lessons = client.get(f"/pratiques/{practice.id}/comparer?de=3&a=2").get_data(as_text=True)
    assert "Si c&#39;était à refaire" in only_lessons and "<h2>Résultat</h2>" not in only_lessons


@pytest.mark.parametrize("query,status", [("de=1&a=9", 404), ("de=x&a=1", 400), ("de=1&a=1", 400), ("", 400),
                                          (f"de=1&a={10**30}", 400)])
def test_bad_revision_comparisons(client, app, world, query, status):
    practice = make_practice(world["author"], world["theme_ids"])
    login(client, "reader@exemple.fr")
    assert client.get(f"/pratiques/{practice.id}/comparer?{query}").status_code == status


def test_only_authors_and_managers_edit(client, app, world):
    practice = make_practice(world["author"], world["theme_ids"])
    url = f"/pratiques/{practice.id}/modifier"
    login(client, "reader@exemple.fr")
    assert client.get(url).status_code == 403
    response = submit(client, url, {**form_data(world["theme_ids"]), "title": "Retour détourné par un tiers"},
                      form_url=f"/pratiques/{practice.id}")
    assert response.status_code == 403
    assert db.session.get(Practice, practice.id).title == "Un atelier vélo au café associatif"
    login(app.test_client(), "manager@exemple.fr")


def test_manager_of_the_fabrique_can_edit(client, app, world):
    practice = make_practice(world["author"], world["theme_ids"])
    login(client, "manager@exemple.fr")
    response = submit(client, f"/pratiques/{practice.id}/modifier",
                      {**form_data(world["theme_ids"]), "title": "Un atelier vélo, un an après"})
    assert response.status_code == 302
    assert db.session.get(Practice, practice.id).title == "Un atelier vélo, un an après"


def test_a_co_author_who_edits_stays_an_author(client, app, world):
    coauthor = make_member(world["fabrique"], "coauthor@exemple.fr", "Corinne Coautrice")
    practice = make_practice(world["author"], world["theme_ids"], coauthor_ids=[coauthor.id])
    login(client, "coauthor@exemple.fr")
    url = f"/pratiques/{practice.id}/modifier"
    page = client.get(url).get_data(as_text=True)
    # Their own box is offered, ticked (the first author is not: they stay an author anyway).
    boxes = {int(re.search(r'value="(\d+)"', tag).group(1)): " checked" in tag
             for tag in re.findall(r'<input[^>]*name="coauthor_ids"[^>]*>', page)}
    assert boxes[coauthor.id] is True and world["author"].id not in boxes
    response = submit(client, url, {**form_data(world["theme_ids"]), "title": "Un atelier vélo, à deux voix",
                                    "coauthor_ids": [str(coauthor.id)]})
    assert response.status_code == 302
    authors = set(db.session.execute(select(practice_authors.c.user_id)
                                     .where(practice_authors.c.practice_id == practice.id)).scalars())
    assert authors == {world["author"].id, coauthor.id}


def test_useful_vote_toggles_and_counts_once_per_member(client, app, world):
    practice = make_practice(world["author"], world["theme_ids"])
    login(client, "reader@exemple.fr")
    url = f"/pratiques/{practice.id}"
    submit(client, f"{url}/utile", form_url=url)
    assert db.session.get(Practice, practice.id).useful_count == 1
    submit(client, f"{url}/utile", form_url=url)
    db.session.rollback()
    assert db.session.get(Practice, practice.id).useful_count == 0 and _count(PracticeVote) == 0
    submit(client, f"{url}/utile", form_url=url)
    assert '<span aria-hidden="true">👍</span> 1 utile' in client.get("/pratiques").get_data(as_text=True)


def test_the_page_head_answers_for_its_reader(client, app, world):
    """The report page's one-statement head: the reader's authorship and vote, the access rules on it."""
    from flask_login import AnonymousUserMixin

    from forum.practices import services

    practice = make_practice(world["author"], world["theme_ids"], publish=False)
    author, manager, reader = world["author"], world["manager"], world["reader"]
    head = services.practice_for_page(practice.id, author)
    assert (head.id, head.title, head.fabrique_id, head.is_published) == (
        practice.id, practice.title, world["fabrique"].id, False)
    assert head.is_authored_by(author.id) and services.can_edit(author, head) and services.can_read(author, head)
    assert not services.is_author(manager, services.practice_for_page(practice.id, manager))
    assert services.can_edit(manager, services.practice_for_page(practice.id, manager))  # manages the fabrique
    reader_head = services.practice_for_page(practice.id, reader)
    assert not services.can_read(reader, reader_head) and not reader_head.has_voted
    with pytest.raises(ValueError):
        reader_head.is_authored_by(author.id)  # read for the reader: it cannot tell for another member
    anonymous_head = services.practice_for_page(practice.id, AnonymousUserMixin())
    assert not services.can_read(AnonymousUserMixin(), anonymous_head)
    with pytest.raises(NotFound):
        services.practice_for_page(practice.id + 1000, reader)
    with write_intent():
        services.publish(author, services.get_practice(practice.id))
        commit_work()
    login(client, "reader@exemple.fr")
    submit(client, f"/pratiques/{practice.id}/utile", form_url=f"/pratiques/{practice.id}")
    reader_head = services.practice_for_page(practice.id, reader)
    assert reader_head.has_voted and services.can_read(reader, reader_head) and not services.can_edit(reader, reader_head)


def test_no_vote_comment_or_trial_on_a_draft(client, app, world):
    practice = make_practice(world["author"], world["theme_ids"], publish=False)
    login(client, "author@exemple.fr")
    url = f"/pratiques/{practice.id}"
    assert submit(client, f"{url}/utile", form_url=url).status_code == 409
    assert submit(client, f"{url}/commentaires", {"body": "Bravo"}, form_url=url).status_code == 409
    assert _count(PracticeVote) == 0 and _count(PracticeComment) == 0


def test_comments_notify_the_authors(client, app, world):
    practice = make_practice(world["author"], world["theme_ids"])
    login(client, "reader@exemple.fr")
    url = f"/pratiques/{practice.id}"
    assert submit(client, f"{url}/commentaires", {"body": "On a fait **pareil** à Limoges."}, form_url=url).status_code == 302
    assert "<strong>pareil</strong>" in client.get(url).get_data(as_text=True)
    assert db.session.get(Practice, practice.id).comment_count == 1
    assert db.session.execute(select(Notification.user_id).where(Notification.kind == "practice.comment")
                              ).scalars().all() == [world["author"].id]
    assert submit(client, f"{url}/commentaires", {"body": "x" * 5001}, form_url=url).status_code == 400


def test_tried_too_one_per_fabrique_with_summary(client, app, world):
    practice = make_practice(world["author"], world["theme_ids"])
    login(client, "reader@exemple.fr")
    url = f"/pratiques/{practice.id}"
    submit(client, f"{url}/essaye", {"outcome": "en-partie", "note": "Bien, mais l'hiver…"}, form_url=url)
    submit(client, f"{url}/essaye", {"outcome": "a-marche", "note": "Finalement oui !"}, form_url=url)
    trial = db.session.execute(select(PracticeTrial)).scalar_one()
    assert trial.fabrique_id == world["other"].id and trial.outcome.value == "a-marche"
    html = client.get(url).get_data(as_text=True)
    assert "Ça a marché : 1" in html and "La Fabrique d&#39;à côté" in html
    assert submit(client, f"{url}/essaye", {"outcome": "magique"}, form_url=url).status_code == 400


def test_the_authoring_fabrique_does_not_echo_itself(client, app, world):
    practice = make_practice(world["author"], world["theme_ids"])
    login(client, "manager@exemple.fr")
    url = f"/pratiques/{practice.id}"
    assert submit(client, f"{url}/essaye", {"outcome": "a-marche"}, form_url=url).status_code == 403
    assert _count(PracticeTrial) == 0


def test_outdated_flag_notifies_and_authors_confirm(client, other_client, app, world):
    practice = make_practice(world["author"], world["theme_ids"])
    login(client, "reader@exemple.fr")
    url = f"/pratiques/{practice.id}"
    submit(client, f"{url}/depasse", {"note": "La subvention n'existe plus."}, form_url=url)
    submit(client, f"{url}/depasse", {"note": "Bis"}, form_url=url)  # twice counts once
    assert _count(OutdatedFlag) == 1
    assert db.session.execute(select(Notification.user_id).where(Notification.kind == "practice.outdated")
                              ).scalars().all() == [world["author"].id]
    assert "1 membre pense qu'il n'est plus à jour." in client.get(url).get_data(as_text=True)
    login(other_client, "author@exemple.fr")
    assert submit(other_client, f"{url}/confirmer", form_url=url).status_code == 302
    assert _count(OutdatedFlag) == 0
    # A reader cannot confirm in the authors' place.
    assert submit(client, f"{url}/confirmer", form_url=url).status_code == 403


def test_old_reports_show_when_they_were_last_confirmed(client, app, world):
    from datetime import timedelta

    from forum.core.models import utcnow

    practice = make_practice(world["author"], world["theme_ids"])
    db.session.execute(db.update(Practice).where(Practice.id == practice.id)
                       .values(published_at=utcnow() - timedelta(days=500), confirmed_at=utcnow() - timedelta(days=400)))
    db.session.commit()
    login(client, "author@exemple.fr")
    html = client.get(f"/pratiques/{practice.id}").get_data(as_text=True)
    assert "Encore d'actualité\u00a0?" in html and "current-stale" in html and "C'est toujours valable" in html


def test_list_filters_and_kinds_at_a_glance(client, app, world):
    make_practice(world["author"], world["theme_ids"][:1], title="Une réussite à la campagne")
    make_practice(world["reader"], world["theme_ids"][1:], title="Un échec en ville à éviter", kind="a-eviter",
                  territory_type="urbain")

    def titles(**query):
        html = client.get("/pratiques", query_string=query).get_data(as_text=True)
        return sorted(t for t in ("Une réussite à la campagne", "Un échec en ville à éviter") if t in html)

    assert titles() == ["Un échec en ville à éviter", "Une réussite à la campagne"]
    assert titles(type="a-eviter") == ["Un échec en ville à éviter"]
    assert titles(territoire="rural") == ["Une réussite à la campagne"]
    assert titles(theme="agriculture-et-alimentation") == ["Un échec en ville à éviter"]
    assert titles(region="75") == ["Un échec en ville à éviter", "Une réussite à la campagne"]
    assert titles(fabrique=str(world["other"].id)) == ["Un échec en ville à éviter"]
    html = client.get("/pratiques").get_data(as_text=True)
    assert "practice-a-eviter" in html and "practice-bonne-pratique" in html and "Expérience à éviter" in html
    for bad in ({"type": "x"}, {"territoire": "lune"}, {"tri": "hasard"}, {"region": "99"}, {"page": "-1"}):
        assert client.get("/pratiques", query_string=bad).status_code == 400


def test_fabrique_and_home_pages_list_reports(client, app, world):
    make_practice(world["author"], world["theme_ids"])
    assert "Un atelier vélo au café associatif" in client.get(f"/fabriques/{world['fabrique'].slug}").get_data(as_text=True)
    assert "Un atelier vélo au café associatif" in client.get("/").get_data(as_text=True)


def test_authors_do_not_vote_for_their_own_report(client, app, world):
    practice = make_practice(world["author"], world["theme_ids"])
    login(client, "author@exemple.fr")
    url = f"/pratiques/{practice.id}"
    assert "Utile · 0" not in client.get(url).get_data(as_text=True)
    assert submit(client, f"{url}/utile", form_url="/pratiques").status_code == 403
    assert _count(PracticeVote) == 0


def test_a_fabrique_sees_and_updates_its_own_trial(client, app, world):
    practice = make_practice(world["author"], world["theme_ids"])
    login(client, "reader@exemple.fr")
    url = f"/pratiques/{practice.id}"
    submit(client, f"{url}/essaye", {"outcome": "pas-marche", "note": "Trop cher pour nous."}, form_url=url)
    html = client.get(url).get_data(as_text=True)
    assert "Mettre à jour le résultat de ma fabrique" in html and "Trop cher pour nous." in html
    assert '<option selected value="pas-marche">' in html or 'value="pas-marche" selected' in html
    assert "Ça a marché : 0" not in html
