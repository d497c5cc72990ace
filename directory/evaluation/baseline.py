"""Keyword searches of the kind most directory sites offer: SQL LIKE over name and description.

`keyword_search` is the plain one (every word must appear); `any_word_search` is a kinder
variant (any word, most words first), reported alongside so the comparison is not flattering.
"""

from __future__ import annotations

from sqlalchemy import and_, case, or_, select
from sqlalchemy.orm import Session

from directory.models import Service
from directory.search.text import STOPWORDS, words


def _conditions(query: str) -> list:
    terms = [w for w in words(query) if w not in STOPWORDS and len(w) > 2]
    return [
        or_(Service.name.ilike(f"%{term}%"), Service.description.ilike(f"%{term}%"))
        for term in terms
    ]


def keyword_search(session: Session, query: str, limit: int = 5) -> list[str]:
    """Ids of live services containing every query word, by name."""
    conditions = _conditions(query)
    if not conditions:
        return []
    statement = (
        select(Service.id)
        .where(Service.retired_at.is_(None), and_(*conditions))
        .order_by(Service.name)
        .limit(limit)
    )
    return list(session.execute(statement).scalars())


def any_word_search(session: Session, query: str, limit: int = 5) -> list[str]:
    """Ids of live services containing any query word, most words matched first."""
    conditions = _conditions(query)
    if not conditions:
        return []
    matched = sum(case((condition, 1), else_=0) for condition in conditions)
    statement = (
        select(Service.id)
        .where(Service.retired_at.is_(None), or_(*conditions))
        .order_by(matched.desc(), Service.name)
        .limit(limit)
    )
    return list(session.execute(statement).scalars())
