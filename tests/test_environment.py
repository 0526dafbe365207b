"""The set-up: lock files with hashes, a site set without the test tools, one MkDocs, and an
install from the lock that gives the same files twice (made with `.ci/pyenv`, as `.ci/setup` does)."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

from conftest import ROOT

LOCKS = ROOT / "requirements"
#: The test tools: never in the site's environment.
TEST_TOOLS = {"playwright", "pytest", "hypothesis"}
#: Known MkDocs implementations other than MkDocs itself (the fork mkdocs-redirects 1.2.3 pulled in).
OTHER_MKDOCS = {"properdocs"}


def canonical(name: str) -> str:
    """A distribution name as PEP 503 compares them: ``PyYAML`` and ``pyyaml`` are one."""
    return re.sub(r"[-_.]+", "-", name).lower()


def elsewhere_only(path: Path) -> set[str]:
    """Packages of a lock whose environment marker excludes this Python (WeasyPrint's brotlicffi is
    for PyPy only): the universal lock names them, an install here does not."""
    from packaging.markers import Marker

    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        pin = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==[^\s;\\]+\s*;\s*([^\\]+?)\s*\\?$", line)
        if pin and not Marker(pin[2]).evaluate():
            out.add(canonical(pin[1]))
    return out


def read_lock(path: Path) -> dict[str, tuple[str, list[str]]]:
    """``{name: (version, [sha256, ...])}`` of a lock file written by uv pip compile."""
    entries: dict[str, tuple[str, list[str]]] = {}
    name = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        pin = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", line)
        if pin:
            name = canonical(pin[1])
            assert name not in entries, f"{path.name}: {name} twice"
            entries[name] = (pin[2], [])
            continue
        digest = re.search(r"--hash=sha256:([0-9a-f]{64})", line)
        if digest and name:
            entries[name][1].append(digest[1])
        elif not line.lstrip().startswith("#"):
            raise AssertionError(f"{path.name}: unexpected line {line!r}")
    return entries


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def direct_pins(requirements: list[str]) -> dict[str, str]:
    """The ``name==version`` requirements among ``requirements``."""
    pins = {}
    for req in requirements:
        pin = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)$", req.strip())
        if pin:
            pins[canonical(pin[1])] = pin[2]
    return pins


def mkdocs_implementations(distributions) -> list[str]:
    """Names of the installed distributions that are an implementation of MkDocs: MkDocs itself,
    a known fork, or any package that ships MkDocs' core (a build command, a file model and a
    config schema under one top-level package)."""
    found = []
    for dist in distributions:
        name = canonical(dist.metadata["Name"])
        files = {str(f).replace("\\", "/") for f in dist.files or []}
        tops = {f.split("/", 1)[0] for f in files if "/" in f}
        core = any(
            {f"{top}/commands/build.py", f"{top}/structure/files.py", f"{top}/config/config_options.py"} <= files
            for top in tops
        )
        if name == "mkdocs" or name in OTHER_MKDOCS or core:
            found.append(name)
    return sorted(found)


# --- the lock files -------------------------------------------------------------------------


@pytest.mark.parametrize("lock", ["uv", "build", "site", "test"])
def test_every_locked_package_is_pinned_with_hashes(lock):
    entries = read_lock(LOCKS / f"{lock}.txt")
    assert entries, f"{lock}.txt names no package"
    for name, (version, hashes) in entries.items():
        assert hashes, f"{lock}.txt: {name}=={version} has no hash"


def test_locks_hold_the_pins_of_pyproject():
    """A dependency changed in pyproject.toml without `bash .ci/lock` fails here."""
    project = pyproject()["project"]
    site, test = read_lock(LOCKS / "site.txt"), read_lock(LOCKS / "test.txt")
    for name, version in direct_pins(project["dependencies"]).items():
        assert site.get(name, ("missing",))[0] == version, f"site.txt: {name} is not {version}"
    for name, version in direct_pins(project["dependencies"] + project["optional-dependencies"]["test"]).items():
        assert test.get(name, ("missing",))[0] == version, f"test.txt: {name} is not {version}"
    for req in project["dependencies"]:  # ranges (Jinja2>=3.1,<4) are locked too
        assert canonical(re.match(r"[A-Za-z0-9._-]+", req)[0]) in site


def test_site_set_has_no_test_tools_and_one_mkdocs():
    site = read_lock(LOCKS / "site.txt")
    test_extra = {canonical(re.match(r"[A-Za-z0-9._-]+", r)[0]) for r in pyproject()["project"]["optional-dependencies"]["test"]}
    assert TEST_TOOLS <= test_extra
    assert not (test_extra | OTHER_MKDOCS) & set(site), sorted((test_extra | OTHER_MKDOCS) & set(site))
    assert "mkdocs" in site and site["mkdocs"][0].startswith("1.")
    assert not OTHER_MKDOCS & set(read_lock(LOCKS / "test.txt"))


def test_test_set_is_the_site_set_plus_the_tools():
    """The tests run on exactly the releases (and files) the site is built with."""
    site, test = read_lock(LOCKS / "site.txt"), read_lock(LOCKS / "test.txt")
    for name, entry in site.items():
        assert test.get(name) == entry, f"{name}: site.txt {entry[0]}, test.txt {test.get(name, ('missing',))[0]}"
    assert TEST_TOOLS <= set(test) - set(site)


def test_npm_site_set_is_iframe_worker_only():
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert set(package["dependencies"]) == {"iframe-worker"}
    assert {"axe-core", "lighthouse", "vnu-jar"} <= set(package["devDependencies"])
    assert lock["packages"][""]["dependencies"] == package["dependencies"]
    assert lock["packages"][""]["devDependencies"] == package["devDependencies"]
    # what `npm ci --omit=dev` installs: the packages the lock does not mark as dev-only
    production = [path for path, entry in lock["packages"].items() if path and not entry.get("dev")]
    assert production == ["node_modules/iframe-worker"]


# --- one MkDocs -----------------------------------------------------------------------------


def fake_distribution(site_packages: Path, name: str, files: list[str]) -> None:
    info = site_packages / f"{name.replace('-', '_')}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8")
    (info / "RECORD").write_text("".join(f"{f},,\n" for f in files + [f"{info.name}/METADATA"]), encoding="utf-8")


def test_second_mkdocs_is_detected(tmp_path):
    core = ["commands/build.py", "structure/files.py", "config/config_options.py", "__init__.py"]
    fake_distribution(tmp_path, "properdocs", ["properdocs/__init__.py"])
    fake_distribution(tmp_path, "docs-fork", [f"docsfork/{f}" for f in core])
    fake_distribution(tmp_path, "mkdocs-some-plugin", ["some_plugin/plugin.py", "some_plugin/structure/files.py"])
    found = mkdocs_implementations(metadata.distributions(path=[str(tmp_path)]))
    assert found == ["docs-fork", "properdocs"]


def test_one_mkdocs_is_installed():
    """The environment running the tests (and so the site's) holds MkDocs 1 and no other."""
    assert mkdocs_implementations(metadata.distributions()) == ["mkdocs"]
    assert metadata.version("mkdocs").startswith("1.")
    requires = metadata.requires("mkdocs-redirects") or []
    assert not [r for r in requires if canonical(re.match(r"[A-Za-z0-9._-]+", r)[0]) in OTHER_MKDOCS]


# --- installing from the lock ---------------------------------------------------------------


def pyenv(venv: Path, want: str, root: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(root / ".ci" / "pyenv"), str(venv), want], capture_output=True, text=True, timeout=900
    )


def installed(venv: Path) -> dict:
    """What an environment holds: ``pip freeze``, ``pip list``, and the sha256 of every file of
    every installed package (from the files themselves, not from their RECORD)."""
    python = str(venv / "bin" / "python")
    freeze = subprocess.run([python, "-m", "pip", "freeze", "--all"], capture_output=True, text=True, check=True)
    listing = subprocess.run([python, "-m", "pip", "list", "--format=json"], capture_output=True, text=True, check=True)
    site_packages = next((venv / "lib").glob("python3*/site-packages"))
    files = {
        str(path.relative_to(site_packages)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site_packages.rglob("*"))
        if path.is_file()
    }
    return {"freeze": freeze.stdout, "list": json.loads(listing.stdout), "files": files}


@pytest.fixture(scope="module")
def site_installs(tmp_path_factory):
    """The site set installed twice into the same (new) folder."""
    venv = tmp_path_factory.mktemp("pyenv") / "venv"
    results = []
    for _ in range(2):
        shutil.rmtree(venv, ignore_errors=True)
        proc = pyenv(venv, "site")
        assert proc.returncode == 0, proc.stderr[-3000:]
        results.append(installed(venv))
    return venv, results


def test_installing_twice_gives_the_same_packages_byte_for_byte(site_installs):
    _, (first, second) = site_installs
    assert first["freeze"] == second["freeze"]
    assert len(first["files"]) > 1000  # the packages' own files, not just their metadata
    changed = sorted(f for f in first["files"].keys() | second["files"].keys() if first["files"].get(f) != second["files"].get(f))
    assert not changed, changed[:20]


def test_site_environment_is_the_site_lock(site_installs):
    """`pip list` of the site's environment: exactly the locked site set (and pip), no test tool,
    no second MkDocs."""
    venv, (first, _) = site_installs
    listed = {canonical(p["name"]): p["version"] for p in first["list"]}
    locked = {name: version for name, (version, _) in (read_lock(LOCKS / "site.txt") | read_lock(LOCKS / "build.txt")).items()}
    locked = {n: v for n, v in locked.items() if n not in elsewhere_only(LOCKS / "site.txt")}
    assert not (TEST_TOOLS | OTHER_MKDOCS) & set(listed)
    assert {n: v for n, v in listed.items() if n != "pip"} == locked
    frozen = dict(line.split("==", 1) for line in first["freeze"].splitlines())
    assert {canonical(n): v for n, v in frozen.items() if canonical(n) != "pip"} == locked
    site_packages = next((venv / "lib").glob("python3*/site-packages"))
    assert mkdocs_implementations(metadata.distributions(path=[str(site_packages)])) == ["mkdocs"]


def test_install_refuses_a_file_whose_hash_is_not_locked(site_installs, tmp_path):
    """--require-hashes is in force: a lock whose hash for one package is wrong stops the install."""
    venv, _ = site_installs
    project = tmp_path / "project"
    (project / ".ci").mkdir(parents=True)
    shutil.copy2(ROOT / ".ci" / "pyenv", project / ".ci" / "pyenv")
    shutil.copytree(LOCKS, project / "requirements")
    lock = project / "requirements" / "site.txt"
    text = lock.read_text(encoding="utf-8")
    block = re.search(r"^mkdocs==1\.6\.1 \\\n(?:    --hash=sha256:[0-9a-f]{64}(?: \\)?\n)+", text, re.M)
    assert block, "mkdocs is not in the lock"
    lock.write_text(text.replace(block[0], "mkdocs==1.6.1 \\\n    --hash=sha256:" + "0" * 64 + "\n"), encoding="utf-8")
    target = tmp_path / "venv"  # a new environment, given the installer the first one has
    subprocess.run(["python3", "-m", "venv", "--without-pip", str(target)], check=True)
    shutil.copytree(venv / ".uv", target / ".uv", symlinks=True)
    proc = pyenv(target, "site", root=project)
    assert proc.returncode != 0
    assert "hash" in proc.stderr.lower(), proc.stderr[-2000:]
    assert not (next((target / "lib").glob("python3*/site-packages")) / "mkdocs").exists()


def test_pages_workflow_installs_from_the_lock():
    """The published site is built by `.ci/site`, which installs from the locks: no step of the
    workflow installs packages by itself."""
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    runs = re.findall(r"^\s*run: (.+)$", workflow, re.M)
    assert "bash .ci/site build" in runs
    assert not re.search(r"pip3? install|npm (?:i|install|ci)\b|uv pip", workflow)
    assert "bash .ci/pyenv .venv \"$want\"" in (ROOT / ".ci" / "setup").read_text(encoding="utf-8")
