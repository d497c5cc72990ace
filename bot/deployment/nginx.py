"""nginx as the load balancer in front of several Rasa servers and action servers."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from bot.settings import PROJECT_ROOT, Settings

TEMPLATE = PROJECT_ROOT / "deploy" / "nginx-balancer.conf.j2"


@dataclass(frozen=True)
class Backends:
    """Where each Rasa server and action server listens, behind nginx's two ports."""

    rasa: list[int]
    actions: list[int]


def backends(settings: Settings) -> Backends:
    """The ports just above RASA_PORT and ACTIONS_PORT, one per server."""
    count = range(1, settings.rasa_servers + 1)
    return Backends(
        rasa=[settings.rasa_port + n for n in count],
        actions=[settings.actions_port + n for n in count],
    )


def render(settings: Settings, run_dir: Path) -> str:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATE.parent),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    ports = backends(settings)
    return environment.get_template(TEMPLATE.name).render(
        run_dir=run_dir,
        host=settings.host,
        rasa_port=settings.rasa_port,
        actions_port=settings.actions_port,
        rasa_backends=ports.rasa,
        action_backends=ports.actions,
    )


PROGRAM = "nginx"
MISSING = "RASA_SERVERS above 1 needs nginx: scripts/setup-system.sh prod installs it"


def nginx_binary() -> str:
    """Where nginx is installed (Debian puts it in sbin, often outside a user's PATH)."""
    found = shutil.which(PROGRAM) or shutil.which(PROGRAM, path="/usr/sbin:/usr/local/sbin")
    if not found:
        raise FileNotFoundError(MISSING)
    return found


def write_config(settings: Settings, run_dir: Path) -> list[str]:
    """Write nginx.conf into run_dir; return the command that runs nginx in the foreground.

    The command names the program; the launcher finds it just before starting it, so a plan
    can be made (and tested) on a machine without nginx."""
    run_dir.mkdir(parents=True, exist_ok=True)
    config = run_dir / "nginx.conf"
    config.write_text(render(settings, run_dir))
    return [
        PROGRAM,
        "-e",
        "stderr",
        "-p",
        str(run_dir),
        "-c",
        str(config),
        "-g",
        "daemon off;",
    ]
