"""Site-wide endpoints that belong to no domain."""

from flask import Blueprint, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from forum.core.hostile import answers_any_host
from forum.extensions import db

blueprint = Blueprint("core", __name__)


@blueprint.get("/healthz")
@answers_any_host  # load balancers ask by IP address
def healthz():
    """200 when the database answers, 503 otherwise (for load balancers and monitoring)."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        return jsonify(status="error", database="unreachable"), 503
    return jsonify(status="ok", database="ok")
