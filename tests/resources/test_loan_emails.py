"""The e-mails a loan's moves send read as natural French, one subject per new state."""

from forum.core.database import write_intent
from forum.extensions import db
from forum.resources import services
from forum.resources.loans import Action
from forum.resources.models import Loan
from tests.conftest import commit_work
from tests.resources.builders import day, make_loan, two_fabriques


def _outbox(app):
    return app.extensions["mailman"].__dict__.setdefault("outbox", [])


def _act(app, actor, loan, action: Action) -> list[str]:
    """The subjects of the e-mails the move sends (after the commit, as in a request). Lending before
    the loan's first day is confirmed, as the page's « Oui, il est retiré aujourd'hui » does."""
    with write_intent():
        services.act_on_loan(actor, db.session.get(Loan, loan.id), action, site_url="https://localhost",
                             early_confirmed=action is Action.LEND)
        commit_work()
    return [email.subject for email in _outbox(app)]


def test_each_move_has_its_own_subject(app):
    world = two_fabriques()
    lent, declined, cancelled = (make_loan(world["member"], world["resource"], day(start), day(start + 1))
                                 for start in (2, 10, 20))
    expected = [
        (world["owner"], lent, Action.ACCEPT, "Prêt accepté\u00a0: Découpeuse laser 60 W"),
        (world["owner"], lent, Action.LEND, "Matériel retiré\u00a0: Découpeuse laser 60 W"),
        (world["owner"], lent, Action.RETURN, "Retour enregistré\u00a0: Découpeuse laser 60 W"),
        (world["owner"], declined, Action.DECLINE, "Prêt refusé\u00a0: Découpeuse laser 60 W"),
        (world["member"], cancelled, Action.CANCEL, "Demande annulée\u00a0: Découpeuse laser 60 W"),
    ]
    for actor, loan, action, subject in expected:
        _outbox(app).clear()
        subjects = _act(app, actor, loan, action)
        assert subjects and set(subjects) == {subject}, (action, subjects)
