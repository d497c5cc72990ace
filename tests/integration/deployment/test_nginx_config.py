"""nginx itself, installed by scripts/setup-system.sh, accepts the balancer's configuration."""

import subprocess
from pathlib import Path

from bot.deployment import nginx
from bot.launcher import Service, locate_programs
from bot.settings import load_settings

SCALED_OUT = {
    "RASA_SERVERS": "2",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "TRACKER_STORE_URL": "postgresql://db/trackers",
}


def test_nginx_accepts_the_config_the_launcher_writes(tmp_path: Path):
    command = nginx.write_config(load_settings(SCALED_OUT), tmp_path)
    balancer = Service("load balancer (nginx)", "RASA_PORT", 5005, command)
    locate_programs([balancer])
    assert Path(balancer.argv[0]).is_absolute()
    # Everything but the trailing `-g "daemon off;"`, with -t: test the configuration only.
    checked = subprocess.run([*balancer.argv[:-2], "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
