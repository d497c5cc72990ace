"""The nginx plan, read as text: no nginx binary needed (the integration tier runs `nginx -t`)."""

import re
from pathlib import Path

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


def test_the_plan_names_nginx_and_leaves_finding_it_to_start_up(monkeypatch, tmp_path):
    monkeypatch.setattr("bot.launcher.VAR_DIR", tmp_path)
    planned = services(load_settings(SCALED_OUT), model="model.tar.gz")
    balancer = next(service for service in planned if service.label == "load balancer (nginx)")
    assert balancer.argv[0] == "nginx"
    assert (tmp_path / "nginx-5005" / "nginx.conf").is_file()
