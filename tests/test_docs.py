"""The README documents every command and every option a user can pass (like sqlite-utils' docs tests)."""
import pytest

from warlog.cli import cli

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands(group, prefix=""):
    for name, cmd in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        if hasattr(cmd, "commands"):
            yield from commands(cmd, full + " ")
        else:
            yield full, cmd


@pytest.mark.parametrize("name,cmd", list(commands(cli)), ids=lambda x: x if isinstance(x, str) else "")
def test_every_command_and_option_is_in_the_readme(name, cmd):
    assert f"warlog {name}" in README
    for param in cmd.params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert opt in README, f"{opt} of warlog {name} is not in README.md"
