"""Deployment files: the Kubernetes example and the Dockerfile, checked without a cluster or a
Docker engine (and built with Docker where one is available)."""

import json
import os
import shlex
import shutil
import subprocess
import sys
import tomllib

import pytest
import yaml
from footnote.api.settings import VARIABLES

from .conftest import ROOT
from .serverutil import running_server


def _dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs with continuation lines joined."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def _env() -> dict[str, str]:
    env = {}
    for word, rest in _dockerfile():
        if word == "ENV":
            for pair in shlex.split(rest):
                key, _, value = pair.partition("=")
                env[key] = value
    return env


def _one(word: str) -> str:
    (args,) = [rest for w, rest in _dockerfile() if w == word]
    return args


def test_kubernetes_example_is_valid_and_consistent():
    docs = list(yaml.safe_load_all((ROOT / "deploy" / "k8s.yaml").read_text(encoding="utf-8")))
    kinds = {d["kind"]: d for d in docs}
    assert set(kinds) == {"Deployment", "Service", "Ingress"}
    # the buffering proxy in front (docs/deploy.md, "Slow clients")
    ingress = kinds["Ingress"]
    notes = ingress["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/proxy-request-buffering"] == "on"
    backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == kinds["Service"]["metadata"]["name"]
    deployment, service = kinds["Deployment"], kinds["Service"]
    pod = deployment["spec"]["template"]
    assert (
        deployment["spec"]["selector"]["matchLabels"].items() <= pod["metadata"]["labels"].items()
    )
    assert service["spec"]["selector"].items() <= pod["metadata"]["labels"].items()
    assert pod["spec"]["securityContext"]["runAsNonRoot"] is True
    (container,) = pod["spec"]["containers"]
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    env = {e["name"]: e["value"] for e in container["env"]}
    assert set(env) <= set(VARIABLES)
    assert int(env["FOOTNOTE_PORT"]) == ports["http"]
    assert service["spec"]["ports"][0]["targetPort"] in ports
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] == "/api/v1/health"
        assert container[probe]["httpGet"]["port"] in ports


def test_dockerfile_is_consistent_with_the_project():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    base = _one("FROM")
    assert base.endswith("-slim")
    assert base.split(":")[1].startswith(pyproject["project"]["requires-python"].strip(">="))
    for word, rest in _dockerfile():
        if word == "COPY":
            *sources, _dest = rest.split()
            for source in sources:
                assert (ROOT / source).exists(), source
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".venv", "node_modules", ".git"} <= set(ignored)
    user = _one("USER")
    assert user not in {"root", "0"}
    assert f"--uid {user}" in " ".join(rest for w, rest in _dockerfile() if w == "RUN")
    cmd = json.loads(_one("CMD"))
    assert cmd[0] in pyproject["project"]["scripts"]
    env = _env()
    assert set(k for k in env if k.startswith("FOOTNOTE_")) <= set(VARIABLES)
    assert _one("EXPOSE") == env["FOOTNOTE_PORT"]
    assert "/api/v1/health" in _one("HEALTHCHECK")


@pytest.mark.slow
def test_image_commands_work_with_the_image_environment():
    """The image's CMD serves and its HEALTHCHECK passes, run here on a loopback port."""
    env = {k: v for k, v in _env().items() if k.startswith("FOOTNOTE_")}
    env["FOOTNOTE_HOST"] = "127.0.0.1"  # never bind outside loopback in tests
    cmd = json.loads(_one("CMD"))
    assert cmd == ["footnote", "serve"]
    with running_server({**env, "FOOTNOTE_WORKERS": "1"}) as url:
        port = url.rsplit(":", 1)[1]
        check = json.loads(_one("HEALTHCHECK").split("CMD", 1)[1])
        assert check[0] == "python"
        done = subprocess.run(
            [sys.executable, *check[1:]],
            env={**os.environ, "FOOTNOTE_PORT": port},
            timeout=10,
            capture_output=True,
        )
        assert done.returncode == 0, done.stderr
    # With the server gone, the health check fails.
    done = subprocess.run(
        [sys.executable, *check[1:]],
        env={**os.environ, "FOOTNOTE_PORT": port},
        timeout=10,
        capture_output=True,
    )
    assert done.returncode != 0


def _docker_engine() -> bool:
    if shutil.which("docker") is None:
        return False
    try:
        return subprocess.run(["docker", "info"], capture_output=True, timeout=10).returncode == 0
    except subprocess.TimeoutExpired:
        return False


@pytest.mark.slow
@pytest.mark.skipif(not _docker_engine(), reason="no Docker engine on this machine")
def test_docker_build():
    subprocess.run(["docker", "build", "-t", "footnote:test", str(ROOT)], check=True, timeout=900)
