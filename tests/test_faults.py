"""Hostile paths and faults: nothing outside our folders is touched, a site is never half-written,
and every failure is a message, never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from generator.content.load import load_content
from generator.errors import ContentError
from generator.files.writer import MANIFEST, write_pages
from tests.conftest import MINI, ROOT, leap_serve, make_project, run_leap, write_docs_of
from tests.test_writer import snapshot


def project(where: Path) -> Path:
    return make_project(where, MINI)


# --- paths from manifests, options and content ---------------------------------------------------


@pytest.mark.parametrize("entry", ["{victim}", "../victim.txt", "sub/../../victim.txt", "linked/victim.txt"])
def test_a_manifest_entry_outside_the_folder_is_refused_and_nothing_is_deleted(tmp_path: Path, entry: str) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "linked").symlink_to(tmp_path, target_is_directory=True)
    entry = entry.format(victim=victim)
    (out / MANIFEST).write_text(json.dumps({"leap": 2, "files": {entry: []}}), encoding="utf-8")
    report = write_pages({"page.md": "new"}, out)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert report.refused == (entry,) and report.removed == ()
    assert f"ignored the entry '{entry}'" in report.notes(out)[0]
    assert entry not in (out / MANIFEST).read_text(encoding="utf-8")


@pytest.mark.slow
def test_an_absolute_path_in_a_committed_manifest_survives_every_command(tmp_path: Path) -> None:
    config = project(tmp_path)
    victim = tmp_path / "home" / "notes.txt"
    victim.parent.mkdir()
    victim.write_text("mine", encoding="utf-8")
    bad = json.dumps([str(victim)])
    for folder, command in (
        (tmp_path / "docs", ["build"]),
        (tmp_path / "content" / "schemas", ["schema"]),
        (tmp_path / "wiki", ["export", "wiki", "--flavor", "gitlab", "--out", "wiki"]),
    ):
        folder.mkdir(exist_ok=True)
        (folder / MANIFEST).write_text(bad, encoding="utf-8")
        result = run_leap(*command, "-f", str(config), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert f"ignored the entry '{victim}'" in result.stderr
        assert victim.read_text(encoding="utf-8") == "mine"


def test_a_symlinked_folder_inside_docs_gets_no_generated_page(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "traits").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(ContentError) as caught:
        write_docs_of(MINI, docs)
    assert "docs/traits is a symbolic link" in str(caught.value)
    assert list(elsewhere.iterdir()) == [] and not (docs / MANIFEST).exists()


@pytest.mark.parametrize("folder", ["docs", "site", "content"])
@pytest.mark.slow
def test_a_symlinked_top_folder_is_refused(tmp_path: Path, folder: str) -> None:
    config = project(tmp_path)
    assert run_leap("build", "-f", str(config), cwd=tmp_path).returncode == 0
    real = tmp_path / f"real-{folder}"
    (tmp_path / folder).rename(real)
    (tmp_path / folder).symlink_to(real, target_is_directory=True)
    before = snapshot(real)
    result = run_leap("build", "-f", str(config), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "symbolic link" in result.stderr
    assert snapshot(real) == before


@pytest.mark.slow
def test_a_non_empty_folder_leap_did_not_build_is_never_emptied(tmp_path: Path) -> None:
    config = project(tmp_path)
    target = tmp_path / "precious"
    target.mkdir()
    (target / "thesis.txt").write_text("years of work", encoding="utf-8")
    result = run_leap("build", "-f", str(config), "-d", str(target), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "is not empty and was not built by leap" in result.stderr
    assert [p.name for p in target.iterdir()] == ["thesis.txt"]
    # A folder leap built, or an empty one, is fine.
    assert run_leap("build", "-f", str(config), "-d", str(tmp_path / "fresh"), cwd=tmp_path).returncode == 0
    assert run_leap("build", "-f", str(config), "-d", str(tmp_path / "fresh"), cwd=tmp_path).returncode == 0


def test_a_content_symlink_out_of_the_folder_is_not_read(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2\nother: line\n", encoding="utf-8")
    (content / "traits" / "leak.yaml").symlink_to(secret)
    (content / "traits" / "gone.yaml").symlink_to(tmp_path / "missing.yaml")
    (content / "traits" / "upper.YAML").write_text("title: x\n", encoding="utf-8")
    (content / "README.md").write_text("notes\n", encoding="utf-8")
    docs, problems = load_content(content)
    lines = [str(p) for p in problems]
    assert "hunter2" not in "\n".join(lines) and "leak" not in {d.id for d in docs}
    assert any(
        line.endswith("traits/leak.yaml:1: a symbolic link that leads out of the content folder; leap does not read it")
        for line in lines
    )
    assert any(line.endswith("traits/gone.yaml:1: warning: a symbolic link to nothing; ignored") for line in lines)
    assert any(
        line.endswith("traits/upper.YAML:1: content files end in .yaml, in lower case; ignored") for line in lines
    )
    assert any("README.md:1: warning: not part of the content" in line for line in lines)


# --- a build is whole or not at all ---------------------------------------------------------------


def _site_files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


@pytest.mark.slow
def test_a_mkdocs_failure_leaves_docs_and_site_as_they_were(tmp_path: Path) -> None:
    config = project(tmp_path)
    assert run_leap("build", "-f", str(config), cwd=tmp_path).returncode == 0
    docs, site = snapshot(tmp_path / "docs"), snapshot(tmp_path / "site")
    path = tmp_path / "content" / "traits" / "clarity.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "body: Clear leaders say where the team is going, and why.",
            "body: Clear leaders write [a memo](../no-such-page.md) first.",
        ),
        encoding="utf-8",
    )
    assert run_leap("check", cwd=tmp_path).returncode == 0  # the content itself is fine
    failed = run_leap("build", "-f", str(config), cwd=tmp_path)
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert "no-such-page.md" in failed.stderr
    assert snapshot(tmp_path / "docs") == docs and snapshot(tmp_path / "site") == site
    assert [p.name for p in tmp_path.iterdir() if ".leap-" in p.name] == []


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.4, 1.0, 1.6, 2.2, 2.8])
def test_kill_9_at_any_moment_leaves_a_whole_site_and_the_next_build_works(tmp_path: Path, delay: float) -> None:
    config = make_project(tmp_path, ROOT / "content")
    assert run_leap("build", "-f", str(config), cwd=tmp_path).returncode == 0
    whole = _site_files(tmp_path / "site")
    path = tmp_path / "content" / "traits" / "vision.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: ", "title: Changed "), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "build", "-f", str(config)],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"},
    )
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert _site_files(tmp_path / "site") == whole  # the old site or the new one: the same files, all there
    again = run_leap("build", "-f", str(config), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "Changed " in (tmp_path / "site" / "traits" / "vision" / "index.html").read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if ".leap-new" in p.name] == []


def test_a_crash_between_pages_and_manifest_does_not_block_the_next_build(mini: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_docs_of(mini, docs)
    path = mini / "traits" / "clarity.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Say where", "Tell people where"), encoding="utf-8")
    journal: dict[str, object] = {}

    def crash(*args: object) -> None:
        journal.update(json.loads((docs / MANIFEST).read_text(encoding="utf-8")))
        raise OSError(28, "No space left on device")

    from generator.files import writer

    original = writer._write_bytes
    writer._write_bytes = lambda target, data: crash() if target.name != MANIFEST else original(target, data)  # type: ignore[assignment]
    try:
        with pytest.raises(OSError):
            write_docs_of(mini, docs)
    finally:
        writer._write_bytes = original  # type: ignore[assignment]
    assert len(journal["files"]["traits/clarity.md"]) == 2  # type: ignore[index]  # old and new hash
    report = write_docs_of(mini, docs).report
    assert report.kept == () and "traits/clarity.md" in report.written


@pytest.mark.slow
def test_two_builds_at_once_take_turns(tmp_path: Path) -> None:
    config = project(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "generator.cli", "build", "-f", str(config)],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    results = [(run.wait(timeout=300), run.stderr.read() if run.stderr else "") for run in runs]
    assert [code for code, _ in results] == [0, 0], results
    assert any("waiting for it to finish" in err for _, err in results)
    assert (tmp_path / "site" / "index.html").is_file()


@pytest.mark.slow
def test_a_full_disk_fails_cleanly_and_keeps_the_old_site(tmp_path: Path) -> None:
    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", str(mount)], capture_output=True, check=False
    ).returncode:
        pytest.skip("cannot mount a small tmpfs here (needs root and mount rights)")
    try:
        config = project(tmp_path / "p")
        site = mount / "site"
        assert run_leap("build", "-f", str(config), "-d", str(site), cwd=tmp_path / "p").returncode == 0
        filler = mount / "filler"
        size = shutil.disk_usage(mount).free - 2_000_000
        filler.write_bytes(b"\0" * max(size, 0))
        before = snapshot(site)
        result = run_leap("build", "-f", str(config), "-d", str(site), cwd=tmp_path / "p")
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "No space left on device" in result.stderr
        assert snapshot(site) == before
        assert [p.name for p in mount.iterdir() if ".leap-" in p.name] == []
    finally:
        subprocess.run(["umount", str(mount)], check=False)


# --- ownership with content -------------------------------------------------------------------------


@pytest.mark.slow
def test_a_hand_edited_wiki_page_is_kept_and_the_command_says_so(tmp_path: Path) -> None:
    config = project(tmp_path)
    assert (
        run_leap("export", "wiki", "--flavor", "gitlab", "--out", "wiki", "-f", str(config), cwd=tmp_path).returncode
        == 0
    )
    page = tmp_path / "wiki" / "traits" / "clarity.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOur team's note.\n", encoding="utf-8")
    result = run_leap("export", "wiki", "--flavor", "gitlab", "--out", "wiki", "-f", str(config), cwd=tmp_path)
    assert result.returncode == 0
    assert "wiki/traits/clarity.md: changed by hand since leap wrote it, so leap kept it" in result.stderr
    assert page.read_text(encoding="utf-8").endswith("Our team's note.\n")


@pytest.mark.slow
def test_a_content_warning_does_not_fail_a_plain_build(tmp_path: Path) -> None:
    config = project(tmp_path)
    (tmp_path / "content" / "traits" / "lonely.yaml").write_text(
        (MINI / "traits" / "courage.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    checked = run_leap("check", cwd=tmp_path)
    assert checked.returncode == 0 and "warning: nothing links to trait 'lonely'" in checked.stderr
    built = run_leap("build", "-f", str(config), cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert "warning: nothing links to trait 'lonely'" in built.stderr
    assert run_leap("build", "--strict", "-f", str(config), cwd=tmp_path).returncode == 1


@pytest.mark.slow
def test_generated_files_follow_the_umask(tmp_path: Path) -> None:
    config = project(tmp_path)
    old = os.umask(0o022)
    try:
        assert run_leap("build", "--offline", "-f", str(config), cwd=tmp_path).returncode == 0
    finally:
        os.umask(old)
    for path in (
        tmp_path / "docs" / "index.md",
        tmp_path / "docs" / MANIFEST,
        tmp_path / "site-offline.zip",
        tmp_path / "site-offline" / "index.html",
    ):
        assert path.stat().st_mode & 0o777 == 0o644, path


# --- input hygiene -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ('"Clarity\\rinjected"', "000D"),
        ('"Clar\\0ity"', "0000"),
        ('"Clarity \\u202Eevil"', "202E"),
        ('"Clarity\\u2066"', "2066"),
        ('"Clarity\\uFFFE"', "FFFE"),
    ],
)
def test_invisible_characters_are_refused_with_their_line(mini: Path, value: str, code: str) -> None:
    path = mini / "traits" / "clarity.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Clarity", f"title: {value}"), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        write_docs_of(mini, mini.parent / "docs")
    assert f"clarity.yaml:2: contains the invisible character U+{code}" in str(caught.value)


def test_error_lines_cannot_be_forged_by_content(tmp_path: Path) -> None:
    project(tmp_path)
    path = tmp_path / "content" / "traits" / "clarity.yaml"
    path.write_text(path.read_text(encoding="utf-8") + '"evil\\nfake.yaml:1: all good\\x1b[2J": 1\n', encoding="utf-8")
    result = run_leap("check", cwd=tmp_path)
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "\nfake.yaml" not in result.stderr
    assert "unknown field 'evil\\nfake.yaml:1: all good\\x1b[2J'" in result.stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("order: " + "9" * 5000 + "\n", "this number is too long; write it as text in quotes"),
    ],
    ids=["huge-number"],
)
def test_odd_yaml_is_a_message_not_a_traceback(mini: Path, text: str, message: str) -> None:
    path = mini / "traits" / "clarity.yaml"
    path.write_text(text + "\n".join(path.read_text(encoding="utf-8").splitlines()[1:]) + "\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        write_docs_of(mini, mini.parent / "docs")
    assert f"clarity.yaml:1: {message}" in str(caught.value)


def test_an_unreadable_file_is_a_message(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "clarity.yaml":
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    _, problems = load_content(mini)
    assert any(str(p).endswith("clarity.yaml:1: cannot read the file: Permission denied") for p in problems)


@pytest.mark.slow
def test_a_jinja_cache_folder_owned_by_someone_else_costs_nothing(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root to make a folder owned by another user")
    project(tmp_path)
    temp = tmp_path / "tmp"
    cache = temp / f"_jinja2-cache-{os.geteuid()}"
    cache.mkdir(parents=True)
    os.chown(cache, 65534, 65534)
    result = run_leap("export", "wiki", "--flavor", "gitlab", "--out", "wiki", cwd=tmp_path, TMPDIR=str(temp))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr


def test_reserved_ids_are_refused(mini: Path) -> None:
    shutil.copy(mini / "traits" / "courage.yaml", mini / "traits" / "index.yaml")
    with pytest.raises(ContentError) as caught:
        write_docs_of(mini, mini.parent / "docs")
    assert "traits/index.yaml:1: the id 'index' is the name of each section's own page; rename the file" in str(
        caught.value
    )


@pytest.mark.slow
def test_csv_cells_that_would_run_as_formulas(tmp_path: Path) -> None:
    project(tmp_path)
    path = tmp_path / "content" / "traits" / "clarity.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "summary: Say where you are going.", 'summary: \'=HYPERLINK("http://evil","x")\''
        )
    )
    assert run_leap("build", cwd=tmp_path).returncode == 0
    exported = (tmp_path / "site" / "data" / "items.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in exported and ",=HYPERLINK" not in exported and '"=HYPERLINK' not in exported
    # Our own escaped cell comes back as it was; a raw formula is refused.
    target = tmp_path / "other"
    target.mkdir()
    for name in ("guide.yaml", "framework.yaml"):
        (target / name).write_bytes((MINI / name).read_bytes())
    round_trip = run_leap(
        "import", "csv", str(tmp_path / "site" / "data" / "items.csv"), "--content", str(target), cwd=tmp_path
    )
    assert round_trip.returncode == 0, round_trip.stderr
    assert "summary: =HYPERLINK" in (target / "traits" / "clarity.yaml").read_text(encoding="utf-8")
    raw = exported.replace("'=HYPERLINK", "=HYPERLINK")
    (tmp_path / "raw.csv").write_text(raw, encoding="utf-8")
    other = tmp_path / "other2"
    other.mkdir()
    for name in ("guide.yaml", "framework.yaml"):
        (other / name).write_bytes((MINI / name).read_bytes())
    refused = run_leap("import", "csv", "raw.csv", "--content", str(other), cwd=tmp_path)
    assert refused.returncode == 1
    assert "column 'summary' starts with '=' or '@', which spreadsheets run as a formula" in refused.stderr


@pytest.mark.parametrize(
    ("csv_text", "message"),
    [
        ("id,type,title,title\nx,trait,X,Y\n", "raw.csv:1: column 'title' appears more than once"),
        ("id,type,title,body\nx,trait,X," + "a" * 140_000 + "\n", "raw.csv:2: unreadable CSV: field larger than"),
        ("id,type,title,order\nx,trait,X," + "9" * 5000 + "\n", "raw.csv:2: 'order' should be a whole number"),
    ],
    ids=["duplicate-column", "huge-cell", "huge-number"],
)
@pytest.mark.slow
def test_odd_spreadsheets_are_messages(tmp_path: Path, csv_text: str, message: str) -> None:
    project(tmp_path)
    (tmp_path / "raw.csv").write_text(csv_text, encoding="utf-8")
    result = run_leap("import", "csv", "raw.csv", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert message in result.stderr


# --- leap serve ------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_serve_answers_only_requests_addressed_to_it(tmp_path: Path, engine: str) -> None:
    project(tmp_path)
    with leap_serve(tmp_path, engine) as url:
        assert urllib.request.urlopen(url, timeout=5).status == 200
        port = url.rstrip("/").rsplit(":", 1)[1]
        rebound = urllib.request.Request(url, headers={"Host": f"attacker.example:{port}"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(rebound, timeout=5)
        assert refused.value.code == 421


@pytest.mark.parametrize("item_id", ["home", "worksheet-clarity"])
@pytest.mark.slow
def test_wiki_page_names_that_clash_are_refused(tmp_path: Path, item_id: str) -> None:
    project(tmp_path)
    source = (MINI / "traits" / "courage.yaml").read_text(encoding="utf-8")
    (tmp_path / "content" / "traits" / f"{item_id}.yaml").write_text(source, encoding="utf-8")
    result = run_leap("export", "wiki", "--flavor", "github", "--out", "wiki", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "would replace the one for" in result.stderr
    assert not (tmp_path / "wiki").exists()
