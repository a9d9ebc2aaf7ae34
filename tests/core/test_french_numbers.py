"""Numbers and money typed and shown the French way, in every number field of the site."""

from decimal import Decimal

import pytest
from werkzeug.datastructures import MultiDict

from forum.core.numbers import NotANumber, euros, number_fr, parse_french_number


@pytest.mark.parametrize(("typed", "decimals", "value"), [
    ("150,50", 2, Decimal("150.50")), ("150.5", 2, Decimal("150.5")), ("1 000", 0, Decimal(1000)),
    ("1\u202f000,25 €", 2, Decimal("1000.25")), ("12 500 000", 0, Decimal(12_500_000)), (" 7 ", 0, Decimal(7)),
    ("0,5", 2, Decimal("0.5")),
])
def test_french_numbers_are_read(typed, decimals, value):
    assert parse_french_number(typed, decimals=decimals) == value


@pytest.mark.parametrize(("typed", "decimals", "message"), [
    ("150,50", 0, "entier, sans virgule"), ("1.000", 0, "sans point ni virgule"), ("1,5", 0, "entier"),
    ("150,505", 2, "Au plus 2 chiffres"), ("douze", 0, "nombre entier"), ("12 €50", 2, "par exemple"),
    ("1 00", 0, "nombre entier"), ("--3", 0, "nombre entier"),
])
def test_what_is_not_a_french_number_gets_a_french_message(typed, decimals, message):
    with pytest.raises(NotANumber, match=message):
        parse_french_number(typed, decimals=decimals)


def test_numbers_and_money_are_shown_the_french_way():
    assert number_fr(1000) == "1\u202f000" and number_fr(Decimal("12500.5"), decimals=2) == "12\u202f500,50"
    assert euros(Decimal("150.50")) == "150,50\u00a0€" and euros(Decimal("150.00")) == "150\u00a0€"
    assert euros(1000) == "1\u202f000\u00a0€" and euros(None) == ""


def _forms(app):
    """(name, form) for every form with a number field, built on a request (no CSRF: fields only)."""
    from forum.fabriques.forms import FabriqueForm, SpaceForm
    from forum.practices.forms import PracticeForm
    from forum.resources.forms import LoanRequestForm, ResourceForm
    from forum.resources.models import ResourceKind

    return {
        "equipment": lambda data: ResourceForm(ResourceKind.EQUIPMENT, formdata=data, meta={"csrf": False}),
        "space": lambda data: ResourceForm(ResourceKind.SPACE, formdata=data, meta={"csrf": False}),
        "loan": lambda data: LoanRequestForm(formdata=data, meta={"csrf": False}),
        "fabrique": lambda data: FabriqueForm(formdata=data, meta={"csrf": False}),
        "fabrique space": lambda data: SpaceForm(formdata=data, meta={"csrf": False}),
        "practice": lambda data: PracticeForm([], [], [], formdata=data, meta={"csrf": False}),
    }


# Every number field: (form, field, typed, read). Money takes cents; the rest whole numbers, or
# coordinates with a decimal comma.
FIELDS = [
    ("equipment", "quantity", "1 000", 1000), ("equipment", "deposit_euros", "150,50", Decimal("150.50")),
    ("equipment", "max_loan_days", "30", 30), ("space", "capacity_meeting", "1 200", 1200),
    ("space", "capacity_workshop", "25", 25), ("space", "capacity_standing", "2 000", 2000),
    ("space", "surface_m2", "1 500", 1500), ("space", "max_loan_days", "7", 7), ("loan", "quantity", "2", 2),
    ("fabrique", "latitude", "45,7640", 45.764), ("fabrique", "longitude", "-4,4861", -4.4861),
    ("fabrique space", "capacity", "1 000", 1000), ("practice", "cost_euros", "1 250,50", Decimal("1250.50")),
    ("practice", "staff_hours", "1 200", 1200), ("practice", "volunteer_hours", "35", 35),
]


@pytest.mark.parametrize(("form_name", "field_name", "typed", "read"), FIELDS,
                         ids=[f"{form}.{field}" for form, field, _, _ in FIELDS])
def test_every_number_field_reads_french_input(app, form_name, field_name, typed, read):
    with app.test_request_context(method="POST"):
        form = _forms(app)[form_name](MultiDict({field_name: typed}))
        field = form[field_name]
        assert field.data == read and not field.process_errors
        assert field.widget.input_type == "text" and field.render_kw["inputmode"] in ("numeric", "decimal")
        wrong = _forms(app)[form_name](MultiDict({field_name: "12,345,6"}))
        assert wrong[field_name].data is None and wrong[field_name].process_errors
