"""Where several people edit the same text (posts, practice reports, resources, fabrique profiles),
a save over a version saved since the form was opened is a 409 that says who saved it and when, keeps
the person's own text in the form and shows the current one: nothing is silently overwritten."""

from __future__ import annotations

import html
import re

from sqlalchemy import func, select

from forum.extensions import db
from forum.fabriques.models import Fabrique, Membership, MembershipRole
from forum.moderation.models import ModerationAction, ModerationLog
from forum.practices.models import Practice
from forum.resources.models import Resource
from forum.threads.models import Post
from tests.conftest import (
    form_fields, login, make_category, make_fabrique, make_member, make_reply, make_thread, make_user,
)
from tests.practices.builders import form_data, make_practice
from tests.race import Racer, outcome_of, race
from tests.resources.builders import make_resource

ROUNDS = 5


def _text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def _stale_panel(page: str) -> str:
    """The "version actuelle" panel of a page shown again after a stale save."""
    match = re.search(r'<section class="stale-version".*?</section>', page, re.S)
    assert match, "no current version shown"
    return match.group(0)


def _manager(fabrique, email: str, name: str):
    user = make_member(fabrique, email, name)
    db.session.execute(db.update(Membership).where(Membership.user_id == user.id).values(role=MembershipRole.MANAGER))
    db.session.commit()
    return user


def _forum():
    author = make_user("alice@exemple.fr", "Alice Martin")
    make_user("mod@exemple.fr", "Modeste Modératrice", role="moderator")
    make_user("mod2@exemple.fr", "Maël Modérateur", role="moderator")
    thread = make_thread(author, make_category())
    return author, thread


def test_two_moderators_editing_one_post_the_second_sees_both_texts(client, other_client, app):
    author, thread = _forum()
    reply = make_reply(author, thread, "Achetez mes montres sur https://exemple.com")
    url = f"/moderation/message/{reply.id}/modifier"
    login(client, "mod@exemple.fr")
    login(other_client, "mod2@exemple.fr")
    first, second = form_fields(client, url), form_fields(other_client, url)  # both forms open
    assert client.post(url, data={**first, "body": "Lien publicitaire retiré.", "reason": "Publicité",
                                  "action": "publish"}).status_code == 302
    refused = other_client.post(url, data={**second, "body": "Message masqué pour publicité.",
                                           "reason": "Spam", "action": "publish"})
    page = _text(refused)
    assert refused.status_code == 409
    assert "Ce message a été modifié par Modeste Modératrice le " in page
    assert "Votre texte est conservé dans le formulaire" in page
    assert "Lien publicitaire retiré." in _stale_panel(page)  # the current text, to merge by hand
    assert "Message masqué pour publicité." in page.split('<section class="stale-version"')[1].split("</section>", 1)[1]
    assert db.session.get(Post, reply.id).body_source == "Lien publicitaire retiré."
    # Merged by hand, the same form (now at the current version) saves.
    again = form_fields(other_client, url, url)  # what the 409 page carries is what a browser re-sends
    fields = {name: value for name, value in re.findall(r'name="(version|submission)" type="hidden" value="([^"]*)"',
                                                        refused.get_data(as_text=True))}
    assert fields["version"] == "2" and again["version"] == "2"
    assert other_client.post(url, data={**second, **fields, "body": "Lien retiré, message masqué.",
                                        "reason": "Spam", "action": "publish"}).status_code == 302
    post = db.session.get(Post, reply.id)
    assert post.body_source == "Lien retiré, message masqué." and post.version == 3
    assert db.session.execute(select(func.count()).select_from(ModerationLog).where(
        ModerationLog.action == ModerationAction.EDIT)).scalar_one() == 2


def test_the_author_s_stale_edit_and_a_form_without_version(client, other_client, app):
    author, thread = _forum()
    reply = make_reply(author, thread, "Première version.")
    login(client, "alice@exemple.fr")
    login(other_client, "mod@exemple.fr")
    own = f"/messages/{reply.id}/modifier"
    opened = form_fields(client, own)
    assert submit_edit(other_client, f"/moderation/message/{reply.id}/modifier", "Version de la modération.",
                       reason="Coquille").status_code == 302
    refused = client.post(own, data={**opened, "body": "Ma deuxième version.", "action": "publish"})
    assert refused.status_code == 409 and "modifié par Modeste Modératrice" in _text(refused)
    assert "Ma deuxième version." in _text(refused) and "Version de la modération." in _stale_panel(_text(refused))
    # A form that does not say which version it edits saves nothing either.
    blind = client.post(own, data={"csrf_token": opened["csrf_token"], "body": "Sans version.", "action": "publish"})
    assert blind.status_code == 409 and "ne dit pas quelle version" in _text(blind)
    assert db.session.get(Post, reply.id).body_source == "Version de la modération."


def submit_edit(client, url: str, body: str, **data):
    return client.post(url, data={**form_fields(client, url), "body": body, "action": "publish", **data})


def test_two_managers_editing_a_resource_and_a_fabrique(client, other_client, app):
    owner = make_user("owner@exemple.fr", "Olivia Prêteuse")
    fabrique = make_fabrique(owner, "La Fabrique Prêteuse")
    _manager(fabrique, "owner2@exemple.fr", "Octave Coresponsable")
    resource = make_resource(owner, fabrique, description="Une découpeuse laser.")
    login(client, "owner@exemple.fr")
    login(other_client, "owner2@exemple.fr")

    url = f"/ressources/{resource.id}/modifier"
    first, second = form_fields(client, url), form_fields(other_client, url)
    base = {"name": "Découpeuse laser 60 W", "category": "fabrication-numerique", "quantity": "1"}
    assert client.post(url, data={**first, **base, "description": "Lentille changée en mars."}).status_code == 302
    refused = other_client.post(url, data={**second, **base, "description": "Prévoir une formation."})
    assert refused.status_code == 409 and "Cette ressource a été modifiée par Olivia Prêteuse le " in _text(refused)
    assert "Lentille changée en mars." in _stale_panel(_text(refused)) and "Prévoir une formation." in _text(refused)
    assert db.session.get(Resource, resource.id).description_source == "Lentille changée en mars."

    url = f"/fabriques/{fabrique.slug}/modifier"
    first, second = form_fields(client, url), form_fields(other_client, url)
    profile = {"name": "La Fabrique Prêteuse", "territory_type": "rural", "department_code": "23"}
    assert other_client.post(url, data={**second, **profile, "summary": "Un fablab rural."}).status_code == 302
    refused = client.post(url, data={**first, **profile, "summary": "Un tiers-lieu à la campagne."})
    assert refused.status_code == 409
    assert "La fiche de la fabrique a été modifiée par Octave Coresponsable le " in _text(refused)
    assert "Un fablab rural." in _stale_panel(_text(refused))
    assert db.session.get(Fabrique, fabrique.id).summary == "Un fablab rural."


def test_an_author_and_a_manager_editing_a_practice_report(client, other_client, app):
    owner = make_user("owner@exemple.fr", "Olivia Prêteuse")
    fabrique = make_fabrique(owner, "La Fabrique Prêteuse")
    _manager(fabrique, "camille@exemple.fr", "Camille Coresponsable")
    category = make_category()
    practice = make_practice(owner, [category.id])
    login(client, "owner@exemple.fr")
    login(other_client, "camille@exemple.fr")
    url = f"/pratiques/{practice.id}/modifier"
    first, second = form_fields(client, url), form_fields(other_client, url)
    data = form_data([category.id])
    assert other_client.post(url, data={**second, **data, "lessons": "Prévoir un local plus grand."}).status_code == 302
    refused = client.post(url, data={**first, **data, "lessons": "Commencer plus petit."})
    assert refused.status_code == 409
    assert "Ce retour d'expérience a été modifié par Camille Coresponsable le " in _text(refused)
    assert "Prévoir un local plus grand." in _stale_panel(_text(refused)) and "Commencer plus petit." in _text(refused)
    assert db.session.get(Practice, practice.id).lessons_source == "Prévoir un local plus grand."


# --- two moderators saving at the same moment, from two processes ------------------------------
def _open_edit_form(client, round_data):
    post_id, editor = round_data
    url = f"/moderation/message/{post_id}/modifier"
    return url, editor, form_fields(client, url)


def _save_edit(client, prepared):
    url, editor, fields = prepared
    return outcome_of(client.post(url, data={**fields, "body": f"Reformulé par {editor}.", "reason": "Reformulation",
                                             "action": "publish"}))


def test_two_moderators_saving_one_post_at_the_same_moment(app, tmp_path):
    author, thread = _forum()
    replies = [make_reply(author, thread, f"Réponse à reformuler n° {number}").id for number in range(ROUNDS)]
    names = ("Modeste Modératrice", "Maël Modérateur")
    first, second = race(app, tmp_path, [
        Racer("mod@exemple.fr", _save_edit, [(post_id, names[0]) for post_id in replies], _open_edit_form),
        Racer("mod2@exemple.fr", _save_edit, [(post_id, names[1]) for post_id in replies], _open_edit_form)])
    for number, post_id in enumerate(replies):
        outcomes = (first[number], second[number])
        assert sorted(outcome.status for outcome in outcomes) == [302, 409], number
        winner = 0 if outcomes[0].status == 302 else 1
        loser = outcomes[1 - winner]
        assert f"Ce message a été modifié par {names[winner]} le " in loser.text
        assert f"Reformulé par {names[winner]}." in _stale_panel(loser.text)
        assert f"Reformulé par {names[1 - winner]}." in loser.text  # the loser's own text, kept in the form
        post = db.session.get(Post, post_id)
        assert post.version == 2 and post.body_source == f"Reformulé par {names[winner]}."
    assert db.session.execute(select(func.count()).select_from(ModerationLog).where(
        ModerationLog.action == ModerationAction.EDIT)).scalar_one() == ROUNDS
