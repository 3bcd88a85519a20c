"""The parts of the Compose Specification (compose-spec.io) that docker-compose.yml uses, as checks: the top-level
elements, and per service image/build, environment, depends_on, healthcheck, volumes, ports, restart and env_file.
`problems(document)` lists what breaks them; an empty list means the file conforms to these rules."""

import re
from collections.abc import Iterator
from typing import Any

TOP_LEVEL = {"version", "name", "services", "networks", "volumes", "configs", "secrets", "include", "models"}
SERVICE_KEYS = {
    "annotations", "attach", "blkio_config", "build", "cap_add", "cap_drop", "cgroup", "cgroup_parent", "command",
    "configs", "container_name", "cpu_count", "cpu_percent", "cpu_shares", "cpu_quota", "cpu_period", "cpus",
    "credential_spec", "depends_on", "deploy", "develop", "device_cgroup_rules", "devices", "dns", "dns_opt",
    "dns_search", "domainname", "entrypoint", "env_file", "environment", "expose", "extends", "external_links",
    "extra_hosts", "gpus", "group_add", "healthcheck", "hostname", "image", "init", "ipc", "isolation", "labels",
    "links", "logging", "mac_address", "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit",
    "network_mode", "networks", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports",
    "privileged", "profiles", "pull_policy", "read_only", "restart", "runtime", "scale", "secrets", "security_opt",
    "shm_size", "stdin_open", "stop_grace_period", "stop_signal", "storage_opt", "sysctls", "tmpfs", "tty",
    "ulimits", "user", "userns_mode", "uts", "volumes", "volumes_from", "working_dir",
}
BUILD_KEYS = {"context", "dockerfile", "dockerfile_inline", "args", "ssh", "cache_from", "cache_to",
              "additional_contexts", "extra_hosts", "isolation", "privileged", "labels", "no_cache", "pull",
              "network", "shm_size", "target", "secrets", "tags", "ulimits", "platforms"}
HEALTHCHECK_KEYS = {"test", "interval", "timeout", "retries", "start_period", "start_interval", "disable"}
CONDITIONS = {"service_started", "service_healthy", "service_completed_successfully"}
RESTART = re.compile(r"^(no|always|unless-stopped|on-failure(:\d+)?)$")
DURATION = re.compile(r"^(\d+(\.\d+)?(us|ms|s|m|h))+$")
PORT = re.compile(r"^((\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\]):)?(\d+(-\d+)?:)?\d+(-\d+)?(/(tcp|udp|sctp))?$")
NAME = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9_.-]*$")
INTERPOLATION = re.compile(r"\$\{(\w+)(:?[-?+][^}]*)?\}")


def problems(document: Any) -> list[str]:
    if not isinstance(document, dict):
        return ["the file is not a mapping"]
    found = [f"unknown top-level element {key!r}" for key in document
             if key not in TOP_LEVEL and not str(key).startswith("x-")]
    services = document.get("services")
    if not isinstance(services, dict) or not services:
        return [*found, "no services"]
    volumes = document.get("volumes") or {}
    for name, service in services.items():
        if not NAME.match(str(name)):
            found.append(f"{name}: not a valid service name")
        if not isinstance(service, dict):
            found.append(f"{name}: not a mapping")
            continue
        found += [f"{name}: {problem}" for problem in _service(service, set(services), volumes)]
    found += _cycles({n: _dependencies(s) for n, s in services.items() if isinstance(s, dict)})
    return found


def _service(service: dict[str, Any], names: set[str], volumes: dict[str, Any]) -> Iterator[str]:
    yield from (f"unknown key {key!r}" for key in service if key not in SERVICE_KEYS and not key.startswith("x-"))
    if "image" not in service and "build" not in service:
        yield "neither image nor build"
    if "image" in service and not isinstance(service["image"], str):
        yield "image is not a string"
    yield from _build(service.get("build"))
    yield from _environment(service.get("environment"))
    yield from _depends_on(service.get("depends_on"), names)
    yield from _healthcheck(service.get("healthcheck"))
    yield from _volumes(service.get("volumes"), volumes)
    for port in service.get("ports") or []:
        if not (isinstance(port, str) and PORT.match(port)) and not isinstance(port, int | dict):
            yield f"port {port!r} is not valid"
    if "restart" in service and not RESTART.match(str(service["restart"])):
        yield f"restart {service['restart']!r} is not a policy"
    for entry in service.get("env_file") or []:
        if isinstance(entry, dict) and (not isinstance(entry.get("path"), str)
                                        or not isinstance(entry.get("required", True), bool)):
            yield f"env_file entry {entry!r} needs a path (and a boolean required)"
    if "stop_grace_period" in service and not DURATION.match(str(service["stop_grace_period"])):
        yield "stop_grace_period is not a duration"


def _build(build: Any) -> Iterator[str]:
    if build is None or isinstance(build, str):
        return
    if not isinstance(build, dict):
        yield "build is neither a path nor a mapping"
        return
    yield from (f"unknown build key {key!r}" for key in build if key not in BUILD_KEYS)
    if not isinstance(build.get("context", "."), str):
        yield "build.context is not a string"


def _environment(environment: Any) -> Iterator[str]:
    if environment is None:
        return
    if isinstance(environment, list):
        yield from (f"environment entry {e!r} is not NAME=value" for e in environment
                    if not (isinstance(e, str) and re.match(r"^\w+(=|$)", e)))
    elif isinstance(environment, dict):
        yield from (f"environment {k}: {v!r} is not a scalar" for k, v in environment.items()
                    if not isinstance(v, str | int | float | bool | type(None)))
    else:
        yield "environment is neither a mapping nor a list"


def _dependencies(service: dict[str, Any]) -> list[str]:
    depends = service.get("depends_on") or []
    return list(depends) if isinstance(depends, list | dict) else []


def _depends_on(depends: Any, names: set[str]) -> Iterator[str]:
    if depends is None:
        return
    if not isinstance(depends, list | dict):
        yield "depends_on is neither a list nor a mapping"
        return
    for target in depends:
        if target not in names:
            yield f"depends on an unknown service {target!r}"
    if isinstance(depends, dict):
        for target, condition in depends.items():
            if not isinstance(condition, dict) or condition.get("condition", "service_started") not in CONDITIONS:
                yield f"depends_on {target}: the condition is not one of {sorted(CONDITIONS)}"


def _healthcheck(check: Any) -> Iterator[str]:
    if check is None:
        return
    if not isinstance(check, dict):
        yield "healthcheck is not a mapping"
        return
    yield from (f"unknown healthcheck key {key!r}" for key in check if key not in HEALTHCHECK_KEYS)
    test = check.get("test")
    if isinstance(test, list):
        if not test or test[0] not in ("NONE", "CMD", "CMD-SHELL") or not all(isinstance(t, str) for t in test):
            yield "healthcheck.test must start with NONE, CMD or CMD-SHELL"
    elif not isinstance(test, str) and not check.get("disable"):
        yield "healthcheck has no test"
    for key in ("interval", "timeout", "start_period", "start_interval"):
        if key in check and not DURATION.match(str(check[key])):
            yield f"healthcheck.{key} is not a duration"
    if "retries" in check and not (isinstance(check["retries"], int) and check["retries"] >= 0):
        yield "healthcheck.retries is not a number"


def _volumes(mounts: Any, declared: dict[str, Any]) -> Iterator[str]:
    for mount in mounts or []:
        if isinstance(mount, dict):
            if mount.get("type") not in ("volume", "bind", "tmpfs", "npipe", "cluster") or "target" not in mount:
                yield f"volume {mount!r} needs a type and a target"
            continue
        source, _, rest = str(mount).partition(":")
        if not rest:
            continue  # an anonymous volume
        if not source.startswith((".", "/", "~", "$")) and source not in declared:
            yield f"volume {source!r} is not declared under the top-level volumes"
        if not rest.split(":")[0].startswith("/"):
            yield f"mount target of {mount!r} is not an absolute path"


def _cycles(graph: dict[str, list[str]]) -> list[str]:
    state: dict[str, int] = {}

    def visit(node: str) -> bool:
        state[node] = 1
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1 or (state.get(nxt) is None and visit(nxt)):
                return True
        state[node] = 2
        return False

    return [f"a dependency cycle through {node}" for node in graph if state.get(node) is None and visit(node)]


def variables(text: str) -> dict[str, str | None]:
    """Interpolated variables: name -> the operator and default (`:-x`, `:?message`), None when bare."""
    found: dict[str, str | None] = {}
    for match in INTERPOLATION.finditer(text.replace("$$", "")):
        found.setdefault(match.group(1), match.group(2))
    return found
