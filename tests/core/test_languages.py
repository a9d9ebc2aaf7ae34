"""The interface's language: the member's preference, else the footer switcher's cookie, else the
browser's Accept-Language, else French; the switcher itself; caches that never mix languages."""

from __future__ import annotations

import re
from html import unescape

import pytest

from forum.accounts.models import User
from forum.extensions import db
from tests.conftest import PASSWORD, csrf_token, login, make_category, make_thread, make_user, submit

ENGLISH = {"Accept-Language": "en-GB,en;q=0.9"}
FRENCH_FOOTER = "Les contenus appartiennent à leurs auteurs et autrices"
ENGLISH_FOOTER = "Content belongs to its authors"


def text(response) -> str:
    """The page's HTML with its entities read (« l'anglais », not « l&#39;anglais »)."""
    return unescape(response.get_data(as_text=True))


def page_language(response) -> str:
    return re.search(r'<html lang="(\w+)"', text(response)).group(1)


def member(email="alice@exemple.fr", name="Alice Martin", language=None) -> User:
    user = make_user(email, name)
    if language:
        db.session.get(User, user.id).language = language
        db.session.commit()
    return user


# -- The order: preference > cookie > Accept-Language > French --------------------------------


def test_french_without_any_preference(client):
    response = client.get("/connexion")
    assert page_language(response) == "fr" and FRENCH_FOOTER in text(response)


def test_the_browser_s_language_when_nothing_else_says(client):
    response = client.get("/connexion", headers=ENGLISH)
    page = text(response)
    assert page_language(response) == "en" and ENGLISH_FOOTER in page and FRENCH_FOOTER not in page
    # A language the forum does not speak falls back to French.
    assert page_language(client.get("/connexion", headers={"Accept-Language": "de-DE,de"})) == "fr"


def test_the_switcher_s_cookie_wins_over_the_browser(client):
    client.set_cookie("langue", "fr")
    assert page_language(client.get("/connexion", headers=ENGLISH)) == "fr"
    client.set_cookie("langue", "en")
    assert page_language(client.get("/connexion")) == "en"
    # A forged value is ignored: the browser decides.
    client.set_cookie("langue", "xx")
    assert page_language(client.get("/connexion", headers=ENGLISH)) == "en"


def test_the_member_s_preference_wins_over_cookie_and_browser(client):
    member(language="en")
    login(client, "alice@exemple.fr")
    client.set_cookie("langue", "fr")
    response = client.get("/profil", headers={"Accept-Language": "fr"})
    assert page_language(response) == "en" and "My profile" in text(response)


def test_a_member_without_preference_follows_cookie_then_browser(client):
    member()
    login(client, "alice@exemple.fr")
    assert page_language(client.get("/profil", headers=ENGLISH)) == "en"
    client.set_cookie("langue", "fr")
    assert page_language(client.get("/profil", headers=ENGLISH)) == "fr"


# -- The footer's switcher ------------------------------------------------------------------


def test_the_footer_offers_the_other_language_named_in_itself(client):
    page = text(client.get("/connexion"))
    switcher = page[page.index('class="language-switcher"'):]
    switcher = switcher[:switcher.index("</nav>")]
    assert 'lang="en"' in switcher and ">English</a>" in switcher
    assert 'aria-current="true">Français</span>' in switcher
    assert 'href="/langue/en?next=/connexion' in switcher


def test_a_visitor_s_link_sets_the_cookie_and_goes_back_to_the_page(client):
    response = client.get("/langue/en?next=/connexion")
    assert response.status_code == 302 and response.headers["Location"] == "/connexion"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("langue=en;") and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert page_language(client.get("/connexion")) == "en"
    client.get("/langue/fr?next=/connexion")
    assert page_language(client.get("/connexion", headers=ENGLISH)) == "fr"


def test_the_switcher_leads_only_to_a_local_page(client):
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"):
        response = client.get("/langue/en", query_string={"next": target})
        assert response.status_code == 302
        assert response.headers["Location"] == "/", target


def test_an_unknown_language_is_a_clear_404(client):
    response = client.get("/langue/de?next=/connexion")
    assert response.status_code == 404 and "Set-Cookie" not in response.headers
    assert "Cette langue n'est pas proposée" in text(response)
    english = client.get("/langue/xx", headers=ENGLISH)
    assert english.status_code == 404
    assert "This language is not available: the forum is shown in French or in English." in text(english)


def test_a_member_s_choice_is_stored_and_their_pages_follow_it(client):
    alice = member()
    login(client, "alice@exemple.fr")
    token = csrf_token(client, "/profil")
    response = client.post("/langue", data={"csrf_token": token, "language": "en", "next": "/profil"})
    assert response.status_code == 302 and response.headers["Location"] == "/profil"
    assert "langue=en;" in response.headers["Set-Cookie"]
    assert db.session.get(User, alice.id).language == "en"
    # On another browser with no cookie and a French browser, the preference still holds.
    client.delete_cookie("langue")
    assert page_language(client.get("/profil", headers={"Accept-Language": "fr"})) == "en"
    # The member's footer posts (a form with its CSRF token), it has no visitor link.
    page = text(client.get("/profil"))
    assert 'action="/langue"' in page and 'name="language" value="fr"' in page and "/langue/fr" not in page


def test_a_member_s_choice_needs_the_form_s_token(client):
    alice = member()
    login(client, "alice@exemple.fr")
    response = client.post("/langue", data={"language": "en"})
    assert response.status_code == 400
    assert db.session.get(User, alice.id).language is None


def test_a_member_s_unknown_language_is_refused_with_a_message(client):
    alice = member()
    login(client, "alice@exemple.fr")
    response = client.post("/langue", data={"csrf_token": csrf_token(client, "/profil"), "language": "de"})
    assert response.status_code == 400
    assert "Choisissez le français ou l'anglais." in text(response)
    assert db.session.get(User, alice.id).language is None


def test_a_visitor_cannot_post_a_preference(client):
    response = client.post("/langue", data={"csrf_token": csrf_token(client, "/connexion"), "language": "en"})
    assert response.status_code == 302 and "/connexion" in response.headers["Location"]


def test_the_profile_s_language_field_stores_the_preference(client):
    alice = member()
    login(client, "alice@exemple.fr")
    page = text(client.get("/profil"))
    assert "Langue du site" in page and '<option selected value="fr">Français</option>' in page
    response = submit(client, "/profil", {"display_name": "Alice Martin", "bio": "", "language": "en"})
    assert response.status_code == 302
    assert db.session.get(User, alice.id).language == "en"
    page = text(client.get("/profil"))
    # The confirmation is written in the language just chosen.
    assert "Your profile is up to date." in page and "Site language" in page
    assert '<option selected value="en">English</option>' in page


def test_the_profile_refuses_an_unknown_language(client):
    alice = member()
    login(client, "alice@exemple.fr")
    response = submit(client, "/profil", {"display_name": "Alice Martin", "bio": "", "language": "de"})
    assert response.status_code == 400 and "Choisissez le français ou l'anglais." in text(response)
    assert db.session.get(User, alice.id).language is None


# -- Caches never mix languages --------------------------------------------------------------


def test_the_anonymous_page_cache_keeps_one_page_per_language(client, other_client):
    thread = make_thread(make_user(), make_category(), "Comment financer un poste de médiateur ?")
    url = f"/sujets/{thread.id}"
    french = client.get(url)
    assert french.headers["X-Page-Cache"] == "miss" and client.get(url).headers["X-Page-Cache"] == "hit"
    english = other_client.get(url, headers=ENGLISH)
    assert english.headers["X-Page-Cache"] == "miss"  # not the French page
    assert page_language(english) == "en" and ENGLISH_FOOTER in text(english)
    again = other_client.get(url, headers=ENGLISH)
    assert again.headers["X-Page-Cache"] == "hit" and page_language(again) == "en"
    # The cookie is what decides, as it does for rendering.
    other_client.set_cookie("langue", "fr")
    assert page_language(other_client.get(url, headers=ENGLISH)) == "fr"
    assert page_language(client.get(url)) == "fr"
    # Shared caches are told that the page varies with the language.
    assert {"Cookie", "Accept-Language"} <= {value.strip() for value in english.headers["Vary"].split(",")}


def test_fragments_are_kept_per_language(client):
    member()
    login(client, "alice@exemple.fr")
    french = text(client.get("/profil"))
    english = text(client.get("/profil", headers=ENGLISH))
    # The footer's switcher is a shared fragment: each language has its own.
    assert 'aria-current="true">Français</span>' in french and FRENCH_FOOTER in french
    assert 'aria-current="true">English</span>' in english and ENGLISH_FOOTER in english
    assert 'aria-current="true">Français</span>' in text(client.get("/profil"))


# -- Pages, errors and forms in English --------------------------------------------------------


def test_an_error_page_in_english(client):
    response = client.get("/sujets/999999", headers=ENGLISH)
    page = text(response)
    assert response.status_code == 404 and page_language(response) == "en"
    assert "Cette page" not in page


def test_a_form_error_in_english(client):
    response = client.post("/connexion", headers=ENGLISH,
                           data={"csrf_token": csrf_token(client, "/connexion"), "email": "", "password": ""})
    page = text(response)
    assert response.status_code == 400 and "This field is required." in page
    assert "Ce champ est obligatoire" not in page


def test_a_domain_error_in_english(client):
    make_user()
    response = client.post("/connexion", headers=ENGLISH, data={
        "csrf_token": csrf_token(client, "/connexion"), "email": "alice@exemple.fr", "password": "not the password"})
    page = text(response)
    assert response.status_code == 401 and "Incorrect e-mail address or password." in page


def test_the_csrf_error_in_english(client):
    response = client.post("/connexion", headers=ENGLISH, data={"email": "a@exemple.fr", "password": "x"})
    assert response.status_code == 400
    assert "The form has expired or was not sent from this site." in text(response)


def test_the_login_page_in_english(client):
    page = text(client.get("/connexion", headers=ENGLISH))
    for english in ("E-mail address", "Password", "Forgotten password?", "No account yet?", "Create an account"):
        assert english in page, english
    for french in ("Mot de passe", "Adresse e-mail", "Créer un compte", "Connexion"):
        assert french not in page, french


def test_the_login_required_message_in_english(client):
    response = client.get("/profil", headers=ENGLISH, follow_redirects=True)
    assert "Log in to open this page." in text(response)


def test_the_welcome_back_is_in_the_member_s_language_from_a_french_browser(client):
    member(language="en")
    response = submit(client, "/connexion", {"email": "alice@exemple.fr", "password": PASSWORD},
                      headers={"Accept-Language": "fr"}, follow_redirects=True)
    assert "Hello Alice Martin!" in text(response) and page_language(response) == "en"


def test_core_messages_are_written_in_the_current_language(app):
    from datetime import datetime, timezone

    from flask_babel import force_locale

    from forum.core.errors import Invalid, NotFound
    from forum.core.limits import retry_sentence
    from forum.core.numbers import NotANumber, parse_french_number
    from forum.core.text import require_length

    now = datetime(2026, 3, 5, 12, 0, tzinfo=timezone.utc)
    with app.test_request_context("/"):
        with force_locale("en"):
            assert retry_sentence(now.timestamp() + 42 * 60, now) == "Try again in 42 minutes."
            assert retry_sentence(now.timestamp() + 3 * 3600, now) == "Try again around 16:00."
            assert str(NotFound().message) == "This page does not exist or no longer exists."
            with pytest.raises(NotANumber) as number_error:
                parse_french_number("douze")
            assert str(number_error.value) == "Write a whole number, for example “12” or “1 000”."
            with pytest.raises(Invalid) as length_error:
                require_length("", "The title", maximum=10)
            assert str(length_error.value) == "The title cannot be empty."
        assert retry_sentence(now.timestamp() + 3 * 3600, now) == "Réessayez vers 16\u00a0h\u00a000."
        assert str(NotFound().message) == "Cette page n'existe pas ou plus."


# -- Labels held in variables ----------------------------------------------------------------------


def test_a_label_in_a_variable_is_translated_and_escaped(app):
    """``|translated``: an enum's or a data file's label in the reader's language; text that is no
    label (a moderator's free reason shown by the same template) is shown as written, escaped."""
    from flask import render_template_string
    from flask_babel import force_locale

    template = "{{ label|translated }}"
    with app.test_request_context():
        with force_locale("en"):
            assert render_template_string(template, label="Signaler") == "Report"
            assert render_template_string(template, label="<b>Spam</b> & co") == "&lt;b&gt;Spam&lt;/b&gt; &amp; co"
        with force_locale("fr"):
            assert render_template_string(template, label="Signaler") == "Signaler"
            assert render_template_string(template, label=None) == ""
