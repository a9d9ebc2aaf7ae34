"""Domain errors. Services raise them; the web layer turns them into 4xx pages.

Each carries a message meant for the person who caused it, in the interface's language (the
default ones are lazy: translated when shown).
"""

from flask_babel import lazy_gettext as _l


class DomainError(Exception):
    status_code = 400
    default_message = _l("La demande n'a pas pu être traitée.")

    def __init__(self, message: str | None = None, *, field: str | None = None):
        super().__init__(message or self.default_message)
        self.message = message or self.default_message
        self.field = field


class Invalid(DomainError):
    status_code = 400
    default_message = _l("Les informations envoyées ne sont pas valides.")


class Forbidden(DomainError):
    status_code = 403
    default_message = _l("Vous n'avez pas le droit de faire cela.")


class NotFound(DomainError):
    status_code = 404
    default_message = _l("Cette page n'existe pas ou plus.")


class Conflict(DomainError):
    status_code = 409
    default_message = _l("Cette action n'est plus possible dans l'état actuel.")


class StaleEdit(Conflict):
    """A save made from a form opened at an older version than the stored one (optimistic locking).

    ``version``: the stored version, which the form shown again carries, so that the person's next
    save goes through once they have merged by hand; ``current``: (label, text) pairs of the stored
    version, shown beside the person's own text (which the form keeps)."""

    def __init__(self, message: str, *, version: int, current: list[tuple[str, str]]):
        super().__init__(message)
        self.version = version
        self.current = current
