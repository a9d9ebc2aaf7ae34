import pytest

from forum.core.errors import Invalid
from forum.core.pagination import Page, parse_page
from tests.conftest import make_category, make_thread, make_user


@pytest.mark.parametrize("raw", ["abc", "-3", "0", str(10**30), "1.5", "1e3", " 2", "２"])
def test_bad_page_numbers_are_invalid(raw):
    with pytest.raises(Invalid):
        parse_page(raw)


def test_page_window_has_gaps():
    page = Page(items=[], page=6, per_page=10, total=200)
    assert page.window() == [1, None, 4, 5, 6, 7, 8, None, 20]


@pytest.mark.parametrize("raw", ["abc", "-3", "0", str(10**30)])
@pytest.mark.parametrize("url", ["/fabriques", "/forum/mediation-numerique", "/sujets/1", "/mots-cles/financement",
                                 "/membres/1"])
def test_bad_page_parameter_gets_french_400(client, app, url, raw):
    author = make_user()
    make_thread(author, make_category(), tags=["financement"])
    response = client.get(url, query_string={"page": raw})
    assert response.status_code == 400
    assert "Le numéro de page doit être un nombre entier positif." in response.get_data(as_text=True)


def test_page_past_the_end_is_404(client, app):
    make_thread(make_user(), make_category())
    assert client.get("/forum/mediation-numerique?page=2").status_code == 404
    assert client.get("/sujets/1?page=2").status_code == 404
