"""Argos Translate packages: where they live, which are installed, installing and removing them.

Packages live where argostranslate keeps them: ``$ARGOS_PACKAGES_DIR`` (read when called, so tests and users
can point it anywhere), else argostranslate's ``settings.package_data_dir``. Installed packages are loaded with
argostranslate's own ``Package`` class; ``install`` accepts a ``.argosmodel`` file, the word ``demo`` (the
offline demo model, built locally) or a package name looked up in the Argos package index.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
import urllib.request
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath

from ..errors import ModelError
from ..textio import atomic_write_bytes

LANGUAGE_NAMES = {"id": "Indonesian", "en": "English"}
TOKENIZER_FILES = {"sentencepiece": "sentencepiece.model", "bpe": "bpe.model"}
INDEX_TIMEOUT_S = 20
DOWNLOAD_TIMEOUT_S = 120
DEMO_LABEL = "DEMO — not a real translation model"

# Limits on a package archive, checked from its zip directory before anything is extracted (a zip bomb never
# reaches the disk). Generous: the real translate-id_en 1.9 package is about 100 MB, int8 weights compress
# hardly at all, and the largest Argos packages are under 1 GB. The ratio limit applies to members that expand
# to over RATIO_FLOOR bytes: small, sparse weights do compress well (the demo's 30 MB model.bin ~680-fold), a
# real model's hundreds of megabytes of weights do not.
MAX_PACKAGE_BYTES = 8 * 1024**3  # all members, uncompressed
MAX_MEMBER_BYTES = 4 * 1024**3  # one member, uncompressed
MAX_MEMBERS = 10_000
MAX_RATIO = 100  # uncompressed / compressed size of a member over RATIO_FLOOR bytes
RATIO_FLOOR = 256 * 1024**2
MAX_METADATA_BYTES = 1024**2  # metadata.json, read with this cap


@dataclass(frozen=True)
class PackageInfo:
    """What reports and ``model list`` say about an installed package."""

    name: str  # the package directory name, e.g. "translate-id_en-1_9" or "translate-id_en-demo"
    version: str
    from_code: str
    to_code: str
    path: Path
    tokenizer: str  # "sentencepiece" | "bpe"
    demo: bool
    description: str = ""
    compute_type: str | None = None  # a compute type the package asks for (the demo: float32)
    beam_size: int | None = None  # a beam size the package asks for (the demo: 1, see engine.demo)

    @property
    def label(self) -> str:
        return model_label(self.to_dict())

    def to_dict(self) -> dict:
        d = asdict(self)
        d["path"] = str(self.path)
        d.pop("compute_type")
        d.pop("beam_size")
        return d


def model_label(model: dict) -> str:
    """How every report names a model: ``name version``, and a DEMO warning for the demo model. ``model`` is
    :meth:`PackageInfo.to_dict` (as stored in run reports and eval results)."""
    label = model.get("name") or "?"
    if model.get("version"):
        label += f" {model['version']}"
    return label + (" (DEMO model — not a real translation model)" if model.get("demo") else "")


def packages_dir() -> Path:
    """The packages directory: ``$ARGOS_PACKAGES_DIR`` at call time, else argostranslate's default."""
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if env:
        return Path(env).expanduser()
    from argostranslate import settings

    return Path(settings.package_data_dir)


def _language(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


# ------------------------------------------------------------------------------------------- installed


def load_package(path: str | Path):
    """Load an installed package directory with argostranslate; a broken one is a ModelError naming it."""
    from argostranslate.package import Package

    path = Path(path)
    if not (path / "model").is_dir():
        raise ModelError("broken package: no model/ directory", path)
    try:
        too_big = (path / "metadata.json").stat().st_size > MAX_METADATA_BYTES
    except OSError:
        too_big = False  # missing: argostranslate says so below
    if too_big:
        raise ModelError(f"broken package: metadata.json is over {_size(MAX_METADATA_BYTES)}", path)
    try:
        pkg = Package(path)
    except (OSError, ValueError) as exc:  # missing or invalid metadata.json
        raise ModelError(f"broken package: cannot read metadata.json ({exc})", path) from None
    if not hasattr(pkg, "tokenizer"):
        raise ModelError("broken package: neither sentencepiece.model nor bpe.model", path)
    if not pkg.from_code or not pkg.to_code:
        raise ModelError("broken package: metadata.json lacks from_code/to_code", path)
    return pkg


def package_info(pkg) -> PackageInfo:
    """The :class:`PackageInfo` of an argostranslate ``Package``."""
    path = Path(pkg.package_path)
    metadata = read_metadata(path)
    tokenizer = "sentencepiece" if (path / TOKENIZER_FILES["sentencepiece"]).exists() else "bpe"
    return PackageInfo(
        name=path.name,
        version=str(pkg.package_version or ""),
        from_code=pkg.from_code,
        to_code=pkg.to_code,
        path=path,
        tokenizer=tokenizer,
        demo=metadata.get("translate_kit_demo") is True,
        description=str(metadata.get("description", "")),
        compute_type=metadata.get("translate_kit_compute_type"),
        beam_size=_positive_int(metadata.get("translate_kit_beam_size")),
    )


def _positive_int(value) -> int | None:
    """A package's own decoding default, or None when it names none (or names nonsense)."""
    return value if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 32 else None


def _package_dirs() -> list[Path]:
    root = packages_dir()
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def installed_packages() -> list[PackageInfo]:
    """All installed packages (any language pair), sorted by name."""
    return [package_info(load_package(p)) for p in _package_dirs()]


def find_package(from_code: str = "id", to_code: str = "en", name: str | None = None):
    """The argostranslate ``Package`` to translate with: real packages before the demo, newest first."""
    candidates = []
    for path in _package_dirs():
        pkg = load_package(path)
        if pkg.from_code == from_code and pkg.to_code == to_code and name in (None, path.name):
            candidates.append(pkg)
    if not candidates:
        if name is not None:
            raise ModelError(
                f"no installed package named {name!r} for {from_code}→{to_code}; see `translate-kit model list`"
            )
        raise ModelError(
            f"no {_language(from_code)}→{_language(to_code)} package installed; run "
            f"`translate-kit model install translate-{from_code}_{to_code}` (downloads) or "
            "`translate-kit model install demo` (offline demo model)"
        )

    def rank(pkg):
        info = package_info(pkg)
        return (not info.demo, _version_key(info.version), info.name)

    return max(candidates, key=rank)


def _version_key(version: str) -> tuple:
    return tuple(int(p) if p.isdigit() else -1 for p in re.split(r"[.\-_]", version))


# ------------------------------------------------------------------------------------------- installing


def validate_archive(path: str | Path) -> str:
    """Check that ``path`` is an installable .argosmodel; return its top directory name."""
    path = Path(path)
    if path.is_dir():
        raise ModelError("is a directory, not a .argosmodel package file", path)
    if not path.is_file():
        raise ModelError("no such package file", path)
    if not zipfile.is_zipfile(path):
        raise ModelError("not a .argosmodel package (not a zip archive)", path)
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            tops = {n.split("/", 1)[0] for n in names}
            for n in names:
                p = PurePosixPath(n)
                if p.is_absolute() or ".." in p.parts or "\\" in n:
                    raise ModelError(f"unsafe path in archive: {n!r}", path)
            if len(tops) != 1:
                raise ModelError(f"a package must hold exactly one top directory, found {len(tops)}", path)
            top = tops.pop()
            check_sizes(zf.infolist(), path)
            if f"{top}/metadata.json" not in names:
                raise ModelError(f"not a .argosmodel package: no {top}/metadata.json", path)
            metadata = _archive_metadata(zf, top, path)
            if not isinstance(metadata, dict) or not metadata.get("from_code") or not metadata.get("to_code"):
                raise ModelError(f"{top}/metadata.json lacks from_code/to_code", path)
            if not any(n.startswith(f"{top}/model/") and not n.endswith("/") for n in names):
                raise ModelError(f"not a .argosmodel package: no {top}/model/ directory", path)
            if not any(f"{top}/{f}" in names for f in TOKENIZER_FILES.values()):
                raise ModelError("package has neither sentencepiece.model nor bpe.model", path)
            bad = zf.testzip()
            if bad is not None:
                raise ModelError(f"corrupt archive member {bad}", path)
    except zipfile.BadZipFile as exc:
        raise ModelError(f"corrupt zip archive: {exc}", path) from None
    return top


def check_sizes(members: list[zipfile.ZipInfo], path: Path) -> None:
    """Refuse an archive whose zip directory declares too much data (total, per member, or per compression
    ratio) before extracting anything; zipfile never extracts more than a member's declared size."""
    if len(members) > MAX_MEMBERS:
        raise ModelError(f"archive holds {len(members):,} members (the limit is {MAX_MEMBERS:,})", path)
    total = 0
    for info in members:
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES:
            raise ModelError(
                f"archive member {info.filename} would be {_size(info.file_size)} (the limit is "
                f"{_size(MAX_MEMBER_BYTES)} per member)",
                path,
            )
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size / max(info.compress_size, 1)
            raise ModelError(
                f"archive member {info.filename} expands {ratio:,.0f}-fold (the limit is "
                f"{MAX_RATIO}-fold): refusing a possible zip bomb",
                path,
            )
    if total > MAX_PACKAGE_BYTES:
        raise ModelError(f"archive would expand to {_size(total)} (the limit is {_size(MAX_PACKAGE_BYTES)})", path)


def _size(n: int) -> str:
    return f"{n / 1024**3:.1f} GiB" if n >= 1024**3 else f"{n / 1024**2:.1f} MiB"


def _archive_metadata(zf: zipfile.ZipFile, top: str, path: Path):
    name = f"{top}/metadata.json"
    if zf.getinfo(name).file_size > MAX_METADATA_BYTES:
        raise ModelError(f"{name} is over {_size(MAX_METADATA_BYTES)}: not a package's metadata", path)
    with zf.open(name) as fh:
        data = fh.read(MAX_METADATA_BYTES + 1)
    if len(data) > MAX_METADATA_BYTES:
        raise ModelError(f"{name} is over {_size(MAX_METADATA_BYTES)}: not a package's metadata", path)
    try:
        return json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ModelError(f"invalid {name}: {exc}", path) from None


def read_metadata(package_dir: Path) -> dict:
    """An installed package's metadata.json (read with a size cap); {} when missing, unreadable or too big."""
    try:
        with open(package_dir / "metadata.json", "rb") as fh:
            data = fh.read(MAX_METADATA_BYTES + 1)
        metadata = json.loads(data.decode("utf-8")) if len(data) <= MAX_METADATA_BYTES else {}
    except (OSError, ValueError):
        return {}
    return metadata if isinstance(metadata, dict) else {}


def smoke_test(pkg) -> None:
    """Load the package's tokenizer and CTranslate2 model and translate one sentence: a package that fails
    here is broken (:class:`ModelError`), whatever its archive looked like."""
    import ctranslate2

    model_dir = Path(pkg.package_path) / "model"
    compute_type = read_metadata(Path(pkg.package_path)).get("translate_kit_compute_type") or "default"
    try:
        tokens = list(pkg.tokenizer.encode("Presiden berkunjung ke Jakarta."))
        translator = ctranslate2.Translator(
            str(model_dir), device="cpu", compute_type=compute_type, inter_threads=1, intra_threads=1
        )
        result = translator.translate_batch([tokens], beam_size=1, max_decoding_length=32)
        pkg.tokenizer.decode(result[0].hypotheses[0])
    except Exception as exc:  # noqa: BLE001 (anything at all: the package cannot translate)
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(f"broken package: it cannot translate a test sentence ({detail})", pkg.package_path) from None


def install_file(path: str | Path, *, into: str | Path | None = None) -> PackageInfo:
    """Install a ``.argosmodel`` file into ``into`` or :func:`packages_dir` (replacing the same package)."""
    path = Path(path)
    top = validate_archive(path)
    root = Path(into) if into is not None else packages_dir()
    try:
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=root))
    except OSError as exc:
        raise ModelError(f"cannot write the packages directory: {exc.strerror or exc}", root) from None
    try:
        with zipfile.ZipFile(path) as zf:
            zf.extractall(staging)
        # the real argostranslate Package must load it and translate a sentence before anything is replaced
        smoke_test(load_package(staging / top))
        target = root / top
        old = staging / ".old"
        if target.exists():
            target.rename(old)
        try:
            (staging / top).rename(target)
        except OSError:
            if old.exists():
                old.rename(target)
            raise
    except OSError as exc:
        raise ModelError(f"cannot install package: {exc.strerror or exc}", path) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _forget_argos_cache()
    return package_info(load_package(target))


def install_demo() -> PackageInfo:
    """Build the offline demo model (no download) and install it."""
    from .demo import DEMO_WORDS, build_demo_package

    with tempfile.TemporaryDirectory(prefix="translate-kit-demo-") as tmp:
        archive = build_demo_package(Path(tmp) / "translate-id_en-demo.argosmodel", word_map=DEMO_WORDS)
        return install_file(archive)


def install(name_or_file: str | Path, *, timeout: float = INDEX_TIMEOUT_S) -> PackageInfo:
    """Install a ``.argosmodel`` file, ``demo``, or a package name (``translate-id_en`` / ``id_en``)."""
    text = str(name_or_file)
    path = Path(text)
    if text == "demo":
        return install_demo()
    if path.suffix == ".argosmodel" or path.is_file() or "/" in text or os.sep in text:
        return install_file(path)
    m = re.fullmatch(r"(?:translate-)?([a-z]{2,3})_([a-z]{2,3})", text)
    if not m:
        raise ModelError(f"unknown package {text!r}: give a FILE.argosmodel, `demo`, or a name such as translate-id_en")
    return install_from_index(m.group(1), m.group(2), timeout=timeout)


def _index_url() -> str:
    base = os.environ.get("ARGOS_PACKAGE_INDEX")
    if base is None:
        from argostranslate import settings

        base = settings.package_index
    return base if base.endswith(".json") else base.rstrip("/") + "/index.json"


def _fetch(url: str, timeout: float) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "translate-kit (ArgosTranslate)"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.read()


def install_from_index(from_code: str, to_code: str, *, timeout: float = INDEX_TIMEOUT_S) -> PackageInfo:
    """Download the package for ``from_code``→``to_code`` listed in the Argos index, then install it."""
    from argostranslate import settings
    from argostranslate.package import AvailablePackage, argospm_package_name

    url = _index_url()
    hint = "install a file with `translate-kit model install FILE.argosmodel`"
    try:
        index = json.loads(_fetch(url, timeout))
    except Exception as exc:  # any network or decoding failure is one line for the user
        raise ModelError(f"cannot reach the Argos package index {url} ({_reason(exc)}); {hint}") from None
    if not isinstance(index, list):
        raise ModelError(f"unexpected Argos package index format at {url}; {hint}")
    try:
        atomic_write_bytes(settings.local_package_index, json.dumps(index).encode("utf-8"))
    except Exception:
        pass  # the local copy of the index is only a cache for argostranslate
    available = [AvailablePackage(m) for m in index if isinstance(m, dict)]
    matches = [p for p in available if p.from_code == from_code and p.to_code == to_code and p.links]
    if not matches:
        raise ModelError(f"the Argos package index lists no translate-{from_code}_{to_code} package")
    chosen = max(matches, key=lambda p: _version_key(str(p.package_version)))
    errors = []
    with tempfile.TemporaryDirectory(prefix="translate-kit-download-") as tmp:
        target = Path(tmp) / (argospm_package_name(chosen) + ".argosmodel")
        for link in chosen.links:
            try:
                target.write_bytes(_fetch(link, DOWNLOAD_TIMEOUT_S))
                break
            except Exception as exc:
                errors.append(f"{link}: {_reason(exc)}")
        else:
            raise ModelError(f"cannot download translate-{from_code}_{to_code} ({'; '.join(errors)}); {hint}")
        return install_file(target)


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None) or exc
    return str(reason).strip().splitlines()[0] if str(reason).strip() else type(exc).__name__


def remove(name: str) -> PackageInfo:
    """Remove an installed package by directory name, ``demo``, or ``translate-xx_yy``/``xx_yy`` if unique."""
    infos = installed_packages()
    exact = [i for i in infos if i.name == name]
    if not exact and name == "demo":
        exact = [i for i in infos if i.demo]
    if not exact:
        m = re.fullmatch(r"(?:translate-)?([a-z]{2,3})_([a-z]{2,3})", name)
        if m:
            exact = [i for i in infos if (i.from_code, i.to_code) == m.groups()]
    if not exact:
        names = ", ".join(i.name for i in infos) or "none"
        raise ModelError(f"no installed package {name!r} (installed: {names})")
    if len(exact) > 1:
        raise ModelError(
            f"{name!r} matches several packages ({', '.join(i.name for i in exact)}); give the directory name"
        )
    info = exact[0]
    try:
        shutil.rmtree(info.path)
    except OSError as exc:
        raise ModelError(f"cannot remove package: {exc.strerror or exc}", info.path) from None
    _forget_argos_cache()
    return info


def _forget_argos_cache() -> None:
    """argostranslate caches the installed languages; clear it if that module is loaded."""
    translate = sys.modules.get("argostranslate.translate")
    if translate is not None:
        translate.get_installed_languages.cache_clear()
