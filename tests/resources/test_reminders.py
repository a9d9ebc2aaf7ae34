"""`flask loans remind`: the day before a loan starts or ends, and once it is overdue; once each."""

from sqlalchemy import update

from forum.extensions import db
from forum.resources.models import Loan, LoanState
from tests.conftest import commit_work, csrf_token, login
from tests.resources.builders import TODAY, day, make_loan, two_fabriques


def _outbox(app):
    return app.extensions["mailman"].__dict__.setdefault("outbox", [])


def _set_state(loan, state, start=None, end=None):
    values = {"state": state}
    if start is not None:
        values.update(start_date=start, end_date=end)
    db.session.execute(update(Loan).where(Loan.id == loan.id).values(**values))
    commit_work()


def _remind(app, on=TODAY):
    app.config["SITE_URL"] = "https://forum.exemple.org"
    result = app.test_cli_runner().invoke(args=["loans", "remind", "--date", on.isoformat()])
    assert result.exit_code == 0, result.output
    return result.output


def test_reminders_go_once_to_both_sides(app):
    world = two_fabriques()
    starting = make_loan(world["member"], world["resource"], day(1), day(3))
    _set_state(starting, LoanState.ACCEPTED)
    ending = make_loan(world["member"], world["resource"], day(5), day(6))
    _set_state(ending, LoanState.LENT, day(-3), day(1))
    overdue = make_loan(world["member"], world["resource"], day(8), day(9))
    _set_state(overdue, LoanState.LENT, day(-6), day(-2))
    for state, offset in ((LoanState.RETURNED, -5), (LoanState.CANCELLED, 1), (LoanState.DECLINED, 1)):
        finished = make_loan(world["member"], world["resource"], day(20), day(21))
        _set_state(finished, state, day(offset - 2), day(offset))
    _outbox(app).clear()

    output = _remind(app)
    assert "1 début(s), 1 fin(s), 1 retard(s)" in output.replace("\u00a0", " ")
    subjects = sorted({email.subject for email in _outbox(app)})
    assert subjects == ["Prêt en retard\u00a0: «\u00a0Découpeuse laser 60 W\u00a0»",
                        "Rappel\u00a0: le prêt de «\u00a0Découpeuse laser 60 W\u00a0» commence demain",
                        "Rappel\u00a0: «\u00a0Découpeuse laser 60 W\u00a0» est à rendre demain"]
    recipients = {address for email in _outbox(app) for address in email.to}
    assert recipients == {"owner@exemple.fr", "member@exemple.fr", "bmanager@exemple.fr"}
    assert all(f"/prets/" in email.body for email in _outbox(app))
    assert all("/notifications/desabonnement/" in email.body and email.extra_headers.get("List-Unsubscribe")
               for email in _outbox(app))

    _outbox(app).clear()
    assert "0 début(s), 0 fin(s), 0 retard(s)" in _remind(app).replace("\u00a0", " ")
    assert _outbox(app) == []


def test_bad_date_option(app):
    result = app.test_cli_runner().invoke(args=["loans", "remind", "--date", "demain"])
    assert result.exit_code != 0 and "AAAA-MM-JJ" in result.output


def test_members_who_chose_no_e_mail_get_no_reminder(app, client):
    world = two_fabriques()
    starting = make_loan(world["member"], world["resource"], day(1), day(3))
    _set_state(starting, LoanState.ACCEPTED)
    login(client, "member@exemple.fr")
    response = client.post("/notifications/preferences",
                           data={"csrf_token": csrf_token(client, "/notifications"), "frequency": "jamais"})
    assert response.status_code == 302
    _outbox(app).clear()

    assert "1 début(s)" in _remind(app).replace("\u00a0", " ")
    recipients = {address for email in _outbox(app) for address in email.to}
    assert recipients == {"owner@exemple.fr", "bmanager@exemple.fr"}
