"""Make the database and the trained model ready before any server starts.

    python -m bot.prepare

The launcher runs this in a short-lived process of its own and reads the model's path from
the last line it prints. Migrating, loading the sample directory, computing search vectors
and training need Rasa and the sentence encoder in memory; the launcher stays up for as long
as the assistant runs, so it must not keep them (it held 400 MB when it did this itself)."""

from __future__ import annotations

import sys

from bot.handover import models as handover_models
from bot.inbox import models as inbox_models
from bot.settings import VAR_DIR, Settings, SettingsError, load_settings
from bot.training import ensure_model
from directory import db as directory_db
from directory import vectors as directory_vectors
from directory.importer import load_sample_if_empty


def prepare_database(settings: Settings) -> None:
    """Bring every table up to date, and give a new database the sample directory.

    Here, once, before any child starts: two processes migrating SQLite at once could race.
    """
    directory_db.upgrade(settings.database_url)
    handover_models.upgrade(settings.database_url)
    # After the hand-overs: the inbox reads received_handovers.
    inbox_models.upgrade(settings.database_url)
    with directory_db.session_scope(settings.database_url) as session:
        loaded = load_sample_if_empty(session)
        # A database from before the search read meaning gets its services' vectors now,
        # once, rather than in memory in every process that searches.
        refreshed = directory_vectors.refresh(session)
    if loaded:
        print(f"Loaded the sample directory: {loaded.added} services.", file=sys.stderr)
    elif refreshed:
        print(f"Stored search vectors for {refreshed} services.", file=sys.stderr)


def main() -> int:
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"Cannot start: {error}", file=sys.stderr)
        return 2
    VAR_DIR.mkdir(exist_ok=True)
    prepare_database(settings)
    print(ensure_model(settings.model_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
