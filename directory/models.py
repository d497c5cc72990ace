"""HSDS 3.0 core tables (Open Referral UK profile) for the community directory.

Search reads the real columns and tables below. Each service also keeps the full ORUK JSON it
arrived as (`raw`), so export and the published API give back exactly what was imported, plus
any maintainer edits, which are written to both the columns and `raw`.

Shared things (organizations, locations, taxonomy terms) are keyed by their ORUK id. Things a
single service owns (schedules, phones, contacts...) get a surrogate key as well, because real
feeds reuse child ids across services and one careless feed must not break an import.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Organization(Base):
    __tablename__ = "dir_organization"
    id = Column(String(255), primary_key=True)
    name = Column(Text, nullable=False)
    description = Column(Text)
    email = Column(Text)
    website = Column(Text)


class Taxonomy(Base):
    __tablename__ = "dir_taxonomy"
    id = Column(String(255), primary_key=True)
    name = Column(Text, nullable=False)
    description = Column(Text)
    uri = Column(Text)
    version = Column(Text)


class TaxonomyTerm(Base):
    __tablename__ = "dir_taxonomy_term"
    id = Column(String(255), primary_key=True)
    name = Column(Text, nullable=False)
    description = Column(Text)
    code = Column(Text)
    parent_id = Column(String(255))
    taxonomy_id = Column(String(255), index=True)
    vocabulary = Column(Text)
    term_uri = Column(Text)


class Location(Base):
    __tablename__ = "dir_location"
    id = Column(String(255), primary_key=True)
    location_type = Column(String(20), nullable=False)
    name = Column(Text)
    description = Column(Text)
    latitude = Column(Float)
    longitude = Column(Float)


class Address(Base):
    __tablename__ = "dir_address"
    pk = Column(Integer, primary_key=True, autoincrement=True)
    id = Column(String(255), nullable=False)
    location_id = Column(String(255), ForeignKey("dir_location.id"), index=True)
    address_1 = Column(Text)
    city = Column(Text)
    state_province = Column(Text)
    postal_code = Column(String(16))
    country = Column(String(4))
    address_type = Column(String(20))


class Accessibility(Base):
    __tablename__ = "dir_accessibility"
    pk = Column(Integer, primary_key=True, autoincrement=True)
    id = Column(String(255), nullable=False)
    location_id = Column(String(255), ForeignKey("dir_location.id"), index=True)
    description = Column(Text)
    details = Column(Text)
    url = Column(Text)


class Service(Base):
    __tablename__ = "dir_service"
    id = Column(String(255), primary_key=True)
    organization_id = Column(String(255), ForeignKey("dir_organization.id"), index=True)
    name = Column(Text, nullable=False)
    description = Column(Text)
    url = Column(Text)
    email = Column(Text)
    status = Column(String(32), nullable=False, index=True)
    fees = Column(Text)
    eligibility_description = Column(Text)
    minimum_age = Column(Float)
    maximum_age = Column(Float)
    assured_date = Column(Date)
    assurer_email = Column(Text)
    alert = Column(Text)
    last_modified = Column(DateTime)
    # Where the record came from (file path or API base URL): a feed retires only its own.
    source = Column(Text, index=True)
    content_hash = Column(String(64), nullable=False)
    retired_at = Column(DateTime)
    # "feed" when the service vanished from its feed, "maintainer" when retired by hand.
    retired_by = Column(String(16))
    raw = Column(JSON, nullable=False)


class ServiceAtLocation(Base):
    __tablename__ = "dir_service_at_location"
    pk = Column(Integer, primary_key=True, autoincrement=True)
    id = Column(String(255), nullable=False)
    service_id = Column(String(255), ForeignKey("dir_service.id"), index=True, nullable=False)
    location_id = Column(String(255), ForeignKey("dir_location.id"), index=True)


class Schedule(Base):
    __tablename__ = "dir_schedule"
    pk = Column(Integer, primary_key=True, autoincrement=True)
    id = Column(String(255), nullable=False)
    service_id = Column(String(255), ForeignKey("dir_service.id"), index=True, nullable=False)
    service_at_location_id = Column(String(255))
    freq = Column(String(16))
    interval = Column(Integer)
    byday = Column(String(64))
    opens_at = Column(String(16))
    closes_at = Column(String(16))
    valid_from = Column(Date)
    valid_to = Column(Date)
    description = Column(Text)


class ServiceArea(Base):
    __tablename__ = "dir_service_area"
    pk = Column(Integer, primary_key=True, autoincrement=True)
    id = Column(String(255), nullable=False)
    service_id = Column(String(255), ForeignKey("dir_service.id"), index=True, nullable=False)
    name = Column(Text)
    description = Column(Text)
    extent = Column(Text)
    extent_type = Column(String(32))


class Contact(Base):
    __tablename__ = "dir_contact"
    pk = Column(Integer, primary_key=True, autoincrement=True)
    id = Column(String(255), nullable=False)
    service_id = Column(String(255), ForeignKey("dir_service.id"), index=True, nullable=False)
    name = Column(Text)
    title = Column(Text)
    email = Column(Text)


class Phone(Base):
    __tablename__ = "dir_phone"
    pk = Column(Integer, primary_key=True, autoincrement=True)
    id = Column(String(255), nullable=False)
    service_id = Column(String(255), ForeignKey("dir_service.id"), index=True, nullable=False)
    contact_id = Column(String(255))
    number = Column(String(64), nullable=False)
    description = Column(Text)


class CostOption(Base):
    __tablename__ = "dir_cost_option"
    pk = Column(Integer, primary_key=True, autoincrement=True)
    id = Column(String(255), nullable=False)
    service_id = Column(String(255), ForeignKey("dir_service.id"), index=True, nullable=False)
    option = Column(Text)
    amount = Column(Float)
    amount_description = Column(Text)


class Language(Base):
    __tablename__ = "dir_language"
    pk = Column(Integer, primary_key=True, autoincrement=True)
    id = Column(String(255), nullable=False)
    service_id = Column(String(255), ForeignKey("dir_service.id"), index=True, nullable=False)
    name = Column(Text)
    code = Column(String(16))


class Attribute(Base):
    """Links a service to a taxonomy term (HSDS `attribute` with link_entity "service")."""

    __tablename__ = "dir_attribute"
    pk = Column(Integer, primary_key=True, autoincrement=True)
    id = Column(String(255), nullable=False)
    service_id = Column(String(255), ForeignKey("dir_service.id"), index=True, nullable=False)
    taxonomy_term_id = Column(String(255), ForeignKey("dir_taxonomy_term.id"), index=True)
    link_type = Column(Text)
    value = Column(Text)


# Tables whose rows belong to exactly one service: replaced wholesale when the service changes.
SERVICE_CHILD_TABLES = [
    ServiceAtLocation.__table__,
    Schedule.__table__,
    ServiceArea.__table__,
    Contact.__table__,
    Phone.__table__,
    CostOption.__table__,
    Language.__table__,
    Attribute.__table__,
]


class ServiceVector(Base):
    """A service's sentence-encoder vector, and what it was computed from: the hash of the
    embedded text and the encoder's identity, so it is recomputed only when either changes."""

    __tablename__ = "dir_service_vector"
    service_id = Column(String(255), ForeignKey("dir_service.id"), primary_key=True)
    vector = Column(LargeBinary, nullable=False)  # float32, little-endian
    text_hash = Column(String(64), nullable=False)
    model = Column(String(128), nullable=False)
    computed_at = Column(DateTime, nullable=False)


class DirectoryState(Base):
    """One row whose `version` goes up on every change, so cached search indexes can tell
    cheaply (one primary-key read) that they are out of date, even across processes."""

    __tablename__ = "dir_state"
    id = Column(Integer, primary_key=True)
    version = Column(Integer, nullable=False, default=0)
    changed_at = Column(DateTime)
