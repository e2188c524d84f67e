"""The ``translate-kit`` command line: click commands only, no logic.

Each command lives in its own module and is loaded lazily, so ``translate-kit glossary lint`` does not pay
for importing CTranslate2. Errors from the library (:class:`~translate_kit.errors.TranslateKitError`) become
one line on stderr and exit code 2; violations/quality-gate failures are exit code 1.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from .. import __version__
from ..errors import Interrupted, TranslateKitError

#: command name → "module:attribute"
COMMANDS = {
    "translate": "translate_kit.cli.translate_cmd:translate",
    "model": "translate_kit.cli.model_cmd:model",
    "check": "translate_kit.cli.check_cmd:check",
    "score": "translate_kit.cli.score_cmd:score",
    "eval": "translate_kit.cli.eval_cmd:eval_",
    "glossary": "translate_kit.cli.glossary_cmd:glossary",
    "review": "translate_kit.cli.review_cmd:review",
    "memory": "translate_kit.cli.memory_cmd:memory",
}


#: library option names whose command-line flag is not simply ``--`` + the name with dashes
FLAGS = {"glossary_dir": "--glossary"}


def flag(name: str) -> str:
    """The command-line flag of the library option ``name`` (errors name options, the CLI names flags)."""
    return FLAGS.get(name, "--" + name.replace("_", "-"))


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        target = COMMANDS.get(name)
        if target is None:
            return None
        from .options import add_common_options

        module, attr = target.split(":")
        return add_common_options(getattr(importlib.import_module(module), attr))


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="translate-kit")
def cli():
    """Offline Indonesian→English news translation held to a glossary, and checks for any translation.

    Every command takes -q/--quiet and -v/--verbose; "-" stands for stdin/stdout where a file is read or
    written. Shell completion: eval "$(_TRANSLATE_KIT_COMPLETE=bash_source translate-kit)" (zsh_source,
    fish_source for zsh and fish).
    """


def main(argv=None) -> None:
    """Console entry point: run the click group, turning library errors into one-line messages."""
    try:
        # with standalone_mode=False click returns the code given to ctx.exit(N) instead of exiting
        code = cli.main(args=argv, prog_name="translate-kit", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except Interrupted as exc:
        click.echo(f"translate-kit: {exc}", err=True)
        _exit_now(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except TranslateKitError as exc:
        click.echo(f"translate-kit: error: {exc.render(flag)}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug of ours: still one line, with a way to see the traceback
        if os.environ.get("TRANSLATE_KIT_DEBUG"):
            raise
        click.echo(
            f"translate-kit: internal error: {type(exc).__name__}: {exc} (set TRANSLATE_KIT_DEBUG=1 for the traceback)",
            err=True,
        )
        sys.exit(3)
    sys.exit(code if isinstance(code, int) else 0)


def _exit_now(code: int) -> None:
    """Exit at once after Ctrl-C: an abandoned engine call may still run in a worker thread, and waiting for
    the interpreter's shutdown would wait for it. Everything done is already committed to the memory."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
