"""A guard against a green CI that hides a missing install step: every program the code,
the tests, the scripts and the Makefile start is either installed by
scripts/setup-system.sh or named in the README as part of the base machine.

Programs are collected from the source, not from a list kept by hand:
- Python: `shutil.which("x")`, a `subprocess` call whose command starts with a literal,
  and a module-level `PROGRAM = "x"` (how a plan names a program found at start-up);
- shell scripts and Makefile recipes: the first word of every command."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

from bot.settings import PROJECT_ROOT

PYTHON_ROOTS = ("bot", "actions", "directory", "tests")
SUBPROCESS_CALLS = {"run", "Popen", "call", "check_call", "check_output"}
# Keywords and builtins: not programs.
SHELL_WORDS = set(
    re.split(
        r"\s+",
        "if then else elif fi for while until do done case esac in function select time "
        "echo printf read cd set export local return exit trap eval source . : [ [[ test "
        "shift true false wait kill command declare unset break continue umask type "
        "! { } ( ) ;; ]] ]",
    )
)
PROGRAM_PATH = re.compile(r"/(usr/)?s?bin/[\w.+-]+")


def started_by_call(call: ast.Call) -> set[str]:
    """`shutil.which("x")`, or a subprocess call whose command starts with a literal."""
    assert isinstance(call.func, ast.Attribute)
    owner = call.func.value
    module = owner.id if isinstance(owner, ast.Name) else None
    first = call.args[0] if call.args else None
    if module == "shutil" and call.func.attr == "which" and isinstance(first, ast.Constant):
        return {str(first.value)}
    is_run = module == "subprocess" and call.func.attr in SUBPROCESS_CALLS
    if is_run and isinstance(first, ast.List) and first.elts:
        head = first.elts[0]
        if isinstance(head, ast.Constant) and isinstance(head.value, str):
            return {head.value}
    return set()


def python_programs(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        # "/usr/bin/chromium" handed to a driver is a program started too.
        if isinstance(node, ast.Constant) and PROGRAM_PATH.fullmatch(str(node.value)):
            found.add(str(node.value).rsplit("/", 1)[1])
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant)
            and any(isinstance(t, ast.Name) and t.id == "PROGRAM" for t in node.targets)
        ):
            found.add(str(node.value.value))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            found.update(started_by_call(node))
    return found


def expanded(quoted: str) -> str:
    """What may start a program in a double-quoted string: "$(command ...)" or "$DIR/prog"."""
    substituted = re.findall(r"\$\([^)]*\)", quoted)
    if substituted:
        return " ; ".join(substituted)
    return quoted if re.fullmatch(r"\$\S+", quoted) else "''"


def without_quotes(script: str) -> str:
    """Quoted text holds no commands, unless a double-quoted string expands something."""
    out, at = [], 0
    while (match := re.compile(r"['\"]").search(script, at)) is not None:
        quote = match.group()
        end = script.find(quote, match.end())
        while quote == '"' and end > 0 and script[end - 1] == "\\":
            end = script.find(quote, end + 1)
        end = len(script) if end < 0 else end
        inside = script[match.end() : end]
        out.append(script[at : match.start()] + expanded(inside))
        at = end + 1
    return "".join(out) + script[at:]


def without_text(script: str) -> str:
    """Shell with the parts that hold no commands taken out: comments, here-documents,
    quoted text, line continuations and case patterns."""
    script = re.sub(r"(^|\s)#.*", "", script)
    script = re.sub(r"<<-?'?(\w+)'?(.*?)\n.*?\n\1\n", r"\2\n", script, flags=re.DOTALL)
    script = without_quotes(script).replace("\\\n", " ")
    return re.sub(r"^(\s*)[\w|*.-]+\)", r"\1", script, flags=re.MULTILINE)


def commands(line: str) -> list[list[str]]:
    """The words of each command on one line of shell."""
    found = []
    for segment in re.split(r"\|\||&&|[;|&]|\$\(|`|\bthen\b|\bdo\b|\belse\b", line):
        tokens = [t for t in segment.split() if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=\S*", t)]
        tokens = [t for t in tokens if t not in {"!", "(", "{", "exec", "sudo", "time"}]
        if tokens:
            found.append([token.strip("\"'()") for token in tokens])
    return found


def shell_programs(text: str) -> set[str]:
    functions = set(re.findall(r"^\s*([a-z_][a-z0-9_]*)\(\)\s*\{", text, re.MULTILINE))
    found = set()
    for line in without_text(text).splitlines():
        for words in commands(line):
            word = words[0]
            if word in functions:
                # A wrapper function (as_db_user "$PG_BIN/initdb") starts the word after it.
                word = words[1] if len(words) > 1 and words[1].startswith("$") else ""
            if re.match(r"\$\{?\w+\}?/", word) and not re.match(r"\$\{?(VENV|PY)\b", word):
                word = word.rsplit("/", 1)[1]  # "$PG_BIN/initdb" is a system program
            elif "/" in word:
                continue  # scripts/x.sh and .venv/bin/x are the project's own
            if re.fullmatch(r"[A-Za-z][A-Za-z0-9_.+-]*", word) and word not in SHELL_WORDS:
                found.add(word)
    return found


def makefile_recipes(text: str) -> str:
    """The recipes as shell: make's own variables stand as shell variables."""
    text = text.replace("\\\n", " ")
    recipes = [line.lstrip("\t@-") for line in text.splitlines() if line.startswith("\t")]
    shell = re.sub(r"(?<!\$)\$\((\w+)\)", r"$\1", "\n".join(recipes))
    return shell.replace("$$", "$")


def programs_started() -> dict[str, set[str]]:
    """Program -> where it is started."""
    where: dict[str, set[str]] = {}

    def note(programs: set[str], place: Path) -> None:
        for program in programs:
            where.setdefault(program, set()).add(str(place.relative_to(PROJECT_ROOT)))

    for root in PYTHON_ROOTS:
        for path in (PROJECT_ROOT / root).rglob("*.py"):
            note(python_programs(path), path)
    for path in [*(PROJECT_ROOT / "scripts").glob("*.sh"), PROJECT_ROOT / ".ci" / "run"]:
        note(shell_programs(path.read_text()), path)
    makefile = PROJECT_ROOT / "Makefile"
    note(shell_programs(makefile_recipes(makefile.read_text())), makefile)
    return where


def installed_by_setup() -> set[str]:
    listed = subprocess.run(
        [str(PROJECT_ROOT / "scripts" / "setup-system.sh"), "--list"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {line.split()[0] for line in listed.splitlines() if line.strip()}


def base_machine() -> set[str]:
    """The programs the README names under "The machine" as coming with it."""
    readme = (PROJECT_ROOT / "README.md").read_text()
    section = readme.split("## The machine", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"`([^`\s]+)`", section))


def test_every_program_started_is_installed_by_the_setup_or_part_of_the_base_machine():
    known = installed_by_setup() | base_machine()
    unknown = {p: sorted(places) for p, places in programs_started().items() if p not in known}
    assert not unknown, f"add these to scripts/setup-system.sh or the README: {unknown}"


def test_the_guard_sees_the_programs_it_must_see():
    """If the collector went blind, the test above would pass for nothing."""
    started = programs_started()
    for program in ("nginx", "chromium", "redis-server", "initdb", "apt-get", "npm"):
        assert program in started, program


def test_the_collector_reads_shell_as_commands_not_text():
    text = 'run() { echo "x"; }\nif ! command -v nginx >/dev/null; then apt-get install -qq a; fi\n'
    text += 'PG=$(ls -d /x | sort -V)\n"$PG_BIN/initdb" -D d # then a comment rm\nrun\n'
    assert shell_programs(text) == {"apt-get", "ls", "sort", "initdb"}
