"""A member's flags in « Mes données » and at deletion; deleting a suspended account does not lift the suspension."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta

from sqlalchemy import func, select

from forum.accounts.models import SuspendedAddress, User
from forum.core.database import write_intent
from forum.core.models import utcnow
from forum.extensions import db
from forum.moderation import flags as flagging
from forum.moderation import suspensions
from forum.moderation.models import Flag, TargetType
from forum.threads.models import Post, Thread
from tests.conftest import PASSWORD, login, make_category, make_reply, make_thread, make_user, submit

EXPORT = "/profil/mes-donnees/export.zip"
DELETE = "/profil/supprimer-mon-compte"
REGISTER = "/inscription"


def _count(model, *where) -> int:
    return db.session.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def _flagged_forum():
    """Mina flagged two posts: the moderators closed one flag, the other is still open."""
    alice, mina = make_user(), make_user("mina@exemple.fr", "Mina Diallo")
    moderator = make_user("mod@exemple.fr", "Modeste Modératrice", role="moderator")
    thread = make_thread(alice, make_category())
    first = make_reply(alice, thread, "Premier message discutable.")
    second = make_reply(alice, thread, "Second message discutable.")
    with write_intent():
        flagging.flag(mina, TargetType.POST, db.session.get(Post, first.id), "autre", "Ton agressif envers Mina.")
        flagging.flag(mina, TargetType.POST, db.session.get(Post, second.id), "hors-sujet", "Rien à voir.")
        flagging.review_flags(moderator, TargetType.POST, first.id, uphold=False)
        db.session.commit()
    return {"mina": mina, "first": first, "second": second, "thread": thread}


def test_the_export_lists_the_flags_i_sent_and_what_became_of_them(client, app):
    world = _flagged_forum()
    login(client, "mina@exemple.fr")
    archive = zipfile.ZipFile(io.BytesIO(client.get(EXPORT).data))
    flags = json.loads(archive.read("signalements.json"))
    assert [(flag["contenu_id"], flag["raison"], flag["precisions"], flag["suite"]) for flag in flags] == [
        (world["first"].id, "Autre (précisez)", "Ton agressif envers Mina.", "examiné : contenu laissé visible"),
        (world["second"].id, "Hors sujet", "Rien à voir.", "en cours d'examen"),
    ]
    assert flags[0]["adresse"] == f"/messages/{world['first'].id}" and flags[0]["examine_le"]
    assert "signalements.json" in archive.read("LISEZMOI.txt").decode()


def test_deleting_my_account_erases_my_flags_notes_and_keeps_open_ones_for_review(client, app):
    world = _flagged_forum()
    login(client, "mina@exemple.fr")
    assert submit(client, DELETE, {"password": PASSWORD}).status_code == 302
    remaining = db.session.execute(select(Flag)).scalars().all()
    # The reviewed flag is gone; the open one still waits for the moderators, without Mina's words.
    assert [(flag.target_id, flag.note) for flag in remaining] == [(world["second"].id, "")]
    assert db.session.get(User, world["mina"].id).display_name == "Membre supprimé"
    moderator = app.test_client()
    login(moderator, "mod@exemple.fr")
    queue = moderator.get("/moderation").get_data(as_text=True)
    assert "Second message discutable." in queue and "Membre supprimé" in queue and "Rien à voir" not in queue


def _suspend(member_email: str, days: int | None):
    with write_intent():
        member = db.session.execute(select(User).where(User.email == member_email)).scalar_one()
        admin = db.session.execute(select(User).where(User.email == "mod@exemple.fr")).scalar_one()
        suspensions.suspend(admin, member, str(days) if days else "definitive", "Insultes répétées")
        db.session.commit()


def _register(client, email: str, name: str = "Nouveau Départ"):
    return submit(client, REGISTER, {"email": email, "display_name": name, "password": PASSWORD,
                                       "password_confirm": PASSWORD, "fabrique": ""})


def test_a_suspended_member_who_deletes_the_account_cannot_register_again_until_the_end(client, app):
    make_user("troll@exemple.fr", "Troll Tapageur")
    make_user("mod@exemple.fr", "Modeste Modératrice", role="moderator")
    _suspend("troll@exemple.fr", 7)
    login(client, "troll@exemple.fr")
    assert submit(client, DELETE, {"password": PASSWORD}).status_code == 302
    # Only a keyed digest of the address is kept, never the address.
    row = db.session.execute(select(SuspendedAddress)).scalar_one()
    assert "troll" not in row.digest and len(row.digest) == 64 and row.until > utcnow() + timedelta(days=6)

    newcomer = app.test_client()
    refused = _register(newcomer, "  Troll@Exemple.fr ")
    assert refused.status_code == 409
    text = refused.get_data(as_text=True)
    assert "supprimé pendant une suspension" in text and "jusqu&#39;au" in text
    assert _count(User, User.display_name == "Nouveau Départ") == 0
    # Other addresses register as usual; once the suspension is over, so does this one.
    assert _register(app.test_client(), "quelquun@exemple.fr").status_code == 302
    with write_intent():
        db.session.execute(select(SuspendedAddress)).scalar_one().until = utcnow() - timedelta(minutes=1)
        db.session.commit()
    # (Under another name: "Nouveau Départ" is taken, and two members cannot look alike.)
    assert _register(app.test_client(), "troll@exemple.fr", "Nouvelle Arrivée").status_code == 302


def test_a_permanent_suspension_outlives_the_account(client, app):
    make_user("troll@exemple.fr", "Troll Tapageur")
    make_user("mod@exemple.fr", "Modeste Modératrice", role="moderator")
    _suspend("troll@exemple.fr", None)
    login(client, "troll@exemple.fr")
    assert submit(client, DELETE, {"password": PASSWORD}).status_code == 302
    refused = _register(app.test_client(), "troll@exemple.fr")
    assert refused.status_code == 409 and "sans limite de durée" in refused.get_data(as_text=True)


def test_a_member_in_good_standing_may_come_back_after_deleting_the_account(client, app):
    make_user("alice@exemple.fr", "Alice Martin")
    login(client, "alice@exemple.fr")
    assert submit(client, DELETE, {"password": PASSWORD}).status_code == 302
    assert _count(SuspendedAddress) == 0
    assert _register(app.test_client(), "alice@exemple.fr").status_code == 302
    assert _count(Thread) == 0
