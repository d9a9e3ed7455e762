"""Install the real chat widgets pinned in widgets.lock.json into node_modules/ (for the widget tests), and
axe-core (for the accessibility tests of the report, tests/report/axe.py).

Only the packages' own tarballs are fetched (`npm pack name@version`, the ordinary npm client, no
dependency tree): each is checked against its pinned sha512 integrity and only its `files` are
extracted to node_modules/<name>/. Nothing is done when node_modules was installed from the same
lock file. Standard library only: `python3 tests/widgets/install.py` (noxfile.py's tests session
calls it). Exit code 0 installed or up to date, 1 failed (the message says why and what to run).
"""
from __future__ import annotations

import base64
import fnmatch
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

HERE = Path(__file__).resolve().parent
LOCK = HERE / "widgets.lock.json"
TARGET = HERE / "node_modules"
STAMP = TARGET / ".installed-from.widgets.lock.json"   # the lock file node_modules was installed from
COMMAND = f"python3 {HERE / 'install.py'}"
NODE_INSTALL = "apt-get install -y nodejs npm"


class InstallError(Exception):
    """The widgets could not be installed; the message says why and what to run."""


def installed() -> bool:
    """True when node_modules holds exactly what widgets.lock.json pins."""
    return STAMP.exists() and STAMP.read_bytes() == LOCK.read_bytes()


def integrity_of(tarball: Path) -> str:
    """The tarball's Subresource-Integrity string, as npm writes it (sha512-<base64>)."""
    return "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()


def _wanted(path: str, patterns: list[str]) -> str | None:
    """The pattern that selects `path` (relative to the package root); `*` stays inside one folder."""
    for pattern in patterns:
        if path.count("/") == pattern.count("/") and fnmatch.fnmatchcase(path, pattern):
            return pattern
    return None


def _extract(tarball: Path, package: dict, into: Path) -> None:
    """Write the package's `files` from its tarball under `into`; every pattern must match a file."""
    matched: set[str] = set()
    with tarfile.open(tarball, "r:gz") as tar:
        for member in tar.getmembers():
            # npm tarballs hold the package under one top folder ("package/"); paths are relative to it.
            parts = PurePosixPath(member.name).parts[1:]
            if not member.isfile() or not parts or ".." in parts:
                continue
            pattern = _wanted("/".join(parts), package["files"])
            if pattern is None:
                continue
            matched.add(pattern)
            dest = into.joinpath(*parts)
            dest.parent.mkdir(parents=True, exist_ok=True)
            source = tar.extractfile(member)
            assert source is not None  # a regular file
            with source, dest.open("wb") as out:
                shutil.copyfileobj(source, out)
    missing = [p for p in package["files"] if p not in matched]
    if missing:
        raise InstallError(f"{package['name']}@{package['version']} has no {', '.join(missing)}: "
                           f"fix `files` in {LOCK}")


def install(npm: str = "npm") -> None:
    """Fetch, check and extract every pinned package into a fresh node_modules (replaced as a whole)."""
    packages = json.loads(LOCK.read_text(encoding="utf-8"))["packages"]
    npm_path = shutil.which(npm)
    if npm_path is None:
        raise InstallError(f"npm is needed to fetch the chat widgets. Run: {NODE_INSTALL}   (then: {COMMAND})")
    specs = [f"{p['name']}@{p['version']}" for p in packages]
    with tempfile.TemporaryDirectory(prefix="probes-widgets-") as tmp:
        tmp_dir = Path(tmp)
        done = subprocess.run([npm_path, "pack", *specs, "--json", "--ignore-scripts",
                               "--pack-destination", str(tmp_dir)],
                              capture_output=True, text=True, cwd=tmp_dir)
        if done.returncode != 0:
            raise InstallError(f"`npm pack {' '.join(specs)}` failed (is the npm registry reachable?):\n"
                               f"{done.stderr.strip()[-2000:]}\nRun: {COMMAND}")
        packed = {(p["name"], p["version"]): tmp_dir / p["filename"] for p in json.loads(done.stdout)}
        fresh = tmp_dir / "node_modules"
        for package in packages:
            tarball = packed.get((package["name"], package["version"]))
            if tarball is None:
                raise InstallError(f"npm pack did not fetch {package['name']}@{package['version']}")
            got = integrity_of(tarball)
            if got != package["integrity"]:
                raise InstallError(f"{package['name']}@{package['version']} from the registry is not the "
                                   f"pinned tarball: integrity {got}, pinned {package['integrity']} in {LOCK}")
            _extract(tarball, package, fresh / package["name"])
        shutil.copyfile(LOCK, fresh / STAMP.name)   # last: a half-done install is never taken as done
        if TARGET.exists():
            shutil.rmtree(TARGET)
        shutil.move(fresh, TARGET)


def main() -> int:
    if installed():
        print(f"The chat widgets in {TARGET} are up to date ({LOCK.name}).")
        return 0
    print(f"Installing the chat widgets pinned in {LOCK.name} into {TARGET} (npm pack) ...", flush=True)
    try:
        install()
    except InstallError as exc:
        print(f"install.py: {exc}", file=sys.stderr)
        return 1
    print("Done.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
