import re
import shutil
import subprocess
from pathlib import Path

import pytest

from bot.deployment import nginx
from bot.launcher import services
from bot.settings import load_settings

SCALED_OUT = {
    "RASA_SERVERS": "2",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "TRACKER_STORE_URL": "postgresql://db/trackers",
}


def test_each_server_listens_just_above_the_port_nginx_takes():
    ports = nginx.backends(load_settings(SCALED_OUT))
    assert ports.rasa == [5006, 5007]
    assert ports.actions == [5056, 5057]


def test_the_config_balances_both_kinds_of_server_and_logs_no_requests(tmp_path: Path):
    config = nginx.render(load_settings(SCALED_OUT), tmp_path)
    assert re.findall(r"server 127\.0\.0\.1:(\d+)", config) == ["5006", "5007", "5056", "5057"]
    assert "listen 127.0.0.1:5005;" in config and "listen 127.0.0.1:5055;" in config
    assert "access_log off;" in config
    assert "non_idempotent" not in config  # a POST is never sent twice


@pytest.mark.skipif(not shutil.which("nginx", path="/usr/sbin:/usr/bin"), reason="no nginx")
def test_nginx_itself_accepts_the_config(tmp_path: Path):
    command = nginx.write_config(load_settings(SCALED_OUT), tmp_path)
    checked = subprocess.run([*command[:-2], "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def test_the_launcher_plans_two_of_each_behind_nginx_and_staggers_rasa(monkeypatch, tmp_path):
    monkeypatch.setattr("bot.launcher.VAR_DIR", tmp_path)
    planned = services(load_settings(SCALED_OUT), model="model.tar.gz")
    labels = [service.label for service in planned]
    assert labels == [
        "action server 1",
        "action server 2",
        "Rasa server 1",
        "load balancer (nginx)",
        "web app",
        "hand-over dispatcher",
        "Rasa server 2",
    ]
    second = planned[-1]
    assert second.env == {"RASA_PORT": "5007"}
    assert second.wait_for == "http://127.0.0.1:5006/"
