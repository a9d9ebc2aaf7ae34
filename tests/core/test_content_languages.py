"""The languages a member may say their text is in (forum/core/data/languages.toml)."""

from __future__ import annotations

import pytest
from flask_babel import force_locale

from forum.core.errors import Invalid
from forum.core.forms import sent_language
from forum.core.languages import UNKNOWN_LANGUAGE, lang_attribute, language_for_locale, languages, read_language
from forum.threads.forms import ReplyForm


def test_the_list_comes_from_the_data_file_with_french_and_english_first():
    codes = list(languages())
    assert codes[:2] == ["fr", "en"] and {"de", "es", "it", "br", "oc", "co", "eu", "ca"} <= set(codes)
    assert languages()["en"].name == "English" and languages()["en"].french == "anglais"
    assert languages()["br"].name == "brezhoneg"


@pytest.mark.parametrize(("raw", "code"), [("en", "en"), (" EN ", "en"), ("", None), (None, None), ("oc", "oc")])
def test_a_known_code_is_read_and_an_empty_one_is_not_said(raw, code):
    assert read_language(raw) == code


@pytest.mark.parametrize("raw", ["xx", "english", "fr-FR", "en\x00", "<script>", "e" * 500])
def test_anything_else_is_refused_with_a_french_message_on_the_field(raw):
    with pytest.raises(Invalid) as refused:
        read_language(raw)
    assert refused.value.message == UNKNOWN_LANGUAGE and refused.value.field == "language"
    assert refused.value.status_code == 400


def test_the_lang_attribute_is_absent_when_the_language_is_not_said():
    assert lang_attribute("en") == ' lang="en"'
    assert lang_attribute(None) == "" and lang_attribute("") == ""


@pytest.mark.parametrize(("locale", "code"), [("fr", "fr"), ("en", "en"), ("en_GB", "en"), ("ja", ""), (None, "")])
def test_a_locale_gives_the_language_offered(locale, code):
    assert language_for_locale(locale) == code


def test_the_select_offers_the_page_s_language_and_the_form_reads_what_was_sent(app):
    with app.test_request_context("/"):
        assert ReplyForm(meta={"csrf": False}).language.data == "fr"
        with force_locale("en"):
            assert ReplyForm(meta={"csrf": False}).language.data == "en"
    with app.test_request_context("/", method="POST", data={"body": "x", "language": ""}):
        assert sent_language(ReplyForm(meta={"csrf": False}).language) == ""
    with app.test_request_context("/", method="POST", data={"body": "x"}):
        assert sent_language(ReplyForm(meta={"csrf": False}).language) is None  # not sent: kept


def test_the_refusal_speaks_the_reader_s_language(app):
    from flask_babel import force_locale

    with app.test_request_context(), force_locale("en"), pytest.raises(Invalid) as refused:
        read_language("xx")
    assert refused.value.message == "Unknown language of the text: choose it from the list."
